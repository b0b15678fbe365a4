### `/me`: the profile, the email address, the password, two-factor, passkeys, sessions and apps.

me-title = My profile and security
me-passkeys-only-heading = You sign in with passkeys only
me-passkeys-only-recent = You signed in with a passkey a moment ago: for five minutes from then, you can change your email address, password, two-factor authentication, backup codes and passkeys here.
me-passkeys-only-confirm = Your login has no password. To change your email address, password, two-factor authentication, backup codes or passkeys, confirm it is you with your passkey first: the changes are then open for five minutes.
me-confirm-passkey = Confirm with a passkey
me-confirm-needs-script = Confirming needs a browser that supports passkeys, with script allowed for this site.

me-profile-heading = Profile
me-language = Language
me-time-zone = Time zone
me-time-zone-default = Default ({ $zone })
me-save-profile = Save the profile

me-email-heading = Email address
me-email-now = Now:
me-verified = Verified
me-not-verified = Not verified
me-new-email = New email address
me-new-email-hint = We send a link to the new address: your address changes when you open it.
me-current-password = Current password
me-change-email = Change the email address

me-password-heading = Password
me-none = None
me-no-password = Your login has no password: you sign in with a passkey. You can set a password again.
me-change-password = Change the password
me-set-password = Set a password
me-new-password = New password
me-new-password-hint = At least { $min } characters. Your other sessions are signed out.
me-new-password-again = New password again
me-drop-heading = Sign in with passkeys only
me-drop-hint = Drop your password: no one can sign in with it or phish it any more. You sign in with a passkey; if you lose your passkeys, a backup code and a link to reset your password get you back in.
me-drop-codes-first = Make backup codes first (under Passkeys).
me-drop = Drop the password

me-totp-heading = Two-factor authentication
me-on = On
me-off = Off
me-totp-on-intro = Signing in asks for a code from your authenticator app (or a backup code) after your password.
me-codes-new-heading = New backup codes
me-codes-new-hint = Your old backup codes stop working.
me-password = Password
me-or-app-code = or a code from your app
me-app-code = A code from your app
me-make-new-codes = Make new backup codes
me-totp-off-heading = Turn two-factor authentication off
me-turn-off = Turn off
me-totp-intro = Protect your login with a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) on top of your password.
me-totp-turn-on = Turn on two-factor authentication

me-passkeys-heading = Passkeys
me-passkeys-intro = A passkey signs you in with your fingerprint, face or screen lock instead of a password. It works only on { $product }'s own site, so a fake sign-in page cannot steal it.
me-codes-heading = Backup codes
me-codes-left = { $count ->
    [0] None yet.
    [one] One unused. New ones replace it.
   *[other] { $count } unused. New ones replace them.
}
me-codes-hint = Ten one-time codes: with a link to reset your password, one gets you back in if you lose your passkeys.
me-make-codes = Make backup codes
me-no-passkey = You have no passkey yet.
me-add-passkey = Add a passkey
me-passkey-name = A name to know it by
me-passkey-name-hint = Such as the device it is on: “MacBook”, “Phone”.
me-add-needs-script = Adding a passkey needs a browser that supports passkeys, with script allowed for this site.
me-passkeys-unusable = Passkeys cannot be used on this server's address; ask { $product } about it.
passkey-col-name = Name
passkey-col-added = Added
passkey-col-last-used = Last used
passkey-never = Never
passkey-synced = Synced
passkey-new-name = New name for { $name }
passkey-rename = Rename
passkey-remove = Remove

me-sessions-heading = Where you are signed in
me-col-device = Device
me-col-ip = IP address
me-col-signed-in = Signed in
me-col-last-seen = Last seen
me-col-actions = Actions
me-unknown = Unknown
me-this-browser = This browser
me-sign-out = Sign out
me-sign-out-this = (this browser)
me-sign-out-other = (the session from { $ip })

me-apps-heading = Apps with access
me-app-since = Since { $date }.
me-app-own = One of { $product }'s own apps.
me-app-learns = It may learn:
me-remove-access = Remove access
me-no-apps = No app signs you in with { $product }.

## What `/me` says after a form succeeded.

me-done-profile = Your profile is saved.
me-done-email = We sent a link to the new address, unless it cannot be used. Your email address changes when you open it.
me-done-password = Your password is changed. Your other sessions were signed out.
me-done-password-dropped = Your password is gone: you sign in with a passkey now. Your other sessions were signed out.
me-done-totp-off = Two-factor authentication is off.
me-done-passkey-added = Your passkey is added: use it to sign in.
me-done-passkey-renamed = The passkey is renamed.
me-done-passkey-removed = The passkey is removed: it signs nobody in any more.
me-done-revoked = The session was signed out.
me-done-withdrawn = The app no longer has access. It will ask again if you sign in to it.

## Turning two-factor on (`/me/totp`), the backup codes shown once, adding a passkey.

totp-title = Turn on two-factor authentication
totp-step1 = 1. Add { $product } to your authenticator app
totp-scan = Scan this QR code with the app:
totp-qr-alt = QR code of your two-factor secret (the same secret is written below)
totp-type = Or type this secret into the app:
totp-step2 = 2. Enter the code the app shows
totp-code = Code
totp-submit = Turn on
totp-not-now = Not now
codes-title = Your backup codes
codes-heading-first = Two-factor authentication is on
codes-heading-new = Your new backup codes
codes-keep-totp = Keep these codes somewhere safe. Each works once, in place of a code from your app, if you lose your phone.
codes-keep-passkeys = Keep these codes somewhere safe. Each works once: with a link to reset your password, one gets you back in if you lose your passkeys.
codes-shown-once = They are shown only now.
codes-download = Download the codes
codes-done = Done
passkey-add-title = Add a passkey
passkey-add-intro = Your browser now asks where to keep the passkey (this device, your phone, a security key or a password manager) and for your fingerprint, face or screen lock.
passkey-add-submit = Create the passkey
passkey-add-missing = This browser cannot create passkeys (or script is off for this site).
passkey-name-length = Give it a name of 1 to { $max } characters.
me-wrong-password = This is not your current password.
totp-wrong-code = The code is wrong: check the time on your phone and try the next one.
codes-file = Backup codes for { $product } ({ $email })
codes-file-totp = Each works once, in place of a code from your app.
codes-file-passkeys = Each works once, with a link to reset your password, if you lose your passkeys.

## Support signing in as you (`/me`, "Support sign-ins").

me-support-heading = Support sign-ins
me-support-intro = { $product }'s support team can sign in as you to see what you see: you are emailed each time, and each sign-in is listed here. They cannot change how you sign in.
me-support-allowed = Support may sign in as you until { $time }.
me-support-withdraw = Withdraw
me-support-asks = Support signs in as you only if you allow it, for a day at a time.
me-support-allow = Allow for a day
me-support-col-staff = Support team member
me-support-col-from = Signed in
me-support-col-until = Until
me-support-none = Support never signed in as you.
me-done-support-allowed = Support may sign in as you for a day.
me-done-support-withdrawn = Support may no longer sign in as you.
