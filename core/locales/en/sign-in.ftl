### Signing in, signing up and asking for a reset link (`/login`, `/signup`, `/forgot-password`).

login-title = Sign in
login-heading = Sign in to { $product }
field-email = Email address
field-password = Password
login-submit = Sign in
login-passkey-heading = Or use a passkey
login-passkey-intro = Your fingerprint, face or screen lock instead of a password: no email address to type.
login-passkey-button = Sign in with a passkey
login-forgot = Forgot your password?
login-new-here = New here?
login-create = Create a login
signup-title = Create a login
field-first-name = First name
field-last-name = Last name
field-new-password-hint = At least { $min } characters.
field-company = Company name (optional)
signup-company-hint = Your account is created with this name; leave it empty to use yours.
signup-submit = Create my login
signup-have-login = Already have a login?
signup-sign-in = Sign in
forgot-title = Forgot your password?
forgot-sent = If a login exists for that address, we sent it a link to choose a new password. The link works once.
forgot-intro = We will email you a link to choose a new password.
forgot-submit = Email me a link
forgot-back = Back to sign in

## The second step of signing in (`/login/code`).

code-title-mailed = Sign-in code
code-title = Two-factor authentication
code-intro-mailed = We emailed you a 6-digit sign-in code. Enter it here. (Your two-step verification could not be brought over from the old system: turn it on again on your profile page, and these emails stop.)
code-intro = Enter the 6-digit code from your authenticator app, or one of your backup codes.
code-field = Code
code-submit = Continue
code-passkey-heading = Or use one of your passkeys
code-passkey-button = Use a passkey
code-start-again = Start again

## What the passkey script says when the browser's ceremony fails (`$detail`: the browser's reason).

passkey-js-cancelled = The passkey was not used: the request was cancelled or timed out, or this device has no passkey for this site.
passkey-js-exists = This device already holds a passkey for your login.
passkey-js-failed = The passkey did not work here ({ $detail }).

## Why signing in stopped (the sign-in page and its second step).

login-to-continue = Sign in to continue.
login-passkey-unknown = That passkey did not sign you in: it may have been removed from your login, or made for another site. Sign in with your password instead.
login-expired = Your sign-in took too long or was already used: sign in again.
code-passkey-unreadable = The passkey's answer could not be read: try again.
code-passkey-not-confirmed = That passkey did not confirm it is you: try again, or enter a code.
