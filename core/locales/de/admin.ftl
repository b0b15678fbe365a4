### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

admin-title = Verwaltung von { $product }
admin-badge = Verwaltung
admin-nav = Verwaltung
admin-nav-clients = Kunden
admin-nav-users = Benutzer
admin-nav-audit = Protokoll
admin-nav-plugins = Plugins
admin-nav-mail = Mail-Warteschlange
admin-nav-apps = Apps
admin-nav-settings = Einstellungen
admin-nav-staff = Mitarbeiter
admin-nav-me = Ihre Anmeldung
admin-role = { $role ->
    [administrator] Administrator
    [support] Support
   *[other] { $role }
}
admin-sign-out = Abmelden
admin-back-to-clients = Zurück zu den Kunden
admin-login-title = Anmeldung für Mitarbeiter
admin-login-continue = Weiter
admin-login-lost = Passwort oder Authenticator verloren? Ein Administrator kann Ihnen einen neuen Einrichtungslink geben.
admin-code-title = Zweiter Schritt
admin-code-heading = Authenticator-Code
admin-passkey-heading = Ihr Passkey
admin-code-intro = Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App gerade zeigt.
admin-code-field = Code
admin-code-submit = Anmelden
admin-no-passkey = Sie haben keinen Passkey, und Mitarbeiter melden sich hier mit einem an: Bitten Sie einen Administrator um einen neuen Einrichtungslink.
admin-passkey-or = Oder nutzen Sie einen Ihrer Passkeys
admin-passkey-confirm = Bestätigen Sie mit Ihrem Passkey, dass Sie es sind
admin-passkey-use = Passkey verwenden
admin-passkey-missing = Dieser Browser kann keine Passkeys nutzen (oder JavaScript ist für diese Website ausgeschaltet): Melden Sie sich in einem Browser an, der es kann.
admin-start-again = Von vorn beginnen

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Ihre Anmeldung
admin-me-passkeys = Passkeys
admin-me-passkeys-intro = Ein Passkey bestätigt nach Ihrem Passwort per Fingerabdruck, Gesicht oder Bildschirmsperre, dass Sie es sind. Er funktioniert nur auf dieser Website, eine gefälschte Anmeldeseite kann ihn also nicht weiterreichen.
admin-me-passkey-required = Mitarbeiter melden sich hier mit einem Passkey an: Codes aus einer Authenticator-App werden nicht angenommen.
admin-me-totp-too = Ihre Authenticator-App funktioniert ebenfalls.
admin-me-passkey-hint = Etwa das Gerät, auf dem er liegt: „Arbeitslaptop“, „Sicherheitsschlüssel“.
admin-me-unusable = Unter der Adresse dieses Servers lassen sich keine Passkeys nutzen (server.public_url muss einen Host mit seinem Domainnamen nennen).
admin-setup-title = Richten Sie Ihren Mitarbeiterzugang ein
admin-setup-for-passkey = Für { $email } ({ $role }). Wählen Sie ein Passwort und erstellen Sie einen Passkey: Zur Anmeldung braucht es beides.
admin-setup-for-totp = Für { $email } ({ $role }). Wählen Sie ein Passwort und fügen Sie diesen Zugang einer Authenticator-App hinzu: Zur Anmeldung braucht es beides.
admin-setup-passkey = Passkey
admin-setup-passkey-intro = Ihr Browser fragt, wo der Passkey gespeichert werden soll (dieses Gerät, Ihr Handy, ein Sicherheitsschlüssel oder ein Passwortmanager), und nach Ihrem Fingerabdruck, Gesicht oder Ihrer Bildschirmsperre. Anmeldecodes aus einer Authenticator-App werden hier nicht angenommen.
admin-setup-passkey-name = Passkey
admin-setup-create = Passkey erstellen und speichern
admin-setup-no-passkeys = Dieser Browser kann keine Passkeys erstellen (oder JavaScript ist für diese Website ausgeschaltet): Öffnen Sie den Link in einem Browser, der es kann.
admin-setup-app = Authenticator-App
admin-setup-scan = Scannen Sie den Code oder tippen Sie den Schlüssel in die App.
admin-setup-qr-alt = QR-Code Ihres Authenticator-Schlüssels
admin-setup-key = Schlüssel:
admin-setup-code = Der 6-stellige Code, den die App zeigt
admin-setup-save = Speichern und weiter zur Anmeldung

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Abbrechen
admin-users-of = Benutzer von { $client }
admin-remove-title = Benutzer entfernen · { $client }
admin-remove-heading = { $name } aus { $client } entfernen?
admin-remove-text = { $email } verliert sofort den Zugriff auf diesen Kunden. Der Zugang und die anderen Kunden dieser Person bleiben.
admin-remove = Entfernen
admin-delete-title = { $email } löschen
admin-delete-heading = { $name } löschen?
admin-delete-text = { $email } verliert endgültig den Zugang und den Zugriff auf alle Kunden. Ein Benutzer, dem ein Kunde gehört, kann nicht gelöscht werden: Übertragen Sie zuerst die Inhaberschaft.
admin-delete = Benutzer löschen
admin-owner-title = Zum Inhaber machen · { $client }
admin-owner-heading = { $name } zum Inhaber machen?
admin-owner-text = { $email } wird Inhaber von { $client }: Diese Person hat alle Berechtigungen und verwaltet die Benutzer. Die Änderung gilt sofort.
admin-owner-keep = Den bisherigen Inhaber als Benutzer dieses Kunden behalten, mit allen Berechtigungen
admin-owner-keep-hint = Entfernen Sie das Häkchen, um dem bisherigen Inhaber den Zugriff auf diesen Kunden zu nehmen (sein Zugang und seine anderen Kunden bleiben).
admin-owner-make = Zum Inhaber machen

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Protokoll
admin-audit-who = Wer
admin-audit-who-hint = E-Mail eines Mitarbeiters, Token-Name, Benutzer-ID
admin-audit-action = Aktion
admin-audit-action-hint = z. B. account.ownership_changed
admin-audit-client = Kunden-ID
admin-audit-user = Benutzer-ID
admin-audit-filter = Filtern
admin-audit-events = Ereignisse, neueste zuerst
admin-audit-newest = Neueste
admin-audit-older = Ältere Ereignisse
admin-audit-client-title = Protokoll · { $client }
admin-audit-client-heading = Was mit { $client } geschah
admin-audit-when = Wann
admin-audit-what = Was
admin-audit-about = Betrifft
admin-audit-change = Änderung
admin-audit-about-client = Kunde
admin-audit-about-user = Benutzer
admin-audit-none = Kein Ereignis.

