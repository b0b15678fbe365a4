### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Aller au contenu
nav-main = Menu principal
nav-accounts = Comptes
nav-me = Mon profil et ma sécurité
signed-in-as = Connecté en tant que { $email }
sign-out = Se déconnecter
nav-sign-in = Se connecter
nav-sign-up = Créer un identifiant
reenrol-notice = Votre validation en deux étapes n'a pas pu être reprise de l'ancien espace client.
reenrol-link = Configurez-la à nouveau pour garder votre identifiant protégé.
language-picker = Langue
support-banner = Connecté par le support ({ $staff }) jusqu'à { $time }.
support-end = Terminer maintenant
session-by-support = Support : { $staff }
