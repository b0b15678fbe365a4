### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Ciao { $first_name },
mail-or-copy = Oppure copia questo indirizzo nel browser:
mail-link-once = Il link funziona una sola volta e scade tra { $expires_in }.
mail-new-password-button = Scegli una nuova password
mail-if-you-new-password = Se sei stato tu, accedi con la tua password o scegline una nuova.
mail-ignore = Se non sei stato tu, puoi ignorare questo messaggio.

mail-verify-subject = Conferma il tuo indirizzo email
mail-verify-body = conferma che questo è il tuo indirizzo email per { $product }.
mail-verify-button = Conferma il mio indirizzo email
mail-verify-ignore = Se non ti sei registrato, ignora questo messaggio.

mail-email-change-subject = Conferma il tuo nuovo indirizzo email
mail-email-change-body = qualcuno che ha effettuato l'accesso a { $product } ha chiesto di usare questo indirizzo per il proprio accesso. Se sei stato tu, apri questo link per completare la modifica.
mail-email-change-button = Usa questo indirizzo email
mail-email-change-ignore = Finché il link non viene aperto, non cambia nulla. Se non sei stato tu, ignora questo messaggio.

mail-email-in-use-subject = Il tuo indirizzo email è stato indicato per un altro accesso
mail-email-in-use-body = qualcuno che ha effettuato l'accesso a { $product } ha chiesto di spostare il proprio accesso su questo indirizzo email, che è già tuo. Non è stato modificato nulla: un indirizzo appartiene a un solo accesso.

mail-reset-subject = Reimposta la tua password
mail-reset-body = qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo accesso a { $product }.
mail-reset-ignore = Se non l'hai chiesto tu, ignora questo messaggio: la tua password resta com'è.

mail-set-password-subject = Scegli la tua password
mail-set-password-body = è stato creato per te un accesso a { $product }.
mail-set-password-button = Scegli la mia password

mail-signup-attempt-subject = Hai già un accesso
mail-signup-attempt-body = qualcuno ha chiesto di creare un nuovo accesso a { $product } con questo indirizzo email, ma ne ha già uno.
mail-signup-attempt-ignore = Se non sei stato tu, puoi ignorare questo messaggio: non è stato modificato nulla.

mail-code-subject = Il tuo codice di accesso
mail-code-body = il tuo codice per accedere a { $product } è:
mail-code-expires = Funziona una sola volta e scade tra { $expires_in }. Non è stato possibile trasferire la verifica in due passaggi dal vecchio sistema: riattivala nella pagina del tuo profilo e queste email non arriveranno più.
mail-code-not-you = Se non hai appena effettuato l'accesso, qualcuno conosce la tua password: scegline una nuova.

mail-password-changed-subject = La tua password è stata modificata
mail-password-changed-body = la password del tuo accesso a { $product } è appena stata modificata, e tutte le altre sessioni sono state chiuse.
mail-password-changed-not-you = Se non sei stato tu, reimposta subito la password e contatta l'assistenza:

mail-invitation-subject = Invito ad accedere a un account
mail-invitation-hello = Ciao,
mail-invitation-body = sei stato invitato ad accedere a un account su { $product }.
mail-invitation-by-staff = L'invito è stato inviato dal team di { $product }.
mail-invitation-by-customer = È stato inviato da un cliente di { $product }. Le due righe qui sotto sono parole sue: { $product } non le ha verificate.
mail-invitation-invited-by = Invitato da
mail-invitation-account = Account
mail-invitation-button = Accetta l'invito
mail-invitation-how = Puoi accettare accedendo, oppure creando un accesso se non ne hai uno.
mail-invitation-expires = L'invito scade tra { $expires_in }.
mail-invitation-ignore = Se non te lo aspettavi, ignora questo messaggio. { $product } non chiede mai la tua password o i tuoi dati di pagamento via email.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } giorno
   *[other] { $n } giorni
}
duration-hours = { $n ->
    [one] { $n } ora
   *[other] { $n } ore
}
duration-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minuti
}
duration-seconds = { $n ->
    [one] { $n } secondo
   *[other] { $n } secondi
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: il supporto ha effettuato l'accesso al tuo account
mail-support-body = { $staff } del team di supporto di { $product } ha appena effettuato l'accesso al tuo account, per vedere quello che vedi tu. Fino alle { $until } può fare quello che puoi fare tu, tranne cambiare il modo in cui accedi, accettare inviti o autorizzare app, e tutto ciò che fa viene registrato a suo nome.
mail-support-see = Ogni accesso del supporto è elencato nella tua pagina del profilo:
mail-support-not-expected = Se non te lo aspettavi, contattaci e cambia la password.
mail-support-consent-subject = { $product }: il supporto chiede di accedere al tuo account
mail-support-consent-body = { $staff } del team di supporto di { $product } chiede di accedere al tuo account, per vedere quello che vedi tu. Non può farlo finché non lo permetti.
mail-support-consent-how = Per permetterlo per un giorno, apri la tua pagina del profilo e scegli «Permetti per un giorno»:
mail-support-consent-ignore = Se non hai chiesto aiuto, ignora questo messaggio: non cambia nulla.
