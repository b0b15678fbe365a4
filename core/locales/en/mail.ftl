### Every email Roster sends (core/templates/mail): subjects, both parts' words, the button labels.
### `$product` is the provider's product name; `$expires_in` a duration in the same language.

mail-hello = Hello { $first_name },
mail-or-copy = Or copy this address into your browser:
mail-link-once = The link works once and expires in { $expires_in }.
mail-new-password-button = Choose a new password
mail-if-you-new-password = If it was you, sign in with your password, or choose a new one.
mail-ignore = If it was not you, you can ignore this message.

mail-verify-subject = Verify your email address
mail-verify-body = please confirm that this is your email address for { $product }.
mail-verify-button = Verify my email address
mail-verify-ignore = If you did not sign up, ignore this message.

mail-email-change-subject = Confirm your new email address
mail-email-change-body = someone signed in to { $product } asked to use this address for their login. If it was you, open this link to make the change.
mail-email-change-button = Use this email address
mail-email-change-ignore = Until it is opened, nothing changes. If it was not you, ignore this message.

mail-email-in-use-subject = Your email address was named for another login
mail-email-in-use-body = someone signed in to { $product } asked to move their login to this email address, which is already yours. Nothing was changed: an address belongs to one login.

mail-reset-subject = Reset your password
mail-reset-body = someone (hopefully you) asked to reset the password of your { $product } login.
mail-reset-ignore = If you did not ask for this, ignore this message: your password stays as it is.

mail-set-password-subject = Choose your password
mail-set-password-body = a { $product } login was created for you.
mail-set-password-button = Choose my password

mail-signup-attempt-subject = You already have a login
mail-signup-attempt-body = someone asked to create a new { $product } login with this email address, but it already has one.
mail-signup-attempt-ignore = If it was not you, you can ignore this message: nothing was changed.

mail-code-subject = Your sign-in code
mail-code-body = your code to sign in to { $product } is:
mail-code-expires = It works once and expires in { $expires_in }. Your two-step verification could not be brought over from the old system: turn it on again on your profile page, and these emails stop.
mail-code-not-you = If you did not just sign in, someone knows your password: choose a new one.

mail-password-changed-subject = Your password was changed
mail-password-changed-body = the password of your { $product } login was just changed, and every other session was signed out.
mail-password-changed-not-you = If this was not you, reset your password at once and contact support:

mail-invitation-subject = Account Access Invitation
mail-invitation-hello = Hello,
mail-invitation-body = you are invited to access an account at { $product }.
mail-invitation-by-staff = The invitation was sent by the { $product } team.
mail-invitation-by-customer = It was sent by a { $product } customer. The two lines below are their own words: { $product } has not checked them.
mail-invitation-invited-by = Invited by
mail-invitation-account = Account
mail-invitation-button = Accept the invitation
mail-invitation-how = You can accept by signing in, or by creating a login if you have none.
mail-invitation-expires = The invitation expires in { $expires_in }.
mail-invitation-ignore = If you did not expect it, ignore this message. { $product } never asks for your password or payment details by email.

## How long a link or code stays good: at most two parts ("1 day 2 hours").

duration-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
duration-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
duration-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}

## Support signing in as you (issue 28): when it starts, and when it asks first.

mail-support-subject = { $product }: support signed in to your account
mail-support-body = { $staff } of { $product }'s support team just signed in to your account, to see what you see. They can do what you can until { $until }, except change how you sign in, accept invitations or allow apps, and everything they do is recorded under their name.
mail-support-see = Every support sign-in is listed on your profile page:
mail-support-not-expected = If you did not expect this, contact us and change your password.
mail-support-consent-subject = { $product }: support asks to sign in to your account
mail-support-consent-body = { $staff } of { $product }'s support team asks to sign in to your account, to see what you see. They cannot until you allow it.
mail-support-consent-how = To allow it for a day, open your profile page and choose “Allow for a day”:
mail-support-consent-ignore = If you did not ask for help, ignore this message: nothing changes.
