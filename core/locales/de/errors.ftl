### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = Die Anfrage konnte nicht gelesen werden.
error-malformed-json = Die Anfrage konnte nicht gelesen werden.
error-validation-failed = Ein eingegebener Wert kann nicht verwendet werden.
error-weak-password = Das Passwort ist zu schwach: Wählen Sie ein längeres, das schwer zu erraten ist.
error-unauthorized = Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an.
error-invalid-credentials = Die E-Mail-Adresse oder das Passwort ist falsch.
error-second-factor-required = Ein zweiter Faktor ist erforderlich.
error-invalid-second-factor = Der Code ist falsch oder wurde bereits verwendet.
error-email-not-verified = Die E-Mail-Adresse ist noch nicht bestätigt.
error-invalid-token = Dieser Link ist ungültig oder abgelaufen.
error-security-answer-required = Die Antwort auf die Sicherheitsfrage fehlt oder ist falsch.
error-forbidden = Das dürfen Sie nicht.
error-recent-sign-in-required = Bestätigen Sie zuerst mit Ihrem Passkey: Ohne Passwort brauchen Änderungen an Ihrer Anmeldung eine Passkey-Anmeldung aus den letzten fünf Minuten.
error-support-sign-in-restricted = Der Support ist als Sie angemeldet und kann das nicht tun: Nur Sie selbst können ändern, wie Sie sich anmelden, Einladungen annehmen oder Apps zulassen.
error-cross-site-request = Das Formular kam von einer anderen Website.
error-user-management-disabled = Die Benutzerverwaltung ist im Kundenbereich abgeschaltet; wenden Sie sich an den Support.
error-owner-cannot-be-removed = Der Inhaber kann nicht aus dem Konto entfernt werden.
error-owner-permissions-fixed = Der Inhaber hat alle Berechtigungen; sie lassen sich nicht ändern.
error-already-member = Diese Person hat bereits Zugriff auf dieses Konto.
error-invitation-expired = Diese Einladung ist abgelaufen; bitten Sie um eine neue.
error-invitation-used = Diese Einladung wurde bereits verwendet.
error-invitation-cancelled = Diese Einladung wurde zurückgezogen.
error-user-owns-accounts = Diesem Benutzer gehören Konten; übertragen Sie zuerst deren Inhaberschaft.
error-not-found = Nicht gefunden.
error-method-not-allowed = Das geht hier nicht.
error-conflict = Inzwischen hat sich etwas geändert: Laden Sie die Seite neu und versuchen Sie es noch einmal.
error-email-taken = Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.
error-payload-too-large = Was Sie gesendet haben, ist zu groß.
error-unsupported-media-type = Was Sie gesendet haben, konnte nicht gelesen werden.
error-rate-limited = { $minutes ->
    [one] Zu viele Versuche: Versuchen Sie es in { $minutes } Minute noch einmal.
   *[other] Zu viele Versuche: Versuchen Sie es in { $minutes } Minuten noch einmal.
}
error-vetoed-by-plugin = Das wurde abgelehnt.
error-plugin-failed = Das geht gerade nicht: Versuchen Sie es später noch einmal.
error-plugin-invalid = Das geht gerade nicht.
error-not-ready = Der Dienst ist noch nicht bereit: Versuchen Sie es gleich noch einmal.
error-internal-error = Etwas ist schiefgegangen: Versuchen Sie es später noch einmal.
form-check-fields = Prüfen Sie die unten markierten Felder.
