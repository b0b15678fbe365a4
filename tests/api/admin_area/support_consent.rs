//! Support sign-ins as the user sees them (issue 28): with `support.login_as = "with_consent"`
//! nothing starts until the user allows it, on `/me` or over the API; support signed in as the
//! user cannot allow or withdraw it; the allowance is bounded; the past sign-ins are listed.

use std::time::Duration;

use serde_json::json;

use super::staff_over_http;
use super::support_sign_in::{signed_in_as, signed_in_to_client_area, started_for, user_id};
use super::transfer::client_with_member;
use crate::helpers::{Backend, TestApp, spawn_app, spawn_app_with};
use crate::languages::{mail_titled, shown};
use roster::admins::Role;
use roster::settings::LoginAs;

/// A server with `support.login_as = "with_consent"` and a client: (app, owner email, owner id).
async fn asking_server() -> (TestApp, String, String) {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.support.login_as = LoginAs::WithConsent;
    })
    .await;
    let (_, owner, _, _) = client_with_member(&app, "Acme Hosting").await;
    let owner_id = user_id(&app, &owner).await;
    (app, owner, owner_id)
}

/// With `support.login_as = "with_consent"`: the user is emailed (once an hour), no session starts
/// until they allow it on `/me`, support signed in as them cannot allow or withdraw it, and a
/// withdrawn allowance stops the next sign-in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_consent_the_user_allows_it_first() {
    let (app, owner, owner_id) = asking_server().await;
    let (staff, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let sign_in_as = format!("/admin/users/{owner_id}/sign-in-as");
    for _ in 0..2 {
        staff.open(&format!("/admin/users/{owner_id}")).await;
        let (status, html) = staff.submit(&sign_in_as, &[]).await;
        assert_eq!(status, 403, "{html}");
        assert!(shown(&html).contains("has not allowed"), "{html}");
    }
    assert!(!signed_in_to_client_area(&staff).await);
    let asked = mail_titled(&owner, "Roster: support asks to sign in to your account").await;
    assert!(
        asked
            .body("text/plain")
            .unwrap_or_default()
            .contains(&staff_email),
        "{}",
        asked.body("text/plain").unwrap_or_default()
    );
    assert!(
        asked
            .body("text/plain")
            .unwrap_or_default()
            .contains("/me#support"),
        "{}",
        asked.body("text/plain").unwrap_or_default()
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let asks = crate::helpers::mail_sink()
        .messages_to(&owner)
        .iter()
        .filter(|m| m.subject().contains("asks to sign in"))
        .count();
    assert_eq!(asks, 1, "one email an hour");

    let own = signed_in_as(&app, &owner).await;
    own.open("/me").await;
    let (status, html) = own.submit("/me/support/allow", &[]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Support may sign in as you for a day."),
        "{html}"
    );

    staff.open(&format!("/admin/users/{owner_id}")).await;
    let (status, html) = staff.submit(&sign_in_as, &[]).await;
    assert_eq!(status, 200, "{html}");
    assert!(signed_in_to_client_area(&staff).await);
    // Support cannot withdraw (or renew) the allowance for the user.
    staff.open("/me").await;
    let (status, html) = staff.submit("/me/support/withdraw", &[]).await;
    assert_eq!(status, 403, "{html}");
    staff.open("/accounts").await;
    staff.submit("/support/end", &[]).await;

    // Withdrawn by the user: the next attempt is refused.
    own.open("/me").await;
    let (status, _) = own.submit("/me/support/withdraw", &[]).await;
    assert_eq!(status, 200);
    staff.open(&format!("/admin/users/{owner_id}")).await;
    let (status, _) = staff.submit(&sign_in_as, &[]).await;
    assert_eq!(status, 403);
}

/// The same over the API: `GET /api/v1/me/support` lists the sign-ins and the allowance,
/// `PUT`/`DELETE /api/v1/me/support/allowance` allow and withdraw it; support's own token is
/// refused both; the eleventh change in an hour is refused and changes nothing; a server that does
/// not ask answers 409.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_allows_support_over_the_api() {
    let (app, owner, owner_id) = asking_server().await;
    let (_, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let token = app.login_ok(&owner, crate::client_area::PASSWORD).await;
    let allowance = "/api/v1/me/support/allowance";

    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["login_as"], "with_consent", "{read}");
    assert_eq!(read["allowed_until"], json!(null), "{read}");
    assert_eq!(read["sign_ins"], json!([]), "{read}");

    let day = 24 * 3600 * 1000;
    let before = app.state.clock.now_ms();
    let allowed = app.expect(200, "PUT", allowance, Some(&token), None).await;
    let until = allowed["allowed_until"].as_i64().unwrap();
    assert!(
        (before + day..=app.state.clock.now_ms() + day).contains(&until),
        "a day from now: {allowed}"
    );
    let support = started_for(&app, &staff_email, &owner_id).await;
    for method in ["PUT", "DELETE"] {
        let refused = app
            .expect(403, method, allowance, Some(&support), None)
            .await;
        assert_eq!(refused["code"], "support_sign_in_restricted", "{refused}");
    }
    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["allowed_until"], allowed["allowed_until"], "{read}");
    let sign_ins = read["sign_ins"].as_array().unwrap();
    assert_eq!(sign_ins.len(), 1, "{read}");
    assert_eq!(sign_ins[0]["staff_email"], staff_email.as_str());
    assert_eq!(sign_ins[0]["ended_at"], json!(null));

    // Withdrawn: the next sign-in is refused.
    app.expect(204, "DELETE", allowance, Some(&token), None)
        .await;
    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["allowed_until"], json!(null), "{read}");
    let identity = super::support_sign_in::identity_of(&app, &staff_email).await;
    let ctx = identity.context(None);
    let refused =
        roster::staff::login_as::start(&app.state, &ctx, &identity, &owner_id, None).await;
    assert!(refused.is_err(), "withdrawn");

    // Two changes so far; the rest of the hour's ten, then the next is refused and changes nothing.
    let limit = roster::sessions::support::CONSENT_CHANGES_PER_HOUR;
    for change in 2..limit {
        let method = if change % 2 == 0 { "PUT" } else { "DELETE" };
        let status = if method == "PUT" { 200 } else { 204 };
        app.expect(status, method, allowance, Some(&token), None)
            .await;
    }
    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["allowed_until"], json!(null), "{read}");
    let limited = app.expect(429, "PUT", allowance, Some(&token), None).await;
    assert_eq!(limited["code"], "rate_limited", "{limited}");
    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["allowed_until"], json!(null), "unchanged: {read}");
    app.state.clock.advance(Duration::from_secs(3601));
    app.expect(200, "PUT", allowance, Some(&token), None).await;

    // A server that does not ask first has nothing to allow.
    let app = spawn_app(Backend::Sqlite).await;
    let user = crate::helpers::unique_email("user");
    let (_, token) = app.signup_verified(&user).await;
    let read = app
        .expect(200, "GET", "/api/v1/me/support", Some(&token), None)
        .await;
    assert_eq!(read["login_as"], "on", "{read}");
    let refused = app.expect(409, "PUT", allowance, Some(&token), None).await;
    assert_eq!(refused["code"], "conflict", "{refused}");
}

