### The frame of every client-area page: the skip link, the navigation, the language picker.

skip-to-content = Skip to the content
nav-main = Main
nav-accounts = Accounts
nav-me = My profile & security
signed-in-as = Signed in as { $email }
sign-out = Sign out
nav-sign-in = Sign in
nav-sign-up = Create a login
reenrol-notice = Your two-step verification could not be brought over from the old client area.
reenrol-link = Set it up again to keep your login protected.
language-picker = Language
support-banner = Signed in by support ({ $staff }) until { $time }.
support-end = End now
session-by-support = Support: { $staff }
