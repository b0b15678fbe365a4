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

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Alle Konten
account-overview = Übersicht
account-number = Kundennummer:
account-status-label = Status:
account-currency = Währung:
account-billing-email = Rechnungs-E-Mail:
account-owner-intro = Dieses Konto gehört Ihnen, und Sie haben alle Berechtigungen.
account-owner-users = Benutzerverwaltung: wer dieses Konto erreicht und was jede Person darf.
account-your-permissions = Ihre Berechtigungen
account-no-permissions = Keine: Sie sehen dieses Konto, können darin aber nichts ändern.
account-leave = Dieses Konto verlassen
account-profile = Kontoprofil
account-company = Firmenname
account-billing = Rechnungs-E-Mail
account-phone = Telefon
account-tax-id = Steuernummer
account-address1 = Adresse
account-address2 = Adresse (Zeile 2)
account-city = Ort
account-state = Bundesland oder Region
account-postcode = Postleitzahl
account-country = Land (zwei Buchstaben, z. B. DE)
account-save = Profil speichern
contacts-heading = Kontakte
contacts-intro = Kontakte erhalten die E-Mails des Kontos; sie melden sich nicht an.
contacts-col-name = Name
contacts-col-email = E-Mail
contacts-col-receives = Erhält
contacts-col-actions = Aktionen
contacts-nothing = nichts
contacts-edit = Bearbeiten
contacts-delete = Löschen
contacts-delete-label = { $name } löschen
contacts-none = Noch keine Kontakte.
contacts-add-heading = Kontakt hinzufügen
contacts-phone = Telefon (optional)
contacts-add = Kontakt hinzufügen
contacts-kinds = E-Mails, die dieser Kontakt erhält
contact-kind = { $kind ->
    [general] Allgemein
    [billing] Rechnungen
    [support] Support
    [product] Produkte
    [domain] Domains
   *[other] { $kind }
}
contact-title = Kontakt { $name }
contact-back = Zurück zum Konto
contact-save = Kontakt speichern
leave-title = { $account } verlassen
leave-heading = { $account } verlassen?
leave-intro = Sie erreichen dieses Konto dann nicht mehr. Nur sein Inhaber kann Sie wieder einladen.
leave-stay = Bleiben
remove-title = { $name } entfernen
remove-heading = { $name } entfernen?
remove-intro = { $email } erreicht dieses Konto nicht mehr, ab der nächsten Seite, die diese Person öffnet. Ihr Zugang und ihre anderen Konten bleiben, wie sie sind.
remove-confirm = Aus diesem Konto entfernen
remove-cancel = Abbrechen

## What the account pages say after a form succeeded.

accounts-joined = Sie haben jetzt Zugriff auf { $account }.
accounts-left = Sie haben das Konto verlassen.
account-done-profile = Das Kontoprofil ist gespeichert.
account-done-contact = Der Kontakt ist gespeichert.
account-done-contact-deleted = Der Kontakt wurde gelöscht.
