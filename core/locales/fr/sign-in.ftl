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
