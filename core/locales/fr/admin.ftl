### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

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

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = Page utilisateur du titulaire
admin-client-users-link = Utilisateurs de ce client
admin-client-number = Numéro #{ $number }
admin-client-created = Créé le { $time }
admin-client-status = Statut : { $status ->
    [active] actif
    [inactive] inactif
    [closed] fermé
   *[other] { $status }
}
admin-client-close = Fermer ce client
admin-client-close-text = Un client fermé garde ses utilisateurs et son historique ; son statut devient « fermé ».
admin-client-close-button = Fermer { $client }
admin-client-profile = Profil
admin-client-users-title = Utilisateurs · { $client }
admin-associate-heading = Ajouter un utilisateur existant
admin-associate-intro = La personne accède aussitôt à ce client avec son propre identifiant ; aucun e-mail n'est envoyé.
admin-associate-email = Adresse e-mail de l'utilisateur
admin-associate-add = Ajouter l'utilisateur
admin-invite-heading = Inviter par e-mail
admin-invite-intro = Nous envoyons par e-mail un lien valable un temps limité ; un utilisateur, nouveau ou existant, l'accepte et accède à ce client avec ces autorisations.
admin-invite-email = Adresse e-mail
admin-invitations-link = Invitations de ce client
admin-invitations-title = Invitations · { $client }
admin-invitations-heading = Invitations à { $client }
admin-invitations-send-new = Envoyer une nouvelle invitation depuis l'onglet Utilisateurs
admin-col-state = État
admin-col-sent-by = Envoyée par
admin-invitation-state = { $state ->
    [pending] En attente
    [accepted] Acceptée
    [cancelled] Annulée
    [expired] Expirée
   *[other] { $state }
}
admin-invitation-accepted-at = Acceptée le { $time }
admin-invitations-none = Aucune invitation n'a été envoyée pour ce client.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Actif
    [disabled] Désactivé
   *[other] { $status }
}
admin-user-login = Identifiant
admin-user-unverified = (non vérifiée)
admin-user-number = Numéro
admin-user-password = Mot de passe
admin-user-password-set = Défini
admin-user-password-none = Aucun : se connecte avec une clé d'accès
admin-user-last-login-from = { $time } depuis { $ip }
admin-user-send-reset = Envoyer un lien de réinitialisation du mot de passe
admin-user-factors-off = Désactiver la validation en deux étapes et retirer les clés d'accès
admin-user-totp-off = Désactiver la validation en deux étapes
admin-disable = Désactiver
admin-enable = Réactiver
admin-user-delete = Supprimer…
admin-user-clients = Clients que cet utilisateur atteint
admin-col-role = Rôle
admin-user-member = Utilisateur
admin-user-more-clients = Seuls les premiers clients sont listés.
admin-user-sessions = Sessions
admin-user-no-sessions = Aucune session ouverte.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = aucun
admin-plugin-capabilities = Capacités
admin-plugin-priority = Priorité
admin-plugin-on-error = En cas d'erreur
admin-plugin-loaded = Chargé
admin-plugin-hook = Hook
admin-plugin-calls = Appels
admin-plugin-denies = Refus
admin-plugin-traps = Plantages
admin-plugin-timeouts = Délais dépassés
admin-plugin-errors = Erreurs
admin-plugin-latency = Moyenne / max µs
admin-plugin-queue = Hooks « après » : { $delivered } livrés, { $backlog } en attente, { $parked } mis de côté.
admin-plugin-last-error = Dernière erreur :
admin-plugin-parked = Événements mis de côté
admin-plugin-event = Événement
admin-plugin-kind = Type
admin-col-attempts = Tentatives
admin-plugin-error = Erreur
admin-plugin-parked-at = Mis de côté
admin-retry = Réessayer
admin-plugin-reload = Recharger { $plugin }
admin-plugins-none = Aucun plugin n'est chargé. Les plugins sont des composants WebAssembly placés dans le dossier que désigne { $setting } ; voir le guide des plugins.
admin-settings-intro = Les réglages avec lesquels ce serveur tourne : ses fichiers de configuration, puis les variables d'environnement ROSTER_…, puis les valeurs par défaut. Lecture seule : modifiez les fichiers ou l'environnement et redémarrez. Les secrets s'affichent sous la forme ***.
admin-settings-effective = Réglages en vigueur
admin-settings-setting = Réglage
admin-settings-value = Valeur

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Lien de configuration pour { $email } :
admin-staff-members = Membres de l'équipe
admin-staff-last-sign-in = Dernière connexion
admin-staff-you = (vous)
admin-role-name = { $role ->
    [administrator] Administrateur
    [support] Support
   *[other] { $role }
}
admin-staff-not-set-up = (lien de configuration pas encore utilisé)
admin-staff-new-link = Nouveau lien de configuration
admin-staff-add = Ajouter un membre de l'équipe
admin-staff-role-support = Support : lit tout ; envoie, renvoie et annule les invitations et les liens de réinitialisation du mot de passe
admin-staff-role-administrator = Administrateur : tout
admin-staff-add-button = Ajouter et afficher le lien de configuration
admin-mail-intro = Chaque e-mail est écrit avec la modification qui le provoque, puis envoyé d'ici, avec de nouvelles tentatives. Le contenu d'un message n'est jamais affiché : il contient des liens à usage unique.
admin-mail-failed = Abandonnés
admin-mail-to = À
admin-mail-message = E-mail
admin-mail-last-error = Dernière erreur
admin-mail-written = Écrit
admin-mail-failed-none = Aucun : chaque e-mail est parti ou en route.
admin-mail-waiting = En attente
admin-mail-next-attempt = Prochaine tentative
admin-mail-waiting-none = Rien en attente.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Les applications qui connectent les personnes avec { $product } (OpenID Connect). Configurez chacune avec
admin-apps-secret-of = Secret client de { $app } :
admin-apps-registered = Applications enregistrées
admin-apps-client-id = Identifiant client
admin-apps-kind = Type
admin-apps-redirects = URI de redirection
admin-apps-trusted = De confiance
admin-apps-kind-name = { $kind ->
    [confidential] Confidentielle
    [public] Publique
   *[other] { $kind }
}
admin-apps-logout = Déconnexion :
admin-apps-new-secret = Nouveau secret
admin-apps-none = Aucune application n'est encore enregistrée.
admin-apps-register = Enregistrer une application
admin-apps-name = Nom (montré aux personnes sur la page de consentement)
admin-apps-redirect-uris = URI de redirection (une par ligne)
admin-apps-redirect-hint = https, http sur 127.0.0.1 ou [::1], ou pour une application publique un schéma privé comme com.example.app:/callback. Comparées à l'identique.
admin-apps-public = Publique : une application native ou monopage (sans secret ; PKCE obligatoire)
admin-apps-trusted-hint = De confiance : l'application de { $product } elle-même (sans page de consentement)
admin-apps-post-logout = URI de redirection après déconnexion (une par ligne, facultatif)
admin-apps-backchannel = URI de déconnexion back-channel (facultatif)
admin-apps-logo = URL du logo (facultatif, https)
admin-apps-alg = Signature du jeton d'identité
admin-apps-register-button = Enregistrer

