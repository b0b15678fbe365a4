### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

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

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Gebruikerspagina van de eigenaar
admin-client-users-link = Gebruikers van deze klant
admin-client-number = Nummer #{ $number }
admin-client-created = Aangemaakt op { $time }
admin-client-status = Status: { $status ->
    [active] actief
    [inactive] inactief
    [closed] gesloten
   *[other] { $status }
}
admin-client-close = Deze klant sluiten
admin-client-close-text = Een gesloten klant houdt zijn gebruikers en geschiedenis; de status wordt ‘gesloten’.
admin-client-close-button = { $client } sluiten
admin-client-profile = Profiel
admin-client-users-title = Gebruikers · { $client }
admin-associate-heading = Een bestaande gebruiker toevoegen
admin-associate-intro = Die persoon bereikt deze klant meteen met de eigen login; er wordt geen e-mail verstuurd.
admin-associate-email = E-mailadres van de gebruiker
admin-associate-add = Gebruiker toevoegen
admin-invite-heading = Uitnodigen per e-mail
admin-invite-intro = We mailen een link die beperkte tijd geldig is; een nieuwe of bestaande gebruiker accepteert die en bereikt deze klant met deze rechten.
admin-invite-email = E-mailadres
admin-invitations-link = Uitnodigingen van deze klant
admin-invitations-title = Uitnodigingen · { $client }
admin-invitations-heading = Uitnodigingen voor { $client }
admin-invitations-send-new = Een nieuwe uitnodiging versturen via het tabblad Gebruikers
admin-col-state = Stand
admin-col-sent-by = Verstuurd door
admin-invitation-state = { $state ->
    [pending] Open
    [accepted] Geaccepteerd
    [cancelled] Ingetrokken
    [expired] Verlopen
   *[other] { $state }
}
admin-invitation-accepted-at = Geaccepteerd op { $time }
admin-invitations-none = Er is geen uitnodiging verstuurd voor deze klant.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Actief
    [disabled] Geblokkeerd
   *[other] { $status }
}
admin-user-login = Login
admin-user-unverified = (niet bevestigd)
admin-user-number = Nummer
admin-user-password = Wachtwoord
admin-user-password-set = Ingesteld
admin-user-password-none = Geen: logt in met een passkey
admin-user-last-login-from = { $time } vanaf { $ip }
admin-user-send-reset = Een link om het wachtwoord te herstellen versturen
admin-user-factors-off = Tweestapsverificatie uitzetten en passkeys verwijderen
admin-user-totp-off = Tweestapsverificatie uitzetten
admin-disable = Blokkeren
admin-enable = Deblokkeren
admin-user-delete = Verwijderen…
admin-user-clients = Klanten die deze gebruiker bereikt
admin-col-role = Rol
admin-user-member = Gebruiker
admin-user-more-clients = Alleen de eerste klanten staan in de lijst.
admin-user-sessions = Sessies
admin-user-no-sessions = Geen open sessie.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = geen
admin-plugin-capabilities = Mogelijkheden
admin-plugin-priority = Prioriteit
admin-plugin-on-error = Bij een fout
admin-plugin-loaded = Geladen
admin-plugin-hook = Hook
admin-plugin-calls = Aanroepen
admin-plugin-denies = Weigeringen
admin-plugin-traps = Crashes
admin-plugin-timeouts = Time-outs
admin-plugin-errors = Fouten
admin-plugin-latency = Gemiddeld / max µs
admin-plugin-queue = After-hooks: { $delivered } afgeleverd, { $backlog } wachtend, { $parked } geparkeerd.
admin-plugin-last-error = Laatste fout:
admin-plugin-parked = Geparkeerde gebeurtenissen
admin-plugin-event = Gebeurtenis
admin-plugin-kind = Soort
admin-col-attempts = Pogingen
admin-plugin-error = Fout
admin-plugin-parked-at = Geparkeerd
admin-retry = Opnieuw proberen
admin-plugin-reload = { $plugin } opnieuw laden
admin-plugins-none = Er is geen plug-in geladen. Plug-ins zijn WebAssembly-componenten in de map die { $setting } noemt; zie de plug-in-handleiding.
admin-settings-intro = De instellingen waarmee deze server draait: de configuratiebestanden, dan de omgevingsvariabelen ROSTER_…, dan de standaardwaarden. Alleen lezen: wijzig de bestanden of de omgeving en herstart. Geheimen verschijnen als ***.
admin-settings-effective = Geldende instellingen
admin-settings-setting = Instelling
admin-settings-value = Waarde

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Instellink voor { $email }:
admin-staff-members = Medewerkers
admin-staff-last-sign-in = Laatste login
admin-staff-you = (u)
admin-role-name = { $role ->
    [administrator] Beheerder
    [support] Support
   *[other] { $role }
}
admin-staff-not-set-up = (instellink nog niet gebruikt)
admin-staff-new-link = Nieuwe instellink
admin-staff-add = Een medewerker toevoegen
admin-staff-role-support = Support: leest alles; verstuurt uitnodigingen en links om een wachtwoord te herstellen, verstuurt ze opnieuw en trekt ze in
admin-staff-role-administrator = Beheerder: alles
admin-staff-add-button = Toevoegen en de instellink tonen
admin-mail-intro = Elke e-mail wordt samen met de wijziging die hem veroorzaakt geschreven en van hieruit verstuurd, met nieuwe pogingen. De inhoud van een bericht wordt nooit getoond: die bevat eenmalige links.
admin-mail-failed = Opgegeven
admin-mail-to = Aan
admin-mail-message = E-mail
admin-mail-last-error = Laatste fout
admin-mail-written = Geschreven
admin-mail-failed-none = Geen: elke e-mail is verstuurd of onderweg.
admin-mail-waiting = Wachtend
admin-mail-next-attempt = Volgende poging
admin-mail-waiting-none = Niets wacht.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Apps die mensen laten inloggen met { $product } (OpenID Connect). Stel elke app in op
admin-apps-secret-of = Clientgeheim van { $app }:
admin-apps-registered = Geregistreerde apps
admin-apps-client-id = Client-id
admin-apps-kind = Soort
admin-apps-redirects = Redirect-URI's
admin-apps-trusted = Vertrouwd
admin-apps-kind-name = { $kind ->
    [confidential] Vertrouwelijk
    [public] Openbaar
   *[other] { $kind }
}
admin-apps-logout = Uitloggen:
admin-apps-new-secret = Nieuw geheim
admin-apps-none = Nog geen app geregistreerd.
admin-apps-register = Een app registreren
admin-apps-name = Naam (getoond aan mensen op de toestemmingspagina)
admin-apps-redirect-uris = Redirect-URI's (één per regel)
admin-apps-redirect-hint = https, http op 127.0.0.1 of [::1], of voor een openbare app een privéschema zoals com.example.app:/callback. Worden exact vergeleken.
admin-apps-public = Openbaar: een native of single-page-app (geen geheim; PKCE verplicht)
admin-apps-trusted-hint = Vertrouwd: de eigen app van { $product } (geen toestemmingspagina)
admin-apps-post-logout = Redirect-URI's na uitloggen (één per regel, optioneel)
admin-apps-backchannel = Back-channel-logout-URI (optioneel)
admin-apps-logo = Logo-URL (optioneel, https)
admin-apps-alg = Handtekening van het ID-token
admin-apps-register-button = Registreren

