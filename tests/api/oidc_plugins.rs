//! Sign in with Roster and plugins (issue 25, item 7), with the real probe component:
//! `before-token-issue` refuses an app for one account (its reason on the page, another account
//! still open to pick, nothing written), answers `access_denied` to `prompt=none` and to the way
//! back, and refuses a refresh (`invalid_grant`, the grant revoked); consent granted and withdrawn
//! reach after-hooks with their typed details.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;
use crate::oidc_flow::{
    Browser, PASSWORD, authorize_path, owner, panel, params_of, provider_with, redeem, register,
    token_call,
};
use crate::plugins::{PluginDir, count, event_listener, plugin, use_plugins};

/// A provider with the probe installed as `gate` on `hooks`, with its own `settings` and the
/// `kv` capability (and `http` to `echo_port`, when given).
pub(crate) async fn gated(
    backend: Backend,
    hooks: &[&str],
    settings: Value,
    echo_port: Option<u16>,
) -> (TestApp, PluginDir) {
    let plugins = PluginDir::new();
    plugins.probe("gate", hooks, &["settings", "kv", "http"]);
    let app = provider_with(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "gate", settings, |p| {
            p.capabilities.kv = true;
            p.capabilities.http_hosts = vec![format!("127.0.0.1:{}", echo_port.unwrap_or(9))];
        });
    })
    .await;
    (app, plugins)
}

/// Marks `account` suspended in the gate plugin's key-value store, as a billing plugin would
/// keep it (values are stored base64).
pub(crate) async fn suspend(app: &TestApp, account: &str) {
    use base64::Engine;
    let value = base64::engine::general_purpose::STANDARD.encode(account);
    sqlx::query("INSERT INTO plugin_kv (plugin, key, value, updated_at) VALUES ($1, $2, $3, $4)")
        .bind("gate")
        .bind("suspended")
        .bind(value)
        .bind(0_i64)
        .execute(app.state.db.pool())
        .await
        .unwrap();
}

/// A person who owns one account and was invited to a second: (email, user id, own account,
/// the other account).
pub(crate) async fn person_with_two_accounts(app: &TestApp) -> (String, String, String, String) {
    let (email, user, own) = owner(app, "Own Hosting").await;
    let (other_owner, other) = app.signup_owner("Client Co").await;
    let token = app
        .invite(&other_owner, &other, &email, json!(["invoices"]))
        .await;
    let session = app.login_ok(&email, PASSWORD).await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{token}/accept"),
        Some(&session),
        Some(json!({})),
    )
    .await;
    (email, user, own, other)
}