## A client's tabs.

admin-clients-back = Kunden
admin-client-tabs = Kunde
admin-tab-summary = Übersicht
admin-tab-users = Benutzer
admin-tab-invitations = Einladungen
admin-tab-contacts = Kontakte
admin-tab-audit = Protokoll
admin-status = { $status ->
    [active] Aktiv
    [inactive] Inaktiv
    [closed] Geschlossen
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Suche
admin-find = Suchen
admin-any = Alle
admin-first-page = Erste Seite
admin-next-page = Nächste Seite
admin-col-status = Status
admin-col-email = E-Mail
admin-col-created = Angelegt
admin-clients-title = Kunden
admin-clients-search-hint = Firma, Rechnungs-E-Mail oder #Nummer
admin-clients-found = Gefundene Kunden
admin-clients-all = Alle Kunden
admin-col-client = Kunde
admin-col-billing = Rechnungs-E-Mail
admin-col-country = Land
admin-clients-none = Kein Kunde passt.
admin-users-title = Benutzer
admin-users-search-hint = E-Mail oder Name
admin-users-found = Gefundene Benutzer
admin-users-all = Alle Benutzer
admin-col-user = Benutzer
admin-col-two-factor = Zwei-Faktor
admin-col-last-login = Letzte Anmeldung
admin-users-none = Kein Benutzer passt.
admin-contacts-title = Kontakte · { $client }
admin-contacts-heading = Kontakte von { $client }
admin-contacts-intro = Personen, die die E-Mails dieses Kunden ohne eigenen Zugang erhalten. Die Benutzer des Kunden mit der Berechtigung für Kontakte verwalten sie.
admin-col-name = Name
admin-col-phone = Telefon
admin-col-receives = Erhält
admin-none = Keine
admin-contacts-none = Kein Kontakt.

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Benutzerseite des Inhabers
admin-client-users-link = Benutzer dieses Kunden
admin-client-number = Nummer #{ $number }
admin-client-created = Angelegt am { $time }
admin-client-status = Status: { $status ->
    [active] aktiv
    [inactive] inaktiv
    [closed] geschlossen
   *[other] { $status }
}
admin-client-close = Diesen Kunden schließen
admin-client-close-text = Ein geschlossener Kunde behält seine Benutzer und seinen Verlauf; sein Status wird „geschlossen“.
admin-client-close-button = { $client } schließen
admin-client-profile = Profil
admin-client-users-title = Benutzer · { $client }
admin-associate-heading = Einen bestehenden Benutzer hinzufügen
admin-associate-intro = Die Person erreicht diesen Kunden sofort mit ihrem eigenen Zugang; es wird keine E-Mail verschickt.
admin-associate-email = E-Mail-Adresse des Benutzers
admin-associate-add = Benutzer hinzufügen
admin-invite-heading = Per E-Mail einladen
admin-invite-intro = Wir senden einen Link per E-Mail, der eine begrenzte Zeit gültig ist; ein neuer oder bestehender Benutzer nimmt ihn an und erreicht diesen Kunden mit diesen Berechtigungen.
admin-invite-email = E-Mail-Adresse
admin-invitations-link = Einladungen dieses Kunden
admin-invitations-title = Einladungen · { $client }
admin-invitations-heading = Einladungen zu { $client }
admin-invitations-send-new = Eine neue Einladung senden Sie im Reiter „Benutzer“
admin-col-state = Stand
admin-col-sent-by = Gesendet von
admin-invitation-state = { $state ->
    [pending] Offen
    [accepted] Angenommen
    [cancelled] Zurückgezogen
    [expired] Abgelaufen
   *[other] { $state }
}
admin-invitation-accepted-at = Angenommen am { $time }
admin-invitations-none = Für diesen Kunden wurde keine Einladung gesendet.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Aktiv
    [disabled] Gesperrt
   *[other] { $status }
}
admin-user-login = Zugang
admin-user-unverified = (nicht bestätigt)
admin-user-number = Nummer
admin-user-password = Passwort
admin-user-password-set = Gesetzt
admin-user-password-none = Keins: meldet sich mit einem Passkey an
admin-user-last-login-from = { $time } von { $ip }
admin-user-send-reset = Link zum Zurücksetzen des Passworts senden
admin-user-factors-off = Zwei-Faktor ausschalten und Passkeys entfernen
admin-user-totp-off = Zwei-Faktor ausschalten
admin-disable = Sperren
admin-enable = Entsperren
admin-user-delete = Löschen …
admin-user-clients = Kunden, die dieser Benutzer erreicht
admin-col-role = Rolle
admin-user-member = Benutzer
admin-user-more-clients = Nur die ersten Kunden werden aufgeführt.
admin-user-sessions = Sitzungen
admin-user-no-sessions = Keine offene Sitzung.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = keine
admin-plugin-capabilities = Fähigkeiten
admin-plugin-priority = Priorität
admin-plugin-on-error = Bei Fehler
admin-plugin-loaded = Geladen
admin-plugin-hook = Hook
admin-plugin-calls = Aufrufe
admin-plugin-denies = Ablehnungen
admin-plugin-traps = Abstürze
admin-plugin-timeouts = Zeitüberschreitungen
admin-plugin-errors = Fehler
admin-plugin-latency = Mittel / max. µs
admin-plugin-queue = After-Hooks: { $delivered } zugestellt, { $backlog } wartend, { $parked } geparkt.
admin-plugin-last-error = Letzter Fehler:
admin-plugin-parked = Geparkte Ereignisse
admin-plugin-event = Ereignis
admin-plugin-kind = Art
admin-col-attempts = Versuche
admin-plugin-error = Fehler
admin-plugin-parked-at = Geparkt
admin-retry = Erneut versuchen
admin-plugin-reload = { $plugin } neu laden
admin-plugins-none = Kein Plugin ist geladen. Plugins sind WebAssembly-Komponenten in dem Ordner, den { $setting } nennt; siehe die Plugin-Anleitung.
admin-settings-intro = Die Einstellungen, mit denen dieser Server läuft: seine Konfigurationsdateien, dann die Umgebungsvariablen ROSTER_…, dann die Vorgaben. Nur zum Lesen: Ändern Sie die Dateien oder die Umgebung und starten Sie neu. Geheimnisse erscheinen als ***.
admin-settings-effective = Wirksame Einstellungen
admin-settings-setting = Einstellung
admin-settings-value = Wert

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Einrichtungslink für { $email }:
admin-staff-members = Mitarbeiter
admin-staff-last-sign-in = Letzte Anmeldung
admin-staff-you = (Sie)
admin-role-name = { $role ->
    [administrator] Administrator
    [support] Support
   *[other] { $role }
}
admin-staff-not-set-up = (Einrichtungslink noch nicht benutzt)
admin-staff-new-link = Neuer Einrichtungslink
admin-staff-add = Einen Mitarbeiter hinzufügen
admin-staff-role-support = Support: liest alles; sendet Einladungen und Links zum Zurücksetzen des Passworts, sendet sie erneut und zieht sie zurück
admin-staff-role-administrator = Administrator: alles
admin-staff-add-button = Hinzufügen und den Einrichtungslink zeigen
admin-mail-intro = Jede E-Mail wird zusammen mit der Änderung geschrieben, die sie auslöst, und von hier aus verschickt, mit Wiederholungen. Der Inhalt einer Nachricht wird nie gezeigt: Er enthält Einmal-Links.
admin-mail-failed = Aufgegeben
admin-mail-to = An
admin-mail-message = E-Mail
admin-mail-last-error = Letzter Fehler
admin-mail-written = Geschrieben
admin-mail-failed-none = Keine: Jede E-Mail ist verschickt oder unterwegs.
admin-mail-waiting = Wartend
admin-mail-next-attempt = Nächster Versuch
admin-mail-waiting-none = Nichts wartet.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Apps, die Personen mit { $product } anmelden (OpenID Connect). Richten Sie jede auf
admin-apps-secret-of = Client-Geheimnis von { $app }:
admin-apps-registered = Registrierte Apps
admin-apps-client-id = Client-ID
admin-apps-kind = Art
admin-apps-redirects = Weiterleitungs-URIs
admin-apps-trusted = Vertrauenswürdig
admin-apps-kind-name = { $kind ->
    [confidential] Vertraulich
    [public] Öffentlich
   *[other] { $kind }
}
admin-apps-logout = Abmeldung:
admin-apps-new-secret = Neues Geheimnis
admin-apps-none = Noch keine App registriert.
admin-apps-register = Eine App registrieren
admin-apps-name = Name (wird Personen auf der Zustimmungsseite gezeigt)
admin-apps-redirect-uris = Weiterleitungs-URIs (eine pro Zeile)
admin-apps-redirect-hint = https, http auf 127.0.0.1 oder [::1], oder für eine öffentliche App ein privates Schema wie com.example.app:/callback. Wird genau verglichen.
admin-apps-public = Öffentlich: eine native oder Single-Page-App (kein Geheimnis; PKCE erforderlich)
admin-apps-trusted-hint = Vertrauenswürdig: die eigene App von { $product } (keine Zustimmungsseite)
admin-apps-post-logout = Weiterleitungs-URIs nach der Abmeldung (eine pro Zeile, optional)
admin-apps-backchannel = Back-Channel-Logout-URI (optional)
admin-apps-logo = Logo-URL (optional, https)
admin-apps-alg = Signatur des ID-Tokens
admin-apps-register-button = Registrieren

