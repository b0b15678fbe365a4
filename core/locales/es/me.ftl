### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Mi perfil y seguridad
me-passkeys-only-heading = Usted inicia sesión solo con llaves de acceso
me-passkeys-only-recent = Acaba de iniciar sesión con una llave de acceso: durante cinco minutos a partir de entonces, puede cambiar aquí su dirección de correo, su contraseña, la verificación en dos pasos, los códigos de respaldo y las llaves de acceso.
me-passkeys-only-confirm = Su acceso no tiene contraseña. Para cambiar su dirección de correo, su contraseña, la verificación en dos pasos, los códigos de respaldo o las llaves de acceso, confirme primero que es usted con su llave de acceso: después los cambios quedan abiertos durante cinco minutos.
me-confirm-passkey = Confirmar con una llave de acceso
me-confirm-needs-script = Para confirmar hace falta un navegador compatible con llaves de acceso y con JavaScript permitido para este sitio.

me-profile-heading = Perfil
me-language = Idioma
me-time-zone = Zona horaria
me-time-zone-default = Predeterminada ({ $zone })
me-save-profile = Guardar el perfil

me-email-heading = Dirección de correo electrónico
me-email-now = Actual:
me-verified = Verificada
me-not-verified = Sin verificar
me-new-email = Nueva dirección de correo
me-new-email-hint = Enviamos un enlace a la nueva dirección: su dirección cambia cuando lo abra.
me-current-password = Contraseña actual
me-change-email = Cambiar la dirección de correo

me-password-heading = Contraseña
me-none = Ninguna
me-no-password = Su acceso no tiene contraseña: inicia sesión con una llave de acceso. Puede volver a establecer una contraseña.
me-change-password = Cambiar la contraseña
me-set-password = Establecer una contraseña
me-new-password = Nueva contraseña
me-new-password-hint = Al menos { $min } caracteres. Se cerrarán sus otras sesiones.
me-new-password-again = Repita la nueva contraseña
me-drop-heading = Iniciar sesión solo con llaves de acceso
me-drop-hint = Renuncie a su contraseña: nadie podrá volver a iniciar sesión con ella ni robársela con un engaño. Iniciará sesión con una llave de acceso; si pierde sus llaves, un código de respaldo y un enlace para restablecer la contraseña le permiten volver a entrar.
me-drop-codes-first = Cree primero códigos de respaldo (en «Llaves de acceso»).
me-drop = Renunciar a la contraseña

me-totp-heading = Verificación en dos pasos
me-on = Activada
me-off = Desactivada
me-totp-on-intro = Al iniciar sesión, después de la contraseña se le pide un código de su aplicación de autenticación (o un código de respaldo).
me-codes-new-heading = Nuevos códigos de respaldo
me-codes-new-hint = Sus códigos de respaldo anteriores dejan de funcionar.
me-password = Contraseña
me-or-app-code = o un código de su aplicación
me-app-code = Un código de su aplicación
me-make-new-codes = Crear nuevos códigos de respaldo
me-totp-off-heading = Desactivar la verificación en dos pasos
me-turn-off = Desactivar
me-totp-intro = Proteja su acceso con un código de una aplicación de autenticación (como Aegis, Google Authenticator o 1Password) además de su contraseña.
me-totp-turn-on = Activar la verificación en dos pasos

me-passkeys-heading = Llaves de acceso
me-passkeys-intro = Una llave de acceso le permite iniciar sesión con su huella, su cara o el bloqueo de pantalla en lugar de una contraseña. Solo funciona en el sitio de { $product }, así que una página de inicio de sesión falsa no puede robarla.
me-codes-heading = Códigos de respaldo
me-codes-left = { $count ->
    [0] Ninguno todavía.
    [one] Uno sin usar. Los nuevos lo sustituyen.
   *[other] { $count } sin usar. Los nuevos los sustituyen.
}
me-codes-hint = Diez códigos de un solo uso: con un enlace para restablecer la contraseña, uno le permite volver a entrar si pierde sus llaves de acceso.
me-make-codes = Crear códigos de respaldo
me-no-passkey = Todavía no tiene ninguna llave de acceso.
me-add-passkey = Añadir una llave de acceso
me-passkey-name = Un nombre para reconocerla
me-passkey-name-hint = Por ejemplo, el dispositivo donde está: «MacBook», «Móvil».
me-add-needs-script = Para añadir una llave de acceso hace falta un navegador compatible y con JavaScript permitido para este sitio.
me-passkeys-unusable = Las llaves de acceso no se pueden usar en la dirección de este servidor; consulte a { $product }.
passkey-col-name = Nombre
passkey-col-added = Añadida
passkey-col-last-used = Último uso
passkey-never = Nunca
passkey-synced = Sincronizada
passkey-new-name = Nuevo nombre para { $name }
passkey-rename = Cambiar el nombre
passkey-remove = Eliminar

