### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Naar de inhoud
nav-main = Hoofdmenu
nav-accounts = Accounts
nav-me = Mijn profiel en beveiliging
signed-in-as = Ingelogd als { $email }
sign-out = Uitloggen
nav-sign-in = Inloggen
nav-sign-up = Login aanmaken
reenrol-notice = Uw tweestapsverificatie kon niet worden overgenomen uit de oude klantomgeving.
reenrol-link = Stel deze opnieuw in om uw login beschermd te houden.
language-picker = Taal
support-banner = Ingelogd door support ({ $staff }) tot { $time }.
support-end = Nu beëindigen
session-by-support = Support: { $staff }
