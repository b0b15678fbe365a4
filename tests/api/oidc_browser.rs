//! Sign in with Roster in a real browser (issue 25): headless Chromium goes from an app's
//! authorization request through Roster's sign-in page, picks one of two accounts on the consent
//! page and lands back at the app — so the browser's own rules (cookies, redirects after a form
//! post, the pages' `form-action`) are exercised. The app is a listener on the loopback address.

use roster::oauth::clients::NewClient;

use crate::browser::Browser;
use crate::helpers::*;
use crate::oidc_flow::*;
use crate::oidc_plugins::{gated, person_with_two_accounts, suspend};

/// The app's callback page: a listener that says "Back at the app".
async fn app_callback() -> String {
    let router = axum::Router::new().route(
        "/callback",
        axum::routing::get(|| async { axum::response::Html("<h1>Back at the app</h1>") }),
    );
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = socket.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(socket, router).await });
    format!("http://{address}/callback")
}

/// The app's authorization request to `callback`, with `extra` parameters.
fn authorize_url(
    app: &TestApp,
    client_id: &str,
    callback: &str,
    scope: &str,
    extra: &[(&str, &str)],
) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", callback)
        .append_pair("response_type", "code")
        .append_pair("scope", scope);
    for (name, value) in extra {
        query.append_pair(name, value);
    }
    app.url(&format!("/oauth/authorize?{}", query.finish()))
}

async fn a_person_signs_in_to_an_app_and_picks_an_account_in_chromium(backend: Backend) {
    let app = provider(backend).await;
    // A person who owns one account and was invited to another.
    let (email, _, own, other) = person_with_two_accounts(&app).await;
    let session = app.login_ok(&email, PASSWORD).await;
    let callback = app_callback().await;
    let new = NewClient {
        redirect_uris: vec![callback.clone()],
        ..panel("Control panel")
    };
    let (client_id, secret) = register(&app, new).await;
    let secret = secret.unwrap();

    let browser = Browser::start().await;
    let extra = [("state", "st4te"), ("login_hint", email.as_str())];
    let scope = "openid profile account";
    browser
        .open(&authorize_url(&app, &client_id, &callback, scope, &extra))
        .await;
    browser.wait_for_text("Sign in to").await;
    assert_eq!(
        browser.attribute("#f-email", "value").await.as_deref(),
        Some(email.as_str()),
        "login_hint fills the address"
    );
    browser.fill("f-password", PASSWORD).await;
    browser.click("Sign in").await;
    let shown = browser.wait_for_text("Allow Control panel").await;
    assert!(shown.contains("Your name and language"), "{shown}");
    assert!(
        shown.contains("Own Hosting") && shown.contains("Client Co"),
        "{shown}"
    );
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("oauth-consent").await;
    browser.resize(1280, 900).await;

    // Allow without picking: the browser's own check asks for an account first.
    browser.click("Allow").await;
    assert!(browser.path().await.starts_with("/oauth/authorize"));
    let number = app
        .my_accounts(&session)
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"]["id"] == other)
        .unwrap()["account"]["number"]
        .clone();
    browser.click_id(&format!("account-{number}")).await;
    browser.click("Allow").await;
    browser.wait_for_text("Back at the app").await;
    let path = browser.path().await;
    assert!(path.starts_with("/callback?"), "{path}");
    let back = params_of(&format!("http://app{path}"));
    assert_eq!(back["state"], "st4te");
    let form = [
        ("grant_type", "authorization_code"),
        ("code", back["code"].as_str()),
        ("redirect_uri", callback.as_str()),
    ];
    let (status, tokens) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(status, 200, "{tokens}");
    let claims = payload(tokens["id_token"].as_str().unwrap());
    assert_eq!(claims["roster_account"]["id"], other, "{claims}");
    assert_ne!(other, own);
    assert_eq!(claims["roster_account"]["owner"], false);
    assert_eq!(claims["given_name"], "Olive");
    browser.close().await;
}

