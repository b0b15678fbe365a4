### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Il mio profilo e la sicurezza
me-passkeys-only-heading = Accedi solo con le passkey
me-passkeys-only-recent = Hai appena effettuato l'accesso con una passkey: per cinque minuti da quel momento puoi modificare qui il tuo indirizzo email, la password, la verifica in due passaggi, i codici di backup e le passkey.
me-passkeys-only-confirm = Il tuo accesso non ha una password. Per modificare indirizzo email, password, verifica in due passaggi, codici di backup o passkey, conferma prima che sei tu con la tua passkey: le modifiche restano poi possibili per cinque minuti.
me-confirm-passkey = Conferma con una passkey
me-confirm-needs-script = Per confermare serve un browser che supporti le passkey, con JavaScript consentito per questo sito.

me-profile-heading = Profilo
me-language = Lingua
me-time-zone = Fuso orario
me-time-zone-default = Predefinito ({ $zone })
me-save-profile = Salva il profilo

me-email-heading = Indirizzo email
me-email-now = Attuale:
me-verified = Verificato
me-not-verified = Non verificato
me-new-email = Nuovo indirizzo email
me-new-email-hint = Inviamo un link al nuovo indirizzo: il tuo indirizzo cambia quando lo apri.
me-current-password = Password attuale
me-change-email = Cambia l'indirizzo email

me-password-heading = Password
me-none = Nessuna
me-no-password = Il tuo accesso non ha una password: accedi con una passkey. Puoi impostare di nuovo una password.
me-change-password = Cambia la password
me-set-password = Imposta una password
me-new-password = Nuova password
me-new-password-hint = Almeno { $min } caratteri. Le tue altre sessioni vengono chiuse.
me-new-password-again = Ripeti la nuova password
me-drop-heading = Accedi solo con le passkey
me-drop-hint = Rinuncia alla password: nessuno potrà più accedere con essa né rubartela con il phishing. Accedi con una passkey; se perdi le tue passkey, un codice di backup e un link per reimpostare la password ti fanno rientrare.
me-drop-codes-first = Prima crea i codici di backup (in «Passkey»).
me-drop = Rinuncia alla password

me-totp-heading = Verifica in due passaggi
me-on = Attivata
me-off = Disattivata
me-totp-on-intro = All'accesso, dopo la password, ti chiediamo un codice della tua app di autenticazione (o un codice di backup).
me-codes-new-heading = Nuovi codici di backup
me-codes-new-hint = I tuoi vecchi codici di backup smettono di funzionare.
me-password = Password
me-or-app-code = oppure un codice della tua app
me-app-code = Un codice della tua app
me-make-new-codes = Crea nuovi codici di backup
me-totp-off-heading = Disattiva la verifica in due passaggi
me-turn-off = Disattiva
me-totp-intro = Proteggi il tuo accesso con un codice di un'app di autenticazione (come Aegis, Google Authenticator o 1Password) oltre alla password.
me-totp-turn-on = Attiva la verifica in due passaggi

me-passkeys-heading = Passkey
me-passkeys-intro = Una passkey ti fa accedere con l'impronta digitale, il volto o il blocco schermo invece che con una password. Funziona solo sul sito di { $product }, quindi una falsa pagina di accesso non può rubarla.
me-codes-heading = Codici di backup
me-codes-left = { $count ->
    [0] Ancora nessuno.
    [one] Uno non usato. I nuovi lo sostituiscono.
   *[other] { $count } non usati. I nuovi li sostituiscono.
}
me-codes-hint = Dieci codici monouso: con un link per reimpostare la password, uno di essi ti fa rientrare se perdi le tue passkey.
me-make-codes = Crea codici di backup
me-no-passkey = Non hai ancora una passkey.
me-add-passkey = Aggiungi una passkey
me-passkey-name = Un nome per riconoscerla
me-passkey-name-hint = Per esempio il dispositivo su cui si trova: «MacBook», «Telefono».
me-add-needs-script = Per aggiungere una passkey serve un browser che le supporti, con JavaScript consentito per questo sito.
me-passkeys-unusable = Le passkey non si possono usare all'indirizzo di questo server; chiedi informazioni a { $product }.
passkey-col-name = Nome
passkey-col-added = Aggiunta
passkey-col-last-used = Ultimo uso
passkey-never = Mai
passkey-synced = Sincronizzata
passkey-new-name = Nuovo nome per { $name }
passkey-rename = Rinomina
passkey-remove = Rimuovi

