//! Sign in with Roster, logging out (issue 25): RP-initiated logout through the relying party
//! library's logout request, and back-channel logout received by a listener when a Roster session
//! ends (sign-out, a password change), retried until the app answers.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{DecodingKey, Validation};
use openidconnect::core::CoreIdToken;
use openidconnect::{
    CsrfToken, IssuerUrl, LogoutRequest, PostLogoutRedirectUrl, ProviderMetadataWithLogout,
};
use roster::oauth::clients::NewClient;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::oidc_flow::*;

const SIGNED_OUT: &str = "https://panel.example.com/signed-out";

/// An app's back-channel logout endpoint: keeps each `logout_token` it receives, answering 500
/// to the first `failures` deliveries.
#[derive(Clone, Default)]
pub(crate) struct Listener {
    pub(crate) received: Arc<Mutex<Vec<String>>>,
    failures: Arc<AtomicUsize>,
    pub(crate) calls: Arc<AtomicUsize>,
}

impl Listener {
    /// Starts it; answers it and its URI.
    pub(crate) async fn start(failures: usize) -> (Self, String) {
        let listener = Self::default();
        listener.failures.store(failures, Ordering::SeqCst);
        let kept = listener.clone();
        let router = axum::Router::new().route(
            "/backchannel",
            axum::routing::post(
                move |axum::Form(form): axum::Form<std::collections::HashMap<String, String>>| {
                    let kept = kept.clone();
                    async move {
                        kept.calls.fetch_add(1, Ordering::SeqCst);
                        if kept
                            .failures
                            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                            .is_ok()
                        {
                            return axum::http::StatusCode::INTERNAL_SERVER_ERROR;
                        }
                        kept.received
                            .lock()
                            .unwrap()
                            .push(form.get("logout_token").cloned().unwrap_or_default());
                        axum::http::StatusCode::OK
                    }
                },
            ),
        );
        let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = socket.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(socket, router).await });
        (listener, format!("http://{address}/backchannel"))
    }

    /// Waits (up to 10 s) until `n` logout tokens arrived; answers them.
    pub(crate) async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let got = self.received.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "{n} logout tokens did not arrive: {:?}",
            self.received.lock().unwrap()
        );
    }
}

/// Verifies a logout token against the JWKS: its claims.
pub(crate) async fn logout_claims(app: &TestApp, token: &str) -> Value {
    let set: JwkSet = app.get("/oauth/jwks").await.json().await.unwrap();
    let header = jsonwebtoken::decode_header(token).unwrap();
    assert_eq!(header.typ.as_deref(), Some("logout+jwt"));
    let jwk = set.find(header.kid.as_deref().unwrap()).unwrap();
    let mut validation = Validation::new(header.alg);
    validation.set_audience(&[] as &[&str]);
    validation.validate_aud = false;
    jsonwebtoken::decode::<Value>(token, &DecodingKey::from_jwk(jwk).unwrap(), &validation)
        .unwrap()
        .claims
}

/// An app with a post-logout address and a back-channel logout URI; a person signed in to it
/// through the browser: (client id, secret, the browser, the token answer, the person's email).
async fn signed_in_app(
    app: &TestApp,
    backchannel: &str,
) -> (String, String, Browser, Value, String) {
    let (email, _, _) = owner(app, "Acme").await;
    let new = NewClient {
        trusted: true,
        post_logout_redirect_uris: vec![SIGNED_OUT.to_owned()],
        backchannel_logout_uri: Some(backchannel.to_owned()),
        ..panel("Panel")
    };
    let (client_id, secret) = register(app, new).await;
    let secret = secret.unwrap();
    let mut browser = Browser::new(app);
    let (_, at, _) = browser
        .open(&app.url(&authorize_path(
            &client_id,
            "openid account offline_access",
            &[],
        )))
        .await;
    let (status, location, html) = browser.sign_in(&at, &email).await;
    assert_eq!(status, 303, "{html}");
    let (status, tokens) = redeem(app, &location, &client_id, &secret).await;
    assert_eq!(status, 200, "{tokens}");
    (client_id, secret, browser, tokens, email)
}

