//! Every time-limited thing, on both sides of its limit: a second before, it works; a second
//! after, it is refused. The server's clock is moved, not waited for.

use std::time::Duration;

use serde_json::json;

use crate::admin_area::staff_set_up;
use crate::client_area::PASSWORD;
use crate::helpers::{
    Backend, PageBrowser, TestApp, link_token, mail_sink, reset_token, spawn_app_with, totp_code,
    unique_email,
};
use roster::admins::Role;

const SECOND: Duration = Duration::from_secs(1);

async fn app() -> TestApp {
    spawn_app_with(Backend::Sqlite, |s| {
        // Long enough sessions (the tests move the clock by days), short for the staff session's.
        s.auth.session_idle = Duration::from_secs(2 * 3600);
        s.auth.session_absolute = Duration::from_secs(3 * 3600);
    })
    .await
}

async fn reset_with(app: &TestApp, token: &str) -> u16 {
    app.call(
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": token, "password": "a brand new passphrase" })),
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_works_until_its_expiry_and_not_after() {
    let app = app().await;
    let expiry = app.state.settings.auth.password_reset_expiry;
    for (label, wait, expected) in [
        ("before", expiry - SECOND, 204),
        ("after", expiry + SECOND, 400),
    ] {
        let email = unique_email(&format!("reset-{label}"));
        app.signup(&email, PASSWORD).await;
        // The second message: the first is the sign-up's verification link.
        let token = reset_token(&app, &email, 2).await;
        app.state.clock.advance(wait);
        assert_eq!(reset_with(&app, &token).await, expected, "{label}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_link_works_until_its_expiry_and_not_after() {
    let app = app().await;
    let expiry = app.state.settings.auth.email_verification_expiry;
    for (label, wait, expected) in [
        ("before", expiry - SECOND, 200),
        ("after", expiry + SECOND, 400),
    ] {
        let email = unique_email(&format!("verify-{label}"));
        app.signup(&email, PASSWORD).await;
        let token = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
        app.state.clock.advance(wait);
        let status = app
            .call(
                "POST",
                "/api/v1/auth/verify-email",
                None,
                Some(json!({ "token": token })),
            )
            .await
            .status()
            .as_u16();
        assert_eq!(status, expected, "{label}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_challenge_lasts_its_lifetime_and_not_longer() {
    let app = app().await;
    let email = unique_email("challenged");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let secret = app.enrol_totp(&session, PASSWORD).await;
    let lifetime = roster::sessions::challenge::LIFETIME;
    for (label, wait, signed_in) in [
        ("before", lifetime - SECOND, true),
        ("after", lifetime + SECOND, false),
    ] {
        // A new time step for each code (a code is good once).
        app.state.clock.advance(Duration::from_secs(30));
        let page = PageBrowser::new(&app);
        page.open("/login").await;
        let (status, html) = page
            .submit("/login", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(status, 200, "{html}");
        app.state.clock.advance(wait);
        let (status, html) = page
            .submit("/login/code", &[("code", &totp_code(&app, &secret))])
            .await;
        if signed_in {
            assert_eq!(status, 200, "{label}: {html}");
            assert!(html.contains("Your accounts"), "{label}: {html}");
        } else {
            assert_eq!(status, 401, "{label}: {html}");
            assert!(html.contains("took too long"), "{label}: {html}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_setup_link_works_until_its_expiry_and_not_after() {
    let app = app().await;
    let lifetime = roster::staff::SETUP_LINK_LIFETIME;
    for (label, wait, expected) in [
        ("before", lifetime - SECOND, 200),
        ("after", lifetime + SECOND, 404),
    ] {
        let email = unique_email(&format!("setup-{label}"));
        let (_, token) = roster::staff::create(
            &app.state.db,
            &roster::audit::Context::system(),
            app.state.clock.now_ms(),
            &email,
            Role::Support,
        )
        .await
        .unwrap();
        app.state.clock.advance(wait);
        let (status, html) = PageBrowser::new(&app)
            .open(&format!("/admin/setup/{token}"))
            .await;
        assert_eq!(status, expected, "{label}: {html}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_challenge_lasts_its_lifetime_and_not_longer() {
    let app = app().await;
    let (email, secret) = staff_set_up(&app, Role::Administrator).await;
    let lifetime = roster::staff::sign_in::CHALLENGE_LIFETIME;
    for (label, wait, signed_in) in [
        ("before", lifetime - SECOND, true),
        ("after", lifetime + SECOND, false),
    ] {
        app.state.clock.advance(Duration::from_secs(30));
        let page = PageBrowser::new(&app);
        page.open("/admin/login").await;
        let (status, html) = page
            .submit("/admin/login", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(status, 200, "{html}");
        app.state.clock.advance(wait);
        let (status, html) = page
            .submit("/admin/login/code", &[("code", &totp_code(&app, &secret))])
            .await;
        assert_eq!(
            html.contains("All clients"),
            signed_in,
            "{label}: {status} {html}"
        );
    }
}

/// A staff session ends after `auth.session_idle` without use and `auth.session_absolute` after
/// sign-in, whichever comes first; a second before either, it still opens pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_session_ends_at_its_idle_and_absolute_limits() {
    let app = app().await;
    let (idle, absolute) = (
        app.state.settings.auth.session_idle,
        app.state.settings.auth.session_absolute,
    );
    let opens = |page: &PageBrowser| {
        let page = page.client.clone();
        let url = app.url("/admin/clients");
        async move {
            let response = page.get(url).send().await.unwrap();
            let text = response.text().await.unwrap();
            text.contains("All clients")
        }
    };
    // Idle: a second before the limit the page opens (and the use counts); unused for the whole
    // limit, it does not.
    let (page, _) = crate::admin_area::staff_over_http(&app, Role::Support).await;
    // A use is written down when the last one is over a minute old.
    app.state.clock.advance(Duration::from_secs(61));
    assert!(opens(&page).await);
    app.state.clock.advance(idle - SECOND);
    assert!(opens(&page).await, "a second before the idle limit");
    app.state.clock.advance(idle + SECOND);
    assert!(!opens(&page).await, "a second after the idle limit");

    // Absolute: used often enough never to idle out, it ends at its absolute limit anyway.
    let (page, _) = crate::admin_area::staff_over_http(&app, Role::Support).await;
    let created: i64 = sqlx::query_scalar("SELECT MAX(created_at) FROM staff_sessions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let ends = created + i64::try_from(absolute.as_millis()).unwrap();
    let step = idle - Duration::from_secs(60);
    loop {
        let left = Duration::from_millis(u64::try_from(ends - app.state.clock.now_ms()).unwrap());
        if left <= step + SECOND {
            app.state.clock.advance(left - SECOND);
            break;
        }
        app.state.clock.advance(step);
        assert!(opens(&page).await, "used, {left:?} before the end");
    }
    assert!(opens(&page).await, "a second before the absolute limit");
    app.state.clock.advance(2 * SECOND);
    assert!(!opens(&page).await, "a second after the absolute limit");
}
