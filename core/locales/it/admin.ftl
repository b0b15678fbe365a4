### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

admin-title = Amministrazione di { $product }
admin-badge = Admin
admin-nav = Amministrazione
admin-nav-clients = Clienti
admin-nav-users = Utenti
admin-nav-audit = Registro di controllo
admin-nav-plugins = Plugin
admin-nav-mail = Coda email
admin-nav-apps = App
admin-nav-settings = Impostazioni
admin-nav-staff = Staff
admin-nav-me = Il tuo accesso
admin-role = { $role ->
    [administrator] amministratore
    [support] supporto
   *[other] { $role }
}
admin-sign-out = Esci
admin-back-to-clients = Torna ai clienti
admin-login-title = Accesso dello staff
admin-login-continue = Continua
admin-login-lost = Hai perso la password o l'autenticatore? Un amministratore può darti un nuovo link di configurazione.
admin-code-title = Secondo passaggio
admin-code-heading = Codice di autenticazione
admin-passkey-heading = La tua passkey
admin-code-intro = Inserisci il codice di 6 cifre che la tua app di autenticazione mostra ora.
admin-code-field = Codice
admin-code-submit = Accedi
admin-no-passkey = Non hai una passkey, e qui lo staff accede con una passkey: chiedi a un amministratore un nuovo link di configurazione.
admin-passkey-or = Oppure usa una delle tue passkey
admin-passkey-confirm = Conferma che sei tu con la tua passkey
admin-passkey-use = Usa una passkey
admin-passkey-missing = Questo browser non può usare le passkey (oppure JavaScript è disattivato per questo sito): accedi da un browser che può farlo.
admin-start-again = Ricomincia

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Il tuo accesso
admin-me-passkeys = Passkey
admin-me-passkeys-intro = Una passkey conferma che sei tu dopo la password, con l'impronta digitale, il volto o il blocco schermo. Funziona solo su questo sito, quindi una falsa pagina di accesso non può inoltrarla.
admin-me-passkey-required = Qui lo staff accede con una passkey: i codici di un'app di autenticazione non sono accettati.
admin-me-totp-too = Anche la tua app di autenticazione funziona.
admin-me-passkey-hint = Per esempio il dispositivo su cui si trova: «Portatile di lavoro», «Chiave di sicurezza».
admin-me-unusable = Le passkey non si possono usare all'indirizzo di questo server (server.public_url deve indicare un host con il suo nome di dominio).
admin-setup-title = Configura il tuo accesso staff
admin-setup-for-passkey = Per { $email } ({ $role }). Scegli una password e crea una passkey: per accedere servono entrambe.
admin-setup-for-totp = Per { $email } ({ $role }). Scegli una password e aggiungi questo accesso a un'app di autenticazione: per accedere servono entrambe.
admin-setup-passkey = Passkey
admin-setup-passkey-intro = Il browser ti chiede dove conservare la passkey (questo dispositivo, il telefono, una chiave di sicurezza o un gestore di password) e la tua impronta digitale, il volto o il blocco schermo. Qui i codici di un'app di autenticazione non sono accettati.
admin-setup-passkey-name = Passkey
admin-setup-create = Crea la passkey e salva
admin-setup-no-passkeys = Questo browser non può creare passkey (oppure JavaScript è disattivato per questo sito): apri il link in un browser che può farlo.
admin-setup-app = App di autenticazione
admin-setup-scan = Scansiona il codice, oppure digita la chiave nell'app.
admin-setup-qr-alt = Codice QR della tua chiave di autenticazione
admin-setup-key = Chiave:
admin-setup-code = Il codice di 6 cifre mostrato dall'app
admin-setup-save = Salva e continua all'accesso

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Annulla
admin-users-of = Utenti di { $client }
admin-remove-title = Rimuovi un utente · { $client }
admin-remove-heading = Rimuovere { $name } da { $client }?
admin-remove-text = { $email } perde subito l'accesso a questo cliente. Il suo accesso e gli altri suoi clienti restano.
admin-remove = Rimuovi
admin-delete-title = Elimina { $email }
admin-delete-heading = Eliminare { $name }?
admin-delete-text = { $email } perde per sempre il proprio accesso e l'accesso a tutti i clienti. Un utente titolare di un cliente non può essere eliminato: trasferisci prima la titolarità.
admin-delete = Elimina l'utente
admin-owner-title = Rendi titolare · { $client }
admin-owner-heading = Rendere { $name } il titolare?
admin-owner-text = { $email } diventa titolare di { $client }: ha tutti i permessi e ne gestisce gli utenti. La modifica è immediata.
admin-owner-keep = Mantieni il titolare precedente come utente di questo cliente, con tutti i permessi
admin-owner-keep-hint = Togli la spunta per revocare al titolare precedente l'accesso a questo cliente (il suo accesso e gli altri clienti restano).
admin-owner-make = Rendi titolare

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Registro di controllo
admin-audit-who = Chi
admin-audit-who-hint = Email dello staff, nome del token, id utente
admin-audit-action = Azione
admin-audit-action-hint = ad es. account.ownership_changed
admin-audit-client = Id cliente
admin-audit-user = Id utente
admin-audit-filter = Filtra
admin-audit-events = Eventi, dai più recenti
admin-audit-newest = Più recenti
admin-audit-older = Eventi precedenti
admin-audit-client-title = Controllo · { $client }
admin-audit-client-heading = Cosa è successo a { $client }
admin-audit-when = Quando
admin-audit-what = Cosa
admin-audit-about = Riguarda
admin-audit-change = Modifica
admin-audit-about-client = cliente
admin-audit-about-user = utente
admin-audit-none = Nessun evento.