async fn rp_initiated_logout_ends_the_session_tells_the_app_and_returns_only_where_registered(
    backend: Backend,
) {
    let app = provider(backend).await;
    let (listener, uri) = Listener::start(0).await;
    let (client_id, secret, mut browser, tokens, _) = signed_in_app(&app, &uri).await;
    let id_token = tokens["id_token"].as_str().unwrap();
    let sid = payload(id_token)["sid"].as_str().unwrap().to_owned();

    let http = |request| send(request);
    let metadata = ProviderMetadataWithLogout::discover_async(
        IssuerUrl::new(app.address.clone()).unwrap(),
        &http,
    )
    .await
    .unwrap();
    let discovered: Value = app
        .get("/.well-known/openid-configuration")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(discovered["backchannel_logout_supported"], true);
    assert_eq!(discovered["backchannel_logout_session_supported"], true);
    let end_session = metadata
        .additional_metadata()
        .end_session_endpoint
        .clone()
        .unwrap();
    let hint: CoreIdToken = id_token.parse().unwrap();
    let request = |to: &str| {
        LogoutRequest::from(end_session.clone())
            .set_id_token_hint(&hint)
            .set_post_logout_redirect_uri(PostLogoutRedirectUrl::new(to.to_owned()).unwrap())
            .set_state(CsrfToken::new("bye".to_owned()))
            .http_get_url()
    };

    // An address the app did not register: a page, and still signed in.
    let (status, at, html) = browser
        .open(request("https://evil.example/").as_str())
        .await;
    assert_eq!(status, 400, "{at}");
    assert!(html.contains("did not register"), "{html}");
    // A hint Roster did not sign: refused too.
    let forged = format!(
        "{}.{}.AAAA",
        id_token.split('.').next().unwrap(),
        id_token.split('.').nth(1).unwrap()
    );
    let bad = end_session.url().clone();
    let (status, _, _) = browser
        .open(&format!(
            "{bad}?id_token_hint={forged}&post_logout_redirect_uri={SIGNED_OUT}"
        ))
        .await;
    assert_eq!(status, 400);
    let (status, location, _) = browser
        .open(&app.url(&authorize_path(
            &client_id,
            "openid account",
            &[("prompt", "none")],
        )))
        .await;
    assert_eq!(status, 303);
    assert!(
        params_of(&location).contains_key("code"),
        "still signed in: {location}"
    );

    // The app's own hint for this session: signed out at once, back to the app with `state`.
    let (status, location, _) = browser.open(request(SIGNED_OUT).as_str()).await;
    assert_eq!(status, 303);
    assert!(location.starts_with(SIGNED_OUT), "{location}");
    assert_eq!(params_of(&location)["state"], "bye");
    let (_, location, _) = browser
        .open(&app.url(&authorize_path(
            &client_id,
            "openid account",
            &[("prompt", "none")],
        )))
        .await;
    assert_eq!(
        params_of(&location)["error"],
        "login_required",
        "{location}"
    );

    // The app is told, and the session's tokens stop working.
    let received = listener.wait_for(1).await;
    let claims = logout_claims(&app, &received[0]).await;
    assert_eq!(claims["sid"], sid);
    assert_eq!(claims["aud"], client_id);
    assert_eq!(claims["iss"], app.address);
    assert!(claims["events"]["http://schemas.openid.net/event/backchannel-logout"].is_object());
    assert!(claims.get("nonce").is_none(), "{claims}");
    let access = tokens["access_token"].as_str().unwrap();
    let response = reqwest::Client::new()
        .get(app.url("/oauth/userinfo"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", tokens["refresh_token"].as_str().unwrap()),
    ];
    let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    assert_eq!(listener.calls.load(Ordering::SeqCst), 1, "told once");
}

async fn a_logout_without_the_apps_hint_asks_first(backend: Backend) {
    let app = provider(backend).await;
    let (listener, uri) = Listener::start(0).await;
    let (client_id, _, mut browser, _, _) = signed_in_app(&app, &uri).await;
    let path = format!(
        "/oauth/logout?client_id={client_id}&post_logout_redirect_uri={}&state=s",
        url::form_urlencoded::byte_serialize(SIGNED_OUT.as_bytes()).collect::<String>()
    );
    let (status, _, html) = browser.open(&app.url(&path)).await;
    assert_eq!(status, 200, "a link from anywhere only asks");
    assert!(html.contains("Sign out of"), "{html}");
    let (status, location, _) = browser
        .post(
            "/oauth/logout/confirm",
            &[
                ("client_id", &client_id),
                ("post_logout_redirect_uri", SIGNED_OUT),
                ("state", "s"),
                ("decision", "sign_out"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("{SIGNED_OUT}?state=s"));
    listener.wait_for(1).await;
}

async fn a_password_change_tells_every_app_and_a_failed_delivery_is_retried(backend: Backend) {
    let app = provider(backend).await;
    let (listener, uri) = Listener::start(2).await;
    let (client_id, secret, _, tokens, email) = signed_in_app(&app, &uri).await;
    // From another session (the API's), the person changes their password: the browser's
    // session, which the app got its tokens from, ends.
    let other = app.login_ok(&email, PASSWORD).await;
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&other),
        Some(json!({ "current_password": PASSWORD, "password": "a new and better one" })),
    )
    .await;
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", tokens["refresh_token"].as_str().unwrap()),
    ];
    let (status, _) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(status, 400, "the session's tokens stopped working");
    // The app answers 500 twice: the logout is tried again after each backoff, and arrives once.
    for failed in 1..=2 {
        for _ in 0..200 {
            if listener.calls.load(Ordering::SeqCst) >= failed {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(listener.calls.load(Ordering::SeqCst), failed);
        app.state.clock.advance(Duration::from_secs(20 * 60));
    }
    let received = listener.wait_for(1).await;
    assert_eq!(received.len(), 1);
    assert_eq!(logout_claims(&app, &received[0]).await["aud"], client_id);
    assert_eq!(
        listener.calls.load(Ordering::SeqCst),
        3,
        "two failures, then delivered"
    );
}

both_backends!(
    rp_initiated_logout_ends_the_session_tells_the_app_and_returns_only_where_registered,
    a_logout_without_the_apps_hint_asks_first,
    a_password_change_tells_every_app_and_a_failed_delivery_is_retried,
);
