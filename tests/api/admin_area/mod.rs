//! The admin area (issue 16) in a real browser and from outside: staff created with the real
//! CLI, set up through the emailed-by-hand link, signed in with a TOTP code computed from the
//! secret the page shows; the journeys read what the pages show. Hand-made posts (with a good
//! form token) try what a role may not do.

mod apps;
mod contacts;
mod keyboard;
mod languages;
mod operations;
mod pages;
mod passkeys;
mod roles;
mod staff;
mod support_consent;
mod support_sign_in;
pub mod transfer;

use std::time::Duration;

use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::{PageBrowser, TestApp, run_roster, totp_code};

/// `roster admin staff create --email E --role R` against the app's database; answers the link's
/// path (`/admin/setup/…`).
pub fn staff_via_cli(app: &TestApp, email: &str, role: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &["admin", "staff", "create", "--email", email, "--role", role],
        &[
            (
                "ROSTER_DATABASE__URL",
                app.state.settings.database.url.expose(),
            ),
            ("ROSTER_SERVER__PUBLIC_URL", &app.address),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("created"), "{stderr}");
    let link = stdout.trim();
    assert!(link.starts_with(&app.url("/admin/setup/")), "{link}");
    link.trim_start_matches(&app.address).to_owned()
}

/// Opens the setup link, chooses the password and enrols TOTP with a code computed from the
/// secret the page shows; answers the secret.
pub async fn set_up(browser: &Browser, app: &TestApp, link: &str) -> String {
    browser.open(&app.url(link)).await;
    browser.wait_for_text("Set up your staff login").await;
    browser.screenshot("admin-setup").await;
    let secret = browser.texts("#totp-secret").await.remove(0);
    browser.fill("f-password", PASSWORD).await;
    browser.fill("f-code", &totp_code(app, &secret)).await;
    browser.click("Save and continue to sign-in").await;
    browser
        .wait_for_text("Your password and authenticator are set up")
        .await;
    // The next time step: a code is good once.
    app.state.clock.advance(Duration::from_secs(30));
    secret
}

/// Signs in on `/admin/login` (password, then a code); lands on the client list.
pub async fn sign_in(browser: &Browser, app: &TestApp, email: &str, secret: &str) {
    sign_in_to(browser, app, (email, secret), "All clients").await;
}

/// Signs in on `/admin/login` (an English page) with (email, TOTP secret); waits for `landed`
/// on the client list, in the member's own language.
pub async fn sign_in_to(browser: &Browser, app: &TestApp, login: (&str, &str), landed: &str) {
    let (email, secret) = login;
    browser.open(&app.url("/admin/login")).await;
    browser.wait_for_text("Staff sign-in").await;
    browser.fill("f-email", email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.click("Continue").await;
    browser.wait_for_text("Enter the 6-digit code").await;
    browser.fill("f-code", &totp_code(app, secret)).await;
    browser.click("Sign in").await;
    browser.wait_for_text(landed).await;
    app.state.clock.advance(Duration::from_secs(30));
}

/// A staff member of `role`, created and set up through the domain; answers (email, TOTP
/// secret).
pub async fn staff_set_up(app: &TestApp, role: roster::admins::Role) -> (String, String) {
    let email = crate::helpers::unique_email(role.as_str());
    let now = app.state.clock.now_ms();
    let ctx = roster::audit::Context::system();
    let (_, token) = roster::staff::create(&app.state.db, &ctx, now, &email, role)
        .await
        .unwrap();
    let (_, enrolment) = roster::staff::setup::preview(&app.state, &token)
        .await
        .unwrap();
    let password = secrecy::SecretString::from(PASSWORD.to_owned());
    let code = totp_code(app, &enrolment.secret);
    roster::staff::setup::complete(&app.state, &token, &password, &code, None)
        .await
        .unwrap();
    app.state.clock.advance(Duration::from_secs(30));
    (email, enrolment.secret)
}

/// A staff member of `role`, created and set up through the domain (as the CLI and the setup
/// page do), signed in over plain HTTP: a cookie-keeping client for hand-made posts.
pub async fn staff_over_http(app: &TestApp, role: roster::admins::Role) -> (PageBrowser, String) {
    let (email, secret) = staff_set_up(app, role).await;
    let page = sign_in_over_http(app, &email, &secret).await;
    (page, email)
}

/// Signs `email` in to the admin area over plain HTTP (password, then a code computed from
/// `secret`); answers the cookie-keeping client, on the client list.
pub async fn sign_in_over_http(app: &TestApp, email: &str, secret: &str) -> PageBrowser {
    let page = PageBrowser::new(app);
    page.open("/admin/login").await;
    let (status, _) = page
        .submit(
            "/admin/login",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("next", "/admin/clients"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    page.open("/admin/login/code").await;
    let (status, html) = page
        .submit("/admin/login/code", &[("code", &totp_code(app, secret))])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>"), "{html}");
    app.state.clock.advance(Duration::from_secs(30));
    page
}
