### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } ist nicht verfügbar
oauth-back = Zurück zu { $app }
oauth-allow-heading = { $app } erlauben, Ihren Zugang bei { $product } zu nutzen?
oauth-signed-in-learns = Angemeldet als { $email }. Wenn Sie es erlauben, erfährt { $app }:
oauth-choose-heading = Wählen Sie ein Konto für { $app }
oauth-signed-in = Angemeldet als { $email }.
oauth-refused-choose = Wählen Sie ein anderes Konto oder brechen Sie ab.
oauth-which-account = Mit welchem Konto { $app } arbeitet
oauth-owner = Inhaber
oauth-allow = Erlauben
oauth-continue = Weiter
oauth-deny = Ablehnen
oauth-cancel = Abbrechen
oauth-link-broken = Dieser Anmeldelink funktioniert nicht
oauth-not-signed-in = Sie konnten nicht angemeldet werden
logout-title = Abmelden
logout-heading = Von { $product } abmelden?
logout-asked-by = { $app } möchte Sie abmelden.
logout-asked = Eine App möchte Sie abmelden.
logout-explain = Das Abmelden beendet Ihre Sitzung bei { $product } in diesem Browser, und die Apps, bei denen Sie sich damit angemeldet haben, werden benachrichtigt.
logout-sign-out = Abmelden
logout-stay = Angemeldet bleiben
logout-link-broken = Dieser Abmeldelink funktioniert nicht
logout-not-signed-out = { $why }. Sie wurden nicht abgemeldet.
logout-done = Sie sind abgemeldet
logout-done-text = Sie sind von { $product } abgemeldet.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Wer Sie sind: die Kennung Ihres Zugangs bei diesem Anbieter
scope-profile = Ihren Namen und Ihre Sprache
scope-email = Ihre E-Mail-Adresse und ob Sie sie bestätigt haben
scope-account = Ein Konto, das Sie wählen, und was Sie darin dürfen
scope-accounts = Jedes Konto, das Sie erreichen, und was Sie jeweils dürfen
scope-offline_access = Diesen Zugriff behalten, auch wenn Sie abgemeldet sind

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = Die Anfrage nennt keine App (client_id).
oauth-unknown-app = Die App, die Sie hierher geschickt hat, ist bei diesem Anbieter nicht registriert.
oauth-foreign-redirect = { $app } wollte Sie an eine Adresse zurückschicken, die die App nicht registriert hat; Sie wurden deshalb nicht dorthin geschickt.
oauth-repeated = Die Anfrage nennt ihre App oder Adresse mehr als einmal.
logout-refused-text = Die Abmeldeanfrage der App ist für diesen Anbieter nicht gültig. Sie wurden nicht abgemeldet.
