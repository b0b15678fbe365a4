### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

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
