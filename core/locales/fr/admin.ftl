### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

admin-title = Administration de { $product }
admin-badge = Admin
admin-nav = Administration
admin-nav-clients = Clients
admin-nav-users = Utilisateurs
admin-nav-audit = Journal d'audit
admin-nav-plugins = Plugins
admin-nav-mail = File d'envoi
admin-nav-apps = Applications
admin-nav-settings = Réglages
admin-nav-staff = Équipe
admin-nav-me = Votre connexion
admin-role = { $role ->
    [administrator] administrateur
    [support] support
   *[other] { $role }
}
admin-sign-out = Se déconnecter
admin-back-to-clients = Retour aux clients
admin-login-title = Connexion de l'équipe
admin-login-continue = Continuer
admin-login-lost = Mot de passe ou authentificateur perdu ? Un administrateur peut vous donner un nouveau lien de configuration.
admin-code-title = Deuxième étape
admin-code-heading = Code d'authentification
admin-passkey-heading = Votre clé d'accès
admin-code-intro = Saisissez le code à 6 chiffres que votre application d'authentification affiche maintenant.
admin-code-field = Code
admin-code-submit = Se connecter
admin-no-passkey = Vous n'avez pas de clé d'accès, et l'équipe se connecte ici avec une clé : demandez un nouveau lien de configuration à un administrateur.
admin-passkey-or = Ou utilisez l'une de vos clés d'accès
admin-passkey-confirm = Confirmez que c'est vous avec votre clé d'accès
admin-passkey-use = Utiliser une clé d'accès
admin-passkey-missing = Ce navigateur ne peut pas utiliser de clés d'accès (ou JavaScript est désactivé pour ce site) : connectez-vous depuis un navigateur qui le peut.
admin-start-again = Recommencer

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Votre connexion
admin-me-passkeys = Clés d'accès
admin-me-passkeys-intro = Une clé d'accès confirme que c'est bien vous après votre mot de passe, avec votre empreinte, votre visage ou le verrouillage de votre écran. Elle ne fonctionne que sur ce site : une fausse page de connexion ne peut pas la relayer.
admin-me-passkey-required = Ici, l'équipe se connecte avec une clé d'accès : les codes d'une application d'authentification ne sont pas acceptés.
admin-me-totp-too = Votre application d'authentification fonctionne aussi.
admin-me-passkey-hint = Par exemple l'appareil où elle se trouve : « Portable du bureau », « Clé de sécurité ».
admin-me-unusable = Les clés d'accès ne peuvent pas être utilisées à l'adresse de ce serveur (server.public_url doit désigner un hôte par son nom de domaine).
admin-setup-title = Configurez votre accès à l'administration
admin-setup-for-passkey = Pour { $email } ({ $role }). Choisissez un mot de passe et créez une clé d'accès : les deux sont nécessaires pour se connecter.
admin-setup-for-totp = Pour { $email } ({ $role }). Choisissez un mot de passe et ajoutez cet accès à une application d'authentification : les deux sont nécessaires pour se connecter.
admin-setup-passkey = Clé d'accès
admin-setup-passkey-intro = Votre navigateur demande où conserver la clé d'accès (cet appareil, votre téléphone, une clé de sécurité ou un gestionnaire de mots de passe), puis votre empreinte, votre visage ou le verrouillage de votre écran. Les codes d'une application d'authentification ne sont pas acceptés ici.
admin-setup-passkey-name = Clé d'accès
admin-setup-create = Créer la clé d'accès et enregistrer
admin-setup-no-passkeys = Ce navigateur ne peut pas créer de clés d'accès (ou JavaScript est désactivé pour ce site) : ouvrez le lien dans un navigateur qui le peut.
admin-setup-app = Application d'authentification
admin-setup-scan = Scannez le code, ou saisissez la clé dans l'application.
admin-setup-qr-alt = QR code de votre clé d'authentification
admin-setup-key = Clé :
admin-setup-code = Le code à 6 chiffres affiché par l'application
admin-setup-save = Enregistrer et passer à la connexion

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Annuler
admin-users-of = Utilisateurs de { $client }
admin-remove-title = Retirer un utilisateur · { $client }
admin-remove-heading = Retirer { $name } de { $client } ?
admin-remove-text = { $email } perd immédiatement l'accès à ce client. Son identifiant et ses autres clients restent.
admin-remove = Retirer
admin-delete-title = Supprimer { $email }
admin-delete-heading = Supprimer { $name } ?
admin-delete-text = { $email } perd définitivement son identifiant et son accès à tous les clients. Un utilisateur titulaire d'un client ne peut pas être supprimé : transférez d'abord la titularité.
admin-delete = Supprimer l'utilisateur
admin-owner-title = Désigner le titulaire · { $client }
admin-owner-heading = Faire de { $name } le titulaire ?
admin-owner-text = { $email } devient titulaire de { $client } : cette personne a toutes les autorisations et gère ses utilisateurs. Le changement est immédiat.
admin-owner-keep = Garder l'ancien titulaire comme utilisateur de ce client, avec toutes les autorisations
admin-owner-keep-hint = Décochez pour retirer à l'ancien titulaire l'accès à ce client (son identifiant et ses autres clients restent).
admin-owner-make = Désigner comme titulaire

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Journal d'audit
admin-audit-who = Qui
admin-audit-who-hint = E-mail d'un membre de l'équipe, nom de jeton, identifiant d'utilisateur
admin-audit-action = Action
admin-audit-action-hint = p. ex. account.ownership_changed
admin-audit-client = Identifiant du client
admin-audit-user = Identifiant de l'utilisateur
admin-audit-filter = Filtrer
admin-audit-events = Événements, les plus récents d'abord
admin-audit-newest = Plus récents
admin-audit-older = Événements plus anciens
admin-audit-client-title = Audit · { $client }
admin-audit-client-heading = Ce qui est arrivé à { $client }
admin-audit-when = Quand
admin-audit-what = Quoi
admin-audit-about = Concerne
admin-audit-change = Modification
admin-audit-about-client = client
admin-audit-about-user = utilisateur
admin-audit-none = Aucun événement.

