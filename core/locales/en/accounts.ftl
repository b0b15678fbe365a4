### The account switcher (`/accounts`).

accounts-title = Your accounts
account-owner = Owner
account-status =
    { $status ->
        [active] Active
        [inactive] Inactive
        [closed] Closed
       *[other] { $status }
    }
accounts-you-own = You own this account and hold every permission.
accounts-your-permissions = Your permissions:
accounts-permissions-label = Your permissions on { $account }
accounts-no-permissions = You can see this account but hold no permissions on it.
accounts-open = Open
accounts-user-management = User Management
accounts-more = More accounts
accounts-none = You have no access to any account yet. When an account owner invites you, the invitation arrives by email.
