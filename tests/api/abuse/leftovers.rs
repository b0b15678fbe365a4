//! The smaller holes: cookies a sibling subdomain could plant, credentials in a WHMCS API query
//! string, and one-time links left in messages that were never sent.

use std::time::Duration;

use serde_json::json;

use crate::client_area::PASSWORD;
use crate::helpers::{Backend, problem, spawn_app_with, unique_email};

/// With an https `server.public_url`, every cookie is `__Host-` (Secure, `Path=/`, no `Domain`),
/// and the unprefixed name a sibling subdomain could set is not read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_cookies_are_host_only_and_an_unprefixed_one_is_ignored() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.server.public_url = "https://roster.example.test".parse().unwrap();
    })
    .await;
    let email = unique_email("hosted");
    app.signup(&email, PASSWORD).await;
    let login = app.login(&email, PASSWORD, json!({})).await;
    assert_eq!(login.status(), 200);
    let cookies: Vec<String> = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .collect();
    assert!(!cookies.is_empty());
    for cookie in &cookies {
        assert!(cookie.starts_with("__Host-roster_"), "{cookie}");
        assert!(
            cookie.contains("; Path=/;") && cookie.contains("; Secure"),
            "{cookie}"
        );
        assert!(!cookie.to_lowercase().contains("domain="), "{cookie}");
    }
    let token = login.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me = |cookie: String| {
        let client = reqwest::Client::new();
        let url = app.url("/api/v1/me");
        async move {
            client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(me(format!("roster_session={token}")).await, 401, "planted");
    assert_eq!(me(format!("__Host-roster_session={token}")).await, 200);
    // The pages' form-token cookie too.
    let page = reqwest::Client::new()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap();
    let csrf = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(csrf.starts_with("__Host-roster_csrf="), "{csrf}");
}

/// `GET /includes/api.php` is refused (405, `Allow: POST`) before anything is read: credentials
/// in a query string end up in proxy logs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whmcs_api_refuses_get() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let (identifier, secret) = app
        .api_credential(roster::admins::Role::Administrator)
        .await;
    let response = reqwest::Client::new()
        .get(app.url(&format!(
            "/includes/api.php?action=GetUsers&identifier={identifier}&secret={secret}&responsetype=json"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "POST");
    let (status, _, body) = app
        .whmcs(
            "",
            &[
                ("action", "GetUsers"),
                ("identifier", &identifier),
                ("secret", &secret),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// A message that could not be sent keeps its one-time link only until the link expires: then
/// its values are erased, and a retry is refused rather than sending a dead link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_message_loses_its_link_when_the_link_expires() {
    // A mail server that is not there: each attempt fails at once; one attempt, then given up.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.mail.smtp.port = port;
        s.mail.outbox.max_attempts = 1;
        s.mail.outbox.poll_interval = Duration::from_millis(50);
    })
    .await;
    let email = unique_email("unsent");
    let (user_id, _) = app.signup(&email, PASSWORD).await;
    let admin = app.admin_token().await;
    app.expect(
        202,
        "POST",
        &format!("/api/v1/admin/users/{user_id}/password-reset"),
        Some(&admin),
        None,
    )
    .await;
    // Both messages (verification, reset) are given up: the outbox's own state says when.
    let failed = || async {
        app.expect(
            200,
            "GET",
            "/api/v1/admin/mail?limit=200",
            Some(&admin),
            None,
        )
        .await["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["recipient"] == email.as_str())
            .count()
    };
    for _ in 0..200 {
        if failed().await == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(failed().await, 2);
    let links: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM mail_outbox WHERE recipient = $1 AND values_json LIKE '%http%'",
            &email,
        )
        .await;
    assert_eq!(
        links, 2,
        "before the links expire, the messages keep them (for a retry)"
    );

    // The verification link's lifetime passes: its message loses the link; the reset link (a
    // longer lifetime) is kept.
    let auth = &app.state.settings.auth;
    assert!(auth.email_verification_expiry < auth.password_reset_expiry);
    app.state
        .clock
        .advance(auth.email_verification_expiry + Duration::from_secs(1));
    roster::sweeper::sweep_once(&app.state).await.unwrap();
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT template FROM mail_outbox WHERE recipient = $1 AND values_json LIKE '%http%'",
    )
    .bind(email.clone())
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(kept, ["password-reset"]);
    let expired_id: String = app
        .scalar(
            "SELECT id FROM mail_outbox WHERE recipient = $1 AND template = 'verify-email'",
            &email,
        )
        .await;
    let retry = app
        .call(
            "POST",
            &format!("/api/v1/admin/mail/{expired_id}/retry"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(problem(retry).await["code"], "conflict");
}
