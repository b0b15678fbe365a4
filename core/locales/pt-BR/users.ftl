### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Gerenciamento de usuários
users-disabled = Seu provedor desativou o gerenciamento de usuários na área do cliente. Para mudar quem pode acessar { $account }, fale com o suporte.
users-heading = Usuários de { $account }
users-col-user = Usuário
users-col-permissions = Permissões
users-col-two-factor = Duas etapas
users-col-last-login = Último acesso
users-col-actions = Ações
users-all = Todas
users-none = Nenhuma
users-on = Ativada
users-off = Desativada
users-never = Nunca
users-edit = Editar permissões
users-may-do = O que { $name } pode fazer
users-save = Salvar as permissões
users-remove = Remover
invite-heading = Convidar um usuário
invite-intro = Enviamos por e-mail um link válido por tempo limitado. A pessoa entra ou cria um acesso e chega a esta conta com as permissões que você escolher.
invite-access = Acesso
invite-all = Todas as permissões
invite-chosen = Só as permissões escolhidas abaixo
invite-permissions = Permissões
invite-send = Enviar o convite
pending-heading = Convites pendentes
pending-col-email = E-mail
pending-col-sent = Enviado
pending-col-expires = Expira
pending-resend = Reenviar
pending-cancel = Cancelar
pending-none = Nenhum convite pendente.

## What User Management says after a form succeeded.

users-done-permissions = As permissões foram salvas.
users-done-removed = O usuário foi removido desta conta.
users-done-invited = O convite está a caminho.
users-done-resent = Um novo link de convite está a caminho; o link antigo não funciona mais.
users-done-cancelled = O convite foi cancelado; o link dele não funciona mais.
