### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Conferma il tuo indirizzo email
verify-intro = Conferma che questo indirizzo email è tuo.
verify-submit = Conferma il mio indirizzo email
reset-title = Scegli una nuova password
reset-password = Nuova password
reset-password-again = Ripeti la nuova password
reset-code = Un codice della tua app di autenticazione, o uno dei tuoi codici di backup
reset-code-hint = Il tuo accesso ha un secondo fattore, quindi un link nella tua casella di posta non basta per cambiarne la password.
reset-submit = Imposta la nuova password
reset-passwords-differ = Le due password sono diverse.

invite-title = Invito a { $account }
invite-page-intro = { $inviter } ti ha invitato ad accedere all'account «{ $account }».
invite-page-intro-staff = { $inviter } (staff) ti ha invitato ad accedere all'account «{ $account }».
invite-signed-in-as = Hai effettuato l'accesso come { $email }
invite-accept-as = Accetta come { $email }
invite-switch = Esci e continua come un'altra persona
invite-have-login = Ho già un accesso
invite-totp-code = Codice di autenticazione (se ne usi uno)
invite-login-accept = Accedi e accetta
invite-new-here = Sono nuovo qui
invite-signup-accept = Crea il mio accesso e accetta
invite-expires = L'invito scade il { $time }.

## One-message pages: a heading and a sentence.

page-failed = Qualcosa è andato storto
page-failed-text = Riprova più tardi.
page-not-found = Pagina non trovata
page-not-found-text = Qui non c'è niente, oppure non hai accesso.
page-not-allowed = Non consentito
mailbox-heading = Controlla la tua casella di posta
mailbox-text = Il prossimo passo è nell'email che ti abbiamo inviato.
mailbox-invite-text = Il prossimo passo è nell'email che abbiamo inviato all'indirizzo indicato.
link-invalid = Link non valido
link-invalid-text = Questo link non è valido o è scaduto. Chiedine uno nuovo.
invitation-unknown = Invito non trovato
invitation-unknown-text = Questo link di invito non è valido. Controlla il link nell'email o chiedi un nuovo invito.
invitation-gone = Invito non più valido
invitation-gone-accepted = Questo invito è già stato accettato.
invitation-gone-cancelled = Questo invito è stato annullato. Chiedine uno nuovo al titolare dell'account.
invitation-gone-expired = Questo invito è scaduto. Chiedine uno nuovo al titolare dell'account.
invitation-member = Sei già membro
invitation-member-text = Hai già accesso a questo account.
invitation-accepted = Invito accettato
invitation-accepted-verify = Ora hai accesso a { $account }. Abbiamo inviato un link a { $email } per verificare l'indirizzo: aprilo, poi accedi.
form-refused = Impossibile inviare questo modulo
form-refused-foreign = Proveniva da un altro sito, oppure la pagina è stata aperta prima che tu accedessi o uscissi. Torna indietro, ricarica la pagina e riprova.
form-refused-control = Il campo «{ $field }» contiene un carattere di controllo (come un a capo), che non è consentito. Torna indietro e correggilo.

## After an emailed link did its work.

verified-heading = Indirizzo email verificato
verified-text = Grazie: il tuo indirizzo email è verificato.
verified-to-accounts = Vai ai tuoi account
verified-sign-in = Accedi
reset-done-heading = Password cambiata
reset-done-text = La nuova password è impostata. Tutte le altre sessioni sono state chiuse; accedi con quella nuova.
invite-email-taken = Esiste già un accesso con questo indirizzo email: accedi invece di crearne uno.
invite-session-ended = La sessione è scaduta: accedi di nuovo.
invite-code-needed = Inserisci anche il codice della tua app di autenticazione.
invite-code-mailed = Ti abbiamo inviato via email un codice di accesso: inseriscilo anche nel campo del codice.