## Your language and time zone (`/admin/me`).

admin-me-preferences = Sprache und Zeitzone
admin-me-language-browser = Die Sprache Ihres Browsers
admin-me-preferences-save = Speichern
admin-me-done-preferences = Ihre Sprache und Zeitzone sind gespeichert.

## What a page says after a form did its work, and why it could not.

admin-done-saved = Die Änderungen sind gespeichert.
admin-done-closed = Der Kunde ist geschlossen.
admin-done-permissions = Die Berechtigungen sind gespeichert.
admin-done-removed = Der Benutzer wurde aus diesem Kunden entfernt.
admin-done-associated = Der Benutzer hat jetzt Zugriff auf diesen Kunden.
admin-done-invited = Die Einladung ist unterwegs.
admin-done-resent = Ein neuer Einladungslink ist unterwegs; der alte Link funktioniert nicht mehr.
admin-done-cancelled = Die Einladung wurde zurückgezogen; ihr Link funktioniert nicht mehr.
admin-done-owner = Die Inhaberschaft wurde übertragen.
admin-done-mail-retried = Die Nachricht steht wieder in der Warteschlange; sie geht jetzt hinaus.
admin-done-app-removed = Die App wurde entfernt.
admin-done-app-registered = { $app } wurde registriert. Kopieren Sie jetzt das Geheimnis: Es wird nicht noch einmal gezeigt.
admin-done-app-registered-public = { $app } wurde registriert (eine öffentliche App: kein Geheimnis).
admin-done-app-secret-now = { $app } hat ein neues Geheimnis; das alte funktioniert nicht mehr.
admin-done-app-secret-grace = { $app } hat ein neues Geheimnis; das alte funktioniert noch einen Tag.
admin-plugin-failed-again = { $plugin } ist erneut gescheitert; das Ereignis bleibt geparkt. Die Meldung: { $error }
admin-done-plugin-reloaded = { $plugin } wurde neu geladen.
admin-done-plugin-delivered = { $plugin } hat das Ereignis angenommen; es ist nicht mehr geparkt.
admin-done-staff-disabled = Der Mitarbeiter ist gesperrt; seine Sitzungen sind beendet.
admin-done-staff-enabled = Der Mitarbeiter ist entsperrt.
admin-done-staff-removed = Der Mitarbeiter wurde entfernt.
admin-done-staff-link = Ein neuer Einrichtungslink für { $email }: Der alte funktioniert nicht mehr.
admin-done-user-deleted = Der Benutzer wurde gelöscht.
admin-done-user-disabled = Der Benutzer ist gesperrt: Er kann sich nicht anmelden, und seine Sitzungen sind beendet.
admin-done-user-enabled = Der Benutzer ist entsperrt: Er kann sich wieder anmelden.
admin-done-user-reset = Ein Link zum Zurücksetzen des Passworts ist unterwegs zum Benutzer.
admin-done-user-totp-off = Die Zwei-Faktor-Authentifizierung ist für diesen Benutzer aus, seine Backup-Codes und Passkeys sind gelöscht: Ein Link zum Zurücksetzen allein bringt ihn wieder hinein.
admin-search-unreadable = Diese Suche konnte nicht gelesen werden
admin-search-unreadable-text = Sie enthält ein Steuerzeichen (etwa einen Zeilenumbruch). Gehen Sie zurück und korrigieren Sie sie.
admin-not-allowed-text = Ihre Rolle (Support) darf Kunden, Benutzer und das Protokoll lesen sowie Einladungen und Links zum Zurücksetzen des Passworts senden, erneut senden und zurückziehen, aber nicht dies. Fragen Sie einen Administrator.
admin-not-done = Das ging nicht
admin-setup-link-broken = Dieser Link funktioniert nicht
admin-setup-link-broken-text = Er wurde schon benutzt oder ist abgelaufen. Bitten Sie einen Administrator um einen neuen (roster admin staff link).
admin-setup-code-wrong = Der Code passt nicht: Prüfen Sie die Uhr der App und geben Sie den Code ein, den sie jetzt zeigt.
admin-login-done-setup = Ihr Passwort und Ihr Authenticator sind eingerichtet: Melden Sie sich an.
admin-login-done-out = Sie sind abgemeldet.
admin-passkey-not-confirmed = Dieser Passkey hat nicht bestätigt, dass Sie es sind: Versuchen Sie es noch einmal.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Als dieser Benutzer anmelden
admin-audit-on-behalf-of = als der Benutzer
admin-done-support-ended = Die Anmeldung des Supports ist beendet.
admin-sign-in-as-refused = Sie können sich nicht als dieser Benutzer anmelden: Die Support-Anmeldung ist ausgeschaltet, Ihre Rolle darf sie nicht nutzen, oder der Benutzer hat sie nicht erlaubt.
