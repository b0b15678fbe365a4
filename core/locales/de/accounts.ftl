### The account switcher (`/accounts`).

accounts-title = Ihre Konten
account-owner = Inhaber
account-status =
    { $status ->
        [active] Aktiv
        [inactive] Inaktiv
        [closed] Geschlossen
       *[other] { $status }
    }
accounts-you-own = Sie sind Inhaber dieses Kontos und haben alle Berechtigungen.
accounts-your-permissions = Ihre Berechtigungen:
accounts-permissions-label = Ihre Berechtigungen für { $account }
accounts-no-permissions = Sie sehen dieses Konto, haben darauf aber keine Berechtigungen.
accounts-open = Öffnen
accounts-user-management = Benutzerverwaltung
accounts-more = Weitere Konten
accounts-none = Sie haben noch auf kein Konto Zugriff. Wenn ein Kontoinhaber Sie einlädt, kommt die Einladung per E-Mail.
