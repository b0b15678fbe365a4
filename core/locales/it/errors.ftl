### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = Non è stato possibile leggere la richiesta.
error-malformed-json = Non è stato possibile leggere la richiesta.
error-validation-failed = Un valore inserito non si può usare.
error-weak-password = La password è troppo debole: scegline una più lunga e difficile da indovinare.
error-unauthorized = La sessione è scaduta: accedi di nuovo.
error-invalid-credentials = L'indirizzo email o la password non sono corretti.
error-second-factor-required = Serve un secondo fattore.
error-invalid-second-factor = Il codice è errato o è già stato usato.
error-email-not-verified = L'indirizzo email non è ancora verificato.
error-invalid-token = Questo link non è valido o è scaduto.
error-security-answer-required = La risposta alla domanda di sicurezza manca o è errata.
error-forbidden = Non puoi farlo.
error-recent-sign-in-required = Prima conferma con la tua passkey: senza password, per cambiare il modo in cui accedi serve un accesso con passkey negli ultimi cinque minuti.
error-support-sign-in-restricted = Il supporto che ha effettuato l'accesso come te non può farlo: solo tu puoi cambiare il modo in cui accedi, accettare inviti o autorizzare app.
error-cross-site-request = Il modulo proveniva da un altro sito.
error-user-management-disabled = La gestione utenti è disattivata nell'area clienti; contatta l'assistenza.
error-owner-cannot-be-removed = Il titolare non può essere rimosso dall'account.
error-owner-permissions-fixed = Il titolare ha tutti i permessi; non si possono cambiare.
error-already-member = Questa persona ha già accesso a questo account.
error-invitation-expired = Questo invito è scaduto; chiedine uno nuovo.
error-invitation-used = Questo invito è già stato usato.
error-invitation-cancelled = Questo invito è stato annullato.
error-user-owns-accounts = Questo utente è titolare di account; trasferiscine prima la titolarità.
error-not-found = Non trovato.
error-method-not-allowed = Qui non si può fare.
error-conflict = Nel frattempo qualcosa è cambiato: ricarica la pagina e riprova.
error-email-taken = Esiste già un utente con questo indirizzo email.
error-payload-too-large = Ciò che hai inviato è troppo grande.
error-unsupported-media-type = Non è stato possibile leggere ciò che hai inviato.
error-rate-limited = { $minutes ->
    [one] Troppi tentativi: riprova tra { $minutes } minuto.
   *[other] Troppi tentativi: riprova tra { $minutes } minuti.
}
error-vetoed-by-plugin = È stato rifiutato.
error-plugin-failed = Ora non si può fare: riprova più tardi.
error-plugin-invalid = Ora non si può fare.
error-not-ready = Il servizio non è pronto: riprova tra un momento.
error-internal-error = Qualcosa è andato storto: riprova più tardi.
form-check-fields = Controlla i campi segnalati qui sotto.
