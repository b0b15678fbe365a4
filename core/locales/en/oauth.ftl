### Sign in with the provider (`/oauth/authorize`, `/oauth/logout`): choosing an account for an
### app, allowing it, and signing out of apps.

oauth-unavailable = { $app } is not available
oauth-back = Back to { $app }
oauth-allow-heading = Allow { $app } to use your { $product } login?
oauth-signed-in-learns = Signed in as { $email }. If you allow it, { $app } will learn:
oauth-choose-heading = Choose an account for { $app }
oauth-signed-in = Signed in as { $email }.
oauth-refused-choose = Choose another account, or cancel.
oauth-which-account = Which account { $app } works with
oauth-owner = owner
oauth-allow = Allow
oauth-continue = Continue
oauth-deny = Deny
oauth-cancel = Cancel
oauth-link-broken = This sign-in link does not work
oauth-not-signed-in = You could not be signed in
logout-title = Sign out
logout-heading = Sign out of { $product }?
logout-asked-by = { $app } asked to sign you out.
logout-asked = An app asked to sign you out.
logout-explain = Signing out ends your { $product } session in this browser, and apps you signed in to with it are told.
logout-sign-out = Sign out
logout-stay = Stay signed in
logout-link-broken = This sign-out link does not work
logout-not-signed-out = { $why }. You were not signed out.
logout-done = You are signed out
logout-done-text = You are signed out of { $product }.

## What an app learns, one sentence per scope (`scope-<scope>`).

scope-openid = Who you are: your login's identifier at this provider
scope-profile = Your name and language
scope-email = Your email address, and whether you confirmed it
scope-account = One account you pick, and what you may do in it
scope-accounts = Every account you can reach, and what you may do in each
scope-offline_access = Keep this access while you are signed out

## Why a sign-in or sign-out link from an app does not work (the page says it; the browser is not
## sent back to the app).

oauth-no-app = The request names no app (client_id).
oauth-unknown-app = The app that sent you here is not registered with this provider.
oauth-foreign-redirect = { $app } asked to send you back to an address it did not register, so you were not sent there.
oauth-repeated = The request names its app or address more than once.
logout-refused-text = The app's sign-out request is not valid for this provider. You were not signed out.
