### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Accedi
login-heading = Accedi a { $product }
field-email = Indirizzo email
field-password = Password
login-submit = Accedi
login-passkey-heading = Oppure usa una passkey
login-passkey-intro = La tua impronta, il tuo volto o il blocco schermo al posto della password: nessun indirizzo email da digitare.
login-passkey-button = Accedi con una passkey
login-forgot = Password dimenticata?
login-new-here = Sei nuovo?
login-create = Crea un accesso
signup-title = Crea un accesso
field-first-name = Nome
field-last-name = Cognome
field-new-password-hint = Almeno { $min } caratteri.
field-company = Nome dell'azienda (facoltativo)
signup-company-hint = Il tuo account viene creato con questo nome; lascialo vuoto per usare il tuo.
signup-submit = Crea il mio accesso
signup-have-login = Hai già un accesso?
signup-sign-in = Accedi
forgot-title = Password dimenticata?
forgot-sent = Se esiste un accesso per quell'indirizzo, gli abbiamo inviato un link per scegliere una nuova password. Il link funziona una sola volta.
forgot-intro = Ti invieremo via email un link per scegliere una nuova password.
forgot-submit = Inviami un link
forgot-back = Torna all'accesso

## The second step of signing in (`/login/code`).

code-title-mailed = Codice di accesso
code-title = Verifica in due passaggi
code-intro-mailed = Ti abbiamo inviato via email un codice di accesso di 6 cifre. Inseriscilo qui. (Non è stato possibile trasferire la verifica in due passaggi dal vecchio sistema: riattivala nella pagina del tuo profilo e queste email non arriveranno più.)
code-intro = Inserisci il codice di 6 cifre della tua app di autenticazione, o uno dei tuoi codici di backup.
code-field = Codice
code-submit = Continua
code-passkey-heading = Oppure usa una delle tue passkey
code-passkey-button = Usa una passkey
code-start-again = Ricomincia

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = La passkey non è stata usata: la richiesta è stata annullata o è scaduta, oppure questo dispositivo non ha una passkey per questo sito.
passkey-js-exists = Questo dispositivo ha già una passkey per il tuo accesso.
passkey-js-failed = La passkey non ha funzionato qui ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Accedi per continuare.
login-passkey-unknown = Quella passkey non ti ha fatto accedere: forse è stata rimossa dal tuo accesso, o creata per un altro sito. Accedi invece con la tua password.
login-expired = Il tuo accesso ha richiesto troppo tempo o è già stato usato: accedi di nuovo.
code-passkey-unreadable = Non è stato possibile leggere la risposta della passkey: riprova.
code-passkey-not-confirmed = Quella passkey non ha confermato che sei tu: riprova, oppure inserisci un codice.
