### The account switcher (`/accounts`).

accounts-title = Vos comptes
account-owner = Propriétaire
account-status =
    { $status ->
        [active] Actif
        [inactive] Inactif
        [closed] Fermé
       *[other] { $status }
    }
accounts-you-own = Vous êtes propriétaire de ce compte et détenez toutes les autorisations.
accounts-your-permissions = Vos autorisations :
accounts-permissions-label = Vos autorisations sur { $account }
accounts-no-permissions = Vous voyez ce compte mais n'y détenez aucune autorisation.
accounts-open = Ouvrir
accounts-user-management = Gestion des utilisateurs
accounts-more = Plus de comptes
accounts-none = Vous n'avez encore accès à aucun compte. Quand le propriétaire d'un compte vous invite, l'invitation arrive par e-mail.

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = Tous les comptes
account-overview = Vue d'ensemble
account-number = Numéro client :
account-status-label = Statut :
account-currency = Devise :
account-billing-email = E-mail de facturation :
account-owner-intro = Ce compte vous appartient et vous avez toutes les autorisations.
account-owner-users = Gestion des utilisateurs : qui peut accéder à ce compte et ce que chacun peut faire.
account-your-permissions = Vos autorisations
account-no-permissions = Aucune : vous voyez ce compte mais ne pouvez rien y modifier.
account-leave = Quitter ce compte
account-profile = Profil du compte
account-company = Nom de l'entreprise
account-billing = E-mail de facturation
account-phone = Téléphone
account-tax-id = Numéro de TVA
account-address1 = Adresse
account-address2 = Adresse (ligne 2)
account-city = Ville
account-state = Région ou département
account-postcode = Code postal
account-country = Pays (deux lettres, p. ex. FR)
account-save = Enregistrer le profil
contacts-heading = Contacts
contacts-intro = Les contacts reçoivent les e-mails du compte ; ils ne se connectent pas.
contacts-col-name = Nom
contacts-col-email = E-mail
contacts-col-receives = Reçoit
contacts-col-actions = Actions
contacts-nothing = rien
contacts-edit = Modifier
contacts-delete = Supprimer
contacts-delete-label = Supprimer { $name }
contacts-none = Aucun contact pour l'instant.
contacts-add-heading = Ajouter un contact
contacts-phone = Téléphone (facultatif)
contacts-add = Ajouter le contact
contacts-kinds = E-mails que reçoit ce contact
contact-kind = { $kind ->
    [general] Général
    [billing] Facturation
    [support] Assistance
    [product] Produits
    [domain] Noms de domaine
   *[other] { $kind }
}
contact-title = Contact { $name }
contact-back = Retour au compte
contact-save = Enregistrer le contact
leave-title = Quitter { $account }
leave-heading = Quitter { $account } ?
leave-intro = Vous n'accéderez plus à ce compte. Seul son titulaire peut vous inviter à nouveau.
leave-stay = Rester
remove-title = Retirer { $name }
remove-heading = Retirer { $name } ?
remove-intro = { $email } n'accédera plus à ce compte, dès la prochaine page ouverte. Son identifiant et ses autres comptes restent inchangés.
remove-confirm = Retirer de ce compte
remove-cancel = Annuler

## What the account pages say after a form succeeded.

accounts-joined = Vous avez désormais accès à { $account }.
accounts-left = Vous avez quitté le compte.
account-done-profile = Le profil du compte est enregistré.
account-done-contact = Le contact est enregistré.
account-done-contact-deleted = Le contact a été supprimé.
