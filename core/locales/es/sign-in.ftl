### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Iniciar sesión
login-heading = Iniciar sesión en { $product }
field-email = Correo electrónico
field-password = Contraseña
login-submit = Iniciar sesión
login-passkey-heading = O use una llave de acceso
login-passkey-intro = Su huella, su cara o el bloqueo de pantalla en lugar de una contraseña: sin escribir ningún correo.
login-passkey-button = Iniciar sesión con una llave de acceso
login-forgot = ¿Olvidó su contraseña?
login-new-here = ¿Es nuevo aquí?
login-create = Crear un acceso
signup-title = Crear un acceso
field-first-name = Nombre
field-last-name = Apellidos
field-new-password-hint = Al menos { $min } caracteres.
field-company = Nombre de la empresa (opcional)
signup-company-hint = Su cuenta se crea con este nombre; déjelo vacío para usar el suyo.
signup-submit = Crear mi acceso
signup-have-login = ¿Ya tiene un acceso?
signup-sign-in = Iniciar sesión
forgot-title = ¿Olvidó su contraseña?
forgot-sent = Si existe un acceso para esa dirección, le enviamos un enlace para elegir una nueva contraseña. El enlace funciona una sola vez.
forgot-intro = Le enviaremos por correo un enlace para elegir una nueva contraseña.
forgot-submit = Enviarme un enlace
forgot-back = Volver a iniciar sesión
