### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

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

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Página de usuario del titular
admin-client-users-link = Usuarios de este cliente
admin-client-number = Número #{ $number }
admin-client-created = Creado el { $time }
admin-client-status = Estado: { $status ->
    [active] activo
    [inactive] inactivo
    [closed] cerrado
   *[other] { $status }
}
admin-client-close = Cerrar este cliente
admin-client-close-text = Un cliente cerrado conserva sus usuarios y su historial; su estado pasa a ser «cerrado».
admin-client-close-button = Cerrar { $client }
admin-client-profile = Perfil
admin-client-users-title = Usuarios · { $client }
admin-associate-heading = Añadir un usuario existente
admin-associate-intro = La persona accede a este cliente de inmediato con su propio acceso; no se envía ningún correo.
admin-associate-email = Dirección de correo del usuario
admin-associate-add = Añadir el usuario
admin-invite-heading = Invitar por correo
admin-invite-intro = Enviamos por correo un enlace válido durante un tiempo limitado; un usuario nuevo o existente lo acepta y accede a este cliente con estos permisos.
admin-invite-email = Dirección de correo
admin-invitations-link = Invitaciones de este cliente
admin-invitations-title = Invitaciones · { $client }
admin-invitations-heading = Invitaciones a { $client }
admin-invitations-send-new = Enviar una nueva invitación desde la pestaña Usuarios
admin-col-state = Estado
admin-col-sent-by = Enviada por
admin-invitation-state = { $state ->
    [pending] Pendiente
    [accepted] Aceptada
    [cancelled] Cancelada
    [expired] Caducada
   *[other] { $state }
}
admin-invitation-accepted-at = Aceptada el { $time }
admin-invitations-none = No se envió ninguna invitación para este cliente.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Activo
    [disabled] Desactivado
   *[other] { $status }
}
admin-user-login = Acceso
admin-user-unverified = (sin verificar)
admin-user-number = Número
admin-user-password = Contraseña
admin-user-password-set = Definida
admin-user-password-none = Ninguna: inicia sesión con una llave de acceso
admin-user-last-login-from = { $time } desde { $ip }
admin-user-send-reset = Enviar un enlace para restablecer la contraseña
admin-user-factors-off = Desactivar la verificación en dos pasos y quitar las llaves de acceso
admin-user-totp-off = Desactivar la verificación en dos pasos
admin-disable = Desactivar
admin-enable = Activar
admin-user-delete = Eliminar…
admin-user-clients = Clientes a los que accede este usuario
admin-col-role = Rol
admin-user-member = Usuario
admin-user-more-clients = Solo se muestran los primeros clientes.
admin-user-sessions = Sesiones
admin-user-no-sessions = Ninguna sesión abierta.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = ninguno
admin-plugin-capabilities = Capacidades
admin-plugin-priority = Prioridad
admin-plugin-on-error = Si falla
admin-plugin-loaded = Cargado
admin-plugin-hook = Hook
admin-plugin-calls = Llamadas
admin-plugin-denies = Rechazos
admin-plugin-traps = Fallos graves
admin-plugin-timeouts = Tiempos agotados
admin-plugin-errors = Errores
admin-plugin-latency = Media / máx. µs
admin-plugin-queue = Hooks posteriores: { $delivered } entregados, { $backlog } en espera, { $parked } apartados.
admin-plugin-last-error = Último error:
admin-plugin-parked = Eventos apartados
admin-plugin-event = Evento
admin-plugin-kind = Tipo
admin-col-attempts = Intentos
admin-plugin-error = Error
admin-plugin-parked-at = Apartado
admin-retry = Reintentar
admin-plugin-reload = Recargar { $plugin }
admin-plugins-none = No hay ningún plugin cargado. Los plugins son componentes WebAssembly en la carpeta que indica { $setting }; consulte la guía de plugins.
admin-settings-intro = Los ajustes con los que funciona este servidor: sus archivos de configuración, después las variables de entorno ROSTER_… y después los valores predeterminados. Solo lectura: cambie los archivos o el entorno y reinicie. Los secretos se muestran como ***.
admin-settings-effective = Ajustes vigentes
admin-settings-setting = Ajuste
admin-settings-value = Valor

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Enlace de configuración para { $email }:
admin-staff-members = Miembros del personal
admin-staff-last-sign-in = Último acceso
admin-staff-you = (usted)
admin-role-name = { $role ->
    [administrator] Administrador
    [support] Soporte
   *[other] { $role }
}
admin-staff-not-set-up = (enlace de configuración aún sin usar)
admin-staff-new-link = Nuevo enlace de configuración
admin-staff-add = Añadir un miembro del personal
admin-staff-role-support = Soporte: lee todo; envía, reenvía y cancela invitaciones y enlaces para restablecer la contraseña
admin-staff-role-administrator = Administrador: todo
admin-staff-add-button = Añadir y mostrar el enlace de configuración
admin-mail-intro = Cada correo se escribe junto con el cambio que lo provoca y se envía desde aquí, con reintentos. Nunca se muestra el contenido de un mensaje: contiene enlaces de un solo uso.
admin-mail-failed = Abandonados
admin-mail-to = Para
admin-mail-message = Correo
admin-mail-last-error = Último error
admin-mail-written = Escrito
admin-mail-failed-none = Ninguno: todos los correos salieron o están en camino.
admin-mail-waiting = En espera
admin-mail-next-attempt = Próximo intento
admin-mail-waiting-none = Nada en espera.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Aplicaciones que inician la sesión de las personas con { $product } (OpenID Connect). Configure cada una con
admin-apps-secret-of = Secreto de cliente de { $app }:
admin-apps-registered = Aplicaciones registradas
admin-apps-client-id = ID de cliente
admin-apps-kind = Tipo
admin-apps-redirects = URI de redirección
admin-apps-trusted = De confianza
admin-apps-kind-name = { $kind ->
    [confidential] Confidencial
    [public] Pública
   *[other] { $kind }
}
admin-apps-logout = Cierre de sesión:
admin-apps-new-secret = Nuevo secreto
admin-apps-none = Todavía no hay ninguna aplicación registrada.
admin-apps-register = Registrar una aplicación
admin-apps-name = Nombre (se muestra a las personas en la página de consentimiento)
admin-apps-redirect-uris = URI de redirección (una por línea)
admin-apps-redirect-hint = https, http en 127.0.0.1 o [::1], o para una aplicación pública un esquema privado como com.example.app:/callback. Se comparan de forma exacta.
admin-apps-public = Pública: una aplicación nativa o de una sola página (sin secreto; PKCE obligatorio)
admin-apps-trusted-hint = De confianza: la propia aplicación de { $product } (sin página de consentimiento)
admin-apps-post-logout = URI de redirección tras cerrar sesión (una por línea, opcional)
admin-apps-backchannel = URI de cierre de sesión back-channel (opcional)
admin-apps-logo = URL del logotipo (opcional, https)
admin-apps-alg = Firma del token de ID
admin-apps-register-button = Registrar

