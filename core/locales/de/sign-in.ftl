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

## The second step of signing in (`/login/code`).

code-title-mailed = Anmeldecode
code-title = Zwei-Faktor-Anmeldung
code-intro-mailed = Wir haben Ihnen einen 6-stelligen Anmeldecode per E-Mail geschickt. Geben Sie ihn hier ein. (Ihre Zwei-Faktor-Anmeldung konnte nicht aus dem alten System übernommen werden: Schalten Sie sie auf Ihrer Profilseite wieder ein, dann kommen diese E-Mails nicht mehr.)
code-intro = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Backup-Codes ein.
code-field = Code
code-submit = Weiter
code-passkey-heading = Oder nutzen Sie einen Ihrer Passkeys
code-passkey-button = Passkey verwenden
code-start-again = Von vorn beginnen

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = Der Passkey wurde nicht verwendet: Die Anfrage wurde abgebrochen oder ist abgelaufen, oder dieses Gerät hat keinen Passkey für diese Website.
passkey-js-exists = Dieses Gerät hat bereits einen Passkey für Ihren Zugang.
passkey-js-failed = Der Passkey hat hier nicht funktioniert ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Melden Sie sich an, um fortzufahren.
login-passkey-unknown = Dieser Passkey hat Sie nicht angemeldet: Er wurde vielleicht aus Ihrem Zugang entfernt oder für eine andere Website erstellt. Melden Sie sich stattdessen mit Ihrem Passwort an.
login-expired = Ihre Anmeldung hat zu lange gedauert oder wurde schon benutzt: Melden Sie sich erneut an.
code-passkey-unreadable = Die Antwort des Passkeys konnte nicht gelesen werden: Versuchen Sie es noch einmal.
code-passkey-not-confirmed = Dieser Passkey hat nicht bestätigt, dass Sie es sind: Versuchen Sie es noch einmal oder geben Sie einen Code ein.
