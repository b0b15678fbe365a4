//! Sign in with Roster on two replicas of one PostgreSQL database (issue 25): a code issued by one
//! is redeemed at the other, both publish the same keys, a consent given through one holds at the
//! other, and a back-channel logout queued by one is delivered once although both send.

use std::sync::atomic::Ordering;
use std::time::Duration;

use roster::oauth::clients::NewClient;
use serde_json::Value;

use crate::helpers::*;
use crate::oidc_flow::*;
use crate::oidc_logout::{Listener, logout_claims};

/// A second replica: the first's settings (the same database and public URL) on another port.
async fn second_replica(first: &TestApp) -> String {
    let mut settings = (*first.state.settings).clone();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    tokio::spawn(app.run(std::future::pending()));
    address
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_codes_keys_consents_and_logouts() {
    let app = provider(Backend::Postgres).await;
    let other = second_replica(&app).await;
    let (listener, uri) = Listener::start(0).await;
    let (email, _, _) = owner(&app, "Acme").await;
    let new = NewClient {
        backchannel_logout_uri: Some(uri),
        ..panel("Panel")
    };
    let (client_id, secret) = register(&app, new).await;
    let secret = secret.unwrap();

    // The same keys on both.
    let jwks = |base: String| async move {
        reqwest::get(format!("{base}/oauth/jwks"))
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()
    };
    assert_eq!(jwks(app.address.clone()).await, jwks(other.clone()).await);

    // Signed in and allowed through the first; the code redeemed at the second.
    let mut browser = Browser::new(&app);
    let path = authorize_path(&client_id, "openid account offline_access", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (_, _, html) = browser.sign_in(&at, &email).await;
    let (status, location, _) = browser.choose(&html, None, "allow").await;
    assert_eq!(status, 303);
    let code = params_of(&location)["code"].clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let redeem = |base: &str, form: &[(&str, &str)]| {
        let request = reqwest::Client::new()
            .post(format!("{base}/oauth/token"))
            .basic_auth(&client_id, Some(&secret))
            .form(form);
        async move {
            let response = request.send().await.unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap(),
            )
        }
    };
    let (status, tokens) = redeem(&other, &form).await;
    assert_eq!(status, 200, "{tokens}");
    let (status, again) = redeem(&app.address, &form).await;
    assert_eq!(
        (status, again["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    // The replay at the first revoked what the second gave.
    let (status, _) = redeem(
        &app.address,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens["refresh_token"].as_str().unwrap()),
        ],
    )
    .await;
    assert_eq!(status, 400);

    // The consent given through the first holds at the second (the browser's cookie goes to both:
    // cookies do not depend on the port).
    let at_other = format!("{other}{path}");
    let (status, location, html) = browser.open(&at_other).await;
    assert_eq!(status, 303, "no consent page at the second replica: {html}");
    let code = params_of(&location)["code"].clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let (status, tokens) = redeem(&app.address, &form).await;
    assert_eq!(status, 200, "{tokens}");

    // Signing out on the first queues one logout; both replicas deliver, the app hears it once.
    let sid = payload(tokens["id_token"].as_str().unwrap())["sid"].clone();
    browser.open(&app.url("/me")).await;
    let (status, _, _) = browser.post("/logout", &[]).await;
    assert_eq!(status, 200);
    let received = listener.wait_for(1).await;
    assert_eq!(logout_claims(&app, &received[0]).await["sid"], sid);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(listener.calls.load(Ordering::SeqCst), 1, "delivered once");
}