me-sessions-heading = Dove hai effettuato l'accesso
me-col-device = Dispositivo
me-col-ip = Indirizzo IP
me-col-signed-in = Accesso
me-col-last-seen = Ultima attività
me-col-actions = Azioni
me-unknown = Sconosciuto
me-this-browser = Questo browser
me-sign-out = Esci
me-sign-out-this = (questo browser)
me-sign-out-other = (la sessione da { $ip })

me-apps-heading = App con accesso
me-app-since = Dal { $date }.
me-app-own = Un'app di { $product }.
me-app-learns = Può conoscere:
me-remove-access = Revoca l'accesso
me-no-apps = Nessuna app ti fa accedere con { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Il tuo profilo è salvato.
me-done-email = Abbiamo inviato un link al nuovo indirizzo, a meno che non si possa usare. Il tuo indirizzo email cambia quando lo apri.
me-done-password = La tua password è cambiata. Le tue altre sessioni sono state chiuse.
me-done-password-dropped = La tua password non c'è più: ora accedi con una passkey. Le tue altre sessioni sono state chiuse.
me-done-totp-off = La verifica in due passaggi è disattivata.
me-done-passkey-added = La tua passkey è stata aggiunta: usala per accedere.
me-done-passkey-renamed = La passkey è stata rinominata.
me-done-passkey-removed = La passkey è stata rimossa: non fa più accedere nessuno.
me-done-revoked = La sessione è stata chiusa.
me-done-withdrawn = L'app non ha più accesso. Lo chiederà di nuovo se accedi con essa.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Attiva la verifica in due passaggi
totp-step1 = 1. Aggiungi { $product } alla tua app di autenticazione
totp-scan = Scansiona questo codice QR con l'app:
totp-qr-alt = Codice QR del tuo segreto di verifica (lo stesso segreto è scritto qui sotto)
totp-type = Oppure digita questo segreto nell'app:
totp-step2 = 2. Inserisci il codice mostrato dall'app
totp-code = Codice
totp-submit = Attiva
totp-not-now = Non ora
codes-title = I tuoi codici di backup
codes-heading-first = La verifica in due passaggi è attiva
codes-heading-new = I tuoi nuovi codici di backup
codes-keep-totp = Conserva questi codici in un posto sicuro. Ognuno funziona una volta, al posto di un codice dell'app, se perdi il telefono.
codes-keep-passkeys = Conserva questi codici in un posto sicuro. Ognuno funziona una volta: con un link per reimpostare la password, uno di essi ti fa rientrare se perdi le tue passkey.
codes-shown-once = Vengono mostrati solo adesso.
codes-download = Scarica i codici
codes-done = Fatto
passkey-add-title = Aggiungi una passkey
passkey-add-intro = Il browser ora ti chiede dove conservare la passkey (questo dispositivo, il telefono, una chiave di sicurezza o un gestore di password) e la tua impronta digitale, il volto o il blocco schermo.
passkey-add-submit = Crea la passkey
passkey-add-missing = Questo browser non può creare passkey (oppure JavaScript è disattivato per questo sito).
passkey-name-length = Dalle un nome da 1 a { $max } caratteri.
me-wrong-password = Questa non è la tua password attuale.
totp-wrong-code = Il codice è errato: controlla l'ora del telefono e prova il successivo.
codes-file = Codici di backup per { $product } ({ $email })
codes-file-totp = Ognuno funziona una volta, al posto di un codice dell'app.
codes-file-passkeys = Ognuno funziona una volta, con un link per reimpostare la password, se perdi le tue passkey.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Accessi del supporto
me-support-intro = Il team di supporto di { $product } può accedere come te per vedere quello che vedi: ricevi un'email ogni volta, e ogni accesso è elencato qui. Non può cambiare il modo in cui accedi.
me-support-allowed = Il supporto può accedere come te fino al { $time }.
me-support-withdraw = Ritira
me-support-asks = Il supporto accede come te solo se lo permetti, un giorno alla volta.
me-support-allow = Permetti per un giorno
me-support-col-staff = Membro del supporto
me-support-col-from = Accesso
me-support-col-until = Fino a
me-support-none = Il supporto non ha mai effettuato l'accesso come te.
me-done-support-allowed = Il supporto può accedere come te per un giorno.
me-done-support-withdrawn = Il supporto non può più accedere come te.
