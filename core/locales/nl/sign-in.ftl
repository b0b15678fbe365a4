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