## A client's tabs.

admin-clients-back = Clients
admin-client-tabs = Client
admin-tab-summary = Résumé
admin-tab-users = Utilisateurs
admin-tab-invitations = Invitations
admin-tab-contacts = Contacts
admin-tab-audit = Audit
admin-status = { $status ->
    [active] Actif
    [inactive] Inactif
    [closed] Fermé
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Recherche
admin-find = Chercher
admin-any = Tous
admin-first-page = Première page
admin-next-page = Page suivante
admin-col-status = Statut
admin-col-email = E-mail
admin-col-created = Création
admin-clients-title = Clients
admin-clients-search-hint = Société, e-mail de facturation ou #numéro
admin-clients-found = Clients trouvés
admin-clients-all = Tous les clients
admin-col-client = Client
admin-col-billing = E-mail de facturation
admin-col-country = Pays
admin-clients-none = Aucun client ne correspond.
admin-users-title = Utilisateurs
admin-users-search-hint = E-mail ou nom
admin-users-found = Utilisateurs trouvés
admin-users-all = Tous les utilisateurs
admin-col-user = Utilisateur
admin-col-two-factor = Deux étapes
admin-col-last-login = Dernière connexion
admin-users-none = Aucun utilisateur ne correspond.
admin-contacts-title = Contacts · { $client }
admin-contacts-heading = Contacts de { $client }
admin-contacts-intro = Personnes qui reçoivent les e-mails de ce client sans identifiant. Les utilisateurs du client autorisés à gérer les contacts s'en occupent.
admin-col-name = Nom
admin-col-phone = Téléphone
admin-col-receives = Reçoit
admin-none = Aucun
admin-contacts-none = Aucun contact.