async fn a_plugin_refuses_an_app_for_one_account_and_another_may_be_picked(backend: Backend) {
    let settings = json!({ "mode": "deny", "on": "kv:suspended" });
    let (app, _plugins) = gated(backend, &["before-token-issue"], settings, None).await;
    let (email, user, own, other) = person_with_two_accounts(&app).await;
    suspend(&app, &other).await;
    let (client_id, secret) = register(&app, panel("Control panel")).await;

    let mut browser = Browser::new(&app);
    let path = authorize_path(&client_id, "openid account", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (status, _, html) = browser.sign_in(&at, &email).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Client Co") && html.contains("Own Hosting"));

    // The suspended account: refused with the plugin's reason; the other one is left to pick.
    let (status, _, html) = browser.choose(&html, Some(&other), "allow").await;
    assert_eq!(status, 403, "{html}");
    assert!(html.contains("The probe plugin refuses."), "{html}");
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(!html.contains("Client Co"), "{html}");
    assert!(html.contains("Own Hosting"), "{html}");
    let consents = "SELECT COUNT(*) FROM oauth_consents WHERE user_id = $1";
    assert_eq!(
        count(&app, consents, &user).await,
        0,
        "a refusal writes nothing"
    );
    let codes = "SELECT COUNT(*) FROM oauth_codes WHERE user_id = $1";
    assert_eq!(count(&app, codes, &user).await, 0);

    // The account left goes through, and the app learns it.
    let (status, location, html) = browser.choose(&html, Some(&own), "allow").await;
    assert_eq!(status, 303, "{html}");
    let (status, tokens) = redeem(&app, &location, &client_id, &secret.unwrap()).await;
    assert_eq!(status, 200, "{tokens}");
    let claims = crate::oidc_flow::payload(tokens["id_token"].as_str().unwrap());
    assert_eq!(claims["roster_account"]["id"], own);
    assert_eq!(count(&app, consents, &user).await, 1);

    // Asked for the suspended account by hint: no other to pick; the page says why and leads
    // back to the app with `access_denied`.
    let path = authorize_path(&client_id, "openid account", &[("account_hint", &other)]);
    let (status, _, html) = browser.open(&app.url(&path)).await;
    assert_eq!(status, 403, "{html}");
    assert!(html.contains("Control panel is not available"), "{html}");
    assert!(html.contains("The probe plugin refuses."), "{html}");
    assert!(!html.contains("<form method=\"post\" action=\"/oauth/authorize\""));
    let page = scraper::Html::parse_document(&html);
    let link = scraper::Selector::parse("main a[href^='https://panel.example.com']").unwrap();
    let back = page
        .select(&link)
        .next()
        .and_then(|a| a.attr("href"))
        .unwrap_or_else(|| panic!("no way back: {html}"))
        .to_owned();
    let back = params_of(&back);
    assert_eq!(back["error"], "access_denied");
    assert_eq!(back["error_description"], "The probe plugin refuses.");
    assert_eq!(back["state"], "s1");
    assert_eq!(back["iss"], app.address);

    // `prompt=none` asks nothing: straight back with `access_denied`.
    let path = authorize_path(
        &client_id,
        "openid account",
        &[("account_hint", &other), ("prompt", "none")],
    );
    let (status, location, _) = browser.open(&app.url(&path)).await;
    assert_eq!(status, 303);
    let back = params_of(&location);
    assert_eq!(back["error"], "access_denied");
    assert_eq!(back["error_description"], "The probe plugin refuses.");
}

async fn a_refused_refresh_revokes_the_grant(backend: Backend) {
    let settings = json!({ "mode": "deny", "on": "kv:suspended", "refresh_only": true });
    let (app, _plugins) = gated(backend, &["before-token-issue"], settings, None).await;
    let (email, _, account) = owner(&app, "Acme").await;
    let mut new = panel("Panel");
    new.trusted = true;
    let (client_id, secret) = register(&app, new).await;
    let secret = secret.unwrap();

    let mut browser = Browser::new(&app);
    let path = authorize_path(&client_id, "openid account offline_access", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (status, location, html) = browser.sign_in(&at, &email).await;
    assert_eq!(status, 303, "{html}");
    let (status, tokens) = redeem(&app, &location, &client_id, &secret).await;
    let basic = Some((client_id.as_str(), secret.as_str()));
    assert_eq!(status, 200, "{tokens}");
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    let access = tokens["access_token"].as_str().unwrap().to_owned();

    // Not suspended: refreshing works. Suspended: refused with the plugin's reason.
    let form = [("grant_type", "refresh_token"), ("refresh_token", &refresh)];
    let (status, renewed) = token_call(&app, &form, basic).await;
    assert_eq!(status, 200, "{renewed}");
    let refresh = renewed["refresh_token"].as_str().unwrap().to_owned();
    let access_now = renewed["access_token"].as_str().unwrap().to_owned();
    suspend(&app, &account).await;
    let form = [("grant_type", "refresh_token"), ("refresh_token", &refresh)];
    let (status, refused) = token_call(&app, &form, basic).await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["error"], "invalid_grant");
    assert_eq!(refused["error_description"], "The probe plugin refuses.");

    // The grant is gone: its access token no longer reads Roster.
    for token in [access, access_now] {
        let response = app.call("GET", "/api/v1/me", Some(&token), None).await;
        assert_eq!(response.status(), 401);
    }
}

async fn consent_granted_and_withdrawn_reach_after_hooks(backend: Backend) {
    let receiver = event_listener().await;
    let settings =
        json!({ "after": "echo", "url": format!("http://127.0.0.1:{}/events", receiver.port) });
    let hooks = ["after-consent-granted", "after-consent-withdrawn"];
    let (app, _plugins) = gated(backend, &hooks, settings, Some(receiver.port)).await;
    let (email, user, _) = owner(&app, "Acme").await;
    let (client_id, _) = register(&app, panel("Control panel")).await;

    let mut browser = Browser::new(&app);
    let path = authorize_path(&client_id, "openid email", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (_, _, html) = browser.sign_in(&at, &email).await;
    let (status, _, _) = browser.choose(&html, None, "allow").await;
    assert_eq!(status, 303);
    let session = app.login_ok(&email, PASSWORD).await;
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/me/apps/{client_id}"),
        Some(&session),
        None,
    )
    .await;

    let received = receiver.wait_for(2, Duration::from_secs(10)).await;
    let kinds: Vec<&str> = received
        .iter()
        .map(|(_, b)| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["oauth.consent_granted", "oauth.consent_withdrawn"]);
    let granted = received[0].1["details"].as_str().unwrap();
    assert!(
        granted.starts_with("EventDetails::ConsentGranted(")
            && granted.contains(&format!("user-id: \"{user}\""))
            && granted.contains(&format!("client-id: \"{client_id}\""))
            && granted.contains("client-name: \"Control panel\"")
            && granted.contains("scopes: [\"email\", \"openid\"]"),
        "{granted}"
    );
    let withdrawn = received[1].1["details"].as_str().unwrap();
    assert!(
        withdrawn.starts_with("EventDetails::ConsentWithdrawn(")
            && withdrawn.contains("client-name: \"Control panel\""),
        "{withdrawn}"
    );
}

both_backends!(
    a_plugin_refuses_an_app_for_one_account_and_another_may_be_picked,
    a_refused_refresh_revokes_the_grant,
    consent_granted_and_withdrawn_reach_after_hooks,
);
