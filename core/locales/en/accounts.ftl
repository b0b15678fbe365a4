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

### One account's page (`/accounts/{id}`): the overview, the account's profile, its contacts; and
### the pages of one contact, leaving an account and removing a user.

account-all = All accounts
account-overview = Overview
account-number = Client number:
account-status-label = Status:
account-currency = Currency:
account-billing-email = Billing email:
account-owner-intro = You own this account and hold every permission.
account-owner-users = User Management: who can reach this account and what each may do.
account-your-permissions = Your permissions
account-no-permissions = None: you can see this account but not change anything on it.
account-leave = Leave this account
account-profile = Account profile
account-company = Company name
account-billing = Billing email
account-phone = Phone
account-tax-id = Tax ID
account-address1 = Address
account-address2 = Address (line 2)
account-city = City
account-state = State or region
account-postcode = Postcode
account-country = Country (two letters, e.g. DE)
account-save = Save the profile
contacts-heading = Contacts
contacts-intro = Contacts receive the account's emails; they do not sign in.
contacts-col-name = Name
contacts-col-email = Email
contacts-col-receives = Receives
contacts-col-actions = Actions
contacts-nothing = nothing
contacts-edit = Edit
contacts-delete = Delete
contacts-delete-label = Delete { $name }
contacts-none = No contacts yet.
contacts-add-heading = Add a contact
contacts-phone = Phone (optional)
contacts-add = Add the contact
contacts-kinds = Emails this contact receives
contact-kind = { $kind ->
    [general] General
    [billing] Billing
    [support] Support
    [product] Products
    [domain] Domains
   *[other] { $kind }
}
contact-title = Contact { $name }
contact-back = Back to the account
contact-save = Save the contact
leave-title = Leave { $account }
leave-heading = Leave { $account }?
leave-intro = You will no longer reach this account. Only its owner can invite you back.
leave-stay = Stay
remove-title = Remove { $name }
remove-heading = Remove { $name }?
remove-intro = { $email } will no longer reach this account, from the next page they open. Their login and their other accounts stay as they are.
remove-confirm = Remove from this account
remove-cancel = Cancel

## What the account pages say after a form succeeded.

accounts-joined = You now have access to { $account }.
accounts-left = You left the account.
account-done-profile = The account profile is saved.
account-done-contact = The contact is saved.
account-done-contact-deleted = The contact was deleted.