## Your language and time zone (`/admin/me`).

admin-me-preferences = Langue et fuseau horaire
admin-me-language-browser = La langue de votre navigateur
admin-me-preferences-save = Enregistrer
admin-me-done-preferences = Votre langue et votre fuseau horaire sont enregistrés.

## What a page says after a form did its work, and why it could not.

admin-done-saved = Les modifications sont enregistrées.
admin-done-closed = Le client est fermé.
admin-done-permissions = Les autorisations sont enregistrées.
admin-done-removed = L'utilisateur a été retiré de ce client.
admin-done-associated = L'utilisateur a maintenant accès à ce client.
admin-done-invited = L'invitation est en route.
admin-done-resent = Un nouveau lien d'invitation est en route ; l'ancien lien ne fonctionne plus.
admin-done-cancelled = L'invitation a été annulée ; son lien ne fonctionne plus.
admin-done-owner = La titularité a été transférée.
admin-done-mail-retried = Le message est de nouveau dans la file ; il part maintenant.
admin-done-app-removed = L'application a été retirée.
admin-done-app-registered = { $app } a été enregistrée. Copiez son secret maintenant : il ne sera plus affiché.
admin-done-app-registered-public = { $app } a été enregistrée (une application publique : pas de secret).
admin-done-app-secret-now = { $app } a un nouveau secret ; l'ancien ne fonctionne plus.
admin-done-app-secret-grace = { $app } a un nouveau secret ; l'ancien fonctionne encore un jour.
admin-plugin-failed-again = { $plugin } a de nouveau échoué ; l'événement reste mis de côté. Son message : { $error }
admin-done-plugin-reloaded = { $plugin } a été rechargé.
admin-done-plugin-delivered = { $plugin } a pris l'événement ; il a quitté la liste des événements mis de côté.
admin-done-staff-disabled = Le membre de l'équipe est désactivé ; ses sessions sont terminées.
admin-done-staff-enabled = Le membre de l'équipe est réactivé.
admin-done-staff-removed = Le membre de l'équipe a été retiré.
admin-done-staff-link = Un nouveau lien de configuration pour { $email } : l'ancien ne fonctionne plus.
admin-done-user-deleted = L'utilisateur a été supprimé.
admin-done-user-disabled = L'utilisateur est désactivé : il ne peut plus se connecter, et ses sessions sont terminées.
admin-done-user-enabled = L'utilisateur est réactivé : il peut de nouveau se connecter.
admin-done-user-reset = Un lien de réinitialisation du mot de passe est en route vers l'utilisateur.
admin-done-user-totp-off = La validation en deux étapes est désactivée pour cet utilisateur, et ses codes de secours et clés d'accès ont disparu : un lien de réinitialisation suffit à lui rendre l'accès.
admin-search-unreadable = Cette recherche n'a pas pu être lue
admin-search-unreadable-text = Elle contient un caractère de contrôle (comme un saut de ligne). Revenez en arrière et corrigez-la.
admin-not-allowed-text = Votre rôle (support) permet de consulter les clients, les utilisateurs et le journal d'audit, et d'envoyer, renvoyer et annuler les invitations et les liens de réinitialisation du mot de passe, mais pas ceci. Demandez à un administrateur.
admin-not-done = Impossible de le faire
admin-setup-link-broken = Ce lien ne fonctionne pas
admin-setup-link-broken-text = Il a déjà servi ou il a expiré. Demandez-en un nouveau à un administrateur (roster admin staff link).
admin-setup-code-wrong = Le code ne correspond pas : vérifiez l'horloge de l'application et saisissez le code qu'elle affiche maintenant.
admin-login-done-setup = Votre mot de passe et votre authentificateur sont configurés : connectez-vous.
admin-login-done-out = Vous êtes déconnecté.
admin-passkey-not-confirmed = Cette clé d'accès n'a pas confirmé que c'est bien vous : réessayez.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Se connecter en tant que cet utilisateur
admin-audit-on-behalf-of = en tant que l'utilisateur
admin-done-support-ended = La connexion du support est terminée.
admin-sign-in-as-refused = Vous ne pouvez pas vous connecter en tant que cet utilisateur : la connexion par le support est désactivée, votre rôle ne le permet pas, ou l'utilisateur ne l'a pas autorisée.