## Your language and time zone (`/admin/me`).

admin-me-preferences = Taal en tijdzone
admin-me-language-browser = De taal van uw browser
admin-me-preferences-save = Opslaan
admin-me-done-preferences = Uw taal en tijdzone zijn opgeslagen.

## What a page says after a form did its work, and why it could not.

admin-done-saved = De wijzigingen zijn opgeslagen.
admin-done-closed = De klant is gesloten.
admin-done-permissions = De rechten zijn opgeslagen.
admin-done-removed = De gebruiker is van deze klant verwijderd.
admin-done-associated = De gebruiker heeft nu toegang tot deze klant.
admin-done-invited = De uitnodiging is onderweg.
admin-done-resent = Een nieuwe uitnodigingslink is onderweg; de oude link werkt niet meer.
admin-done-cancelled = De uitnodiging is ingetrokken; de link werkt niet meer.
admin-done-owner = Het eigenaarschap is overgedragen.
admin-done-mail-retried = Het bericht staat weer in de wachtrij; het gaat nu de deur uit.
admin-done-app-removed = De app is verwijderd.
admin-done-app-registered = { $app } is geregistreerd. Kopieer het geheim nu: het wordt niet nog eens getoond.
admin-done-app-registered-public = { $app } is geregistreerd (een openbare app: geen geheim).
admin-done-app-secret-now = { $app } heeft een nieuw geheim; het oude werkt niet meer.
admin-done-app-secret-grace = { $app } heeft een nieuw geheim; het oude werkt nog één dag.
admin-plugin-failed-again = { $plugin } is opnieuw mislukt; de gebeurtenis blijft geparkeerd. De melding: { $error }
admin-done-plugin-reloaded = { $plugin } is opnieuw geladen.
admin-done-plugin-delivered = { $plugin } heeft de gebeurtenis aangenomen; die staat niet meer geparkeerd.
admin-done-staff-disabled = De medewerker is geblokkeerd; de sessies zijn beëindigd.
admin-done-staff-enabled = De medewerker is gedeblokkeerd.
admin-done-staff-removed = De medewerker is verwijderd.
admin-done-staff-link = Een nieuwe instellink voor { $email }: de oude werkt niet meer.
admin-done-user-deleted = De gebruiker is verwijderd.
admin-done-user-disabled = De gebruiker is geblokkeerd: die kan niet inloggen, en de sessies zijn beëindigd.
admin-done-user-enabled = De gebruiker is gedeblokkeerd: die kan weer inloggen.
admin-done-user-reset = Een link om het wachtwoord te herstellen is onderweg naar de gebruiker.
admin-done-user-totp-off = Tweestapsverificatie staat uit voor deze gebruiker, en de back-upcodes en passkeys zijn weg: alleen een herstellink laat de gebruiker weer binnen.
admin-search-unreadable = Deze zoekopdracht kon niet worden gelezen
admin-search-unreadable-text = Ze bevat een stuurteken (zoals een regeleinde). Ga terug en verbeter ze.
admin-not-allowed-text = Uw rol (support) mag klanten, gebruikers en de auditlog lezen en uitnodigingen en links om het wachtwoord te herstellen versturen, opnieuw versturen en intrekken, maar dit niet. Vraag het een beheerder.
admin-not-done = Dat lukte niet
admin-setup-link-broken = Deze link werkt niet
admin-setup-link-broken-text = Hij is al gebruikt of verlopen. Vraag een beheerder om een nieuwe (roster admin staff link).
admin-setup-code-wrong = De code klopt niet: controleer de klok van de app en typ de code die ze nu toont.
admin-login-done-setup = Uw wachtwoord en authenticator zijn ingesteld: log in.
admin-login-done-out = U bent uitgelogd.
admin-passkey-not-confirmed = Die passkey heeft niet bevestigd dat u het bent: probeer het opnieuw.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Inloggen als deze gebruiker
admin-audit-on-behalf-of = als de gebruiker
admin-done-support-ended = De login van support is beëindigd.
admin-sign-in-as-refused = U kunt niet inloggen als deze gebruiker: inloggen door support staat uit, uw rol mag het niet, of de gebruiker heeft het niet toegestaan.
