### The account switcher (`/accounts`).

accounts-title = Suas contas
account-owner = Titular
account-status =
    { $status ->
        [active] Ativa
        [inactive] Inativa
        [closed] Encerrada
       *[other] { $status }
    }
accounts-you-own = Você é o titular desta conta e tem todas as permissões.
accounts-your-permissions = Suas permissões:
accounts-permissions-label = Suas permissões em { $account }
accounts-no-permissions = Você pode ver esta conta, mas não tem permissões nela.
accounts-open = Abrir
accounts-user-management = Gerenciamento de usuários
accounts-more = Mais contas
accounts-none = Você ainda não tem acesso a nenhuma conta. Quando o titular de uma conta convidar você, o convite chega por e-mail.
