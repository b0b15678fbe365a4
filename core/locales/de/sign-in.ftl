### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Anmelden
login-heading = Bei { $product } anmelden
field-email = E-Mail-Adresse
field-password = Passwort
login-submit = Anmelden
login-passkey-heading = Oder mit einem Passkey
login-passkey-intro = Fingerabdruck, Gesicht oder Bildschirmsperre statt eines Passworts – ohne eine E-Mail-Adresse einzutippen.
login-passkey-button = Mit einem Passkey anmelden
login-forgot = Passwort vergessen?
login-new-here = Neu hier?
login-create = Zugang erstellen
signup-title = Zugang erstellen
field-first-name = Vorname
field-last-name = Nachname
field-new-password-hint = Mindestens { $min } Zeichen.
field-company = Firmenname (optional)
signup-company-hint = Ihr Konto wird unter diesem Namen angelegt; lassen Sie das Feld leer, um Ihren eigenen Namen zu verwenden.
signup-submit = Zugang erstellen
signup-have-login = Sie haben schon einen Zugang?
signup-sign-in = Anmelden
forgot-title = Passwort vergessen?
forgot-sent = Wenn es zu dieser Adresse einen Zugang gibt, haben wir ihr einen Link geschickt, mit dem Sie ein neues Passwort festlegen. Der Link funktioniert einmal.
forgot-intro = Wir schicken Ihnen per E-Mail einen Link, mit dem Sie ein neues Passwort festlegen.
forgot-submit = Link zusenden
forgot-back = Zurück zur Anmeldung
