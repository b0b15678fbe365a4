### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Confirmez votre adresse e-mail
verify-intro = Confirmez que cette adresse e-mail est bien la vôtre.
verify-submit = Confirmer mon adresse e-mail
reset-title = Choisissez un nouveau mot de passe
reset-password = Nouveau mot de passe
reset-password-again = Confirmer le nouveau mot de passe
reset-code = Un code de votre application d'authentification, ou l'un de vos codes de secours
reset-code-hint = Votre identifiant a un second facteur : un lien dans votre boîte mail ne suffit donc pas à changer son mot de passe.
reset-submit = Enregistrer le nouveau mot de passe
reset-passwords-differ = Les deux mots de passe sont différents.

invite-title = Invitation à { $account }
invite-page-intro = { $inviter } vous a invité à accéder au compte « { $account } ».
invite-page-intro-staff = { $inviter } (équipe) vous a invité à accéder au compte « { $account } ».
invite-signed-in-as = Vous êtes connecté en tant que { $email }
invite-accept-as = Accepter en tant que { $email }
invite-switch = Se déconnecter et continuer sous un autre nom
invite-have-login = J'ai un identifiant
invite-totp-code = Code d'authentification (si vous en utilisez un)
invite-login-accept = Se connecter et accepter
invite-new-here = Je suis nouveau ici
invite-signup-accept = Créer mon identifiant et accepter
invite-expires = L'invitation expire le { $time }.

## One-message pages: a heading and a sentence.

page-failed = Un problème est survenu
page-failed-text = Veuillez réessayer plus tard.
page-not-found = Page introuvable
page-not-found-text = Il n'y a rien ici, ou vous n'y avez pas accès.
page-not-allowed = Non autorisé
mailbox-heading = Consultez votre boîte mail
mailbox-text = La suite se trouve dans l'e-mail que nous vous avons envoyé.
mailbox-invite-text = La suite se trouve dans l'e-mail que nous avons envoyé à l'adresse indiquée.
link-invalid = Lien non valide
link-invalid-text = Ce lien n'est pas valide ou a expiré. Demandez-en un nouveau.
invitation-unknown = Invitation introuvable
invitation-unknown-text = Ce lien d'invitation n'est pas valide. Vérifiez le lien de l'e-mail ou demandez une nouvelle invitation.
invitation-gone = Invitation plus valable
invitation-gone-accepted = Cette invitation a déjà été acceptée.
invitation-gone-cancelled = Cette invitation a été annulée. Demandez-en une nouvelle au titulaire du compte.
invitation-gone-expired = Cette invitation a expiré. Demandez-en une nouvelle au titulaire du compte.
invitation-member = Déjà membre
invitation-member-text = Vous avez déjà accès à ce compte.
invitation-accepted = Invitation acceptée
invitation-accepted-verify = Vous avez désormais accès à { $account }. Nous avons envoyé un lien à { $email } pour vérifier l'adresse : ouvrez-le, puis connectez-vous.
form-refused = Ce formulaire n'a pas pu être envoyé
form-refused-foreign = Il venait d'un autre site, ou la page a été ouverte avant votre connexion ou déconnexion. Revenez en arrière, rechargez la page et réessayez.
form-refused-control = Le champ « { $field } » contient un caractère de contrôle (comme un saut de ligne), ce qui n'est pas autorisé. Revenez en arrière et corrigez-le.

## After an emailed link did its work.

verified-heading = Adresse e-mail vérifiée
verified-text = Merci : votre adresse e-mail est vérifiée.
verified-to-accounts = Aller à vos comptes
verified-sign-in = Se connecter
reset-done-heading = Mot de passe modifié
reset-done-text = Votre nouveau mot de passe est enregistré. Toutes les autres sessions ont été déconnectées ; connectez-vous avec le nouveau.
invite-email-taken = Un identifiant existe déjà avec cette adresse e-mail : connectez-vous plutôt.
invite-session-ended = Votre session a expiré : reconnectez-vous.
invite-code-needed = Saisissez aussi le code de votre application d'authentification.
invite-code-mailed = Nous vous avons envoyé un code de connexion par e-mail : saisissez-le aussi dans le champ du code.
