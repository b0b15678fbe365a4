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

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Todas as contas
account-overview = Visão geral
account-number = Número do cliente:
account-status-label = Situação:
account-currency = Moeda:
account-billing-email = E-mail de cobrança:
account-owner-intro = Esta conta é sua e você tem todas as permissões.
account-owner-users = Gerenciamento de usuários: quem pode acessar esta conta e o que cada um pode fazer.
account-your-permissions = Suas permissões
account-no-permissions = Nenhuma: você vê esta conta, mas não pode alterar nada nela.
account-leave = Sair desta conta
account-profile = Perfil da conta
account-company = Nome da empresa
account-billing = E-mail de cobrança
account-phone = Telefone
account-tax-id = CPF ou CNPJ
account-address1 = Endereço
account-address2 = Endereço (linha 2)
account-city = Cidade
account-state = Estado ou região
account-postcode = CEP
account-country = País (duas letras, p. ex. BR)
account-save = Salvar o perfil
contacts-heading = Contatos
contacts-intro = Os contatos recebem os e-mails da conta; eles não entram no sistema.
contacts-col-name = Nome
contacts-col-email = E-mail
contacts-col-receives = Recebe
contacts-col-actions = Ações
contacts-nothing = nada
contacts-edit = Editar
contacts-delete = Excluir
contacts-delete-label = Excluir { $name }
contacts-none = Ainda não há contatos.
contacts-add-heading = Adicionar um contato
contacts-phone = Telefone (opcional)
contacts-add = Adicionar o contato
contacts-kinds = E-mails que este contato recebe
contact-kind = { $kind ->
    [general] Gerais
    [billing] Cobrança
    [support] Suporte
    [product] Produtos
    [domain] Domínios
   *[other] { $kind }
}
contact-title = Contato { $name }
contact-back = Voltar à conta
contact-save = Salvar o contato
leave-title = Sair de { $account }
leave-heading = Sair de { $account }?
leave-intro = Você não vai mais acessar esta conta. Só o titular dela pode convidar você de novo.
leave-stay = Ficar
remove-title = Remover { $name }
remove-heading = Remover { $name }?
remove-intro = { $email } não vai mais acessar esta conta a partir da próxima página que abrir. O acesso e as outras contas dessa pessoa continuam como estão.
remove-confirm = Remover desta conta
remove-cancel = Cancelar

## What the account pages say after a form succeeded.

accounts-joined = Agora você tem acesso a { $account }.
accounts-left = Você saiu da conta.
account-done-profile = O perfil da conta foi salvo.
account-done-contact = O contato foi salvo.
account-done-contact-deleted = O contato foi excluído.