## A client's tabs.

admin-clients-back = Clienti
admin-client-tabs = Cliente
admin-tab-summary = Riepilogo
admin-tab-users = Utenti
admin-tab-invitations = Inviti
admin-tab-contacts = Contatti
admin-tab-audit = Controllo
admin-status = { $status ->
    [active] Attivo
    [inactive] Inattivo
    [closed] Chiuso
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Ricerca
admin-find = Cerca
admin-any = Qualsiasi
admin-first-page = Prima pagina
admin-next-page = Pagina successiva
admin-col-status = Stato
admin-col-email = Email
admin-col-created = Creato
admin-clients-title = Clienti
admin-clients-search-hint = Azienda, email di fatturazione o #numero
admin-clients-found = Clienti trovati
admin-clients-all = Tutti i clienti
admin-col-client = Cliente
admin-col-billing = Email di fatturazione
admin-col-country = Paese
admin-clients-none = Nessun cliente corrisponde.
admin-users-title = Utenti
admin-users-search-hint = Email o nome
admin-users-found = Utenti trovati
admin-users-all = Tutti gli utenti
admin-col-user = Utente
admin-col-two-factor = Due passaggi
admin-col-last-login = Ultimo accesso
admin-users-none = Nessun utente corrisponde.
admin-contacts-title = Contatti · { $client }
admin-contacts-heading = Contatti di { $client }
admin-contacts-intro = Persone che ricevono le email di questo cliente senza un accesso. Le gestiscono gli utenti del cliente con il permesso per i contatti.
admin-col-name = Nome
admin-col-phone = Telefono
admin-col-receives = Riceve
admin-none = Nessuno
admin-contacts-none = Nessun contatto.

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Pagina utente del titolare
admin-client-users-link = Utenti di questo cliente
admin-client-number = Numero #{ $number }
admin-client-created = Creato il { $time }
admin-client-status = Stato: { $status ->
    [active] attivo
    [inactive] inattivo
    [closed] chiuso
   *[other] { $status }
}
admin-client-close = Chiudi questo cliente
admin-client-close-text = Un cliente chiuso conserva i suoi utenti e la sua cronologia; il suo stato diventa «chiuso».
admin-client-close-button = Chiudi { $client }
admin-client-profile = Profilo
admin-client-users-title = Utenti · { $client }
admin-associate-heading = Aggiungi un utente esistente
admin-associate-intro = La persona raggiunge subito questo cliente con il proprio accesso; non viene inviata nessuna email.
admin-associate-email = Indirizzo email dell'utente
admin-associate-add = Aggiungi l'utente
admin-invite-heading = Invita via email
admin-invite-intro = Inviamo via email un link valido per un tempo limitato; un utente nuovo o esistente lo accetta e raggiunge questo cliente con questi permessi.
admin-invite-email = Indirizzo email
admin-invitations-link = Inviti di questo cliente
admin-invitations-title = Inviti · { $client }
admin-invitations-heading = Inviti a { $client }
admin-invitations-send-new = Invia un nuovo invito dalla scheda Utenti
admin-col-state = Stato
admin-col-sent-by = Inviato da
admin-invitation-state = { $state ->
    [pending] In attesa
    [accepted] Accettato
    [cancelled] Annullato
    [expired] Scaduto
   *[other] { $state }
}
admin-invitation-accepted-at = Accettato il { $time }
admin-invitations-none = Non è stato inviato nessun invito per questo cliente.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Attivo
    [disabled] Disattivato
   *[other] { $status }
}
admin-user-login = Accesso
admin-user-unverified = (non verificato)
admin-user-number = Numero
admin-user-password = Password
admin-user-password-set = Impostata
admin-user-password-none = Nessuna: accede con una passkey
admin-user-last-login-from = { $time } da { $ip }
admin-user-send-reset = Invia un link per reimpostare la password
admin-user-factors-off = Disattiva la verifica in due passaggi e rimuovi le passkey
admin-user-totp-off = Disattiva la verifica in due passaggi
admin-disable = Disattiva
admin-enable = Riattiva
admin-user-delete = Elimina…
admin-user-clients = Clienti che questo utente raggiunge
admin-col-role = Ruolo
admin-user-member = Utente
admin-user-more-clients = Sono elencati solo i primi clienti.
admin-user-sessions = Sessioni
admin-user-no-sessions = Nessuna sessione aperta.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hook
admin-plugin-none = nessuno
admin-plugin-capabilities = Capacità
admin-plugin-priority = Priorità
admin-plugin-on-error = In caso di errore
admin-plugin-loaded = Caricato
admin-plugin-hook = Hook
admin-plugin-calls = Chiamate
admin-plugin-denies = Rifiuti
admin-plugin-traps = Arresti anomali
admin-plugin-timeouts = Tempi scaduti
admin-plugin-errors = Errori
admin-plugin-latency = Media / max µs
admin-plugin-queue = Hook successivi: { $delivered } consegnati, { $backlog } in attesa, { $parked } accantonati.
admin-plugin-last-error = Ultimo errore:
admin-plugin-parked = Eventi accantonati
admin-plugin-event = Evento
admin-plugin-kind = Tipo
admin-col-attempts = Tentativi
admin-plugin-error = Errore
admin-plugin-parked-at = Accantonato
admin-retry = Riprova
admin-plugin-reload = Ricarica { $plugin }
admin-plugins-none = Nessun plugin è caricato. I plugin sono componenti WebAssembly nella cartella indicata da { $setting }; vedi la guida ai plugin.
admin-settings-intro = Le impostazioni con cui gira questo server: i suoi file di configurazione, poi le variabili d'ambiente ROSTER_…, poi i valori predefiniti. Sola lettura: modifica i file o l'ambiente e riavvia. I segreti appaiono come ***.
admin-settings-effective = Impostazioni in vigore
admin-settings-setting = Impostazione
admin-settings-value = Valore

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Link di configurazione per { $email }:
admin-staff-members = Membri dello staff
admin-staff-last-sign-in = Ultimo accesso
admin-staff-you = (tu)
admin-role-name = { $role ->
    [administrator] Amministratore
    [support] Supporto
   *[other] { $role }
}
admin-staff-not-set-up = (link di configurazione non ancora usato)
admin-staff-new-link = Nuovo link di configurazione
admin-staff-add = Aggiungi un membro dello staff
admin-staff-role-support = Supporto: legge tutto; invia, reinvia e annulla inviti e link per reimpostare la password
admin-staff-role-administrator = Amministratore: tutto
admin-staff-add-button = Aggiungi e mostra il link di configurazione
admin-mail-intro = Ogni email viene scritta insieme alla modifica che la causa e inviata da qui, con nuovi tentativi. Il contenuto di un messaggio non viene mai mostrato: contiene link monouso.
admin-mail-failed = Abbandonate
admin-mail-to = A
admin-mail-message = Email
admin-mail-last-error = Ultimo errore
admin-mail-written = Scritta
admin-mail-failed-none = Nessuna: ogni email è partita o è in viaggio.
admin-mail-waiting = In attesa
admin-mail-next-attempt = Prossimo tentativo
admin-mail-waiting-none = Niente in attesa.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = App che fanno accedere le persone con { $product } (OpenID Connect). Configura ciascuna su
admin-apps-secret-of = Segreto client di { $app }:
admin-apps-registered = App registrate
admin-apps-client-id = ID client
admin-apps-kind = Tipo
admin-apps-redirects = URI di reindirizzamento
admin-apps-trusted = Attendibile
admin-apps-kind-name = { $kind ->
    [confidential] Riservata
    [public] Pubblica
   *[other] { $kind }
}
admin-apps-logout = Uscita:
admin-apps-new-secret = Nuovo segreto
admin-apps-none = Nessuna app è ancora registrata.
admin-apps-register = Registra un'app
admin-apps-name = Nome (mostrato alle persone nella pagina di consenso)
admin-apps-redirect-uris = URI di reindirizzamento (uno per riga)
admin-apps-redirect-hint = https, http su 127.0.0.1 o [::1], oppure per un'app pubblica uno schema privato come com.example.app:/callback. Confrontati in modo esatto.
admin-apps-public = Pubblica: un'app nativa o a pagina singola (senza segreto; PKCE obbligatorio)
admin-apps-trusted-hint = Attendibile: l'app di { $product } stesso (senza pagina di consenso)
admin-apps-post-logout = URI di reindirizzamento dopo l'uscita (uno per riga, facoltativi)
admin-apps-backchannel = URI di uscita back-channel (facoltativo)
admin-apps-logo = URL del logo (facoltativo, https)
admin-apps-alg = Firma del token ID
admin-apps-register-button = Registra

