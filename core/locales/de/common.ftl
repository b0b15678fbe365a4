### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Zum Inhalt springen
nav-main = Hauptmenü
nav-accounts = Konten
nav-me = Mein Profil & Sicherheit
signed-in-as = Angemeldet als { $email }
sign-out = Abmelden
nav-sign-in = Anmelden
nav-sign-up = Zugang erstellen
reenrol-notice = Ihre Zwei-Faktor-Anmeldung konnte nicht aus dem alten Kundenbereich übernommen werden.
reenrol-link = Richten Sie sie erneut ein, damit Ihr Zugang geschützt bleibt.
language-picker = Sprache
support-banner = Vom Support angemeldet ({ $staff }) bis { $time }.
support-end = Jetzt beenden
session-by-support = Support: { $staff }
