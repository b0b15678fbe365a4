### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Saltar al contenido
nav-main = Menú principal
nav-accounts = Cuentas
nav-me = Mi perfil y seguridad
signed-in-as = Sesión iniciada como { $email }
sign-out = Cerrar sesión
nav-sign-in = Iniciar sesión
nav-sign-up = Crear un acceso
reenrol-notice = Su verificación en dos pasos no se pudo traer del área de clientes anterior.
reenrol-link = Vuelva a configurarla para mantener protegido su acceso.
language-picker = Idioma
support-banner = Sesión iniciada por el soporte ({ $staff }) hasta las { $time }.
support-end = Terminar ahora
session-by-support = Soporte: { $staff }
