### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = Gestion des utilisateurs
users-disabled = Votre fournisseur a désactivé la gestion des utilisateurs dans l'espace client. Pour changer qui peut accéder à { $account }, contactez le support.
users-heading = Utilisateurs de { $account }
users-col-user = Utilisateur
users-col-permissions = Autorisations
users-col-two-factor = Double authentification
users-col-last-login = Dernière connexion
users-col-actions = Actions
users-all = Toutes
users-none = Aucune
users-on = Activée
users-off = Désactivée
users-never = Jamais
users-edit = Modifier les autorisations
users-may-do = Ce que { $name } peut faire
users-save = Enregistrer les autorisations
users-remove = Retirer
invite-heading = Inviter un utilisateur
invite-intro = Nous lui envoyons par e-mail un lien valable pour une durée limitée. La personne se connecte ou crée un identifiant, et accède à ce compte avec les autorisations que vous choisissez.
invite-access = Accès
invite-all = Toutes les autorisations
invite-chosen = Seulement les autorisations choisies ci-dessous
invite-permissions = Autorisations
invite-send = Envoyer l'invitation
pending-heading = Invitations en attente
pending-col-email = E-mail
pending-col-sent = Envoyée
pending-col-expires = Expire
pending-resend = Renvoyer
pending-cancel = Annuler
pending-none = Aucune invitation en attente.

## What User Management says after a form succeeded.

users-done-permissions = Les autorisations sont enregistrées.
users-done-removed = L'utilisateur a été retiré de ce compte.
users-done-invited = L'invitation est envoyée.
users-done-resent = Un nouveau lien d'invitation est envoyé ; l'ancien lien ne fonctionne plus.
users-done-cancelled = L'invitation a été annulée ; son lien ne fonctionne plus.
