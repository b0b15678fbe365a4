### The account switcher (`/accounts`).

accounts-title = Uw accounts
account-owner = Eigenaar
account-status =
    { $status ->
        [active] Actief
        [inactive] Inactief
        [closed] Gesloten
       *[other] { $status }
    }
accounts-you-own = U bent eigenaar van dit account en heeft alle rechten.
accounts-your-permissions = Uw rechten:
accounts-permissions-label = Uw rechten op { $account }
accounts-no-permissions = U kunt dit account zien, maar heeft er geen rechten op.
accounts-open = Openen
accounts-user-management = Gebruikersbeheer
accounts-more = Meer accounts
accounts-none = U heeft nog geen toegang tot een account. Als een accounteigenaar u uitnodigt, ontvangt u de uitnodiging per e-mail.
