### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

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
