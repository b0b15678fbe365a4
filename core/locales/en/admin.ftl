### The admin area's frame and its sign-in (`/admin/login` and its second step). The admin area
### speaks English until all its pages are translated (issue 27); its words gather here.

admin-title = { $product } admin
admin-badge = Admin
admin-nav = Admin
admin-nav-clients = Clients
admin-nav-users = Users
admin-nav-audit = Audit log
admin-nav-plugins = Plugins
admin-nav-mail = Mail queue
admin-nav-apps = Apps
admin-nav-settings = Settings
admin-nav-staff = Staff
admin-nav-me = Your sign-in
admin-role = { $role ->
    [administrator] administrator
    [support] support
   *[other] { $role }
}
admin-sign-out = Sign out
admin-back-to-clients = Back to the clients
admin-login-title = Staff sign-in
admin-login-continue = Continue
admin-login-lost = Lost your password or authenticator? An administrator can give you a new setup link.
admin-code-title = Second step
admin-code-heading = Authenticator code
admin-passkey-heading = Your passkey
admin-code-intro = Enter the 6-digit code your authenticator app shows now.
admin-code-field = Code
admin-code-submit = Sign in
admin-no-passkey = You have no passkey, and staff sign in with one here: ask an administrator for a new setup link.
admin-passkey-or = Or use one of your passkeys
admin-passkey-confirm = Confirm it is you with your passkey
admin-passkey-use = Use a passkey
admin-passkey-missing = This browser cannot use passkeys (or script is off for this site): sign in from a browser that can.
admin-start-again = Start again

## Your sign-in (`/admin/me`) and setting up a staff login (`/admin/setup/{token}`).

admin-me-title = Your sign-in
admin-me-passkeys = Passkeys
admin-me-passkeys-intro = A passkey confirms it is you after your password, with your fingerprint, face or screen lock. It works only on this site, so a fake sign-in page cannot relay it.
admin-me-passkey-required = Staff sign in with a passkey here: codes from an authenticator app are not accepted.
admin-me-totp-too = Your authenticator app works too.
admin-me-passkey-hint = Such as the device it is on: “Work laptop”, “Security key”.
admin-me-unusable = Passkeys cannot be used on this server's address (server.public_url must name a host by its domain name).
admin-setup-title = Set up your staff login
admin-setup-for-passkey = For { $email } ({ $role }). Choose a password and create a passkey: both are needed to sign in.
admin-setup-for-totp = For { $email } ({ $role }). Choose a password and add this login to an authenticator app: both are needed to sign in.
admin-setup-passkey = Passkey
admin-setup-passkey-intro = Your browser asks where to keep the passkey (this device, your phone, a security key or a password manager) and for your fingerprint, face or screen lock. Sign-in codes from an authenticator app are not accepted here.
admin-setup-passkey-name = Passkey
admin-setup-create = Create the passkey and save
admin-setup-no-passkeys = This browser cannot create passkeys (or script is off for this site): open the link in a browser that can.
admin-setup-app = Authenticator app
admin-setup-scan = Scan the code, or type the key into the app.
admin-setup-qr-alt = QR code of your authenticator key
admin-setup-key = Key:
admin-setup-code = The 6-digit code the app shows
admin-setup-save = Save and continue to sign-in

## Confirming a removal, a deletion, a change of owner.

admin-cancel = Cancel
admin-users-of = Users of { $client }
admin-remove-title = Remove a user · { $client }
admin-remove-heading = Remove { $name } from { $client }?
admin-remove-text = { $email } loses access to this client at once. Their login and their other clients stay.
admin-remove = Remove
admin-delete-title = Delete { $email }
admin-delete-heading = Delete { $name }?
admin-delete-text = { $email } loses their login and their access to every client, for good. A user who owns a client cannot be deleted: transfer its ownership first.
admin-delete = Delete the user
admin-owner-title = Make owner · { $client }
admin-owner-heading = Make { $name } the owner?
admin-owner-text = { $email } becomes the owner of { $client }: they hold every permission and manage its users. The change is immediate.
admin-owner-keep = Keep the previous owner as a user of this client, with every permission
admin-owner-keep-hint = Untick to remove the previous owner's access to this client (their login and other clients stay).
admin-owner-make = Make owner

## The audit log (`/admin/audit`, a client's Audit tab).

admin-audit-title = Audit log
admin-audit-who = Who
admin-audit-who-hint = Staff email, token name, user id
admin-audit-action = Action
admin-audit-action-hint = e.g. account.ownership_changed
admin-audit-client = Client id
admin-audit-user = User id
admin-audit-filter = Filter
admin-audit-events = Events, newest first
admin-audit-newest = Newest
admin-audit-older = Older events
admin-audit-client-title = Audit · { $client }
admin-audit-client-heading = What happened to { $client }
admin-audit-when = When
admin-audit-what = What
admin-audit-about = About
admin-audit-change = Change
admin-audit-about-client = client
admin-audit-about-user = user
admin-audit-none = No event.

## A client's tabs.

admin-clients-back = Clients
admin-client-tabs = Client
admin-tab-summary = Summary
admin-tab-users = Users
admin-tab-invitations = Invitations
admin-tab-contacts = Contacts
admin-tab-audit = Audit
admin-status = { $status ->
    [active] Active
    [inactive] Inactive
    [closed] Closed
   *[other] { $status }
}

## Finding clients and users (`/admin/clients`, `/admin/users`), a client's contacts.

admin-search = Search
admin-find = Find
admin-any = Any
admin-first-page = First page
admin-next-page = Next page
admin-col-status = Status
admin-col-email = Email
admin-col-created = Created
admin-clients-title = Clients
admin-clients-search-hint = Company, billing email or #number
admin-clients-found = Clients found
admin-clients-all = All clients
admin-col-client = Client
admin-col-billing = Billing email
admin-col-country = Country
admin-clients-none = No client matches.
admin-users-title = Users
admin-users-search-hint = Email or name
admin-users-found = Users found
admin-users-all = All users
admin-col-user = User
admin-col-two-factor = Two-factor
admin-col-last-login = Last login
admin-users-none = No user matches.
admin-contacts-title = Contacts · { $client }
admin-contacts-heading = Contacts of { $client }
admin-contacts-intro = People who receive this client's emails without a login. The client's users with the Contacts permission manage them.
admin-col-name = Name
admin-col-phone = Phone
admin-col-receives = Receives
admin-none = None
admin-contacts-none = No contact.
