### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = Mein Profil und Sicherheit
me-passkeys-only-heading = Sie melden sich nur mit Passkeys an
me-passkeys-only-recent = Sie haben sich gerade mit einem Passkey angemeldet: Fünf Minuten lang ab dann können Sie hier Ihre E-Mail-Adresse, Ihr Passwort, die Zwei-Faktor-Anmeldung, Backup-Codes und Passkeys ändern.
me-passkeys-only-confirm = Ihr Zugang hat kein Passwort. Um Ihre E-Mail-Adresse, Ihr Passwort, die Zwei-Faktor-Anmeldung, Backup-Codes oder Passkeys zu ändern, bestätigen Sie zuerst mit Ihrem Passkey, dass Sie es sind: Danach sind Änderungen fünf Minuten lang möglich.
me-confirm-passkey = Mit einem Passkey bestätigen
me-confirm-needs-script = Zum Bestätigen brauchen Sie einen Browser, der Passkeys unterstützt, mit erlaubtem JavaScript für diese Website.

me-profile-heading = Profil
me-language = Sprache
me-time-zone = Zeitzone
me-time-zone-default = Standard ({ $zone })
me-save-profile = Profil speichern

me-email-heading = E-Mail-Adresse
me-email-now = Aktuell:
me-verified = Bestätigt
me-not-verified = Nicht bestätigt
me-new-email = Neue E-Mail-Adresse
me-new-email-hint = Wir schicken einen Link an die neue Adresse: Ihre Adresse ändert sich, wenn Sie ihn öffnen.
me-current-password = Aktuelles Passwort
me-change-email = E-Mail-Adresse ändern

me-password-heading = Passwort
me-none = Keines
me-no-password = Ihr Zugang hat kein Passwort: Sie melden sich mit einem Passkey an. Sie können wieder ein Passwort festlegen.
me-change-password = Passwort ändern
me-set-password = Passwort festlegen
me-new-password = Neues Passwort
me-new-password-hint = Mindestens { $min } Zeichen. Ihre anderen Sitzungen werden abgemeldet.
me-new-password-again = Neues Passwort wiederholen
me-drop-heading = Nur mit Passkeys anmelden
me-drop-hint = Verzichten Sie auf Ihr Passwort: Dann kann sich niemand mehr damit anmelden oder es Ihnen abluchsen. Sie melden sich mit einem Passkey an; verlieren Sie Ihre Passkeys, kommen Sie mit einem Backup-Code und einem Link zum Zurücksetzen des Passworts wieder hinein.
me-drop-codes-first = Legen Sie zuerst Backup-Codes an (unter „Passkeys“).
me-drop = Passwort aufgeben

me-totp-heading = Zwei-Faktor-Anmeldung
me-on = An
me-off = Aus
me-totp-on-intro = Bei der Anmeldung fragen wir nach Ihrem Passwort nach einem Code aus Ihrer Authenticator-App (oder einem Backup-Code).
me-codes-new-heading = Neue Backup-Codes
me-codes-new-hint = Ihre alten Backup-Codes funktionieren dann nicht mehr.
me-password = Passwort
me-or-app-code = oder ein Code aus Ihrer App
me-app-code = Ein Code aus Ihrer App
me-make-new-codes = Neue Backup-Codes erstellen
me-totp-off-heading = Zwei-Faktor-Anmeldung ausschalten
me-turn-off = Ausschalten
me-totp-intro = Schützen Sie Ihren Zugang zusätzlich zum Passwort mit einem Code aus einer Authenticator-App (etwa Aegis, Google Authenticator oder 1Password).
me-totp-turn-on = Zwei-Faktor-Anmeldung einschalten

me-passkeys-heading = Passkeys
me-passkeys-intro = Mit einem Passkey melden Sie sich per Fingerabdruck, Gesicht oder Bildschirmsperre an statt mit einem Passwort. Er funktioniert nur auf der Website von { $product }, eine gefälschte Anmeldeseite kann ihn also nicht stehlen.
me-codes-heading = Backup-Codes
me-codes-left = { $count ->
    [0] Noch keine.
    [one] Einer unbenutzt. Neue ersetzen ihn.
   *[other] { $count } unbenutzt. Neue ersetzen sie.
}
me-codes-hint = Zehn Einmal-Codes: Verlieren Sie Ihre Passkeys, kommen Sie mit einem davon und einem Link zum Zurücksetzen des Passworts wieder hinein.
me-make-codes = Backup-Codes erstellen
me-no-passkey = Sie haben noch keinen Passkey.
me-add-passkey = Passkey hinzufügen
me-passkey-name = Ein Name, an dem Sie ihn erkennen
me-passkey-name-hint = Etwa das Gerät, auf dem er liegt: „MacBook“, „Handy“.
me-add-needs-script = Zum Hinzufügen eines Passkeys brauchen Sie einen Browser, der Passkeys unterstützt, mit erlaubtem JavaScript für diese Website.
me-passkeys-unusable = Unter der Adresse dieses Servers lassen sich keine Passkeys nutzen; fragen Sie { $product } danach.
passkey-col-name = Name
passkey-col-added = Hinzugefügt
passkey-col-last-used = Zuletzt benutzt
passkey-never = Nie
passkey-synced = Synchronisiert
passkey-new-name = Neuer Name für { $name }
passkey-rename = Umbenennen
passkey-remove = Entfernen

