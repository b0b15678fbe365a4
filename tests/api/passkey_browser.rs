//! Passkeys in a real browser (issue 26): headless Chromium with a virtual authenticator
//! (WebDriver's WebAuthn extension: a platform authenticator with no hardware and no person) adds
//! a passkey on `/me`, signs out, signs in with it alone, and is refused once it is removed; an
//! authenticator that cannot verify its user, and a page opened at another origin, add nothing.
//! The browser's WebAuthn is the real one: it checks the relying party against the page's origin
//! and writes the origin into what it signs, and Roster's page script drives it.
//!
//! WebAuthn needs a domain name: the server's public URL is `http://localhost:<port>` and the
//! browser opens it so.

use serde_json::Value;

use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::*;

/// A server whose public URL is `http://localhost:<port>`, on that port; answers it and the URL.
pub async fn on_localhost(backend: Backend) -> (TestApp, String) {
    on_localhost_with(backend, |_| {}).await
}

/// [`on_localhost`], with more settings.
pub async fn on_localhost_with(
    backend: Backend,
    configure: impl FnOnce(&mut roster::settings::Settings),
) -> (TestApp, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let origin = format!("http://localhost:{port}");
    let app = spawn_app_with(backend, |s| {
        s.server.bind = format!("127.0.0.1:{port}").parse().unwrap();
        s.server.public_url = origin.parse().unwrap();
        configure(s);
    })
    .await;
    (app, origin)
}

/// A verified user, signed up through the API.
async fn person(app: &TestApp, label: &str) -> String {
    let email = unique_email(label);
    app.signup(&email, PASSWORD).await;
    app.verify_address(&email).await;
    email
}

/// Signs in on `{base}/login` with the password; lands on the switcher.
async fn password_sign_in(browser: &Browser, base: &str, email: &str) {
    browser.open(&format!("{base}/login")).await;
    browser.wait_for_text("Sign in to").await;
    browser.fill("f-email", email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Sign in").await;
    browser.wait_for_text("Your accounts").await;
}

/// On `/me`: names a new passkey, proves the password, and lets the browser create it; answers
/// what the page shows afterwards.
async fn add_passkey(browser: &Browser, base: &str, name: &str, expected: &[&str]) -> String {
    browser.open(&format!("{base}/me#passkeys")).await;
    browser.wait_for_text("Passkeys").await;
    browser.fill("f-passkey_name", name).await;
    browser.fill("f-passkey_password", PASSWORD).await;
    browser.click("Add a passkey").await;
    browser.wait_for_text("Create the passkey").await;
    browser.click("Create the passkey").await;
    browser.wait_for_any(expected).await
}

/// The passkeys the user of `session` holds, through the API.
async fn passkeys_of(app: &TestApp, session: &str) -> Vec<Value> {
    let response = app
        .call("GET", "/api/v1/me/passkeys", Some(session), None)
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn a_user_adds_a_passkey_signs_in_with_it_alone_and_removes_it(backend: Backend) {
    let (app, base) = on_localhost(backend).await;
    let email = person(&app, "passkey-journey").await;
    let browser = Browser::start().await;
    let authenticator = browser.virtual_authenticator(true).await;
    browser.resize(1000, 900).await;

    password_sign_in(&browser, &base, &email).await;
    browser.open(&format!("{base}/me#passkeys")).await;
    let shown = browser.wait_for_text("Passkeys").await;
    assert!(shown.contains("You have no passkey yet"), "{shown}");
    let shown = add_passkey(&browser, &base, "Laptop", &["Your passkey is added"]).await;
    assert!(
        shown.contains("Laptop") && shown.contains("Never"),
        "{shown}"
    );
    browser.open(&format!("{base}/me#passkeys")).await;
    browser.wait_for_text("Passkeys").await;
    browser.screenshot("me-passkeys").await;
    // Tidy on a phone: nothing reaches past the window's edge.
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1000, 900).await;
    // The browser made a discoverable credential for Roster's relying party.
    let held = browser.authenticator_credentials(&authenticator).await;
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0]["rpId"], "localhost");
    assert_eq!(held[0]["isResidentCredential"], true);

    // Signed out, the passkey alone signs in: no email typed.
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;
    browser.screenshot("login-passkey").await;
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1000, 900).await;
    browser.click("Sign in with a passkey").await;
    let shown = browser.wait_for_text("Your accounts").await;
    assert!(shown.contains(&email), "{shown}");
    // And through the browser's passkey autofill on the email field (the virtual authenticator
    // picks the one passkey at once, where a person would pick it from the field's list).
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;
    browser.click_id("f-email").await;
    let shown = browser.wait_for_text("Your accounts").await;
    assert!(shown.contains(&email), "{shown}");
    browser.open(&format!("{base}/me#passkeys")).await;
    let shown = browser.wait_for_text("Passkeys").await;
    assert!(
        !shown.contains("Never"),
        "the passkey shows when it was used: {shown}"
    );
    let session = app.login_ok(&email, PASSWORD).await;
    let listed = passkeys_of(&app, &session).await;
    assert!(listed[0]["last_used_at"].is_i64(), "{listed:?}");

    // Renamed, then removed: the authenticator still holds it, but it signs nobody in.
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    browser.fill(&format!("rename-{id}"), "Work laptop").await;
    browser.click("Rename Laptop").await;
    let shown = browser.wait_for_text("The passkey is renamed").await;
    assert!(shown.contains("Work laptop"), "{shown}");
    browser.click_id(&format!("remove-passkey-{id}")).await;
    let shown = browser.wait_for_text("The passkey is removed").await;
    assert!(shown.contains("You have no passkey yet"), "{shown}");
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;
    browser.click("Sign in with a passkey").await;
    let shown = browser.wait_for_text("did not sign you in").await;
    assert!(shown.contains("Sign in to"), "{shown}");
    assert_eq!(browser.path().await, "/login/passkey");
    assert_eq!(
        browser
            .authenticator_credentials(&authenticator)
            .await
            .len(),
        1
    );
    browser.close().await;
}

