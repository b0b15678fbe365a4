### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

admin-title = Beheer van { $product }
admin-badge = Beheer
admin-nav = Beheer
admin-nav-clients = Klanten
admin-nav-users = Gebruikers
admin-nav-audit = Auditlog
admin-nav-plugins = Plug-ins
admin-nav-mail = Mailwachtrij
admin-nav-apps = Apps
admin-nav-settings = Instellingen
admin-nav-staff = Medewerkers
admin-nav-me = Uw login
admin-role = { $role ->
    [administrator] beheerder
    [support] support
   *[other] { $role }
}
admin-sign-out = Afmelden
admin-back-to-clients = Terug naar de klanten
admin-login-title = Inloggen voor medewerkers
admin-login-continue = Doorgaan
admin-login-lost = Wachtwoord of authenticator kwijt? Een beheerder kan u een nieuwe instellink geven.
admin-code-title = Tweede stap
admin-code-heading = Authenticatorcode
admin-passkey-heading = Uw passkey
admin-code-intro = Vul de code van 6 cijfers in die uw authenticator-app nu toont.
admin-code-field = Code
admin-code-submit = Inloggen
admin-no-passkey = U hebt geen passkey, en medewerkers loggen hier met een passkey in: vraag een beheerder om een nieuwe instellink.
admin-passkey-or = Of gebruik een van uw passkeys
admin-passkey-confirm = Bevestig met uw passkey dat u het bent
admin-passkey-use = Passkey gebruiken
admin-passkey-missing = Deze browser kan geen passkeys gebruiken (of JavaScript staat uit voor deze site): log in vanuit een browser die dat wel kan.
admin-start-again = Opnieuw beginnen

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Uw login
admin-me-passkeys = Passkeys
admin-me-passkeys-intro = Een passkey bevestigt na uw wachtwoord met uw vingerafdruk, gezicht of schermvergrendeling dat u het bent. Hij werkt alleen op deze site, dus een valse inlogpagina kan hem niet doorgeven.
admin-me-passkey-required = Medewerkers loggen hier in met een passkey: codes uit een authenticator-app worden niet geaccepteerd.
admin-me-totp-too = Uw authenticator-app werkt ook.
admin-me-passkey-hint = Bijvoorbeeld het apparaat waarop hij staat: 'Werklaptop', 'Beveiligingssleutel'.
admin-me-unusable = Op het adres van deze server kunnen geen passkeys worden gebruikt (server.public_url moet een host bij zijn domeinnaam noemen).
admin-setup-title = Stel uw medewerkerslogin in
admin-setup-for-passkey = Voor { $email } ({ $role }). Kies een wachtwoord en maak een passkey aan: voor inloggen zijn beide nodig.
admin-setup-for-totp = Voor { $email } ({ $role }). Kies een wachtwoord en voeg deze login toe aan een authenticator-app: voor inloggen zijn beide nodig.
admin-setup-passkey = Passkey
admin-setup-passkey-intro = Uw browser vraagt waar de passkey bewaard moet worden (dit apparaat, uw telefoon, een beveiligingssleutel of een wachtwoordbeheerder) en om uw vingerafdruk, gezicht of schermvergrendeling. Inlogcodes uit een authenticator-app worden hier niet geaccepteerd.
admin-setup-passkey-name = Passkey
admin-setup-create = Passkey aanmaken en opslaan
admin-setup-no-passkeys = Deze browser kan geen passkeys aanmaken (of JavaScript staat uit voor deze site): open de link in een browser die dat wel kan.
admin-setup-app = Authenticator-app
admin-setup-scan = Scan de code of typ de sleutel in de app.
admin-setup-qr-alt = QR-code van uw authenticatorsleutel
admin-setup-key = Sleutel:
admin-setup-code = De code van 6 cijfers die de app toont
admin-setup-save = Opslaan en doorgaan naar inloggen

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Annuleren
admin-users-of = Gebruikers van { $client }
admin-remove-title = Gebruiker verwijderen · { $client }
admin-remove-heading = { $name } uit { $client } verwijderen?
admin-remove-text = { $email } verliest meteen de toegang tot deze klant. De login en de andere klanten van deze persoon blijven.
admin-remove = Verwijderen
admin-delete-title = { $email } verwijderen
admin-delete-heading = { $name } verwijderen?
admin-delete-text = { $email } verliest voorgoed de login en de toegang tot alle klanten. Een gebruiker die eigenaar van een klant is, kan niet worden verwijderd: draag eerst het eigendom over.
admin-delete = Gebruiker verwijderen
admin-owner-title = Eigenaar maken · { $client }
admin-owner-heading = { $name } eigenaar maken?
admin-owner-text = { $email } wordt eigenaar van { $client }: deze persoon krijgt alle rechten en beheert de gebruikers. De wijziging geldt meteen.
admin-owner-keep = De vorige eigenaar houden als gebruiker van deze klant, met alle rechten
admin-owner-keep-hint = Vink dit uit om de vorige eigenaar de toegang tot deze klant te ontnemen (de login en andere klanten blijven).
admin-owner-make = Eigenaar maken

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Auditlog
admin-audit-who = Wie
admin-audit-who-hint = E-mail van een medewerker, tokennaam, gebruikers-id
admin-audit-action = Actie
admin-audit-action-hint = bijv. account.ownership_changed
admin-audit-client = Klant-id
admin-audit-user = Gebruikers-id
admin-audit-filter = Filteren
admin-audit-events = Gebeurtenissen, nieuwste eerst
admin-audit-newest = Nieuwste
admin-audit-older = Oudere gebeurtenissen
admin-audit-client-title = Audit · { $client }
admin-audit-client-heading = Wat er met { $client } gebeurde
admin-audit-when = Wanneer
admin-audit-what = Wat
admin-audit-about = Over
admin-audit-change = Wijziging
admin-audit-about-client = klant
admin-audit-about-user = gebruiker
admin-audit-none = Geen gebeurtenis.

## A client's tabs.

admin-clients-back = Klanten
admin-client-tabs = Klant
admin-tab-summary = Overzicht
admin-tab-users = Gebruikers
admin-tab-invitations = Uitnodigingen
admin-tab-contacts = Contactpersonen
admin-tab-audit = Audit
admin-status = { $status ->
    [active] Actief
    [inactive] Inactief
    [closed] Gesloten
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Zoeken
admin-find = Zoeken
admin-any = Alle
admin-first-page = Eerste pagina
admin-next-page = Volgende pagina
admin-col-status = Status
admin-col-email = E-mail
admin-col-created = Aangemaakt
admin-clients-title = Klanten
admin-clients-search-hint = Bedrijf, factuur-e-mail of #nummer
admin-clients-found = Gevonden klanten
admin-clients-all = Alle klanten
admin-col-client = Klant
admin-col-billing = Factuur-e-mail
admin-col-country = Land
admin-clients-none = Geen klant komt overeen.
admin-users-title = Gebruikers
admin-users-search-hint = E-mail of naam
admin-users-found = Gevonden gebruikers
admin-users-all = Alle gebruikers
admin-col-user = Gebruiker
admin-col-two-factor = Tweestaps
admin-col-last-login = Laatste login
admin-users-none = Geen gebruiker komt overeen.
admin-contacts-title = Contactpersonen · { $client }
admin-contacts-heading = Contactpersonen van { $client }
admin-contacts-intro = Mensen die de e-mails van deze klant ontvangen zonder login. De gebruikers van de klant met het recht op contactpersonen beheren ze.
admin-col-name = Naam
admin-col-phone = Telefoon
admin-col-receives = Ontvangt
admin-none = Geen
admin-contacts-none = Geen contactpersoon.