## Your language and time zone (`/admin/me`).

admin-me-preferences = Lingua e fuso orario
admin-me-language-browser = La lingua del tuo browser
admin-me-preferences-save = Salva
admin-me-done-preferences = La tua lingua e il tuo fuso orario sono salvati.

## What a page says after a form did its work, and why it could not.

admin-done-saved = Le modifiche sono salvate.
admin-done-closed = Il cliente è chiuso.
admin-done-permissions = I permessi sono salvati.
admin-done-removed = L'utente è stato rimosso da questo cliente.
admin-done-associated = L'utente ora ha accesso a questo cliente.
admin-done-invited = L'invito è in viaggio.
admin-done-resent = Un nuovo link di invito è in viaggio; il vecchio link non funziona più.
admin-done-cancelled = L'invito è stato annullato; il suo link non funziona più.
admin-done-owner = La titolarità è stata trasferita.
admin-done-mail-retried = Il messaggio è di nuovo in coda; parte adesso.
admin-done-app-removed = L'app è stata rimossa.
admin-done-app-registered = { $app } è stata registrata. Copia subito il segreto: non verrà mostrato di nuovo.
admin-done-app-registered-public = { $app } è stata registrata (un'app pubblica: nessun segreto).
admin-done-app-secret-now = { $app } ha un nuovo segreto; il vecchio non funziona più.
admin-done-app-secret-grace = { $app } ha un nuovo segreto; il vecchio funziona ancora per un giorno.
admin-plugin-failed-again = { $plugin } ha fallito di nuovo; l'evento resta accantonato. Il messaggio: { $error }
admin-done-plugin-reloaded = { $plugin } è stato ricaricato.
admin-done-plugin-delivered = { $plugin } ha preso l'evento; ha lasciato l'elenco degli accantonati.
admin-done-staff-disabled = Il membro dello staff è disattivato; le sue sessioni sono terminate.
admin-done-staff-enabled = Il membro dello staff è riattivato.
admin-done-staff-removed = Il membro dello staff è stato rimosso.
admin-done-staff-link = Un nuovo link di configurazione per { $email }: il vecchio non funziona più.
admin-done-user-deleted = L'utente è stato eliminato.
admin-done-user-disabled = L'utente è disattivato: non può accedere, e le sue sessioni sono terminate.
admin-done-user-enabled = L'utente è riattivato: può accedere di nuovo.
admin-done-user-reset = Un link per reimpostare la password è in viaggio verso l'utente.
admin-done-user-totp-off = La verifica in due passaggi è disattivata per questo utente, e i suoi codici di backup e le sue passkey non ci sono più: basta un link di reimpostazione per farlo rientrare.
admin-search-unreadable = Non è stato possibile leggere questa ricerca
admin-search-unreadable-text = Contiene un carattere di controllo (come un a capo). Torna indietro e correggila.
admin-not-allowed-text = Il tuo ruolo (supporto) può consultare clienti, utenti e il registro di controllo, e inviare, reinviare e annullare inviti e link per reimpostare la password, ma non questo. Chiedi a un amministratore.
admin-not-done = Non è stato possibile farlo
admin-setup-link-broken = Questo link non funziona
admin-setup-link-broken-text = È già stato usato o è scaduto. Chiedine uno nuovo a un amministratore (roster admin staff link).
admin-setup-code-wrong = Il codice non corrisponde: controlla l'orologio dell'app e digita il codice che mostra adesso.
admin-login-done-setup = La tua password e il tuo autenticatore sono configurati: accedi.
admin-login-done-out = Sei uscito.
admin-passkey-not-confirmed = Quella passkey non ha confermato che sei tu: riprova.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Accedi come questo utente
admin-audit-on-behalf-of = come l'utente
admin-done-support-ended = L'accesso del supporto è terminato.
admin-sign-in-as-refused = Non puoi accedere come questo utente: l'accesso del supporto è disattivato, il tuo ruolo non può usarlo, oppure l'utente non l'ha permesso.
