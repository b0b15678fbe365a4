### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = No se pudo leer la solicitud.
error-malformed-json = No se pudo leer la solicitud.
error-validation-failed = Un valor que escribió no se puede usar.
error-weak-password = La contraseña es demasiado débil: elija una más larga y difícil de adivinar.
error-unauthorized = Su sesión ha terminado: vuelva a iniciar sesión.
error-invalid-credentials = La dirección de correo o la contraseña no son correctas.
error-second-factor-required = Se necesita un segundo factor.
error-invalid-second-factor = El código no es correcto o ya se usó.
error-email-not-verified = La dirección de correo aún no está verificada.
error-invalid-token = Este enlace no es válido o ha caducado.
error-security-answer-required = Falta la respuesta a la pregunta de seguridad o no es correcta.
error-forbidden = No tiene permiso para hacer esto.
error-recent-sign-in-required = Confirme primero con su llave de acceso: sin contraseña, los cambios en cómo inicia sesión necesitan un inicio de sesión con llave de acceso de los últimos cinco minutos.
error-support-sign-in-restricted = El soporte que inició sesión como usted no puede hacer esto: solo usted puede cambiar cómo inicia sesión, aceptar invitaciones o permitir aplicaciones.
error-cross-site-request = El formulario venía de otro sitio.
error-user-management-disabled = La gestión de usuarios está desactivada en el área de clientes; contacte con el soporte.
error-owner-cannot-be-removed = El titular no se puede quitar de la cuenta.
error-owner-permissions-fixed = El titular tiene todos los permisos; no se pueden cambiar.
error-already-member = Esta persona ya tiene acceso a esta cuenta.
error-invitation-expired = Esta invitación ha caducado; pida una nueva.
error-invitation-used = Esta invitación ya se usó.
error-invitation-cancelled = Esta invitación se canceló.
error-user-owns-accounts = Este usuario es titular de cuentas; transfiera primero su titularidad.
error-not-found = No se encontró.
error-method-not-allowed = Esto no se puede hacer aquí.
error-conflict = Algo cambió entretanto: recargue la página e inténtelo de nuevo.
error-email-taken = Ya existe un usuario con esta dirección de correo.
error-payload-too-large = Lo que envió es demasiado grande.
error-unsupported-media-type = Lo que envió no se pudo leer.
error-rate-limited = { $minutes ->
    [one] Demasiados intentos: vuelva a intentarlo dentro de { $minutes } minuto.
   *[other] Demasiados intentos: vuelva a intentarlo dentro de { $minutes } minutos.
}
error-vetoed-by-plugin = Se ha rechazado.
error-plugin-failed = Ahora no se puede hacer: inténtelo más tarde.
error-plugin-invalid = Ahora no se puede hacer.
error-not-ready = El servicio no está listo: inténtelo dentro de un momento.
error-internal-error = Algo ha salido mal: inténtelo más tarde.
form-check-fields = Revise los campos marcados abajo.