/// Passkeys only: backup codes made and the password dropped on `/me`; a change confirmed with the
/// passkey there (the browser's session replaced, not doubled); signed out, the password no
/// longer works and the passkey does; the passkey lost, the reset link and a backup code get the
/// user back in with a new password.
async fn a_user_drops_the_password_and_gets_back_in_with_a_backup_code(backend: Backend) {
    let (app, base) = on_localhost(backend).await;
    let email = person(&app, "passkeys-only").await;
    let browser = Browser::start().await;
    let authenticator = browser.virtual_authenticator(true).await;
    browser.resize(1000, 900).await;
    password_sign_in(&browser, &base, &email).await;
    add_passkey(&browser, &base, "Phone", &["Your passkey is added"]).await;

    // Without backup codes the password stays, and the page says why.
    browser.fill("drop-current", PASSWORD).await;
    browser.click("Drop the password").await;
    let shown = browser.wait_for_text("they get you back in").await;
    assert!(shown.contains("Drop the password"), "{shown}");
    browser.fill("codes-password", PASSWORD).await;
    browser.click("Make backup codes").await;
    let shown = browser.wait_for_text("Your new backup codes").await;
    assert!(shown.contains("if you lose your passkeys"), "{shown}");
    let codes = browser.texts("#backup-codes li").await;
    assert_eq!(codes.len(), 10, "{codes:?}");

    browser.open(&format!("{base}/me#password")).await;
    let shown = browser.wait_for_text("Sign in with passkeys only").await;
    assert!(shown.contains("10 unused"), "{shown}");
    browser.fill("drop-current", PASSWORD).await;
    browser.click("Drop the password").await;
    let shown = browser.wait_for_text("Your password is gone").await;
    assert!(shown.contains("You sign in with passkeys only"), "{shown}");
    // This session signed in with the password: a change now needs the passkey, on this page.
    assert!(
        shown.contains("confirm it is you with your passkey"),
        "{shown}"
    );
    assert!(!shown.contains("Current password"), "{shown}");
    browser.open(&format!("{base}/me")).await;
    let shown = browser.wait_for_text("Confirm with a passkey").await;
    // The address was verified with the sign-up's link, and the page says so.
    assert!(
        shown.contains("Verified") && !shown.contains("Not verified"),
        "{shown}"
    );
    browser.screenshot("me-passkeys-only").await;
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1000, 900).await;
    browser.click("Confirm with a passkey").await;
    let shown = browser
        .wait_for_text("You signed in with a passkey a moment ago")
        .await;
    assert!(shown.contains("My profile and security"), "{shown}");
    let sessions: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)",
            &email,
        )
        .await;
    assert_eq!(
        sessions, 1,
        "the confirmation replaced the browser's session"
    );

    // Signed out: the old password signs nobody in, the passkey does.
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;
    // Typed without focusing the field: focus would start the browser's passkey autofill, which
    // the virtual authenticator answers at once.
    browser.set_value("f-email", &email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Sign in").await;
    browser.wait_for_text("password is wrong").await;
    browser.click("Sign in with a passkey").await;
    browser.wait_for_text("Your accounts").await;
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;

    // The passkey is lost. The reset link asks for a code; a backup code opens it.
    browser.remove_authenticator(&authenticator).await;
    let token = reset_token(&app, &email, 2).await;
    browser
        .open(&format!("{base}/reset-password/{token}"))
        .await;
    let shown = browser.wait_for_text("Choose a new password").await;
    assert!(shown.contains("one of your backup codes"), "{shown}");
    browser.screenshot("reset-with-code").await;
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1000, 900).await;
    let new_password = "back in after all";
    let reset = |code: &str| {
        let code = code.to_owned();
        let browser = &browser;
        async move {
            browser.fill("password", new_password).await;
            browser.fill("password_confirm", new_password).await;
            browser.fill("code", &code).await;
            browser.click("Set the new password").await;
        }
    };
    reset("AAAA-BBBB-CCCC-DDDD").await;
    browser.wait_for_text("wrong or was already used").await;
    reset(&codes[0]).await;
    browser.wait_for_text("Password changed").await;
    browser.open(&format!("{base}/login")).await;
    browser.wait_for_text("Sign in to").await;
    browser.fill("f-email", &email).await;
    browser.fill("f-password", new_password).await;
    browser.click("Sign in").await;
    browser.wait_for_text("Your accounts").await;
    browser.close().await;
}

