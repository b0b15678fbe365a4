### The admin area (`/admin`), in the staff member's own language (their choice on `/admin/me`, else
### their browser's). Words the client area also uses (column titles, permissions) come from there.

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

## A client's summary (`/admin/clients/{id}`), its users and its invitations.

admin-client-owner-page = The owner's user page
admin-client-users-link = Users of this client
admin-client-number = Number #{ $number }
admin-client-created = Created { $time }
admin-client-status = Status: { $status ->
    [active] active
    [inactive] inactive
    [closed] closed
   *[other] { $status }
}
admin-client-close = Close this client
admin-client-close-text = A closed client keeps its users and history; its status becomes “closed”.
admin-client-close-button = Close { $client }
admin-client-profile = Profile
admin-client-users-title = Users · { $client }
admin-associate-heading = Add an existing user
admin-associate-intro = They reach this client at once with their own login; no email is sent.
admin-associate-email = The user's email address
admin-associate-add = Add the user
admin-invite-heading = Invite by email
admin-invite-intro = We email a link, good for a limited time; a new or existing user accepts it and reaches this client with these permissions.
admin-invite-email = Email address
admin-invitations-link = Invitations of this client
admin-invitations-title = Invitations · { $client }
admin-invitations-heading = Invitations to { $client }
admin-invitations-send-new = Send a new invitation from the Users tab
admin-col-state = State
admin-col-sent-by = Sent by
admin-invitation-state = { $state ->
    [pending] Pending
    [accepted] Accepted
    [cancelled] Cancelled
    [expired] Expired
   *[other] { $state }
}
admin-invitation-accepted-at = Accepted { $time }
admin-invitations-none = No invitation was sent for this client.

## A user's page (`/admin/users/{id}`).

admin-user-status = { $status ->
    [active] Active
    [disabled] Disabled
   *[other] { $status }
}
admin-user-login = Login
admin-user-unverified = (not verified)
admin-user-number = Number
admin-user-password = Password
admin-user-password-set = Set
admin-user-password-none = None: signs in with a passkey
admin-user-last-login-from = { $time } from { $ip }
admin-user-send-reset = Send a password-reset link
admin-user-factors-off = Turn off two-factor and remove passkeys
admin-user-totp-off = Turn off two-factor
admin-disable = Disable
admin-enable = Enable
admin-user-delete = Delete…
admin-user-clients = Clients this user reaches
admin-col-role = Role
admin-user-member = User
admin-user-more-clients = Only the first clients are listed.
admin-user-sessions = Sessions
admin-user-no-sessions = No open session.

## Plugins (`/admin/plugins`) and the settings (`/admin/settings`).

admin-plugin-hooks = Hooks
admin-plugin-none = none
admin-plugin-capabilities = Capabilities
admin-plugin-priority = Priority
admin-plugin-on-error = On error
admin-plugin-loaded = Loaded
admin-plugin-hook = Hook
admin-plugin-calls = Calls
admin-plugin-denies = Denies
admin-plugin-traps = Traps
admin-plugin-timeouts = Timeouts
admin-plugin-errors = Errors
admin-plugin-latency = Mean / max µs
admin-plugin-queue = After-hooks: { $delivered } delivered, { $backlog } waiting, { $parked } parked.
admin-plugin-last-error = Last error:
admin-plugin-parked = Parked events
admin-plugin-event = Event
admin-plugin-kind = Kind
admin-col-attempts = Attempts
admin-plugin-error = Error
admin-plugin-parked-at = Parked
admin-retry = Retry
admin-plugin-reload = Reload { $plugin }
admin-plugins-none = No plugin is loaded. Plugins are WebAssembly components in the folder that { $setting } names; see the plugin guide.
admin-settings-intro = The settings this server runs with: its config files, then ROSTER_… environment variables, then the defaults. Read-only: change the files or the environment and restart. Secrets show as ***.
admin-settings-effective = Effective settings
admin-settings-setting = Setting
admin-settings-value = Value

## Staff (`/admin/staff`) and the mail queue (`/admin/mail`).

admin-staff-link-for = Setup link for { $email }:
admin-staff-members = Staff members
admin-staff-last-sign-in = Last sign-in
admin-staff-you = (you)
admin-role-name = { $role ->
    [administrator] Administrator
    [support] Support
   *[other] { $role }
}
admin-staff-not-set-up = (setup link not used yet)
admin-staff-new-link = New setup link
admin-staff-add = Add a staff member
admin-staff-role-support = Support: reads everything; sends, resends and cancels invitations and password-reset links
admin-staff-role-administrator = Administrator: everything
admin-staff-add-button = Add and show the setup link
admin-mail-intro = Every email is written with the change that causes it and sent from here, with retries. What is shown never includes a message's content: it holds one-time links.
admin-mail-failed = Given up
admin-mail-to = To
admin-mail-message = Email
admin-mail-last-error = Last error
admin-mail-written = Written
admin-mail-failed-none = None: every email went out or is on its way.
admin-mail-waiting = Waiting
admin-mail-next-attempt = Next attempt
admin-mail-waiting-none = Nothing waiting.

