### Why something was refused, as pages say it (`error-<code>`, one per problem code of the API).
### English pages show the domain's own, more precise words; other languages these sentences.

error-bad-request = The request could not be read.
error-malformed-json = The request could not be read.
error-validation-failed = A value you typed cannot be used.
error-weak-password = The password is too weak: choose a longer one that is hard to guess.
error-unauthorized = Your session has ended: sign in again.
error-invalid-credentials = The email address or password is wrong.
error-second-factor-required = A second factor is required.
error-invalid-second-factor = The code is wrong or was already used.
error-email-not-verified = The email address is not verified yet.
error-invalid-token = This link is invalid or has expired.
error-security-answer-required = The answer to the security question is missing or wrong.
error-forbidden = You are not allowed to do this.
error-recent-sign-in-required = Confirm with your passkey first: without a password, changes to how you sign in need a passkey sign-in from the last five minutes.
error-support-sign-in-restricted = Support signed in as you cannot do this: only you can change how you sign in, accept invitations or allow apps.
error-cross-site-request = The form came from another site.
error-user-management-disabled = User management is turned off for the client area; ask support.
error-owner-cannot-be-removed = The owner cannot be removed from the account.
error-owner-permissions-fixed = The owner holds every permission; they cannot be changed.
error-already-member = This person already has access to this account.
error-invitation-expired = This invitation has expired; ask for a new one.
error-invitation-used = This invitation was already used.
error-invitation-cancelled = This invitation was cancelled.
error-user-owns-accounts = This user owns accounts; move their ownership first.
error-not-found = It was not found.
error-method-not-allowed = This cannot be done here.
error-conflict = Something changed meanwhile: reload the page and try again.
error-email-taken = A user with this email address already exists.
error-payload-too-large = What you sent is too large.
error-unsupported-media-type = What you sent could not be read.
error-rate-limited = { $minutes ->
    [one] Too many attempts: try again in { $minutes } minute.
   *[other] Too many attempts: try again in { $minutes } minutes.
}
error-vetoed-by-plugin = This was refused.
error-plugin-failed = This cannot be done right now: try again later.
error-plugin-invalid = This cannot be done right now.
error-not-ready = The service is not ready: try again in a moment.
error-internal-error = Something went wrong: try again later.
form-check-fields = Check the fields marked below.
