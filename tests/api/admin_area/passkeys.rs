//! Staff passkeys in Chromium (issue 26), with a virtual authenticator: under
//! `staff.require_passkey` the setup link enrols a passkey, sign-in takes the password and then
//! only a passkey (a code is refused), and "Your sign-in" adds another, removes one and never the
//! last. Without the setting, a passkey stands beside the TOTP code.

use roster::admins::Role;

use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::*;
use crate::passkey_browser::{on_localhost, on_localhost_with};

/// A new staff member of `role`; answers their email and setup link (a path).
async fn new_member(app: &TestApp, role: Role) -> (String, String) {
    let email = unique_email("staff-passkey");
    let now = app.state.clock.now_ms();
    let ctx = roster::audit::Context::system();
    let (_, token) = roster::staff::create(&app.state.db, &ctx, now, &email, role)
        .await
        .unwrap();
    (email, format!("/admin/setup/{token}"))
}

/// The password step of `/admin/login`; answers what the second step's page shows.
async fn password_step(browser: &Browser, base: &str, email: &str) -> String {
    browser.open(&format!("{base}/admin/login")).await;
    browser.wait_for_text("Staff sign-in").await;
    browser.fill("f-email", email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Continue").await;
    browser.wait_for_text("Start again").await
}

async fn staff_enrol_through_the_link_and_sign_in_with_a_passkey_only(backend: Backend) {
    let (app, base) = on_localhost_with(backend, |s| s.staff.require_passkey = true).await;
    let (email, link) = new_member(&app, Role::Administrator).await;
    let browser = Browser::start().await;
    browser.resize(1000, 900).await;
    let laptop = browser.virtual_authenticator(true).await;

    // The setup link asks for a password and a passkey, not an authenticator app.
    browser.open(&format!("{base}{link}")).await;
    let shown = browser.wait_for_text("Set up your staff login").await;
    assert!(
        shown.contains("create a passkey") && !shown.contains("Scan the code"),
        "{shown}"
    );
    browser.screenshot("admin-setup-passkey").await;
    browser.fill("f-password", PASSWORD).await;
    browser.fill("f-name", "Work laptop").await;
    browser.click("Create the passkey and save").await;
    browser.wait_for_text("are set up: sign in").await;

    // Sign-in: the password, then the passkey; no code field.
    let shown = password_step(&browser, &base, &email).await;
    assert!(!shown.contains("6-digit code"), "{shown}");
    browser.click("Use a passkey").await;
    browser.wait_for_text("All clients").await;

    // A code is refused even when posted by hand.
    let page = PageBrowser::new(&app);
    page.open("/admin/login").await;
    let (status, _) = page
        .submit("/admin/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200);
    page.open("/admin/login/code").await;
    let (status, html) = page
        .submit("/admin/login/code", &[("code", "123456")])
        .await;
    assert_eq!(status, 403, "{html}");
    assert!(html.contains("Codes are not accepted here"), "{html}");

    // "Your sign-in": the last passkey cannot be removed; another one (on a security key) can be
    // added, and then the first removed.
    browser.click_link("Your sign-in").await;
    let shown = browser.wait_for_text("Your sign-in").await;
    assert!(
        shown.contains("Work laptop") && shown.contains("not accepted"),
        "{shown}"
    );
    let first = browser
        .attribute("#passkeys tbody form.inline button.danger", "id")
        .await
        .unwrap();
    browser.click_id(&first).await;
    browser.wait_for_text("your last passkey").await;
    browser.remove_authenticator(&laptop).await;
    browser.virtual_authenticator(true).await;
    browser.fill("f-name", "Security key").await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Add a passkey").await;
    browser.wait_for_text("Create the passkey").await;
    browser.click("Create the passkey").await;
    let shown = browser.wait_for_text("Your passkey is added").await;
    assert!(
        shown.contains("Security key") && shown.contains("Work laptop"),
        "{shown}"
    );
    browser.screenshot("admin-me-passkeys").await;
    browser.click_id(&first).await;
    browser.wait_for_text("The passkey is removed").await;
    let names = browser
        .texts("#passkeys tbody td[data-label=Name] strong")
        .await;
    assert_eq!(names, ["Security key"]);

    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1000, 900).await;

    // Signed out, the security key signs in, with the keyboard alone.
    browser.click("Sign out").await;
    browser.wait_for_text("You are signed out").await;
    password_step(&browser, &base, &email).await;
    browser.tab_to("passkey-button").await;
    browser.keys(&fantoccini::key::Key::Enter.to_string()).await;
    browser.wait_for_text("All clients").await;
    browser.close().await;
}

both_backends!(staff_enrol_through_the_link_and_sign_in_with_a_passkey_only);

/// Without `staff.require_passkey`, a member set up with an authenticator app adds a passkey and
/// may then use either at the second step.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_passkey_stands_beside_the_totp_code() {
    let (app, base) = on_localhost(Backend::Sqlite).await;
    let (email, link) = new_member(&app, Role::Support).await;
    let browser = Browser::start().await;
    browser.virtual_authenticator(true).await;
    browser.open(&format!("{base}{link}")).await;
    browser.wait_for_text("Scan the code").await;
    let secret = browser.texts("#totp-secret").await.remove(0);
    browser.fill("f-password", PASSWORD).await;
    browser.fill("f-code", &totp_code(&app, &secret)).await;
    browser.click("Save and continue to sign-in").await;
    browser.wait_for_text("are set up: sign in").await;
    app.state.clock.advance(std::time::Duration::from_secs(30));

    let shown = password_step(&browser, &base, &email).await;
    assert!(
        shown.contains("6-digit code") && !shown.contains("Use a passkey"),
        "{shown}"
    );
    browser.fill("f-code", &totp_code(&app, &secret)).await;
    browser.click("Sign in").await;
    browser.wait_for_text("All clients").await;
    browser.open(&format!("{base}/admin/me")).await;
    browser
        .wait_for_text("Your authenticator app works too")
        .await;
    browser.fill("f-name", "Laptop").await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Add a passkey").await;
    // The add page first (the click only posts the form).
    browser.wait_for_text("Create the passkey").await;
    browser.click("Create the passkey").await;
    browser.wait_for_text("Your passkey is added").await;
    browser.click("Sign out").await;
    browser.wait_for_text("You are signed out").await;

    let shown = password_step(&browser, &base, &email).await;
    assert!(
        shown.contains("6-digit code") && shown.contains("Use a passkey"),
        "{shown}"
    );
    browser.click("Use a passkey").await;
    browser.wait_for_text("All clients").await;
    browser.close().await;
}
