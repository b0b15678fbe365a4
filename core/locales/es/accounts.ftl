### The account switcher (`/accounts`).

accounts-title = Sus cuentas
account-owner = Titular
account-status =
    { $status ->
        [active] Activa
        [inactive] Inactiva
        [closed] Cerrada
       *[other] { $status }
    }
accounts-you-own = Usted es el titular de esta cuenta y tiene todos los permisos.
accounts-your-permissions = Sus permisos:
accounts-permissions-label = Sus permisos en { $account }
accounts-no-permissions = Puede ver esta cuenta, pero no tiene permisos en ella.
accounts-open = Abrir
accounts-user-management = Gestión de usuarios
accounts-more = Más cuentas
accounts-none = Todavía no tiene acceso a ninguna cuenta. Cuando el titular de una cuenta le invite, la invitación le llegará por correo.
