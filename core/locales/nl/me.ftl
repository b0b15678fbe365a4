### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Mijn profiel en beveiliging
me-passkeys-only-heading = U logt alleen in met passkeys
me-passkeys-only-recent = U bent zojuist met een passkey ingelogd: vijf minuten lang vanaf dat moment kunt u hier uw e-mailadres, wachtwoord, tweestapsverificatie, back-upcodes en passkeys wijzigen.
me-passkeys-only-confirm = Uw login heeft geen wachtwoord. Om uw e-mailadres, wachtwoord, tweestapsverificatie, back-upcodes of passkeys te wijzigen, bevestigt u eerst met uw passkey dat u het bent: daarna staan de wijzigingen vijf minuten open.
me-confirm-passkey = Bevestigen met een passkey
me-confirm-needs-script = Voor bevestigen is een browser nodig die passkeys ondersteunt, met JavaScript toegestaan voor deze site.

me-profile-heading = Profiel
me-language = Taal
me-time-zone = Tijdzone
me-time-zone-default = Standaard ({ $zone })
me-save-profile = Profiel opslaan

me-email-heading = E-mailadres
me-email-now = Nu:
me-verified = Bevestigd
me-not-verified = Niet bevestigd
me-new-email = Nieuw e-mailadres
me-new-email-hint = We sturen een link naar het nieuwe adres: uw adres verandert wanneer u die opent.
me-current-password = Huidig wachtwoord
me-change-email = E-mailadres wijzigen

me-password-heading = Wachtwoord
me-none = Geen
me-no-password = Uw login heeft geen wachtwoord: u logt in met een passkey. U kunt opnieuw een wachtwoord instellen.
me-change-password = Wachtwoord wijzigen
me-set-password = Wachtwoord instellen
me-new-password = Nieuw wachtwoord
me-new-password-hint = Minstens { $min } tekens. Uw andere sessies worden afgemeld.
me-new-password-again = Nieuw wachtwoord herhalen
me-drop-heading = Alleen inloggen met passkeys
me-drop-hint = Laat uw wachtwoord vallen: niemand kan er dan nog mee inloggen of het via phishing buitmaken. U logt in met een passkey; raakt u uw passkeys kwijt, dan komt u weer binnen met een back-upcode en een link om uw wachtwoord opnieuw in te stellen.
me-drop-codes-first = Maak eerst back-upcodes aan (onder 'Passkeys').
me-drop = Wachtwoord laten vallen

me-totp-heading = Tweestapsverificatie
me-on = Aan
me-off = Uit
me-totp-on-intro = Bij het inloggen vragen we na uw wachtwoord een code uit uw authenticator-app (of een back-upcode).
me-codes-new-heading = Nieuwe back-upcodes
me-codes-new-hint = Uw oude back-upcodes werken dan niet meer.
me-password = Wachtwoord
me-or-app-code = of een code uit uw app
me-app-code = Een code uit uw app
me-make-new-codes = Nieuwe back-upcodes maken
me-totp-off-heading = Tweestapsverificatie uitzetten
me-turn-off = Uitzetten
me-totp-intro = Bescherm uw login naast uw wachtwoord met een code uit een authenticator-app (zoals Aegis, Google Authenticator of 1Password).
me-totp-turn-on = Tweestapsverificatie aanzetten

me-passkeys-heading = Passkeys
me-passkeys-intro = Met een passkey logt u in met uw vingerafdruk, gezicht of schermvergrendeling in plaats van een wachtwoord. Hij werkt alleen op de site van { $product }, dus een valse inlogpagina kan hem niet stelen.
me-codes-heading = Back-upcodes
me-codes-left = { $count ->
    [0] Nog geen.
    [one] Eén ongebruikt. Nieuwe vervangen hem.
   *[other] { $count } ongebruikt. Nieuwe vervangen ze.
}
me-codes-hint = Tien codes voor eenmalig gebruik: raakt u uw passkeys kwijt, dan komt u met één ervan en een link om uw wachtwoord opnieuw in te stellen weer binnen.
me-make-codes = Back-upcodes maken
me-no-passkey = U hebt nog geen passkey.
me-add-passkey = Passkey toevoegen
me-passkey-name = Een naam om hem te herkennen
me-passkey-name-hint = Bijvoorbeeld het apparaat waarop hij staat: 'MacBook', 'Telefoon'.
me-add-needs-script = Voor het toevoegen van een passkey is een browser nodig die passkeys ondersteunt, met JavaScript toegestaan voor deze site.
me-passkeys-unusable = Op het adres van deze server kunnen geen passkeys worden gebruikt; vraag { $product } ernaar.
passkey-col-name = Naam
passkey-col-added = Toegevoegd
passkey-col-last-used = Laatst gebruikt
passkey-never = Nooit
passkey-synced = Gesynchroniseerd
passkey-new-name = Nieuwe naam voor { $name }
passkey-rename = Hernoemen
passkey-remove = Verwijderen

