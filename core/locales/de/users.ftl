### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Benutzerverwaltung
users-disabled = Ihr Anbieter hat die Benutzerverwaltung im Kundenbereich abgeschaltet. Wenn Sie ändern möchten, wer auf { $account } zugreifen kann, wenden Sie sich an den Support.
users-heading = Benutzer von { $account }
users-col-user = Benutzer
users-col-permissions = Berechtigungen
users-col-two-factor = Zwei-Faktor
users-col-last-login = Letzte Anmeldung
users-col-actions = Aktionen
users-all = Alle
users-none = Keine
users-on = An
users-off = Aus
users-never = Nie
users-edit = Berechtigungen bearbeiten
users-may-do = Was { $name } darf
users-save = Berechtigungen speichern
users-remove = Entfernen
invite-heading = Benutzer einladen
invite-intro = Wir schicken einen Link per E-Mail, der eine begrenzte Zeit gilt. Die Person meldet sich an oder erstellt einen Zugang und erreicht dieses Konto mit den Berechtigungen, die Sie wählen.
invite-access = Zugriff
invite-all = Alle Berechtigungen
invite-chosen = Nur die unten gewählten Berechtigungen
invite-permissions = Berechtigungen
invite-send = Einladung senden
pending-heading = Offene Einladungen
pending-col-email = E-Mail
pending-col-sent = Gesendet
pending-col-expires = Läuft ab
pending-resend = Erneut senden
pending-cancel = Zurückziehen
pending-none = Keine offenen Einladungen.

## What User Management says after a form succeeded.

users-done-permissions = Die Berechtigungen sind gespeichert.
users-done-removed = Der Benutzer wurde aus diesem Konto entfernt.
users-done-invited = Die Einladung ist unterwegs.
users-done-resent = Ein neuer Einladungslink ist unterwegs; der alte Link funktioniert nicht mehr.
users-done-cancelled = Die Einladung wurde zurückgezogen; ihr Link funktioniert nicht mehr.
