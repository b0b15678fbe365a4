### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Inloggen
login-heading = Inloggen bij { $product }
field-email = E-mailadres
field-password = Wachtwoord
login-submit = Inloggen
login-passkey-heading = Of gebruik een passkey
login-passkey-intro = Uw vingerafdruk, gezicht of schermvergrendeling in plaats van een wachtwoord: geen e-mailadres te typen.
login-passkey-button = Inloggen met een passkey
login-forgot = Wachtwoord vergeten?
login-new-here = Nieuw hier?
login-create = Login aanmaken
signup-title = Login aanmaken
field-first-name = Voornaam
field-last-name = Achternaam
field-new-password-hint = Minstens { $min } tekens.
field-company = Bedrijfsnaam (optioneel)
signup-company-hint = Uw account krijgt deze naam; laat het leeg om uw eigen naam te gebruiken.
signup-submit = Mijn login aanmaken
signup-have-login = Heeft u al een login?
signup-sign-in = Inloggen
forgot-title = Wachtwoord vergeten?
forgot-sent = Als er een login voor dat adres bestaat, hebben we er een link naartoe gestuurd om een nieuw wachtwoord te kiezen. De link werkt één keer.
forgot-intro = We mailen u een link om een nieuw wachtwoord te kiezen.
forgot-submit = Stuur mij een link
forgot-back = Terug naar inloggen

## The second step of signing in (`/login/code`).

code-title-mailed = Inlogcode
code-title = Tweestapsverificatie
code-intro-mailed = We hebben u een inlogcode van 6 cijfers gemaild. Vul die hier in. (Uw tweestapsverificatie kon niet worden overgenomen uit het oude systeem: zet hem weer aan op uw profielpagina, dan stoppen deze e-mails.)
code-intro = Vul de code van 6 cijfers uit uw authenticator-app in, of een van uw back-upcodes.
code-field = Code
code-submit = Doorgaan
code-passkey-heading = Of gebruik een van uw passkeys
code-passkey-button = Passkey gebruiken
code-start-again = Opnieuw beginnen

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = De passkey is niet gebruikt: het verzoek is geannuleerd of verlopen, of dit apparaat heeft geen passkey voor deze site.
passkey-js-exists = Dit apparaat heeft al een passkey voor uw login.
passkey-js-failed = De passkey werkte hier niet ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Log in om verder te gaan.
login-passkey-unknown = Die passkey heeft u niet ingelogd: hij is misschien van uw login verwijderd, of voor een andere site gemaakt. Log in plaats daarvan in met uw wachtwoord.
login-expired = Uw inlogpoging duurde te lang of is al gebruikt: log opnieuw in.
code-passkey-unreadable = Het antwoord van de passkey kon niet worden gelezen: probeer het opnieuw.
code-passkey-not-confirmed = Die passkey heeft niet bevestigd dat u het bent: probeer het opnieuw, of voer een code in.
