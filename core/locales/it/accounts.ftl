### The account switcher (`/accounts`).

accounts-title = I tuoi account
account-owner = Titolare
account-status =
    { $status ->
        [active] Attivo
        [inactive] Inattivo
        [closed] Chiuso
       *[other] { $status }
    }
accounts-you-own = Sei il titolare di questo account e hai tutti i permessi.
accounts-your-permissions = I tuoi permessi:
accounts-permissions-label = I tuoi permessi su { $account }
accounts-no-permissions = Puoi vedere questo account, ma non hai permessi su di esso.
accounts-open = Apri
accounts-user-management = Gestione utenti
accounts-more = Altri account
accounts-none = Non hai ancora accesso a nessun account. Quando il titolare di un account ti invita, l'invito arriva via email.

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Tutti gli account
account-overview = Panoramica
account-number = Numero cliente:
account-status-label = Stato:
account-currency = Valuta:
account-billing-email = Email di fatturazione:
account-owner-intro = Questo account è tuo e hai tutti i permessi.
account-owner-users = Gestione utenti: chi può accedere a questo account e cosa può fare ciascuno.
account-your-permissions = I tuoi permessi
account-no-permissions = Nessuno: vedi questo account ma non puoi modificare nulla.
account-leave = Lascia questo account
account-profile = Profilo dell'account
account-company = Ragione sociale
account-billing = Email di fatturazione
account-phone = Telefono
account-tax-id = Partita IVA o codice fiscale
account-address1 = Indirizzo
account-address2 = Indirizzo (riga 2)
account-city = Città
account-state = Provincia o regione
account-postcode = CAP
account-country = Paese (due lettere, ad es. IT)
account-save = Salva il profilo
contacts-heading = Contatti
contacts-intro = I contatti ricevono le email dell'account; non effettuano l'accesso.
contacts-col-name = Nome
contacts-col-email = Email
contacts-col-receives = Riceve
contacts-col-actions = Azioni
contacts-nothing = niente
contacts-edit = Modifica
contacts-delete = Elimina
contacts-delete-label = Elimina { $name }
contacts-none = Ancora nessun contatto.
contacts-add-heading = Aggiungi un contatto
contacts-phone = Telefono (facoltativo)
contacts-add = Aggiungi il contatto
contacts-kinds = Email che riceve questo contatto
contact-kind = { $kind ->
    [general] Generali
    [billing] Fatturazione
    [support] Assistenza
    [product] Prodotti
    [domain] Domini
   *[other] { $kind }
}
contact-title = Contatto { $name }
contact-back = Torna all'account
contact-save = Salva il contatto
leave-title = Lascia { $account }
leave-heading = Lasciare { $account }?
leave-intro = Non potrai più accedere a questo account. Solo il suo titolare può invitarti di nuovo.
leave-stay = Resta
remove-title = Rimuovi { $name }
remove-heading = Rimuovere { $name }?
remove-intro = { $email } non potrà più accedere a questo account, dalla prossima pagina che apre. Il suo accesso e gli altri suoi account restano come sono.
remove-confirm = Rimuovi da questo account
remove-cancel = Annulla

## What the account pages say after a form succeeded.

accounts-joined = Ora hai accesso a { $account }.
accounts-left = Hai lasciato l'account.
account-done-profile = Il profilo dell'account è salvato.
account-done-contact = Il contatto è salvato.
account-done-contact-deleted = Il contatto è stato eliminato.
