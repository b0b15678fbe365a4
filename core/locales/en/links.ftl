### The pages an emailed link opens (verifying an address, choosing a new password, an
### invitation) and the one-message pages the server answers with.

verify-title = Verify your email address
verify-intro = Confirm that this email address is yours.
verify-submit = Verify my email address
reset-title = Choose a new password
reset-password = New password
reset-password-again = New password again
reset-code = A code from your authenticator app, or one of your backup codes
reset-code-hint = Your login has a second factor, so a link in your mailbox alone cannot change its password.
reset-submit = Set the new password
reset-passwords-differ = The two passwords differ.

invite-title = Invitation to { $account }
invite-page-intro = { $inviter } invited you to access the account “{ $account }”.
invite-page-intro-staff = { $inviter } (staff) invited you to access the account “{ $account }”.
invite-signed-in-as = You are signed in as { $email }
invite-accept-as = Accept as { $email }
invite-switch = Sign out and continue as someone else
invite-have-login = I have a login
invite-totp-code = Authenticator code (if you use one)
invite-login-accept = Log in and accept
invite-new-here = I am new here
invite-signup-accept = Create my login and accept
invite-expires = The invitation expires at { $time }.

## One-message pages: a heading and a sentence.

page-failed = Something went wrong
page-failed-text = Please try again later.
page-not-found = Page not found
page-not-found-text = There is nothing here, or you have no access to it.
page-not-allowed = Not allowed
mailbox-heading = Check your mailbox
mailbox-text = The next step is in the email we sent you.
mailbox-invite-text = The next step is in the email we sent to the address you gave.
link-invalid = Link not valid
link-invalid-text = This link is invalid or has expired. Ask for a new one.
invitation-unknown = Invitation not found
invitation-unknown-text = This invitation link is not valid. Check the link in the email, or ask for a new invitation.
invitation-gone = Invitation no longer valid
invitation-gone-accepted = This invitation was already accepted.
invitation-gone-cancelled = This invitation was cancelled. Ask the account owner for a new one.
invitation-gone-expired = This invitation has expired. Ask the account owner for a new one.
invitation-member = Already a member
invitation-member-text = You already have access to this account.
invitation-accepted = Invitation accepted
invitation-accepted-verify = You now have access to { $account }. We sent a link to { $email } to verify the address: open it, then sign in.
form-refused = This form could not be sent
form-refused-foreign = It came from another site, or the page was opened before you signed in or out. Go back, reload the page and try again.
form-refused-control = The field “{ $field }” contains a control character (such as a line break), which is not allowed. Go back and correct it.

## After an emailed link did its work.

verified-heading = Email address verified
verified-text = Thank you: your email address is verified.
verified-to-accounts = Go to your accounts
verified-sign-in = Sign in
reset-done-heading = Password changed
reset-done-text = Your new password is set. Every other session was signed out; sign in again with it.
invite-email-taken = A login with this email address exists: log in instead.
invite-session-ended = Your session has ended: log in again.
invite-code-needed = Enter the code from your authenticator app too.
invite-code-mailed = We emailed you a sign-in code: enter it in the code field too.
