### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Gestión de usuarios
users-disabled = Su proveedor desactivó la gestión de usuarios en el área de clientes. Para cambiar quién puede acceder a { $account }, contacte con soporte.
users-heading = Usuarios de { $account }
users-col-user = Usuario
users-col-permissions = Permisos
users-col-two-factor = Dos pasos
users-col-last-login = Último acceso
users-col-actions = Acciones
users-all = Todos
users-none = Ninguno
users-on = Activada
users-off = Desactivada
users-never = Nunca
users-edit = Editar permisos
users-may-do = Lo que { $name } puede hacer
users-save = Guardar los permisos
users-remove = Quitar
invite-heading = Invitar a un usuario
invite-intro = Le enviamos por correo un enlace válido durante un tiempo limitado. La persona inicia sesión o crea un acceso, y llega a esta cuenta con los permisos que usted elija.
invite-access = Acceso
invite-all = Todos los permisos
invite-chosen = Solo los permisos elegidos abajo
invite-permissions = Permisos
invite-send = Enviar la invitación
pending-heading = Invitaciones pendientes
pending-col-email = Correo
pending-col-sent = Enviada
pending-col-expires = Caduca
pending-resend = Reenviar
pending-cancel = Cancelar
pending-none = No hay invitaciones pendientes.

## What User Management says after a form succeeded.

users-done-permissions = Los permisos se han guardado.
users-done-removed = El usuario se ha quitado de esta cuenta.
users-done-invited = La invitación está en camino.
users-done-resent = Un nuevo enlace de invitación está en camino; el enlace anterior ya no funciona.
users-done-cancelled = La invitación se ha cancelado; su enlace ya no funciona.
