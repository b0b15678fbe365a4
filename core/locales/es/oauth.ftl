### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } no está disponible
oauth-back = Volver a { $app }
oauth-allow-heading = ¿Permitir que { $app } use su acceso a { $product }?
oauth-signed-in-learns = Ha iniciado sesión como { $email }. Si lo permite, { $app } conocerá:
oauth-choose-heading = Elija una cuenta para { $app }
oauth-signed-in = Ha iniciado sesión como { $email }.
oauth-refused-choose = Elija otra cuenta o cancele.
oauth-which-account = La cuenta con la que trabaja { $app }
oauth-owner = titular
oauth-allow = Permitir
oauth-continue = Continuar
oauth-deny = Denegar
oauth-cancel = Cancelar
oauth-link-broken = Este enlace de inicio de sesión no funciona
oauth-not-signed-in = No se pudo iniciar su sesión
logout-title = Cerrar sesión
logout-heading = ¿Cerrar la sesión de { $product }?
logout-asked-by = { $app } pide cerrar su sesión.
logout-asked = Una aplicación pide cerrar su sesión.
logout-explain = Al cerrar la sesión termina su sesión de { $product } en este navegador, y se avisa a las aplicaciones en las que entró con ella.
logout-sign-out = Cerrar sesión
logout-stay = Seguir conectado
logout-link-broken = Este enlace de cierre de sesión no funciona
logout-not-signed-out = { $why }. No se cerró su sesión.
logout-done = Ha cerrado la sesión
logout-done-text = Ha cerrado la sesión de { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Quién es usted: el identificador de su acceso en este proveedor
scope-profile = Su nombre e idioma
scope-email = Su dirección de correo, y si la confirmó
scope-account = Una cuenta que usted elige, y lo que puede hacer en ella
scope-accounts = Cada cuenta a la que accede, y lo que puede hacer en cada una
scope-offline_access = Conservar este acceso aunque cierre la sesión

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = La solicitud no indica ninguna aplicación (client_id).
oauth-unknown-app = La aplicación que le envió aquí no está registrada en este proveedor.
oauth-foreign-redirect = { $app } pidió devolverle a una dirección que no registró, así que no se le envió allí.
oauth-repeated = La solicitud indica su aplicación o su dirección más de una vez.
logout-refused-text = La solicitud de cierre de sesión de la aplicación no es válida para este proveedor. No se cerró su sesión.