/// What `/me` shows of the support section: from `<section … id="support"` to its end.
fn support_section(html: &str) -> String {
    let start = html.find("id=\"support\"").expect("the support section");
    let end = html[start..].find("</section>").unwrap() + start;
    shown(&html[start..end])
}

/// `/me`'s Support sign-ins, with two past sign-ins and the allowance, in the user's language: in
/// German every word of it is German; in the pseudo-locale no English is left, and in Chromium at a
/// phone's width it fits the window (with the allowance, and without).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_support_section_speaks_the_users_language_and_fits_a_phone() {
    let (app, owner, owner_id) = asking_server().await;
    let (_, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let password = crate::client_area::PASSWORD;
    let token = app.login_ok(&owner, password).await;
    let allowance = "/api/v1/me/support/allowance";
    app.expect(200, "PUT", allowance, Some(&token), None).await;
    started_for(&app, &staff_email, &owner_id).await;
    app.state.clock.advance(Duration::from_secs(31 * 60));
    started_for(&app, &staff_email, &owner_id).await;
    let language = |tag: &str| Some(json!({ "language": tag }));

    app.expect(200, "PATCH", "/api/v1/me", Some(&token), language("de"))
        .await;
    let own = signed_in_as(&app, &owner).await;
    let (_, html) = own.open("/me").await;
    let german = support_section(&html);
    for said in [
        "Anmeldungen des Supports",
        "Der Support darf sich bis",
        "Zurücknehmen",
        "Support-Mitarbeiter",
        &staff_email,
    ] {
        assert!(german.contains(said), "`{said}` in {german}");
    }
    for english in [
        "Support sign-ins",
        "Withdraw",
        "Until",
        "Signed in",
        "may sign in",
    ] {
        assert!(!german.contains(english), "`{english}` in {german}");
    }

    app.expect(200, "PATCH", "/api/v1/me", Some(&token), language("en-XA"))
        .await;
    let (_, html) = own.open("/me").await;
    let pseudo = support_section(&html);
    for english in [
        "Support sign-ins",
        "Withdraw",
        "Until",
        "Signed in",
        "team member",
        "me-support",
    ] {
        assert!(!pseudo.contains(english), "`{english}` in {pseudo}");
    }

    let browser = crate::browser::Browser::start().await;
    browser.resize(390, 844).await;
    browser.open(&app.url("/login")).await;
    browser.fill("f-email", &owner).await;
    browser.fill("f-password", password).await;
    browser
        .click_css("form[action='/login'] button[type=submit]")
        .await;
    browser.wait_for_text("[").await;
    crate::languages::fits_a_phone(&browser, &app, "/me#support").await;
    browser.screenshot("me-support-pseudo-allowed").await;
    app.expect(204, "DELETE", allowance, Some(&token), None)
        .await;
    let (_, html) = own.open("/me").await;
    assert!(html.contains("action=\"/me/support/allow\""), "{html}");
    // Another page first: opening the same address with its fragment would not load it again.
    browser.open(&app.url("/accounts")).await;
    crate::languages::fits_a_phone(&browser, &app, "/me#support").await;
    browser.screenshot("me-support-pseudo-asks").await;
    browser.close().await;
}
