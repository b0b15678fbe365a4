### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Bestätigen Sie Ihre E-Mail-Adresse
verify-intro = Bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört.
verify-submit = E-Mail-Adresse bestätigen
reset-title = Neues Passwort wählen
reset-password = Neues Passwort
reset-password-again = Neues Passwort wiederholen
reset-code = Ein Code aus Ihrer Authenticator-App oder einer Ihrer Backup-Codes
reset-code-hint = Ihr Zugang hat einen zweiten Faktor, deshalb genügt ein Link in Ihrem Postfach allein nicht, um sein Passwort zu ändern.
reset-submit = Neues Passwort festlegen
reset-passwords-differ = Die beiden Passwörter stimmen nicht überein.

invite-title = Einladung zu { $account }
invite-page-intro = { $inviter } hat Sie eingeladen, auf das Konto „{ $account }“ zuzugreifen.
invite-page-intro-staff = { $inviter } (Mitarbeiter) hat Sie eingeladen, auf das Konto „{ $account }“ zuzugreifen.
invite-signed-in-as = Sie sind angemeldet als { $email }
invite-accept-as = Als { $email } annehmen
invite-switch = Abmelden und als jemand anderes fortfahren
invite-have-login = Ich habe einen Zugang
invite-totp-code = Authenticator-Code (falls Sie einen nutzen)
invite-login-accept = Anmelden und annehmen
invite-new-here = Ich bin neu hier
invite-signup-accept = Zugang anlegen und annehmen
invite-expires = Die Einladung läuft am { $time } ab.

## One-message pages: a heading and a sentence.

page-failed = Etwas ist schiefgegangen
page-failed-text = Bitte versuchen Sie es später noch einmal.
page-not-found = Seite nicht gefunden
page-not-found-text = Hier gibt es nichts, oder Sie haben keinen Zugriff darauf.
page-not-allowed = Nicht erlaubt
mailbox-heading = Sehen Sie in Ihr Postfach
mailbox-text = Der nächste Schritt steht in der E-Mail, die wir Ihnen geschickt haben.
mailbox-invite-text = Der nächste Schritt steht in der E-Mail, die wir an die angegebene Adresse geschickt haben.
link-invalid = Link ungültig
link-invalid-text = Dieser Link ist ungültig oder abgelaufen. Fordern Sie einen neuen an.
invitation-unknown = Einladung nicht gefunden
invitation-unknown-text = Dieser Einladungslink ist ungültig. Prüfen Sie den Link in der E-Mail oder bitten Sie um eine neue Einladung.
invitation-gone = Einladung nicht mehr gültig
invitation-gone-accepted = Diese Einladung wurde bereits angenommen.
invitation-gone-cancelled = Diese Einladung wurde zurückgezogen. Bitten Sie den Kontoinhaber um eine neue.
invitation-gone-expired = Diese Einladung ist abgelaufen. Bitten Sie den Kontoinhaber um eine neue.
invitation-member = Bereits Mitglied
invitation-member-text = Sie haben bereits Zugriff auf dieses Konto.
invitation-accepted = Einladung angenommen
invitation-accepted-verify = Sie haben jetzt Zugriff auf { $account }. Wir haben einen Link an { $email } geschickt, um die Adresse zu bestätigen: Öffnen Sie ihn und melden Sie sich dann an.
form-refused = Dieses Formular konnte nicht gesendet werden
form-refused-foreign = Es kam von einer anderen Website, oder die Seite wurde geöffnet, bevor Sie sich an- oder abgemeldet haben. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
form-refused-control = Das Feld „{ $field }“ enthält ein Steuerzeichen (etwa einen Zeilenumbruch), das nicht erlaubt ist. Gehen Sie zurück und korrigieren Sie es.

## After an emailed link did its work.

verified-heading = E-Mail-Adresse bestätigt
verified-text = Danke: Ihre E-Mail-Adresse ist bestätigt.
verified-to-accounts = Zu Ihren Konten
verified-sign-in = Anmelden
reset-done-heading = Passwort geändert
reset-done-text = Ihr neues Passwort ist festgelegt. Alle anderen Sitzungen wurden abgemeldet; melden Sie sich mit dem neuen Passwort an.
invite-email-taken = Es gibt bereits einen Zugang mit dieser E-Mail-Adresse: Melden Sie sich stattdessen an.
invite-session-ended = Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an.
invite-code-needed = Geben Sie auch den Code aus Ihrer Authenticator-App ein.
invite-code-mailed = Wir haben Ihnen einen Anmeldecode gemailt: Geben Sie ihn ebenfalls im Code-Feld ein.
