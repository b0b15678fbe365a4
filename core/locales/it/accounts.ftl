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