me-sessions-heading = Dónde tiene la sesión iniciada
me-col-device = Dispositivo
me-col-ip = Dirección IP
me-col-signed-in = Inicio de sesión
me-col-last-seen = Última actividad
me-col-actions = Acciones
me-unknown = Desconocido
me-this-browser = Este navegador
me-sign-out = Cerrar sesión
me-sign-out-this = (este navegador)
me-sign-out-other = (la sesión desde { $ip })

me-apps-heading = Aplicaciones con acceso
me-app-since = Desde el { $date }.
me-app-own = Una aplicación propia de { $product }.
me-app-learns = Puede conocer:
me-remove-access = Quitar el acceso
me-no-apps = Ninguna aplicación inicia su sesión con { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Su perfil se ha guardado.
me-done-email = Hemos enviado un enlace a la nueva dirección, salvo que no se pueda usar. Su dirección de correo cambia cuando lo abra.
me-done-password = Su contraseña se ha cambiado. Se cerraron sus otras sesiones.
me-done-password-dropped = Su contraseña ya no existe: ahora inicia sesión con una llave de acceso. Se cerraron sus otras sesiones.
me-done-totp-off = La verificación en dos pasos está desactivada.
me-done-passkey-added = Su llave de acceso se ha añadido: úsela para iniciar sesión.
me-done-passkey-renamed = La llave de acceso tiene un nombre nuevo.
me-done-passkey-removed = La llave de acceso se ha eliminado: ya no inicia la sesión de nadie.
me-done-revoked = La sesión se ha cerrado.
me-done-withdrawn = La aplicación ya no tiene acceso. Volverá a pedirlo si inicia sesión en ella.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Activar la verificación en dos pasos
totp-step1 = 1. Añada { $product } a su aplicación de autenticación
totp-scan = Escanee este código QR con la aplicación:
totp-qr-alt = Código QR de su secreto de verificación (el mismo secreto aparece escrito debajo)
totp-type = O escriba este secreto en la aplicación:
totp-step2 = 2. Introduzca el código que muestra la aplicación
totp-code = Código
totp-submit = Activar
totp-not-now = Ahora no
codes-title = Sus códigos de respaldo
codes-heading-first = La verificación en dos pasos está activada
codes-heading-new = Sus nuevos códigos de respaldo
codes-keep-totp = Guarde estos códigos en un lugar seguro. Cada uno funciona una vez, en lugar de un código de su aplicación, si pierde el móvil.
codes-keep-passkeys = Guarde estos códigos en un lugar seguro. Cada uno funciona una vez: con un enlace para restablecer la contraseña, uno le permite volver a entrar si pierde sus llaves de acceso.
codes-shown-once = Solo se muestran ahora.
codes-download = Descargar los códigos
codes-done = Listo
passkey-add-title = Añadir una llave de acceso
passkey-add-intro = Su navegador le pregunta ahora dónde guardar la llave de acceso (este dispositivo, su móvil, una llave de seguridad o un gestor de contraseñas) y le pide su huella, su cara o el bloqueo de pantalla.
passkey-add-submit = Crear la llave de acceso
passkey-add-missing = Este navegador no puede crear llaves de acceso (o JavaScript está desactivado para este sitio).
passkey-name-length = Póngale un nombre de 1 a { $max } caracteres.
me-wrong-password = Esta no es su contraseña actual.
totp-wrong-code = El código no es correcto: compruebe la hora de su móvil y pruebe con el siguiente.
codes-file = Códigos de respaldo de { $product } ({ $email })
codes-file-totp = Cada uno funciona una vez, en lugar de un código de su aplicación.
codes-file-passkeys = Cada uno funciona una vez, con un enlace para restablecer la contraseña, si pierde sus llaves de acceso.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Accesos del soporte
me-support-intro = El equipo de soporte de { $product } puede iniciar sesión como usted para ver lo que usted ve: recibe un correo cada vez, y cada acceso aparece aquí. No puede cambiar cómo inicia sesión.
me-support-allowed = El soporte puede iniciar sesión como usted hasta el { $time }.
me-support-withdraw = Retirar
me-support-asks = El soporte solo inicia sesión como usted si usted lo permite, un día cada vez.
me-support-allow = Permitir durante un día
me-support-col-staff = Miembro del soporte
me-support-col-from = Inicio
me-support-col-until = Hasta
me-support-none = El soporte nunca inició sesión como usted.
me-done-support-allowed = El soporte puede iniciar sesión como usted durante un día.
me-done-support-withdrawn = El soporte ya no puede iniciar sesión como usted.
