### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Verifique su dirección de correo electrónico
verify-intro = Confirme que esta dirección de correo es suya.
verify-submit = Verificar mi dirección de correo
reset-title = Elija una nueva contraseña
reset-password = Nueva contraseña
reset-password-again = Repita la nueva contraseña
reset-code = Un código de su aplicación de autenticación, o uno de sus códigos de respaldo
reset-code-hint = Su acceso tiene un segundo factor, así que un enlace en su buzón no basta para cambiar su contraseña.
reset-submit = Guardar la nueva contraseña
reset-passwords-differ = Las dos contraseñas no coinciden.

invite-title = Invitación a { $account }
invite-page-intro = { $inviter } le ha invitado a acceder a la cuenta «{ $account }».
invite-page-intro-staff = { $inviter } (personal) le ha invitado a acceder a la cuenta «{ $account }».
invite-signed-in-as = Ha iniciado sesión como { $email }
invite-accept-as = Aceptar como { $email }
invite-switch = Cerrar sesión y continuar como otra persona
invite-have-login = Tengo un acceso
invite-totp-code = Código de autenticación (si usa uno)
invite-login-accept = Iniciar sesión y aceptar
invite-new-here = Soy nuevo aquí
invite-signup-accept = Crear mi acceso y aceptar
invite-expires = La invitación caduca el { $time }.

## One-message pages: a heading and a sentence.

page-failed = Algo ha salido mal
page-failed-text = Vuelva a intentarlo más tarde.
page-not-found = Página no encontrada
page-not-found-text = Aquí no hay nada, o no tiene acceso.
page-not-allowed = No permitido
mailbox-heading = Revise su buzón
mailbox-text = El siguiente paso está en el correo que le hemos enviado.
mailbox-invite-text = El siguiente paso está en el correo que hemos enviado a la dirección que indicó.
link-invalid = Enlace no válido
link-invalid-text = Este enlace no es válido o ha caducado. Pida uno nuevo.
invitation-unknown = Invitación no encontrada
invitation-unknown-text = Este enlace de invitación no es válido. Compruebe el enlace del correo o pida una nueva invitación.
invitation-gone = La invitación ya no es válida
invitation-gone-accepted = Esta invitación ya se aceptó.
invitation-gone-cancelled = Esta invitación se canceló. Pida una nueva al titular de la cuenta.
invitation-gone-expired = Esta invitación ha caducado. Pida una nueva al titular de la cuenta.
invitation-member = Ya es miembro
invitation-member-text = Ya tiene acceso a esta cuenta.
invitation-accepted = Invitación aceptada
invitation-accepted-verify = Ahora tiene acceso a { $account }. Hemos enviado un enlace a { $email } para verificar la dirección: ábralo y luego inicie sesión.
form-refused = No se pudo enviar este formulario
form-refused-foreign = Venía de otro sitio, o la página se abrió antes de que iniciara o cerrara sesión. Vuelva atrás, recargue la página e inténtelo de nuevo.
form-refused-control = El campo «{ $field }» contiene un carácter de control (como un salto de línea), que no está permitido. Vuelva atrás y corríjalo.

## After an emailed link did its work.

verified-heading = Dirección de correo verificada
verified-text = Gracias: su dirección de correo está verificada.
verified-to-accounts = Ir a sus cuentas
verified-sign-in = Iniciar sesión
reset-done-heading = Contraseña cambiada
reset-done-text = Su nueva contraseña está establecida. Se cerraron todas las demás sesiones; inicie sesión con ella.
invite-email-taken = Ya existe un acceso con esta dirección de correo: inicie sesión en su lugar.
invite-session-ended = Su sesión ha terminado: vuelva a iniciar sesión.
invite-code-needed = Introduzca también el código de su aplicación de autenticación.
invite-code-mailed = Le hemos enviado un código de inicio de sesión por correo: introdúzcalo también en el campo del código.
