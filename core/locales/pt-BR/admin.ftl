### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

admin-title = Administração de { $product }
admin-badge = Admin
admin-nav = Administração
admin-nav-clients = Clientes
admin-nav-users = Usuários
admin-nav-audit = Registro de auditoria
admin-nav-plugins = Plugins
admin-nav-mail = Fila de e-mails
admin-nav-apps = Aplicativos
admin-nav-settings = Configurações
admin-nav-staff = Equipe
admin-nav-me = Seu acesso
admin-role = { $role ->
    [administrator] administrador
    [support] suporte
   *[other] { $role }
}
admin-sign-out = Sair
admin-back-to-clients = Voltar aos clientes
admin-login-title = Acesso da equipe
admin-login-continue = Continuar
admin-login-lost = Perdeu sua senha ou seu autenticador? Um administrador pode dar a você um novo link de configuração.
admin-code-title = Segunda etapa
admin-code-heading = Código do autenticador
admin-passkey-heading = Sua chave de acesso
admin-code-intro = Digite o código de 6 dígitos que seu aplicativo autenticador mostra agora.
admin-code-field = Código
admin-code-submit = Entrar
admin-no-passkey = Você não tem chave de acesso, e a equipe entra aqui com uma: peça a um administrador um novo link de configuração.
admin-passkey-or = Ou use uma das suas chaves de acesso
admin-passkey-confirm = Confirme que é você com sua chave de acesso
admin-passkey-use = Usar uma chave de acesso
admin-passkey-missing = Este navegador não consegue usar chaves de acesso (ou o JavaScript está desativado para este site): entre por um navegador que consiga.
admin-start-again = Começar de novo

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Seu acesso
admin-me-passkeys = Chaves de acesso
admin-me-passkeys-intro = Uma chave de acesso confirma que é você depois da senha, com sua impressão digital, seu rosto ou o bloqueio de tela. Ela só funciona neste site, então uma página de login falsa não consegue repassá-la.
admin-me-passkey-required = Aqui a equipe entra com uma chave de acesso: códigos de um aplicativo autenticador não são aceitos.
admin-me-totp-too = Seu aplicativo autenticador também funciona.
admin-me-passkey-hint = Por exemplo, o dispositivo em que ela está: “Notebook do trabalho”, “Chave de segurança”.
admin-me-unusable = Não é possível usar chaves de acesso no endereço deste servidor (server.public_url precisa nomear um host pelo nome de domínio).
admin-setup-title = Configure seu acesso da equipe
admin-setup-for-passkey = Para { $email } ({ $role }). Escolha uma senha e crie uma chave de acesso: as duas são necessárias para entrar.
admin-setup-for-totp = Para { $email } ({ $role }). Escolha uma senha e adicione este acesso a um aplicativo autenticador: os dois são necessários para entrar.
admin-setup-passkey = Chave de acesso
admin-setup-passkey-intro = Seu navegador pergunta onde guardar a chave de acesso (este dispositivo, seu celular, uma chave de segurança ou um gerenciador de senhas) e pede sua impressão digital, seu rosto ou o bloqueio de tela. Códigos de um aplicativo autenticador não são aceitos aqui.
admin-setup-passkey-name = Chave de acesso
admin-setup-create = Criar a chave de acesso e salvar
admin-setup-no-passkeys = Este navegador não consegue criar chaves de acesso (ou o JavaScript está desativado para este site): abra o link em um navegador que consiga.
admin-setup-app = Aplicativo autenticador
admin-setup-scan = Leia o código, ou digite a chave no aplicativo.
admin-setup-qr-alt = QR code da sua chave do autenticador
admin-setup-key = Chave:
admin-setup-code = O código de 6 dígitos que o aplicativo mostra
admin-setup-save = Salvar e continuar para o login

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Cancelar
admin-users-of = Usuários de { $client }
admin-remove-title = Remover um usuário · { $client }
admin-remove-heading = Remover { $name } de { $client }?
admin-remove-text = { $email } perde o acesso a este cliente na hora. O acesso e os outros clientes dessa pessoa continuam.
admin-remove = Remover
admin-delete-title = Excluir { $email }
admin-delete-heading = Excluir { $name }?
admin-delete-text = { $email } perde de vez o acesso e o acesso a todos os clientes. Um usuário titular de um cliente não pode ser excluído: transfira a titularidade antes.
admin-delete = Excluir o usuário
admin-owner-title = Tornar titular · { $client }
admin-owner-heading = Tornar { $name } o titular?
admin-owner-text = { $email } passa a ser titular de { $client }: tem todas as permissões e gerencia os usuários. A mudança vale na hora.
admin-owner-keep = Manter o titular anterior como usuário deste cliente, com todas as permissões
admin-owner-keep-hint = Desmarque para tirar do titular anterior o acesso a este cliente (o acesso e os outros clientes dele continuam).
admin-owner-make = Tornar titular

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Registro de auditoria
admin-audit-who = Quem
admin-audit-who-hint = E-mail da equipe, nome do token, id do usuário
admin-audit-action = Ação
admin-audit-action-hint = p. ex. account.ownership_changed
admin-audit-client = Id do cliente
admin-audit-user = Id do usuário
admin-audit-filter = Filtrar
admin-audit-events = Eventos, os mais recentes primeiro
admin-audit-newest = Mais recentes
admin-audit-older = Eventos anteriores
admin-audit-client-title = Auditoria · { $client }
admin-audit-client-heading = O que aconteceu com { $client }
admin-audit-when = Quando
admin-audit-what = O quê
admin-audit-about = Sobre
admin-audit-change = Alteração
admin-audit-about-client = cliente
admin-audit-about-user = usuário
admin-audit-none = Nenhum evento.

## A client's tabs.

admin-clients-back = Clientes
admin-client-tabs = Cliente
admin-tab-summary = Resumo
admin-tab-users = Usuários
admin-tab-invitations = Convites
admin-tab-contacts = Contatos
admin-tab-audit = Auditoria
admin-status = { $status ->
    [active] Ativo
    [inactive] Inativo
    [closed] Encerrado
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Pesquisa
admin-find = Buscar
admin-any = Qualquer
admin-first-page = Primeira página
admin-next-page = Próxima página
admin-col-status = Situação
admin-col-email = E-mail
admin-col-created = Criado
admin-clients-title = Clientes
admin-clients-search-hint = Empresa, e-mail de cobrança ou #número
admin-clients-found = Clientes encontrados
admin-clients-all = Todos os clientes
admin-col-client = Cliente
admin-col-billing = E-mail de cobrança
admin-col-country = País
admin-clients-none = Nenhum cliente corresponde.
admin-users-title = Usuários
admin-users-search-hint = E-mail ou nome
admin-users-found = Usuários encontrados
admin-users-all = Todos os usuários
admin-col-user = Usuário
admin-col-two-factor = Duas etapas
admin-col-last-login = Último acesso
admin-users-none = Nenhum usuário corresponde.
admin-contacts-title = Contatos · { $client }
admin-contacts-heading = Contatos de { $client }
admin-contacts-intro = Pessoas que recebem os e-mails deste cliente sem ter acesso. Os usuários do cliente com a permissão de contatos os gerenciam.
admin-col-name = Nome
admin-col-phone = Telefone
admin-col-receives = Recebe
admin-none = Nenhum
admin-contacts-none = Nenhum contato.