me-sessions-heading = Wo Sie angemeldet sind
me-col-device = Gerät
me-col-ip = IP-Adresse
me-col-signed-in = Angemeldet
me-col-last-seen = Zuletzt aktiv
me-col-actions = Aktionen
me-unknown = Unbekannt
me-this-browser = Dieser Browser
me-sign-out = Abmelden
me-sign-out-this = (dieser Browser)
me-sign-out-other = (die Sitzung von { $ip })

me-apps-heading = Apps mit Zugriff
me-app-since = Seit { $date }.
me-app-own = Eine eigene App von { $product }.
me-app-learns = Sie darf erfahren:
me-remove-access = Zugriff entziehen
me-no-apps = Keine App meldet Sie über { $product } an.

## What `/me` says after a form succeeded.

me-done-profile = Ihr Profil ist gespeichert.
me-done-email = Wir haben einen Link an die neue Adresse geschickt, sofern sie verwendet werden kann. Ihre E-Mail-Adresse ändert sich, wenn Sie ihn öffnen.
me-done-password = Ihr Passwort ist geändert. Ihre anderen Sitzungen wurden abgemeldet.
me-done-password-dropped = Ihr Passwort ist entfernt: Sie melden sich jetzt mit einem Passkey an. Ihre anderen Sitzungen wurden abgemeldet.
me-done-totp-off = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
me-done-passkey-added = Ihr Passkey ist hinzugefügt: Melden Sie sich damit an.
me-done-passkey-renamed = Der Passkey ist umbenannt.
me-done-passkey-removed = Der Passkey ist entfernt: Er meldet niemanden mehr an.
me-done-revoked = Die Sitzung wurde abgemeldet.
me-done-withdrawn = Die App hat keinen Zugriff mehr. Sie fragt erneut, wenn Sie sich bei ihr anmelden.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Zwei-Faktor-Anmeldung einschalten
totp-step1 = 1. Fügen Sie { $product } Ihrer Authenticator-App hinzu
totp-scan = Scannen Sie diesen QR-Code mit der App:
totp-qr-alt = QR-Code Ihres Zwei-Faktor-Schlüssels (derselbe Schlüssel steht unten als Text)
totp-type = Oder tippen Sie diesen Schlüssel in die App:
totp-step2 = 2. Geben Sie den Code ein, den die App zeigt
totp-code = Code
totp-submit = Einschalten
totp-not-now = Jetzt nicht
codes-title = Ihre Backup-Codes
codes-heading-first = Die Zwei-Faktor-Anmeldung ist eingeschaltet
codes-heading-new = Ihre neuen Backup-Codes
codes-keep-totp = Bewahren Sie diese Codes sicher auf. Jeder funktioniert einmal anstelle eines Codes aus Ihrer App, falls Sie Ihr Handy verlieren.
codes-keep-passkeys = Bewahren Sie diese Codes sicher auf. Jeder funktioniert einmal: Verlieren Sie Ihre Passkeys, kommen Sie mit einem davon und einem Link zum Zurücksetzen des Passworts wieder hinein.
codes-shown-once = Sie werden nur jetzt angezeigt.
codes-download = Codes herunterladen
codes-done = Fertig
passkey-add-title = Passkey hinzufügen
passkey-add-intro = Ihr Browser fragt jetzt, wo der Passkey gespeichert werden soll (dieses Gerät, Ihr Handy, ein Sicherheitsschlüssel oder ein Passwortmanager), und nach Ihrem Fingerabdruck, Gesicht oder Ihrer Bildschirmsperre.
passkey-add-submit = Passkey erstellen
passkey-add-missing = Dieser Browser kann keine Passkeys erstellen (oder JavaScript ist für diese Website ausgeschaltet).
passkey-name-length = Geben Sie ihm einen Namen mit 1 bis { $max } Zeichen.
me-wrong-password = Das ist nicht Ihr aktuelles Passwort.
totp-wrong-code = Der Code ist falsch: Prüfen Sie die Uhrzeit auf Ihrem Handy und versuchen Sie den nächsten.
codes-file = Backup-Codes für { $product } ({ $email })
codes-file-totp = Jeder funktioniert einmal anstelle eines Codes aus Ihrer App.
codes-file-passkeys = Jeder funktioniert einmal, zusammen mit einem Link zum Zurücksetzen des Passworts, falls Sie Ihre Passkeys verlieren.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Anmeldungen des Supports
me-support-intro = Das Support-Team von { $product } kann sich als Sie anmelden, um zu sehen, was Sie sehen: Sie bekommen jedes Mal eine E-Mail, und jede Anmeldung steht hier. Ändern, wie Sie sich anmelden, kann es nicht.
me-support-allowed = Der Support darf sich bis { $time } als Sie anmelden.
me-support-withdraw = Zurücknehmen
me-support-asks = Der Support meldet sich nur als Sie an, wenn Sie es erlauben, jeweils für einen Tag.
me-support-allow = Für einen Tag erlauben
me-support-col-staff = Support-Mitarbeiter
me-support-col-from = Angemeldet
me-support-col-until = Bis
me-support-none = Der Support hat sich noch nie als Sie angemeldet.
me-done-support-allowed = Der Support darf sich einen Tag lang als Sie anmelden.
me-done-support-withdrawn = Der Support darf sich nicht mehr als Sie anmelden.
