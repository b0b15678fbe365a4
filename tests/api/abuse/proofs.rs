//! A stolen session tests passwords and codes no faster than a stranger at the login form: every
//! proof asked inside a session counts against the user's sign-in limit, and a second factor is
//! enrolled only with the current password.

use serde_json::{Value, json};

use crate::client_area::PASSWORD;
use crate::helpers::{Backend, TestApp, problem, spawn_app_with, totp_code, unique_email};
use crate::pages::signed_in;

both_backends!(
    wrong_current_passwords_in_a_session_hit_the_sign_in_limit,
    every_proof_inside_a_session_counts_against_one_limit,
);

/// Sign-in limit of 5 wrong attempts per address in the window.
async fn app_with_limit(backend: Backend) -> TestApp {
    spawn_app_with(backend, |s| s.auth.rate_limit.per_email = 5).await
}

async fn patch_me(app: &TestApp, session: &str, body: Value) -> reqwest::Response {
    app.call("PATCH", "/api/v1/me", Some(session), Some(body))
        .await
}

/// 5 wrong `current_password`s answer 401; the sixth attempt, even with the right password,
/// answers 429 with `Retry-After` and changes nothing; the login form is limited for that
/// address too.
async fn wrong_current_passwords_in_a_session_hit_the_sign_in_limit(backend: Backend) {
    let app = app_with_limit(backend).await;
    let email = unique_email("stolen");
    let (user_id, session) = app.signup(&email, PASSWORD).await;
    for i in 0..5 {
        let guess = format!("guess number {i} here");
        let wrong = patch_me(
            &app,
            &session,
            json!({ "password": "a brand new passphrase", "current_password": guess }),
        )
        .await;
        assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    }
    let limited = patch_me(
        &app,
        &session,
        json!({ "password": "a brand new passphrase", "current_password": PASSWORD }),
    )
    .await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(problem(limited).await["code"], "rate_limited");
    // Nothing changed: the old password still is the password (once the window has passed).
    app.state
        .clock
        .advance(std::time::Duration::from_secs(16 * 60));
    app.login_ok(&email, PASSWORD).await;
    let changed: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_events WHERE user_id = $1 AND action = 'user.updated'",
            &user_id,
        )
        .await;
    assert_eq!(changed, 0);
}

/// Turning 2FA off, new backup codes, confirming an enrolment and starting one all count against
/// the same limit as the profile form's current password and the login form.
async fn every_proof_inside_a_session_counts_against_one_limit(backend: Backend) {
    let app = app_with_limit(backend).await;
    let email = unique_email("proofs");
    let (_, session) = app.signup(&email, PASSWORD).await;
    // Enrolling asks for the current password: none, then a wrong one, is refused.
    let bare = app
        .call("POST", "/api/v1/me/totp", Some(&session), None)
        .await;
    assert!(
        matches!(bare.status().as_u16(), 415 | 422),
        "{}",
        bare.status()
    );
    let wrong = app
        .call(
            "POST",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "current_password": "not my password" })),
        )
        .await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials"); // 1
    let pending: Option<String> = app
        .scalar(
            "SELECT totp_pending_secret FROM users WHERE email_normalized = $1",
            &email.to_lowercase(),
        )
        .await;
    assert_eq!(pending, None, "a wrong password starts no enrolment");
    let enrolment = app
        .expect(
            200,
            "POST",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "current_password": PASSWORD })),
        )
        .await; // 2
    let wrong_code = app
        .call(
            "POST",
            "/api/v1/me/totp/confirm",
            Some(&session),
            Some(json!({ "code": "000000" })),
        )
        .await;
    assert_eq!(problem(wrong_code).await["code"], "invalid_second_factor"); // 3
    let secret = enrolment["secret"].as_str().unwrap();
    app.expect(
        200,
        "POST",
        "/api/v1/me/totp/confirm",
        Some(&session),
        Some(json!({ "code": totp_code(&app, secret) })),
    )
    .await; // 4
    let backup = app
        .call(
            "POST",
            "/api/v1/me/totp/backup-codes",
            Some(&session),
            Some(json!({ "code": "999999" })),
        )
        .await;
    assert_eq!(problem(backup).await["code"], "invalid_second_factor"); // 5
    let off = app
        .call(
            "DELETE",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    assert_eq!(off.status(), 429, "the sixth proof is over the limit");
    let on: Option<i64> = app
        .scalar(
            "SELECT totp_enabled_at FROM users WHERE email_normalized = $1",
            &email.to_lowercase(),
        )
        .await;
    assert!(on.is_some(), "2FA stays on");
    // A stranger at the login form meets the same limit.
    assert_eq!(app.login(&email, PASSWORD, json!({})).await.status(), 429);
}

/// The `/me` forms count too: after the limit, the password form answers 429 with the reason next
/// to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_me_forms_count_against_the_sign_in_limit() {
    let app = app_with_limit(Backend::Sqlite).await;
    let email = unique_email("formproof");
    app.signup(&email, PASSWORD).await;
    let page = signed_in(&app, &email).await;
    page.open("/me").await;
    let form = |current: &'static str| {
        [
            ("current_password", current),
            ("password", "a brand new passphrase"),
            ("password_confirm", "a brand new passphrase"),
        ]
    };
    for _ in 0..5 {
        let (status, _) = page.submit("/me/password", &form("wrong password!")).await;
        assert_eq!(status, 422);
    }
    let (status, html) = page.submit("/me/password", &form(PASSWORD)).await;
    assert_eq!(status, 429, "{html}");
    assert!(html.contains("Too many"), "{html}");
    // Enrolling 2FA on the page asks for the password.
    let (status, html) = page.submit("/me/totp", &[("current_password", "")]).await;
    assert_ne!(status, 200, "{html}");
}