me-sessions-heading = Waar u bent ingelogd
me-col-device = Apparaat
me-col-ip = IP-adres
me-col-signed-in = Ingelogd
me-col-last-seen = Laatst actief
me-col-actions = Acties
me-unknown = Onbekend
me-this-browser = Deze browser
me-sign-out = Afmelden
me-sign-out-this = (deze browser)
me-sign-out-other = (de sessie vanaf { $ip })

me-apps-heading = Apps met toegang
me-app-since = Sinds { $date }.
me-app-own = Een eigen app van { $product }.
me-app-learns = Hij mag weten:
me-remove-access = Toegang intrekken
me-no-apps = Geen enkele app logt u in met { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Uw profiel is opgeslagen.
me-done-email = We hebben een link naar het nieuwe adres gestuurd, tenzij dat niet gebruikt kan worden. Uw e-mailadres verandert wanneer u de link opent.
me-done-password = Uw wachtwoord is gewijzigd. Uw andere sessies zijn afgemeld.
me-done-password-dropped = Uw wachtwoord is weg: u logt nu in met een passkey. Uw andere sessies zijn afgemeld.
me-done-totp-off = Tweestapsverificatie staat uit.
me-done-passkey-added = Uw passkey is toegevoegd: log er voortaan mee in.
me-done-passkey-renamed = De passkey is hernoemd.
me-done-passkey-removed = De passkey is verwijderd: hij logt niemand meer in.
me-done-revoked = De sessie is afgemeld.
me-done-withdrawn = De app heeft geen toegang meer. Hij vraagt het opnieuw als u erop inlogt.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Tweestapsverificatie aanzetten
totp-step1 = 1. Voeg { $product } toe aan uw authenticator-app
totp-scan = Scan deze QR-code met de app:
totp-qr-alt = QR-code van uw verificatiegeheim (hetzelfde geheim staat hieronder als tekst)
totp-type = Of typ dit geheim in de app:
totp-step2 = 2. Vul de code in die de app toont
totp-code = Code
totp-submit = Aanzetten
totp-not-now = Niet nu
codes-title = Uw back-upcodes
codes-heading-first = Tweestapsverificatie staat aan
codes-heading-new = Uw nieuwe back-upcodes
codes-keep-totp = Bewaar deze codes op een veilige plek. Elke code werkt één keer, in plaats van een code uit uw app, als u uw telefoon kwijtraakt.
codes-keep-passkeys = Bewaar deze codes op een veilige plek. Elke code werkt één keer: raakt u uw passkeys kwijt, dan komt u met één ervan en een link om uw wachtwoord opnieuw in te stellen weer binnen.
codes-shown-once = Ze worden alleen nu getoond.
codes-download = Codes downloaden
codes-done = Klaar
passkey-add-title = Passkey toevoegen
passkey-add-intro = Uw browser vraagt nu waar de passkey bewaard moet worden (dit apparaat, uw telefoon, een beveiligingssleutel of een wachtwoordbeheerder) en om uw vingerafdruk, gezicht of schermvergrendeling.
passkey-add-submit = Passkey aanmaken
passkey-add-missing = Deze browser kan geen passkeys aanmaken (of JavaScript staat uit voor deze site).
passkey-name-length = Geef hem een naam van 1 tot { $max } tekens.
me-wrong-password = Dit is niet uw huidige wachtwoord.
totp-wrong-code = De code is onjuist: controleer de tijd op uw telefoon en probeer de volgende.
codes-file = Back-upcodes voor { $product } ({ $email })
codes-file-totp = Elke code werkt één keer, in plaats van een code uit uw app.
codes-file-passkeys = Elke code werkt één keer, samen met een link om uw wachtwoord opnieuw in te stellen, als u uw passkeys kwijtraakt.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Logins van support
me-support-intro = Het supportteam van { $product } kan als u inloggen om te zien wat u ziet: u krijgt elke keer een e-mail, en elke login staat hier. Wijzigen hoe u inlogt, kan het niet.
me-support-allowed = Support mag tot { $time } als u inloggen.
me-support-withdraw = Intrekken
me-support-asks = Support logt alleen als u in als u het toestaat, telkens voor een dag.
me-support-allow = Een dag toestaan
me-support-col-staff = Supportmedewerker
me-support-col-from = Ingelogd
me-support-col-until = Tot
me-support-none = Support heeft nog nooit als u ingelogd.
me-done-support-allowed = Support mag een dag lang als u inloggen.
me-done-support-withdrawn = Support mag niet meer als u inloggen.