## Your language and time zone (`/admin/me`).

admin-me-preferences = Idioma y zona horaria
admin-me-language-browser = El idioma de su navegador
admin-me-preferences-save = Guardar
admin-me-done-preferences = Su idioma y su zona horaria están guardados.

## What a page says after a form did its work, and why it could not.

admin-done-saved = Los cambios están guardados.
admin-done-closed = El cliente está cerrado.
admin-done-permissions = Los permisos están guardados.
admin-done-removed = El usuario fue quitado de este cliente.
admin-done-associated = El usuario ya tiene acceso a este cliente.
admin-done-invited = La invitación está en camino.
admin-done-resent = Un nuevo enlace de invitación está en camino; el enlace anterior ya no funciona.
admin-done-cancelled = La invitación fue cancelada; su enlace ya no funciona.
admin-done-owner = La titularidad fue transferida.
admin-done-mail-retried = El mensaje vuelve a estar en la cola; sale ahora.
admin-done-app-removed = La aplicación fue quitada.
admin-done-app-registered = { $app } quedó registrada. Copie su secreto ahora: no se vuelve a mostrar.
admin-done-app-registered-public = { $app } quedó registrada (una aplicación pública: sin secreto).
admin-done-app-secret-now = { $app } tiene un secreto nuevo; el anterior ya no funciona.
admin-done-app-secret-grace = { $app } tiene un secreto nuevo; el anterior funciona un día más.
admin-plugin-failed-again = { $plugin } volvió a fallar; el evento sigue apartado. Su mensaje: { $error }
admin-done-plugin-reloaded = { $plugin } se recargó.
admin-done-plugin-delivered = { $plugin } aceptó el evento; salió de la lista de apartados.
admin-done-staff-disabled = El miembro del personal está desactivado; sus sesiones terminaron.
admin-done-staff-enabled = El miembro del personal está activado.
admin-done-staff-removed = El miembro del personal fue quitado.
admin-done-staff-link = Un nuevo enlace de configuración para { $email }: el anterior ya no funciona.
admin-done-user-deleted = El usuario fue eliminado.
admin-done-user-disabled = El usuario está desactivado: no puede iniciar sesión y sus sesiones terminaron.
admin-done-user-enabled = El usuario está activado: puede volver a iniciar sesión.
admin-done-user-reset = Un enlace para restablecer la contraseña va de camino al usuario.
admin-done-user-totp-off = La verificación en dos pasos está desactivada para este usuario, y sus códigos de respaldo y llaves de acceso ya no existen: basta un enlace de restablecimiento para que vuelva a entrar.
admin-search-unreadable = No se pudo leer esta búsqueda
admin-search-unreadable-text = Contiene un carácter de control (como un salto de línea). Vuelva atrás y corríjala.
admin-not-allowed-text = Su rol (soporte) puede consultar clientes, usuarios y el registro de auditoría, y enviar, reenviar y cancelar invitaciones y enlaces para restablecer la contraseña, pero no esto. Pida ayuda a un administrador.
admin-not-done = No se pudo hacer
admin-setup-link-broken = Este enlace no funciona
admin-setup-link-broken-text = Ya se usó o caducó. Pida uno nuevo a un administrador (roster admin staff link).
admin-setup-code-wrong = El código no coincide: compruebe el reloj de la aplicación y escriba el código que muestra ahora.
admin-login-done-setup = Su contraseña y su autenticador están configurados: inicie sesión.
admin-login-done-out = Ha cerrado la sesión.
admin-passkey-not-confirmed = Esa llave de acceso no confirmó que sea usted: inténtelo de nuevo.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Iniciar sesión como este usuario
admin-audit-on-behalf-of = como el usuario
admin-done-support-ended = El acceso del soporte terminó.
admin-sign-in-as-refused = No puede iniciar sesión como este usuario: el acceso del soporte está desactivado, su rol no puede usarlo o el usuario no lo ha permitido.