both_backends!(
    a_user_adds_a_passkey_signs_in_with_it_alone_and_removes_it,
    a_user_drops_the_password_and_gets_back_in_with_a_backup_code,
);

/// An authenticator that cannot verify its user (no fingerprint match) adds nothing: Roster asks
/// for user verification, so the browser refuses and the page says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_authenticator_that_does_not_verify_its_user_adds_nothing() {
    let (app, base) = on_localhost(Backend::Sqlite).await;
    let email = person(&app, "passkey-no-uv").await;
    let browser = Browser::start().await;
    let authenticator = browser.virtual_authenticator(false).await;
    password_sign_in(&browser, &base, &email).await;
    let shown = add_passkey(&browser, &base, "Unverified", &["was not used", "did not"]).await;
    assert!(shown.contains("Add a passkey"), "{shown}");
    let session = app.login_ok(&email, PASSWORD).await;
    assert!(passkeys_of(&app, &session).await.is_empty());
    assert!(
        browser
            .authenticator_credentials(&authenticator)
            .await
            .is_empty()
    );
    browser.close().await;
}

/// A page opened at another origin (a look-alike address served by the same server) cannot add a
/// passkey: the browser signs its own origin into the answer, and Roster takes only its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_made_at_another_origin_is_refused() {
    let (app, base) = on_localhost(Backend::Sqlite).await;
    let email = person(&app, "passkey-origin").await;
    let browser = Browser::start().await;
    browser.virtual_authenticator(true).await;
    let other = base.replace("//localhost", "//roster.localhost");
    password_sign_in(&browser, &other, &email).await;
    let shown = add_passkey(
        &browser,
        &other,
        "Elsewhere",
        &["did not verify", "did not work"],
    )
    .await;
    assert!(!shown.contains("Your passkey is added"), "{shown}");
    let session = app.login_ok(&email, PASSWORD).await;
    assert!(passkeys_of(&app, &session).await.is_empty());
    browser.close().await;
}

