### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Beste { $first_name },
mail-or-copy = Of kopieer dit adres naar uw browser:
mail-link-once = De link werkt één keer en verloopt over { $expires_in }.
mail-new-password-button = Nieuw wachtwoord kiezen
mail-if-you-new-password = Was u dit, log dan in met uw wachtwoord of kies een nieuw.
mail-ignore = Was u dit niet, dan kunt u dit bericht negeren.

mail-verify-subject = Bevestig uw e-mailadres
mail-verify-body = bevestig dat dit uw e-mailadres is voor { $product }.
mail-verify-button = Mijn e-mailadres bevestigen
mail-verify-ignore = Hebt u zich niet aangemeld, negeer dan dit bericht.

mail-email-change-subject = Bevestig uw nieuwe e-mailadres
mail-email-change-body = iemand die bij { $product } is ingelogd, wil dit adres voor zijn login gebruiken. Was u dit, open dan deze link om de wijziging door te voeren.
mail-email-change-button = Dit e-mailadres gebruiken
mail-email-change-ignore = Zolang de link niet is geopend, verandert er niets. Was u dit niet, negeer dan dit bericht.

mail-email-in-use-subject = Uw e-mailadres is opgegeven voor een andere login
mail-email-in-use-body = iemand die bij { $product } is ingelogd, wil zijn login verhuizen naar dit e-mailadres, dat al van u is. Er is niets gewijzigd: een adres hoort bij één login.

mail-reset-subject = Stel uw wachtwoord opnieuw in
mail-reset-body = iemand (hopelijk u) heeft gevraagd het wachtwoord van uw login bij { $product } opnieuw in te stellen.
mail-reset-ignore = Hebt u hier niet om gevraagd, negeer dan dit bericht: uw wachtwoord blijft zoals het is.

mail-set-password-subject = Kies uw wachtwoord
mail-set-password-body = er is een login bij { $product } voor u aangemaakt.
mail-set-password-button = Mijn wachtwoord kiezen

mail-signup-attempt-subject = U hebt al een login
mail-signup-attempt-body = iemand wilde met dit e-mailadres een nieuwe login bij { $product } aanmaken, maar het heeft er al een.
mail-signup-attempt-ignore = Was u dit niet, dan kunt u dit bericht negeren: er is niets gewijzigd.

mail-code-subject = Uw inlogcode
mail-code-body = uw code om in te loggen bij { $product } is:
mail-code-expires = Hij werkt één keer en verloopt over { $expires_in }. Uw tweestapsverificatie kon niet worden overgenomen uit het oude systeem: zet hem weer aan op uw profielpagina, dan stoppen deze e-mails.
mail-code-not-you = Hebt u zich niet net aangemeld, dan kent iemand uw wachtwoord: kies een nieuw.

mail-password-changed-subject = Uw wachtwoord is gewijzigd
mail-password-changed-body = het wachtwoord van uw login bij { $product } is zojuist gewijzigd, en alle andere sessies zijn afgemeld.
mail-password-changed-not-you = Was u dit niet, stel dan meteen uw wachtwoord opnieuw in en neem contact op met support:

mail-invitation-subject = Uitnodiging voor toegang tot een account
mail-invitation-hello = Hallo,
mail-invitation-body = u bent uitgenodigd om een account bij { $product } te openen.
mail-invitation-by-staff = De uitnodiging is verstuurd door het team van { $product }.
mail-invitation-by-customer = Ze is verstuurd door een klant van { $product }. De twee regels hieronder zijn de eigen woorden van die klant: { $product } heeft ze niet gecontroleerd.
mail-invitation-invited-by = Uitgenodigd door
mail-invitation-account = Account
mail-invitation-button = Uitnodiging accepteren
mail-invitation-how = U accepteert door in te loggen, of door een login aan te maken als u er geen hebt.
mail-invitation-expires = De uitnodiging verloopt over { $expires_in }.
mail-invitation-ignore = Verwachtte u haar niet, negeer dan dit bericht. { $product } vraagt nooit per e-mail om uw wachtwoord of betaalgegevens.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
duration-hours = { $n ->
    [one] { $n } uur
   *[other] { $n } uur
}
duration-minutes = { $n ->
    [one] { $n } minuut
   *[other] { $n } minuten
}
duration-seconds = { $n ->
    [one] { $n } seconde
   *[other] { $n } seconden
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: support heeft ingelogd op uw account
mail-support-body = { $staff } van het supportteam van { $product } heeft zojuist ingelogd op uw account, om te zien wat u ziet. Tot { $until } kan die persoon doen wat u kunt, behalve wijzigen hoe u inlogt, uitnodigingen accepteren of apps toestaan, en alles wat die persoon doet, wordt onder diens naam vastgelegd.
mail-support-see = Elke login van support staat op uw profielpagina:
mail-support-not-expected = Had u dit niet verwacht? Neem contact met ons op en wijzig uw wachtwoord.
mail-support-consent-subject = { $product }: support vraagt om op uw account in te loggen
mail-support-consent-body = { $staff } van het supportteam van { $product } vraagt om op uw account in te loggen, om te zien wat u ziet. Dat kan pas als u het toestaat.
mail-support-consent-how = Om het een dag toe te staan, opent u uw profielpagina en kiest u ‘Een dag toestaan’:
mail-support-consent-ignore = Hebt u niet om hulp gevraagd? Negeer dan dit bericht: er verandert niets.
