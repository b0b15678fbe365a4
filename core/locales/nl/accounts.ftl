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

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Alle accounts
account-overview = Overzicht
account-number = Klantnummer:
account-status-label = Status:
account-currency = Valuta:
account-billing-email = Factuur-e-mail:
account-owner-intro = Dit account is van u en u hebt alle rechten.
account-owner-users = Gebruikersbeheer: wie dit account kan bereiken en wat ieder mag doen.
account-your-permissions = Uw rechten
account-no-permissions = Geen: u ziet dit account, maar kunt er niets in wijzigen.
account-leave = Dit account verlaten
account-profile = Accountprofiel
account-company = Bedrijfsnaam
account-billing = Factuur-e-mail
account-phone = Telefoon
account-tax-id = Btw-nummer
account-address1 = Adres
account-address2 = Adres (regel 2)
account-city = Plaats
account-state = Provincie of regio
account-postcode = Postcode
account-country = Land (twee letters, bijv. NL)
account-save = Profiel opslaan
contacts-heading = Contactpersonen
contacts-intro = Contactpersonen ontvangen de e-mails van het account; ze loggen niet in.
contacts-col-name = Naam
contacts-col-email = E-mail
contacts-col-receives = Ontvangt
contacts-col-actions = Acties
contacts-nothing = niets
contacts-edit = Bewerken
contacts-delete = Verwijderen
contacts-delete-label = { $name } verwijderen
contacts-none = Nog geen contactpersonen.
contacts-add-heading = Contactpersoon toevoegen
contacts-phone = Telefoon (optioneel)
contacts-add = Contactpersoon toevoegen
contacts-kinds = E-mails die deze contactpersoon ontvangt
contact-kind = { $kind ->
    [general] Algemeen
    [billing] Facturen
    [support] Support
    [product] Producten
    [domain] Domeinnamen
   *[other] { $kind }
}
contact-title = Contactpersoon { $name }
contact-back = Terug naar het account
contact-save = Contactpersoon opslaan
leave-title = { $account } verlaten
leave-heading = { $account } verlaten?
leave-intro = U bereikt dit account dan niet meer. Alleen de eigenaar kan u opnieuw uitnodigen.
leave-stay = Blijven
remove-title = { $name } verwijderen
remove-heading = { $name } verwijderen?
remove-intro = { $email } bereikt dit account niet meer, vanaf de volgende pagina die deze persoon opent. De login en de andere accounts van deze persoon blijven zoals ze zijn.
remove-confirm = Uit dit account verwijderen
remove-cancel = Annuleren

## What the account pages say after a form succeeded.

accounts-joined = U hebt nu toegang tot { $account }.
accounts-left = U hebt het account verlaten.
account-done-profile = Het accountprofiel is opgeslagen.
account-done-contact = De contactpersoon is opgeslagen.
account-done-contact-deleted = De contactpersoon is verwijderd.
