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

## The second step of signing in (`/login/code`).

code-title-mailed = Código de inicio de sesión
code-title = Verificación en dos pasos
code-intro-mailed = Le hemos enviado por correo un código de inicio de sesión de 6 dígitos. Introdúzcalo aquí. (Su verificación en dos pasos no se pudo traer del sistema anterior: vuelva a activarla en su página de perfil y dejará de recibir estos correos.)
code-intro = Introduzca el código de 6 dígitos de su aplicación de autenticación, o uno de sus códigos de respaldo.
code-field = Código
code-submit = Continuar
code-passkey-heading = O use una de sus llaves de acceso
code-passkey-button = Usar una llave de acceso
code-start-again = Empezar de nuevo

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = No se usó la llave de acceso: la solicitud se canceló o caducó, o este dispositivo no tiene ninguna llave de acceso para este sitio.
passkey-js-exists = Este dispositivo ya tiene una llave de acceso para su acceso.
passkey-js-failed = La llave de acceso no funcionó aquí ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Inicie sesión para continuar.
login-passkey-unknown = Esa llave de acceso no inició su sesión: puede que se haya quitado de su acceso o que se creara para otro sitio. Inicie sesión con su contraseña.
login-expired = Su inicio de sesión tardó demasiado o ya se usó: vuelva a iniciar sesión.
code-passkey-unreadable = No se pudo leer la respuesta de la llave de acceso: inténtelo de nuevo.
code-passkey-not-confirmed = Esa llave de acceso no confirmó que sea usted: inténtelo de nuevo o escriba un código.