/// A user with TOTP on signs in with the password and then, in place of the code, a passkey; the
/// code still works beside it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_stands_as_the_second_factor_after_a_password() {
    let (app, base) = on_localhost(Backend::Sqlite).await;
    let email = person(&app, "passkey-2fa").await;
    let session = app.login_ok(&email, PASSWORD).await;
    let secret = app.enrol_totp(&session, PASSWORD).await;
    let browser = Browser::start().await;
    browser.virtual_authenticator(true).await;

    // The password, then a code from the app: signed in, and a passkey added.
    let password_then = |next: &'static str| {
        let (browser, base, email) = (&browser, &base, &email);
        async move {
            browser.open(&format!("{base}/login")).await;
            browser.wait_for_text("Sign in to").await;
            // Filled as a password manager would (the field's focus would offer the passkey).
            browser.set_value("f-email", email).await;
            browser.fill("f-password", PASSWORD).await;
            browser.click("Sign in").await;
            browser.wait_for_text(next).await
        }
    };
    let shown = password_then("Enter the 6-digit code").await;
    assert!(!shown.contains("Use a passkey"), "no passkey yet: {shown}");
    // A code of the next time step (the enrolment used this one).
    app.state.clock.advance(std::time::Duration::from_secs(30));
    browser.fill("f-code", &totp_code(&app, &secret)).await;
    browser.click("Continue").await;
    browser.wait_for_text("Your accounts").await;
    add_passkey(&browser, &base, "Phone", &["Your passkey is added"]).await;
    browser.click("Sign out").await;
    browser.wait_for_text("Sign in to").await;

    // Now the second step offers the passkey, which signs in in place of the code.
    let shown = password_then("Use a passkey").await;
    assert!(shown.contains("Enter the 6-digit code"), "{shown}");
    browser.click("Use a passkey").await;
    let shown = browser.wait_for_text("Your accounts").await;
    assert!(shown.contains(&email), "{shown}");
    let listed = passkeys_of(&app, &session).await;
    assert!(listed[0]["last_used_at"].is_i64(), "{listed:?}");
    // How the session was made (OpenID Connect's `amr`): the password and a hardware key.
    let amr: String = sqlx::query_scalar(
        "SELECT s.amr FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE u.email = $1 ORDER BY s.created_at DESC, s.id DESC",
    )
    .bind(email.clone())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(amr, "pwd hwk user mfa");
    browser.close().await;
}

/// Only the pages with a passkey control may run script, and only Roster's own file: `/login`
/// (which asks for options) and `/me` allow `script-src 'self'`; every other page allows none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_passkey_pages_allow_script_and_only_roster_s_own() {
    let (app, _) = on_localhost(Backend::Sqlite).await;
    let page = PageBrowser::new(&app);
    let csp = |response: &reqwest::Response| {
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let get = |path: &'static str| page.client.get(app.url(path)).send();
    let login = csp(&get("/login").await.unwrap());
    assert!(
        login.starts_with("default-src 'none'; script-src 'self'; connect-src 'self';"),
        "{login}"
    );
    let signup = csp(&get("/signup").await.unwrap());
    assert!(!signup.contains("script-src"), "{signup}");

    let email = person(&app, "passkey-csp").await;
    let (status, _) = page.open("/login").await;
    assert_eq!(status, 200);
    let (status, _) = page
        .submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200);
    let me = csp(&get("/me").await.unwrap());
    assert!(
        me.contains("script-src 'self';") && !me.contains("connect-src"),
        "{me}"
    );
    let accounts = csp(&get("/accounts").await.unwrap());
    assert!(!accounts.contains("script-src"), "{accounts}");

    let script = get("/assets/passkeys.js").await.unwrap();
    assert_eq!(script.status(), 200);
    assert_eq!(
        script.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(script.headers()["x-content-type-options"], "nosniff");
    let text = script.text().await.unwrap();
    assert!(text.contains("navigator.credentials.get"), "{text}");
}
