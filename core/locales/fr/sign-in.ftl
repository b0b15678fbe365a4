### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Connexion
login-heading = Se connecter à { $product }
field-email = Adresse e-mail
field-password = Mot de passe
login-submit = Se connecter
login-passkey-heading = Ou utilisez une clé d'accès
login-passkey-intro = Votre empreinte, votre visage ou le verrouillage de l'écran au lieu d'un mot de passe : aucune adresse e-mail à saisir.
login-passkey-button = Se connecter avec une clé d'accès
login-forgot = Mot de passe oublié ?
login-new-here = Nouveau ici ?
login-create = Créer un identifiant
signup-title = Créer un identifiant
field-first-name = Prénom
field-last-name = Nom
field-new-password-hint = Au moins { $min } caractères.
field-company = Nom de l'entreprise (facultatif)
signup-company-hint = Votre compte est créé sous ce nom ; laissez le champ vide pour utiliser le vôtre.
signup-submit = Créer mon identifiant
signup-have-login = Vous avez déjà un identifiant ?
signup-sign-in = Se connecter
forgot-title = Mot de passe oublié ?
forgot-sent = Si un identifiant existe pour cette adresse, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien ne fonctionne qu'une fois.
forgot-intro = Nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe.
forgot-submit = M'envoyer un lien
forgot-back = Retour à la connexion

## The second step of signing in (`/login/code`).

code-title-mailed = Code de connexion
code-title = Validation en deux étapes
code-intro-mailed = Nous vous avons envoyé par e-mail un code de connexion à 6 chiffres. Saisissez-le ici. (Votre validation en deux étapes n'a pas pu être reprise de l'ancien système : réactivez-la sur votre page de profil, et ces e-mails cesseront.)
code-intro = Saisissez le code à 6 chiffres de votre application d'authentification, ou l'un de vos codes de secours.
code-field = Code
code-submit = Continuer
code-passkey-heading = Ou utilisez l'une de vos clés d'accès
code-passkey-button = Utiliser une clé d'accès
code-start-again = Recommencer

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = La clé d'accès n'a pas été utilisée : la demande a été annulée ou a expiré, ou cet appareil n'a pas de clé d'accès pour ce site.
passkey-js-exists = Cet appareil détient déjà une clé d'accès pour votre identifiant.
passkey-js-failed = La clé d'accès n'a pas fonctionné ici ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Connectez-vous pour continuer.
login-passkey-unknown = Cette clé d'accès ne vous a pas connecté : elle a peut-être été retirée de votre identifiant, ou créée pour un autre site. Connectez-vous plutôt avec votre mot de passe.
login-expired = Votre connexion a pris trop de temps ou a déjà servi : connectez-vous de nouveau.
code-passkey-unreadable = La réponse de la clé d'accès n'a pas pu être lue : réessayez.
code-passkey-not-confirmed = Cette clé d'accès n'a pas confirmé que c'est bien vous : réessayez, ou saisissez un code.
