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

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Todas las cuentas
account-overview = Resumen
account-number = Número de cliente:
account-status-label = Estado:
account-currency = Moneda:
account-billing-email = Correo de facturación:
account-owner-intro = Esta cuenta es suya y tiene todos los permisos.
account-owner-users = Gestión de usuarios: quién puede acceder a esta cuenta y qué puede hacer cada uno.
account-your-permissions = Sus permisos
account-no-permissions = Ninguno: puede ver esta cuenta, pero no cambiar nada en ella.
account-leave = Abandonar esta cuenta
account-profile = Perfil de la cuenta
account-company = Nombre de la empresa
account-billing = Correo de facturación
account-phone = Teléfono
account-tax-id = NIF o número fiscal
account-address1 = Dirección
account-address2 = Dirección (línea 2)
account-city = Ciudad
account-state = Provincia o región
account-postcode = Código postal
account-country = País (dos letras, p. ej. ES)
account-save = Guardar el perfil
contacts-heading = Contactos
contacts-intro = Los contactos reciben los correos de la cuenta; no inician sesión.
contacts-col-name = Nombre
contacts-col-email = Correo
contacts-col-receives = Recibe
contacts-col-actions = Acciones
contacts-nothing = nada
contacts-edit = Editar
contacts-delete = Eliminar
contacts-delete-label = Eliminar a { $name }
contacts-none = Todavía no hay contactos.
contacts-add-heading = Añadir un contacto
contacts-phone = Teléfono (opcional)
contacts-add = Añadir el contacto
contacts-kinds = Correos que recibe este contacto
contact-kind = { $kind ->
    [general] Generales
    [billing] Facturación
    [support] Soporte
    [product] Productos
    [domain] Dominios
   *[other] { $kind }
}
contact-title = Contacto { $name }
contact-back = Volver a la cuenta
contact-save = Guardar el contacto
leave-title = Abandonar { $account }
leave-heading = ¿Abandonar { $account }?
leave-intro = Ya no podrá acceder a esta cuenta. Solo su titular puede volver a invitarle.
leave-stay = Quedarme
remove-title = Quitar a { $name }
remove-heading = ¿Quitar a { $name }?
remove-intro = { $email } dejará de acceder a esta cuenta desde la próxima página que abra. Su acceso y sus otras cuentas siguen igual.
remove-confirm = Quitar de esta cuenta
remove-cancel = Cancelar

## What the account pages say after a form succeeded.

accounts-joined = Ahora tiene acceso a { $account }.
accounts-left = Ha abandonado la cuenta.
account-done-profile = El perfil de la cuenta se ha guardado.
account-done-contact = El contacto se ha guardado.
account-done-contact-deleted = El contacto se ha eliminado.