/// The number of each account the person reaches, by id.
async fn numbers(app: &TestApp, email: &str) -> std::collections::HashMap<String, i64> {
    let session = app.login_ok(email, PASSWORD).await;
    app.my_accounts(&session)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["account"]["id"].as_str().unwrap().to_owned(),
                a["account"]["number"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The refusal page, "Apps with access" on `/me` and the sign-out question, with the keyboard
/// alone (Tab, Space, Enter), each looked at on a phone's width.
async fn the_new_pages_work_with_the_keyboard_alone_in_chromium(backend: Backend) {
    use fantoccini::key::Key;
    let settings = serde_json::json!({ "mode": "deny", "on": "kv:suspended" });
    let (app, _plugins) = gated(backend, &["before-token-issue"], settings, None).await;
    let (email, _, own, other) = person_with_two_accounts(&app).await;
    suspend(&app, &other).await;
    let numbers = numbers(&app, &email).await;
    let callback = app_callback().await;
    let new = NewClient {
        redirect_uris: vec![callback.clone()],
        post_logout_redirect_uris: vec![callback.clone()],
        ..panel("Control panel")
    };
    let (client_id, _) = register(&app, new).await;
    let enter = Key::Enter.to_string();

    let browser = Browser::start().await;
    let extra = [("state", "k3y"), ("login_hint", email.as_str())];
    browser
        .open(&authorize_url(
            &app,
            &client_id,
            &callback,
            "openid account",
            &extra,
        ))
        .await;
    browser.wait_for_text("Sign in to").await;
    browser.tab_to("f-password").await;
    browser.keys(PASSWORD).await;
    browser.keys(&enter).await;
    browser.wait_for_text("Allow Control panel").await;

    // Pick the suspended account: Tab into the group, Space checks, arrows move.
    let suspended = format!("account-{}", numbers[&other]);
    let first = browser
        .attribute("input[name=account]", "id")
        .await
        .unwrap();
    browser.tab_to(&first).await;
    browser.keys(" ").await;
    if first != suspended {
        browser.keys(&Key::Down.to_string()).await;
    }
    assert!(browser.is_checked(&suspended).await);
    browser.tab_to("allow").await;
    browser.keys(&enter).await;
    let shown = browser.wait_for_text("The probe plugin refuses.").await;
    assert!(shown.contains("Choose another account"), "{shown}");
    assert!(!shown.contains("Client Co"), "{shown}");
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("oauth-refused").await;
    browser.resize(1280, 900).await;
    assert!(
        browser
            .is_checked(&format!("account-{}", numbers[&own]))
            .await
    );
    browser.tab_to("allow").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Back at the app").await;

    // Asked for the suspended account by hint: nothing else to pick; the way back by keyboard.
    let extra = [("state", "h1nt"), ("account_hint", other.as_str())];
    browser
        .open(&authorize_url(
            &app,
            &client_id,
            &callback,
            "openid account",
            &extra,
        ))
        .await;
    browser
        .wait_for_text("Control panel is not available")
        .await;
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("oauth-unavailable").await;
    browser.resize(1280, 900).await;
    browser.tab_to("back").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Back at the app").await;
    let path = browser.path().await;
    assert!(
        path.contains("error=access_denied") && path.contains("state=h1nt"),
        "{path}"
    );

    // "Apps with access" on /me: the app is listed; removing it by keyboard.
    browser.resize(390, 844).await;
    browser.open(&app.url("/me#apps")).await;
    let shown = browser.wait_for_text("Apps with access").await;
    assert!(shown.contains("Control panel"), "{shown}");
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("me-apps").await;
    browser.resize(1280, 900).await;
    browser.tab_to(&format!("remove-{client_id}")).await;
    browser.keys(&enter).await;
    browser.wait_for_text("No app signs you in with").await;

    // The app's sign-out request without a hint: asked first, answered by keyboard.
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("client_id", &client_id)
        .append_pair("post_logout_redirect_uri", &callback)
        .append_pair("state", "bye");
    browser
        .open(&app.url(&format!("/oauth/logout?{}", query.finish())))
        .await;
    let shown = browser.wait_for_text("Sign out of").await;
    assert!(
        shown.contains("Control panel asked to sign you out"),
        "{shown}"
    );
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("oauth-logout").await;
    browser.resize(1280, 900).await;
    browser.screenshot("oauth-logout-wide").await;
    browser.tab_to("sign-out").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Back at the app").await;
    assert!(browser.path().await.contains("state=bye"));
    browser.open(&app.url("/me")).await;
    browser.wait_for_text("Sign in to").await;
    browser.close().await;
}

both_backends!(
    a_person_signs_in_to_an_app_and_picks_an_account_in_chromium,
    the_new_pages_work_with_the_keyboard_alone_in_chromium,
);
