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
