### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

admin-title = Administración de { $product }
admin-badge = Admin
admin-nav = Administración
admin-nav-clients = Clientes
admin-nav-users = Usuarios
admin-nav-audit = Registro de auditoría
admin-nav-plugins = Plugins
admin-nav-mail = Cola de correo
admin-nav-apps = Aplicaciones
admin-nav-settings = Ajustes
admin-nav-staff = Personal
admin-nav-me = Su inicio de sesión
admin-role = { $role ->
    [administrator] administrador
    [support] soporte
   *[other] { $role }
}
admin-sign-out = Cerrar sesión
admin-back-to-clients = Volver a los clientes
admin-login-title = Acceso del personal
admin-login-continue = Continuar
admin-login-lost = ¿Ha perdido su contraseña o su autenticador? Un administrador puede darle un nuevo enlace de configuración.
admin-code-title = Segundo paso
admin-code-heading = Código de autenticación
admin-passkey-heading = Su llave de acceso
admin-code-intro = Introduzca el código de 6 dígitos que muestra ahora su aplicación de autenticación.
admin-code-field = Código
admin-code-submit = Iniciar sesión
admin-no-passkey = No tiene ninguna llave de acceso, y el personal inicia sesión aquí con una: pida a un administrador un nuevo enlace de configuración.
admin-passkey-or = O use una de sus llaves de acceso
admin-passkey-confirm = Confirme que es usted con su llave de acceso
admin-passkey-use = Usar una llave de acceso
admin-passkey-missing = Este navegador no puede usar llaves de acceso (o JavaScript está desactivado para este sitio): inicie sesión desde un navegador que pueda.
admin-start-again = Empezar de nuevo

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Su inicio de sesión
admin-me-passkeys = Llaves de acceso
admin-me-passkeys-intro = Una llave de acceso confirma que es usted después de la contraseña, con su huella, su cara o el bloqueo de pantalla. Solo funciona en este sitio, así que una página de inicio de sesión falsa no puede reenviarla.
admin-me-passkey-required = Aquí el personal inicia sesión con una llave de acceso: no se aceptan códigos de una aplicación de autenticación.
admin-me-totp-too = Su aplicación de autenticación también sirve.
admin-me-passkey-hint = Por ejemplo, el dispositivo donde está: «Portátil del trabajo», «Llave de seguridad».
admin-me-unusable = Las llaves de acceso no se pueden usar en la dirección de este servidor (server.public_url debe nombrar un host por su nombre de dominio).
admin-setup-title = Configure su acceso del personal
admin-setup-for-passkey = Para { $email } ({ $role }). Elija una contraseña y cree una llave de acceso: las dos son necesarias para iniciar sesión.
admin-setup-for-totp = Para { $email } ({ $role }). Elija una contraseña y añada este acceso a una aplicación de autenticación: las dos son necesarias para iniciar sesión.
admin-setup-passkey = Llave de acceso
admin-setup-passkey-intro = Su navegador le pregunta dónde guardar la llave de acceso (este dispositivo, su móvil, una llave de seguridad o un gestor de contraseñas) y le pide su huella, su cara o el bloqueo de pantalla. Aquí no se aceptan códigos de una aplicación de autenticación.
admin-setup-passkey-name = Llave de acceso
admin-setup-create = Crear la llave de acceso y guardar
admin-setup-no-passkeys = Este navegador no puede crear llaves de acceso (o JavaScript está desactivado para este sitio): abra el enlace en un navegador que pueda.
admin-setup-app = Aplicación de autenticación
admin-setup-scan = Escanee el código o escriba la clave en la aplicación.
admin-setup-qr-alt = Código QR de su clave de autenticación
admin-setup-key = Clave:
admin-setup-code = El código de 6 dígitos que muestra la aplicación
admin-setup-save = Guardar y continuar al inicio de sesión

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Cancelar
admin-users-of = Usuarios de { $client }
admin-remove-title = Quitar un usuario · { $client }
admin-remove-heading = ¿Quitar a { $name } de { $client }?
admin-remove-text = { $email } pierde de inmediato el acceso a este cliente. Su acceso y sus otros clientes se mantienen.
admin-remove = Quitar
admin-delete-title = Eliminar { $email }
admin-delete-heading = ¿Eliminar a { $name }?
admin-delete-text = { $email } pierde para siempre su acceso y el acceso a todos los clientes. No se puede eliminar a un usuario titular de un cliente: transfiera antes la titularidad.
admin-delete = Eliminar el usuario
admin-owner-title = Nombrar titular · { $client }
admin-owner-heading = ¿Nombrar titular a { $name }?
admin-owner-text = { $email } pasa a ser titular de { $client }: tiene todos los permisos y gestiona sus usuarios. El cambio es inmediato.
admin-owner-keep = Mantener al titular anterior como usuario de este cliente, con todos los permisos
admin-owner-keep-hint = Desmárquelo para quitar al titular anterior el acceso a este cliente (su acceso y sus otros clientes se mantienen).
admin-owner-make = Nombrar titular

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Registro de auditoría
admin-audit-who = Quién
admin-audit-who-hint = Correo del personal, nombre del token, id de usuario
admin-audit-action = Acción
admin-audit-action-hint = p. ej. account.ownership_changed
admin-audit-client = Id del cliente
admin-audit-user = Id del usuario
admin-audit-filter = Filtrar
admin-audit-events = Eventos, los más recientes primero
admin-audit-newest = Más recientes
admin-audit-older = Eventos anteriores
admin-audit-client-title = Auditoría · { $client }
admin-audit-client-heading = Qué le ocurrió a { $client }
admin-audit-when = Cuándo
admin-audit-what = Qué
admin-audit-about = Sobre
admin-audit-change = Cambio
admin-audit-about-client = cliente
admin-audit-about-user = usuario
admin-audit-none = Ningún evento.

## A client's tabs.

admin-clients-back = Clientes
admin-client-tabs = Cliente
admin-tab-summary = Resumen
admin-tab-users = Usuarios
admin-tab-invitations = Invitaciones
admin-tab-contacts = Contactos
admin-tab-audit = Auditoría
admin-status = { $status ->
    [active] Activo
    [inactive] Inactivo
    [closed] Cerrado
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Buscar
admin-find = Buscar
admin-any = Cualquiera
admin-first-page = Primera página
admin-next-page = Página siguiente
admin-col-status = Estado
admin-col-email = Correo
admin-col-created = Creado
admin-clients-title = Clientes
admin-clients-search-hint = Empresa, correo de facturación o #número
admin-clients-found = Clientes encontrados
admin-clients-all = Todos los clientes
admin-col-client = Cliente
admin-col-billing = Correo de facturación
admin-col-country = País
admin-clients-none = Ningún cliente coincide.
admin-users-title = Usuarios
admin-users-search-hint = Correo o nombre
admin-users-found = Usuarios encontrados
admin-users-all = Todos los usuarios
admin-col-user = Usuario
admin-col-two-factor = Dos pasos
admin-col-last-login = Último acceso
admin-users-none = Ningún usuario coincide.
admin-contacts-title = Contactos · { $client }
admin-contacts-heading = Contactos de { $client }
admin-contacts-intro = Personas que reciben los correos de este cliente sin tener acceso. Los usuarios del cliente con el permiso de contactos los gestionan.
admin-col-name = Nombre
admin-col-phone = Teléfono
admin-col-receives = Recibe
admin-none = Ninguno
admin-contacts-none = Ningún contacto.
