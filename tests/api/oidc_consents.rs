//! Sign in with Roster, the person's side (issue 25): "Apps with access" on `/me` and
//! `/api/v1/me/apps` list what they allowed (and the provider's own apps holding their tokens);
//! withdrawing revokes the app's tokens and the app must ask again.

use roster::oauth::clients::NewClient;
use serde_json::Value;

use crate::helpers::*;
use crate::oidc_flow::*;

/// Through the chooser (allowing when asked) to a code, redeemed: the token answer.
async fn tokens_via(app: &TestApp, browser: &mut Browser, client_id: &str, secret: &str) -> Value {
    let path = authorize_path(client_id, "openid email account offline_access", &[]);
    let (status, location, html) = browser.open(&app.url(&path)).await;
    let (status, location) = if status == 200 {
        assert!(html.contains("Allow"), "{html}");
        let (status, location, _) = browser.choose(&html, None, "allow").await;
        (status, location)
    } else {
        (status, location)
    };
    assert_eq!(status, 303, "{location}");
    let code = params_of(&location)["code"].clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let (status, tokens) = token_call(app, &form, Some((client_id, secret))).await;
    assert_eq!(status, 200, "{tokens}");
    tokens
}

async fn apps_with_access_are_listed_and_withdrawing_one_revokes_its_tokens(backend: Backend) {
    let app = provider(backend).await;
    let (email, user, _) = owner(&app, "Acme").await;
    let (panel_id, panel_secret) = register(&app, panel("Control panel")).await;
    let panel_secret = panel_secret.unwrap();
    let trusted = NewClient {
        trusted: true,
        ..panel("Billing")
    };
    let (billing_id, billing_secret) = register(&app, trusted).await;
    let billing_secret = billing_secret.unwrap();

    let mut browser = Browser::new(&app);
    let path = authorize_path(&panel_id, "openid", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    browser.sign_in(&at, &email).await;
    let panel_tokens = tokens_via(&app, &mut browser, &panel_id, &panel_secret).await;
    let billing_tokens = tokens_via(&app, &mut browser, &billing_id, &billing_secret).await;

    // Both listed: the app allowed with what it learns, the provider's own without.
    let session = app.login_ok(&email, PASSWORD).await;
    let apps = app
        .expect(200, "GET", "/api/v1/me/apps", Some(&session), None)
        .await;
    let names: Vec<&str> = apps
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Billing", "Control panel"], "{apps}");
    assert_eq!(apps[0]["scopes"].as_array().unwrap().len(), 0, "{apps}");
    assert!(
        apps[1]["scopes"]
            .as_array()
            .unwrap()
            .contains(&"account".into()),
        "{apps}"
    );
    let (status, _, html) = browser.open(&app.url("/me")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Apps with access"), "{html}");
    assert!(
        html.contains("Control panel") && html.contains("Billing"),
        "{html}"
    );
    assert!(
        html.contains("Your email address, and whether you confirmed it"),
        "{html}"
    );

    // Withdrawn on the page: the app's tokens stop working, and it must ask again.
    let (status, location, _) = browser
        .post(&format!("/me/apps/{panel_id}/withdraw"), &[])
        .await;
    assert_eq!(status, 200, "{location}");
    assert!(location.contains("done=withdrawn"), "{location}");
    let userinfo = |token: &Value| {
        let token = token["access_token"].as_str().unwrap().to_owned();
        let url = app.url("/oauth/userinfo");
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(userinfo(&panel_tokens).await, 401);
    assert_eq!(
        userinfo(&billing_tokens).await,
        200,
        "the other app keeps its access"
    );
    let form = [
        ("grant_type", "refresh_token"),
        (
            "refresh_token",
            panel_tokens["refresh_token"].as_str().unwrap(),
        ),
    ];
    let (status, _) = token_call(&app, &form, Some((&panel_id, &panel_secret))).await;
    assert_eq!(status, 400);
    let path = authorize_path(&panel_id, "openid email account offline_access", &[]);
    let (status, _, html) = browser.open(&app.url(&path)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Allow Control panel"), "asked again: {html}");

    // Withdrawn through the API; a second time there is nothing to withdraw.
    let path = format!("/api/v1/me/apps/{billing_id}");
    app.expect(204, "DELETE", &path, Some(&session), None).await;
    assert_eq!(userinfo(&billing_tokens).await, 401);
    app.expect(404, "DELETE", &path, Some(&session), None).await;
    let audit = app.audit_actions(&user).await;
    assert!(
        audit.contains(&"oauth.consent_granted".to_owned()),
        "{audit:?}"
    );
    assert_eq!(
        audit
            .iter()
            .filter(|a| *a == "oauth.consent_withdrawn")
            .count(),
        2,
        "{audit:?}"
    );
}

both_backends!(apps_with_access_are_listed_and_withdrawing_one_revokes_its_tokens);
