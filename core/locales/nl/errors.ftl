### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = Het verzoek kon niet worden gelezen.
error-malformed-json = Het verzoek kon niet worden gelezen.
error-validation-failed = Een ingevulde waarde kan niet worden gebruikt.
error-weak-password = Het wachtwoord is te zwak: kies een langer wachtwoord dat moeilijk te raden is.
error-unauthorized = Uw sessie is verlopen: log opnieuw in.
error-invalid-credentials = Het e-mailadres of wachtwoord is onjuist.
error-second-factor-required = Er is een tweede factor nodig.
error-invalid-second-factor = De code is onjuist of al gebruikt.
error-email-not-verified = Het e-mailadres is nog niet bevestigd.
error-invalid-token = Deze link is ongeldig of verlopen.
error-security-answer-required = Het antwoord op de beveiligingsvraag ontbreekt of is onjuist.
error-forbidden = Dit mag u niet doen.
error-recent-sign-in-required = Bevestig eerst met uw passkey: zonder wachtwoord vragen wijzigingen aan hoe u inlogt om een passkey-login van de afgelopen vijf minuten.
error-support-sign-in-restricted = Support die als u is ingelogd, kan dit niet doen: alleen u kunt wijzigen hoe u inlogt, uitnodigingen accepteren of apps toestaan.
error-cross-site-request = Het formulier kwam van een andere site.
error-user-management-disabled = Gebruikersbeheer staat uit in de klantomgeving; neem contact op met support.
error-owner-cannot-be-removed = De eigenaar kan niet uit het account worden verwijderd.
error-owner-permissions-fixed = De eigenaar heeft alle rechten; die kunnen niet worden gewijzigd.
error-already-member = Deze persoon heeft al toegang tot dit account.
error-invitation-expired = Deze uitnodiging is verlopen; vraag om een nieuwe.
error-invitation-used = Deze uitnodiging is al gebruikt.
error-invitation-cancelled = Deze uitnodiging is ingetrokken.
error-user-owns-accounts = Deze gebruiker is eigenaar van accounts; draag die eerst over.
error-not-found = Niet gevonden.
error-method-not-allowed = Dat kan hier niet.
error-conflict = Er is intussen iets gewijzigd: laad de pagina opnieuw en probeer het nog eens.
error-email-taken = Er bestaat al een gebruiker met dit e-mailadres.
error-payload-too-large = Wat u verstuurde, is te groot.
error-unsupported-media-type = Wat u verstuurde, kon niet worden gelezen.
error-rate-limited = { $minutes ->
    [one] Te veel pogingen: probeer het over { $minutes } minuut opnieuw.
   *[other] Te veel pogingen: probeer het over { $minutes } minuten opnieuw.
}
error-vetoed-by-plugin = Dit is geweigerd.
error-plugin-failed = Dit kan nu niet: probeer het later opnieuw.
error-plugin-invalid = Dit kan nu niet.
error-not-ready = De dienst is nog niet klaar: probeer het zo opnieuw.
error-internal-error = Er is iets misgegaan: probeer het later opnieuw.
form-check-fields = Controleer de gemarkeerde velden hieronder.
