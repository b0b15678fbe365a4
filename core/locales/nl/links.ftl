### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Bevestig uw e-mailadres
verify-intro = Bevestig dat dit e-mailadres van u is.
verify-submit = Mijn e-mailadres bevestigen
reset-title = Kies een nieuw wachtwoord
reset-password = Nieuw wachtwoord
reset-password-again = Nieuw wachtwoord herhalen
reset-code = Een code uit uw authenticator-app, of een van uw back-upcodes
reset-code-hint = Uw login heeft een tweede factor, dus een link in uw mailbox alleen is niet genoeg om het wachtwoord te wijzigen.
reset-submit = Nieuw wachtwoord instellen
reset-passwords-differ = De twee wachtwoorden verschillen.

invite-title = Uitnodiging voor { $account }
invite-page-intro = { $inviter } heeft u uitgenodigd voor toegang tot het account '{ $account }'.
invite-page-intro-staff = { $inviter } (medewerker) heeft u uitgenodigd voor toegang tot het account '{ $account }'.
invite-signed-in-as = U bent ingelogd als { $email }
invite-accept-as = Accepteren als { $email }
invite-switch = Afmelden en doorgaan als iemand anders
invite-have-login = Ik heb een login
invite-totp-code = Authenticatorcode (als u er een gebruikt)
invite-login-accept = Inloggen en accepteren
invite-new-here = Ik ben hier nieuw
invite-signup-accept = Mijn login aanmaken en accepteren
invite-expires = De uitnodiging verloopt op { $time }.

## One-message pages: a heading and a sentence.

page-failed = Er is iets misgegaan
page-failed-text = Probeer het later opnieuw.
page-not-found = Pagina niet gevonden
page-not-found-text = Hier is niets, of u hebt er geen toegang toe.
page-not-allowed = Niet toegestaan
mailbox-heading = Kijk in uw mailbox
mailbox-text = De volgende stap staat in de e-mail die we u hebben gestuurd.
mailbox-invite-text = De volgende stap staat in de e-mail die we naar het opgegeven adres hebben gestuurd.
link-invalid = Link ongeldig
link-invalid-text = Deze link is ongeldig of verlopen. Vraag een nieuwe aan.
invitation-unknown = Uitnodiging niet gevonden
invitation-unknown-text = Deze uitnodigingslink is ongeldig. Controleer de link in de e-mail of vraag om een nieuwe uitnodiging.
invitation-gone = Uitnodiging niet meer geldig
invitation-gone-accepted = Deze uitnodiging is al geaccepteerd.
invitation-gone-cancelled = Deze uitnodiging is ingetrokken. Vraag de eigenaar van het account om een nieuwe.
invitation-gone-expired = Deze uitnodiging is verlopen. Vraag de eigenaar van het account om een nieuwe.
invitation-member = Al lid
invitation-member-text = U hebt al toegang tot dit account.
invitation-accepted = Uitnodiging geaccepteerd
invitation-accepted-verify = U hebt nu toegang tot { $account }. We hebben een link naar { $email } gestuurd om het adres te bevestigen: open die en log daarna in.
form-refused = Dit formulier kon niet worden verstuurd
form-refused-foreign = Het kwam van een andere site, of de pagina werd geopend voordat u in- of uitlogde. Ga terug, laad de pagina opnieuw en probeer het nog eens.
form-refused-control = Het veld '{ $field }' bevat een stuurteken (zoals een regeleinde), en dat is niet toegestaan. Ga terug en verbeter het.

## After an emailed link did its work.

verified-heading = E-mailadres bevestigd
verified-text = Dank u: uw e-mailadres is bevestigd.
verified-to-accounts = Naar uw accounts
verified-sign-in = Inloggen
reset-done-heading = Wachtwoord gewijzigd
reset-done-text = Uw nieuwe wachtwoord is ingesteld. Alle andere sessies zijn afgemeld; log opnieuw in met het nieuwe wachtwoord.
invite-email-taken = Er bestaat al een login met dit e-mailadres: log in plaats daarvan in.
invite-session-ended = Uw sessie is verlopen: log opnieuw in.
invite-code-needed = Vul ook de code uit uw authenticator-app in.
invite-code-mailed = We hebben u een inlogcode gemaild: vul die ook in het codeveld in.
