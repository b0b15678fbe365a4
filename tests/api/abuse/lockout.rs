//! A stranger guessing one address's password keeps getting `rate_limited`, but cannot lock its
//! owner out: a browser that has signed in before holds a device cookie, and its attempts count
//! against a limit of its own (OWASP's device cookies). Staff alike.

use serde_json::json;

use crate::admin_area::staff_over_http;
use crate::client_area::PASSWORD;
use crate::helpers::{Backend, PageBrowser, TestApp, spawn_app_with, totp_code, unique_email};
use roster::admins::Role;

both_backends!(a_stranger_cannot_lock_the_owner_out_of_their_known_browser);

/// Five wrong attempts per address in the window; the per-IP limit out of the way (every test
/// client comes from 127.0.0.1).
async fn app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |s| {
        s.auth.rate_limit.per_email = 5;
        s.auth.rate_limit.per_ip = 1000;
    })
    .await
}

async fn sign_in_page(page: &PageBrowser, email: &str, password: &str) -> (u16, String) {
    page.open("/login").await;
    page.submit("/login", &[("email", email), ("password", password)])
        .await
}

async fn a_stranger_cannot_lock_the_owner_out_of_their_known_browser(backend: Backend) {
    let app = app(backend).await;
    let email = unique_email("locked");
    app.signup(&email, PASSWORD).await;
    // The owner signs in once in their browser: it gets a device cookie.
    let owner = PageBrowser::new(&app);
    let (status, html) = sign_in_page(&owner, &email, PASSWORD).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Your accounts"), "{html}");
    owner.submit("/logout", &[]).await;

    // A stranger guesses until the address is limited, then keeps going.
    for i in 0..5 {
        let guess = format!("wrong guess {i}");
        assert_eq!(app.login(&email, &guess, json!({})).await.status(), 401);
    }
    for _ in 0..3 {
        assert_eq!(app.login(&email, PASSWORD, json!({})).await.status(), 429);
    }
    let stranger = PageBrowser::new(&app);
    let (status, _) = sign_in_page(&stranger, &email, PASSWORD).await;
    assert_eq!(status, 429, "a new browser is limited like the stranger");

    // The owner's browser still gets in, and the stranger is still limited afterwards.
    let (status, html) = sign_in_page(&owner, &email, PASSWORD).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Your accounts"), "{html}");
    assert_eq!(app.login(&email, PASSWORD, json!({})).await.status(), 429);

    // The known browser has a limit of its own: a stolen device cookie guesses no faster.
    owner.submit("/logout", &[]).await;
    for i in 0..5 {
        let (status, _) = sign_in_page(&owner, &email, &format!("owner typo {i}")).await;
        assert_eq!(status, 401);
    }
    let (status, _) = sign_in_page(&owner, &email, PASSWORD).await;
    assert_eq!(status, 429);
}

/// The device cookie is HttpOnly, long-lived, and only handed out after a successful sign-in
/// (the API's login sets it too, for a browser program).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_cookie_comes_only_with_a_successful_sign_in() {
    let app = app(Backend::Sqlite).await;
    let email = unique_email("device");
    app.signup(&email, PASSWORD).await;
    let device_cookie = |response: &reqwest::Response| {
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|c| c.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("roster_device="))
    };
    let wrong = app.login(&email, "not it, sorry", json!({})).await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(device_cookie(&wrong), None);
    let right = app.login(&email, PASSWORD, json!({})).await;
    assert_eq!(right.status(), 200);
    let device = device_cookie(&right).expect("a device cookie");
    assert!(
        device.contains("HttpOnly") && device.contains("Max-Age=31536000"),
        "{device}"
    );
    // The same browser signing in again keeps its cookie: no new one.
    let value = device.split(';').next().unwrap().to_owned();
    let again = reqwest::Client::new()
        .post(app.url("/api/v1/auth/login"))
        .header("cookie", value)
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    assert_eq!(device_cookie(&again), None);
}

/// Staff alike: a stranger limits a staff address; the member's known browser signs in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_lock_a_staff_member_out_of_their_known_browser() {
    let app = app(Backend::Sqlite).await;
    let (known, email) = staff_over_http(&app, Role::Administrator).await;
    known.submit("/admin/logout", &[]).await;
    let stranger = PageBrowser::new(&app);
    for i in 0..6 {
        stranger.open("/admin/login").await;
        stranger
            .submit(
                "/admin/login",
                &[("email", &email), ("password", &format!("guess {i}"))],
            )
            .await;
    }
    stranger.open("/admin/login").await;
    let (status, _) = stranger
        .submit("/admin/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 429);
    known.open("/admin/login").await;
    let (status, html) = known
        .submit("/admin/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("code"), "{html}");
    let secret: String = app
        .scalar(
            "SELECT totp_secret FROM staff WHERE email_normalized = $1",
            &email,
        )
        .await;
    let (status, html) = known
        .submit("/admin/login/code", &[("code", &totp_code(&app, &secret))])
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("All clients"), "{html}");
}
