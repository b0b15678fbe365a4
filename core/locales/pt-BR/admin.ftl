### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

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

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Página de usuário do titular
admin-client-users-link = Usuários deste cliente
admin-client-number = Número #{ $number }
admin-client-created = Criado em { $time }
admin-client-status = Status: { $status ->
    [active] ativo
    [inactive] inativo
    [closed] encerrado
   *[other] { $status }
}
admin-client-close = Encerrar este cliente
admin-client-close-text = Um cliente encerrado mantém seus usuários e seu histórico; seu status passa a ser “encerrado”.
admin-client-close-button = Encerrar { $client }
admin-client-profile = Perfil
admin-client-users-title = Usuários · { $client }
admin-associate-heading = Adicionar um usuário existente
admin-associate-intro = A pessoa acessa este cliente na hora com o próprio acesso; nenhum e-mail é enviado.
admin-associate-email = Endereço de e-mail do usuário
admin-associate-add = Adicionar o usuário
admin-invite-heading = Convidar por e-mail
admin-invite-intro = Enviamos por e-mail um link válido por tempo limitado; um usuário novo ou existente o aceita e acessa este cliente com estas permissões.
admin-invite-email = Endereço de e-mail
admin-invitations-link = Convites deste cliente
admin-invitations-title = Convites · { $client }
admin-invitations-heading = Convites para { $client }
admin-invitations-send-new = Enviar um novo convite pela aba Usuários
admin-col-state = Situação
admin-col-sent-by = Enviado por
admin-invitation-state = { $state ->
    [pending] Pendente
    [accepted] Aceito
    [cancelled] Cancelado
    [expired] Expirado
   *[other] { $state }
}
admin-invitation-accepted-at = Aceito em { $time }
admin-invitations-none = Nenhum convite foi enviado para este cliente.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Ativo
    [disabled] Desativado
   *[other] { $status }
}
admin-user-login = Acesso
admin-user-unverified = (não confirmado)
admin-user-number = Número
admin-user-password = Senha
admin-user-password-set = Definida
admin-user-password-none = Nenhuma: entra com uma chave de acesso
admin-user-last-login-from = { $time } de { $ip }
admin-user-send-reset = Enviar um link para redefinir a senha
admin-user-factors-off = Desativar a verificação em duas etapas e remover as chaves de acesso
admin-user-totp-off = Desativar a verificação em duas etapas
admin-disable = Desativar
admin-enable = Ativar
admin-user-delete = Excluir…
admin-user-clients = Clientes que este usuário acessa
admin-col-role = Função
admin-user-member = Usuário
admin-user-more-clients = Apenas os primeiros clientes são listados.
admin-user-sessions = Sessões
admin-user-no-sessions = Nenhuma sessão aberta.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = nenhum
admin-plugin-capabilities = Capacidades
admin-plugin-priority = Prioridade
admin-plugin-on-error = Em caso de erro
admin-plugin-loaded = Carregado
admin-plugin-hook = Hook
admin-plugin-calls = Chamadas
admin-plugin-denies = Recusas
admin-plugin-traps = Falhas graves
admin-plugin-timeouts = Tempos esgotados
admin-plugin-errors = Erros
admin-plugin-latency = Média / máx. µs
admin-plugin-queue = Hooks posteriores: { $delivered } entregues, { $backlog } aguardando, { $parked } retidos.
admin-plugin-last-error = Último erro:
admin-plugin-parked = Eventos retidos
admin-plugin-event = Evento
admin-plugin-kind = Tipo
admin-col-attempts = Tentativas
admin-plugin-error = Erro
admin-plugin-parked-at = Retido
admin-retry = Tentar de novo
admin-plugin-reload = Recarregar { $plugin }
admin-plugins-none = Nenhum plugin está carregado. Plugins são componentes WebAssembly na pasta indicada por { $setting }; veja o guia de plugins.
admin-settings-intro = As configurações com que este servidor roda: seus arquivos de configuração, depois as variáveis de ambiente ROSTER_…, depois os padrões. Somente leitura: altere os arquivos ou o ambiente e reinicie. Segredos aparecem como ***.
admin-settings-effective = Configurações em vigor
admin-settings-setting = Configuração
admin-settings-value = Valor

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Link de configuração para { $email }:
admin-staff-members = Membros da equipe
admin-staff-last-sign-in = Último acesso
admin-staff-you = (você)
admin-role-name = { $role ->
    [administrator] Administrador
    [support] Suporte
   *[other] { $role }
}
admin-staff-not-set-up = (link de configuração ainda não usado)
admin-staff-new-link = Novo link de configuração
admin-staff-add = Adicionar um membro da equipe
admin-staff-role-support = Suporte: lê tudo; envia, reenvia e cancela convites e links para redefinir a senha
admin-staff-role-administrator = Administrador: tudo
admin-staff-add-button = Adicionar e mostrar o link de configuração
admin-mail-intro = Cada e-mail é escrito junto com a mudança que o causa e enviado daqui, com novas tentativas. O conteúdo de uma mensagem nunca é mostrado: ele contém links de uso único.
admin-mail-failed = Desistidos
admin-mail-to = Para
admin-mail-message = E-mail
admin-mail-last-error = Último erro
admin-mail-written = Escrito
admin-mail-failed-none = Nenhum: todos os e-mails saíram ou estão a caminho.
admin-mail-waiting = Aguardando
admin-mail-next-attempt = Próxima tentativa
admin-mail-waiting-none = Nada aguardando.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Aplicativos que fazem as pessoas entrarem com { $product } (OpenID Connect). Aponte cada um para
admin-apps-secret-of = Segredo do cliente de { $app }:
admin-apps-registered = Aplicativos registrados
admin-apps-client-id = ID do cliente
admin-apps-kind = Tipo
admin-apps-redirects = URIs de redirecionamento
admin-apps-trusted = Confiável
admin-apps-kind-name = { $kind ->
    [confidential] Confidencial
    [public] Público
   *[other] { $kind }
}
admin-apps-logout = Saída:
admin-apps-new-secret = Novo segredo
admin-apps-none = Nenhum aplicativo registrado ainda.
admin-apps-register = Registrar um aplicativo
admin-apps-name = Nome (mostrado às pessoas na página de consentimento)
admin-apps-redirect-uris = URIs de redirecionamento (uma por linha)
admin-apps-redirect-hint = https, http em 127.0.0.1 ou [::1], ou para um aplicativo público um esquema privado como com.example.app:/callback. Comparadas exatamente.
admin-apps-public = Público: um aplicativo nativo ou de página única (sem segredo; PKCE obrigatório)
admin-apps-trusted-hint = Confiável: o próprio aplicativo de { $product } (sem página de consentimento)
admin-apps-post-logout = URIs de redirecionamento após a saída (uma por linha, opcional)
admin-apps-backchannel = URI de saída back-channel (opcional)
admin-apps-logo = URL do logotipo (opcional, https)
admin-apps-alg = Assinatura do token de ID
admin-apps-register-button = Registrar

