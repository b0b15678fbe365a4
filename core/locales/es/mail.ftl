### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Hola, { $first_name }:
mail-or-copy = O copie esta dirección en su navegador:
mail-link-once = El enlace funciona una sola vez y caduca en { $expires_in }.
mail-new-password-button = Elegir una nueva contraseña
mail-if-you-new-password = Si fue usted, inicie sesión con su contraseña o elija una nueva.
mail-ignore = Si no fue usted, puede ignorar este mensaje.

mail-verify-subject = Verifique su dirección de correo electrónico
mail-verify-body = Confirme que esta es su dirección de correo electrónico para { $product }.
mail-verify-button = Verificar mi dirección de correo
mail-verify-ignore = Si no se registró, ignore este mensaje.

mail-email-change-subject = Confirme su nueva dirección de correo electrónico
mail-email-change-body = Alguien que ha iniciado sesión en { $product } pidió usar esta dirección para su acceso. Si fue usted, abra este enlace para hacer el cambio.
mail-email-change-button = Usar esta dirección de correo
mail-email-change-ignore = Hasta que se abra, nada cambia. Si no fue usted, ignore este mensaje.

mail-email-in-use-subject = Su dirección de correo se indicó para otro acceso
mail-email-in-use-body = Alguien que ha iniciado sesión en { $product } pidió trasladar su acceso a esta dirección de correo, que ya es suya. No se cambió nada: una dirección pertenece a un solo acceso.

mail-reset-subject = Restablezca su contraseña
mail-reset-body = Alguien (esperamos que usted) pidió restablecer la contraseña de su acceso a { $product }.
mail-reset-ignore = Si no lo pidió, ignore este mensaje: su contraseña sigue igual.

mail-set-password-subject = Elija su contraseña
mail-set-password-body = Se ha creado para usted un acceso a { $product }.
mail-set-password-button = Elegir mi contraseña

mail-signup-attempt-subject = Ya tiene un acceso
mail-signup-attempt-body = Alguien pidió crear un nuevo acceso a { $product } con esta dirección de correo, pero ya tiene uno.
mail-signup-attempt-ignore = Si no fue usted, puede ignorar este mensaje: no se cambió nada.

mail-code-subject = Su código de inicio de sesión
mail-code-body = Su código para iniciar sesión en { $product } es:
mail-code-expires = Funciona una sola vez y caduca en { $expires_in }. Su verificación en dos pasos no se pudo traer del sistema anterior: vuelva a activarla en su página de perfil y dejará de recibir estos correos.
mail-code-not-you = Si no acaba de iniciar sesión, alguien conoce su contraseña: elija una nueva.

mail-password-changed-subject = Su contraseña se ha cambiado
mail-password-changed-body = La contraseña de su acceso a { $product } se acaba de cambiar y se cerraron todas las demás sesiones.
mail-password-changed-not-you = Si no fue usted, restablezca su contraseña de inmediato y contacte con el soporte:

mail-invitation-subject = Invitación para acceder a una cuenta
mail-invitation-hello = Hola:
mail-invitation-body = Le invitan a acceder a una cuenta en { $product }.
mail-invitation-by-staff = La invitación la envió el equipo de { $product }.
mail-invitation-by-customer = La envió un cliente de { $product }. Las dos líneas de abajo son sus propias palabras: { $product } no las ha comprobado.
mail-invitation-invited-by = Invitación de
mail-invitation-account = Cuenta
mail-invitation-button = Aceptar la invitación
mail-invitation-how = Puede aceptarla iniciando sesión, o creando un acceso si no tiene ninguno.
mail-invitation-expires = La invitación caduca en { $expires_in }.
mail-invitation-ignore = Si no la esperaba, ignore este mensaje. { $product } nunca le pide su contraseña ni sus datos de pago por correo electrónico.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
duration-hours = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
duration-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
duration-seconds = { $n ->
    [one] { $n } segundo
   *[other] { $n } segundos
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: el soporte inició sesión en su cuenta
mail-support-body = { $staff }, del equipo de soporte de { $product }, acaba de iniciar sesión en su cuenta para ver lo que usted ve. Hasta las { $until } puede hacer lo que usted puede hacer, salvo cambiar cómo inicia sesión, aceptar invitaciones o permitir aplicaciones, y todo lo que haga queda registrado a su nombre.
mail-support-see = Cada inicio de sesión del soporte aparece en su página de perfil:
mail-support-not-expected = Si no lo esperaba, contáctenos y cambie su contraseña.
mail-support-consent-subject = { $product }: el soporte pide iniciar sesión en su cuenta
mail-support-consent-body = { $staff }, del equipo de soporte de { $product }, pide iniciar sesión en su cuenta para ver lo que usted ve. No puede hacerlo hasta que usted lo permita.
mail-support-consent-how = Para permitirlo durante un día, abra su página de perfil y elija «Permitir durante un día»:
mail-support-consent-ignore = Si no pidió ayuda, ignore este mensaje: no cambia nada.