## Apps that sign people in with Roster (`/admin/apps`).

admin-apps-intro = Apps that sign people in with { $product } (OpenID Connect). Point each at
admin-apps-secret-of = Client secret of { $app }:
admin-apps-registered = Registered apps
admin-apps-client-id = Client id
admin-apps-kind = Kind
admin-apps-redirects = Redirect URIs
admin-apps-trusted = Trusted
admin-apps-kind-name = { $kind ->
    [confidential] Confidential
    [public] Public
   *[other] { $kind }
}
admin-apps-logout = Logout:
admin-apps-new-secret = New secret
admin-apps-none = No app is registered yet.
admin-apps-register = Register an app
admin-apps-name = Name (shown to people on the consent page)
admin-apps-redirect-uris = Redirect URIs (one per line)
admin-apps-redirect-hint = https, http on 127.0.0.1 or [::1], or for a public app a private-use scheme such as com.example.app:/callback. Matched exactly.
admin-apps-public = Public: a native or single-page app (no secret; PKCE required)
admin-apps-trusted-hint = Trusted: { $product }'s own app (no consent page)
admin-apps-post-logout = Post-logout redirect URIs (one per line, optional)
admin-apps-backchannel = Back-channel logout URI (optional)
admin-apps-logo = Logo URL (optional, https)
admin-apps-alg = ID token signature
admin-apps-register-button = Register

## Your language and time zone (`/admin/me`).

admin-me-preferences = Language and time zone
admin-me-language-browser = Your browser's language
admin-me-preferences-save = Save
admin-me-done-preferences = Your language and time zone are saved.

## What a page says after a form did its work, and why it could not.

admin-done-saved = The changes are saved.
admin-done-closed = The client is closed.
admin-done-permissions = The permissions are saved.
admin-done-removed = The user was removed from this client.
admin-done-associated = The user now has access to this client.
admin-done-invited = The invitation is on its way.
admin-done-resent = A new invitation link is on its way; the old link no longer works.
admin-done-cancelled = The invitation was cancelled; its link no longer works.
admin-done-owner = Ownership was transferred.
admin-done-mail-retried = The message is back in line; it goes out now.
admin-done-app-removed = The app was removed.
admin-done-app-registered = { $app } was registered. Copy its secret now: it is not shown again.
admin-done-app-registered-public = { $app } was registered (a public app: no secret).
admin-done-app-secret-now = { $app } has a new secret; the old one no longer works.
admin-done-app-secret-grace = { $app } has a new secret; the old one works for one more day.
admin-plugin-failed-again = { $plugin } failed again; the event stays parked. It said: { $error }
admin-done-plugin-reloaded = { $plugin } was reloaded.
admin-done-plugin-delivered = { $plugin } took the event; it left the parked list.
admin-done-staff-disabled = The staff member is disabled; their sessions ended.
admin-done-staff-enabled = The staff member is enabled.
admin-done-staff-removed = The staff member was removed.
admin-done-staff-link = A new setup link for { $email }: the old one no longer works.
admin-done-user-deleted = The user was deleted.
admin-done-user-disabled = The user is disabled: they cannot sign in, and their sessions ended.
admin-done-user-enabled = The user is enabled: they can sign in again.
admin-done-user-reset = A password-reset link is on its way to the user.
admin-done-user-totp-off = Two-factor authentication is off for this user, and their backup codes and passkeys are gone: a reset link alone lets them back in.
admin-search-unreadable = This search could not be read
admin-search-unreadable-text = It contains a control character (such as a line break). Go back and correct it.
admin-not-allowed-text = Your role (support) may read clients, users and the audit log and send, resend and cancel invitations and password-reset links, but not this. Ask an administrator.
admin-not-done = This could not be done
admin-setup-link-broken = This link does not work
admin-setup-link-broken-text = It was already used, or it expired. Ask an administrator for a new one (roster admin staff link).
admin-setup-code-wrong = The code does not match: check the app's clock and type the code it shows now.
admin-login-done-setup = Your password and authenticator are set up: sign in.
admin-login-done-out = You are signed out.
admin-passkey-not-confirmed = That passkey did not confirm it is you: try again.

## Support signing in as a client (a user's page, a client's Users tab).

admin-sign-in-as = Sign in as this user
admin-audit-on-behalf-of = as the user
admin-done-support-ended = The support sign-in ended.
admin-sign-in-as-refused = You cannot sign in as this user: support sign-in is turned off, your role may not use it, or the user has not allowed it.