## Your language and time zone (`/admin/me`).

admin-me-preferences = Idioma e fuso horário
admin-me-language-browser = O idioma do seu navegador
admin-me-preferences-save = Salvar
admin-me-done-preferences = Seu idioma e seu fuso horário foram salvos.

## What a page says after a form did its work, and why it could not.

admin-done-saved = As alterações foram salvas.
admin-done-closed = O cliente está encerrado.
admin-done-permissions = As permissões foram salvas.
admin-done-removed = O usuário foi removido deste cliente.
admin-done-associated = O usuário agora tem acesso a este cliente.
admin-done-invited = O convite está a caminho.
admin-done-resent = Um novo link de convite está a caminho; o link antigo não funciona mais.
admin-done-cancelled = O convite foi cancelado; o link dele não funciona mais.
admin-done-owner = A titularidade foi transferida.
admin-done-mail-retried = A mensagem voltou para a fila; ela sai agora.
admin-done-app-removed = O aplicativo foi removido.
admin-done-app-registered = { $app } foi registrado. Copie o segredo agora: ele não aparece de novo.
admin-done-app-registered-public = { $app } foi registrado (um aplicativo público: sem segredo).
admin-done-app-secret-now = { $app } tem um novo segredo; o antigo não funciona mais.
admin-done-app-secret-grace = { $app } tem um novo segredo; o antigo funciona por mais um dia.
admin-plugin-failed-again = { $plugin } falhou de novo; o evento continua retido. A mensagem: { $error }
admin-done-plugin-reloaded = { $plugin } foi recarregado.
admin-done-plugin-delivered = { $plugin } aceitou o evento; ele saiu da lista de retidos.
admin-done-staff-disabled = O membro da equipe está desativado; as sessões dele foram encerradas.
admin-done-staff-enabled = O membro da equipe está ativado.
admin-done-staff-removed = O membro da equipe foi removido.
admin-done-staff-link = Um novo link de configuração para { $email }: o antigo não funciona mais.
admin-done-user-deleted = O usuário foi excluído.
admin-done-user-disabled = O usuário está desativado: não pode entrar, e as sessões dele foram encerradas.
admin-done-user-enabled = O usuário está ativado: pode entrar de novo.
admin-done-user-reset = Um link para redefinir a senha está a caminho do usuário.
admin-done-user-totp-off = A verificação em duas etapas está desativada para este usuário, e os códigos de backup e as chaves de acesso dele sumiram: só um link de redefinição o deixa entrar de novo.
admin-search-unreadable = Não foi possível ler esta busca
admin-search-unreadable-text = Ela contém um caractere de controle (como uma quebra de linha). Volte e corrija.
admin-not-allowed-text = Sua função (suporte) pode ver clientes, usuários e o registro de auditoria, e enviar, reenviar e cancelar convites e links para redefinir a senha, mas não isto. Peça a um administrador.
admin-not-done = Não foi possível fazer isso
admin-setup-link-broken = Este link não funciona
admin-setup-link-broken-text = Ele já foi usado ou expirou. Peça um novo a um administrador (roster admin staff link).
admin-setup-code-wrong = O código não confere: verifique o relógio do aplicativo e digite o código que ele mostra agora.
admin-login-done-setup = Sua senha e seu autenticador estão configurados: entre.
admin-login-done-out = Você saiu.
admin-passkey-not-confirmed = Essa chave de acesso não confirmou que é você: tente de novo.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Entrar como este usuário
admin-audit-on-behalf-of = como o usuário
admin-done-support-ended = O acesso do suporte foi encerrado.
admin-sign-in-as-refused = Você não pode entrar como este usuário: o acesso do suporte está desativado, sua função não pode usá-lo ou o usuário não o permitiu.
