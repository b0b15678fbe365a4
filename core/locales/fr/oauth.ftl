### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } n'est pas disponible
oauth-back = Retour à { $app }
oauth-allow-heading = Autoriser { $app } à utiliser votre identifiant { $product } ?
oauth-signed-in-learns = Connecté en tant que { $email }. Si vous l'autorisez, { $app } connaîtra :
oauth-choose-heading = Choisissez un compte pour { $app }
oauth-signed-in = Connecté en tant que { $email }.
oauth-refused-choose = Choisissez un autre compte, ou annulez.
oauth-which-account = Le compte avec lequel { $app } travaille
oauth-owner = titulaire
oauth-allow = Autoriser
oauth-continue = Continuer
oauth-deny = Refuser
oauth-cancel = Annuler
oauth-link-broken = Ce lien de connexion ne fonctionne pas
oauth-not-signed-in = Vous n'avez pas pu être connecté
logout-title = Se déconnecter
logout-heading = Se déconnecter de { $product } ?
logout-asked-by = { $app } demande à vous déconnecter.
logout-asked = Une application demande à vous déconnecter.
logout-explain = La déconnexion met fin à votre session { $product } dans ce navigateur, et les applications auxquelles vous vous êtes connecté avec elle en sont informées.
logout-sign-out = Se déconnecter
logout-stay = Rester connecté
logout-link-broken = Ce lien de déconnexion ne fonctionne pas
logout-not-signed-out = { $why }. Vous n'avez pas été déconnecté.
logout-done = Vous êtes déconnecté
logout-done-text = Vous êtes déconnecté de { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Qui vous êtes : l'identifiant de votre connexion chez ce fournisseur
scope-profile = Votre nom et votre langue
scope-email = Votre adresse e-mail, et si vous l'avez confirmée
scope-account = Un compte que vous choisissez, et ce que vous pouvez y faire
scope-accounts = Chaque compte auquel vous accédez, et ce que vous pouvez faire dans chacun
scope-offline_access = Garder cet accès même quand vous êtes déconnecté

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = La demande ne nomme aucune application (client_id).
oauth-unknown-app = L'application qui vous a envoyé ici n'est pas enregistrée auprès de ce fournisseur.
oauth-foreign-redirect = { $app } a demandé à vous renvoyer vers une adresse qu'elle n'a pas enregistrée ; vous n'y avez donc pas été envoyé.
oauth-repeated = La demande nomme son application ou son adresse plus d'une fois.
logout-refused-text = La demande de déconnexion de l'application n'est pas valable pour ce fournisseur. Vous n'avez pas été déconnecté.
