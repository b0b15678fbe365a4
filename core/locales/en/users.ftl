### User Management (`/accounts/{id}/users`): the users, the invitation form, pending invitations.

users-title = User Management
users-disabled = Your provider turned user management off for the client area. To change who can reach { $account }, contact support.
users-heading = Users of { $account }
users-col-user = User
users-col-permissions = Permissions
users-col-two-factor = Two-factor
users-col-last-login = Last login
users-col-actions = Actions
users-all = All
users-none = None
users-on = On
users-off = Off
users-never = Never
users-edit = Edit permissions
users-may-do = What { $name } may do
users-save = Save the permissions
users-remove = Remove
invite-heading = Invite a user
invite-intro = We email them a link, good for a limited time. They sign in or create a login, and reach this account with the permissions you choose.
invite-access = Access
invite-all = All permissions
invite-chosen = Only the permissions chosen below
invite-permissions = Permissions
invite-send = Send the invitation
pending-heading = Pending invitations
pending-col-email = Email
pending-col-sent = Sent
pending-col-expires = Expires
pending-resend = Resend
pending-cancel = Cancel
pending-none = No pending invitations.

## What User Management says after a form succeeded.

users-done-permissions = The permissions are saved.
users-done-removed = The user was removed from this account.
users-done-invited = The invitation is on its way.
users-done-resent = A new invitation link is on its way; the old link no longer works.
users-done-cancelled = The invitation was cancelled; its link no longer works.
