//! Passkeys through the API (issue 26): the registration and sign-in ceremonies as JSON, answered
//! by a software authenticator (`webauthn-authenticator-rs`'s `SoftPasskey`: no browser, no
//! hardware); listing, renaming and removing, as the user and as someone else would try it.

use std::time::Duration;

use serde_json::{Value, json};
use url::Url;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, RequestChallengeResponse};

use crate::helpers::*;

pub const PASSWORD: &str = "correct horse battery";
/// The public URL the test servers claim: WebAuthn needs a domain name, not an IP address.
pub const ORIGIN: &str = "http://localhost:8080";

pub async fn server(backend: Backend) -> TestApp {
    spawn_app_with(backend, |s| s.server.public_url = ORIGIN.parse().unwrap()).await
}

/// Begins a registration: (status, body).
pub async fn begin(app: &TestApp, session: &str, password: &str) -> (u16, Value) {
    let response = app
        .call(
            "POST",
            "/api/v1/me/passkeys/registration",
            Some(session),
            Some(json!({ "current_password": password })),
        )
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The authenticator's answer to a begun registration, made for `origin`. The software
/// authenticator keeps no discoverable credentials, so it is not asked for one (a browser's
/// passkey provider is: the Chromium tests).
pub fn answer(authenticator: &mut SoftPasskey, began: &Value, origin: &str) -> Value {
    let mut options = began["options"].clone();
    options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = json!(false);
    options["publicKey"]["authenticatorSelection"]["residentKey"] = json!("discouraged");
    let options: CreationChallengeResponse = serde_json::from_value(options).unwrap();
    let credential = authenticator
        .do_registration(Url::parse(origin).unwrap(), options)
        .unwrap();
    serde_json::to_value(credential).unwrap()
}

async fn finish(
    app: &TestApp,
    session: &str,
    began: &Value,
    name: &str,
    credential: Value,
) -> reqwest::Response {
    app.call(
        "POST",
        "/api/v1/me/passkeys",
        Some(session),
        Some(json!({ "ceremony": began["ceremony"], "name": name, "credential": credential })),
    )
    .await
}

async fn a_user_registers_names_and_removes_a_passkey(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("passkey");
    let (user, session) = app.signup(&email, PASSWORD).await;

    // The current password proves it is the user (a stolen session cannot add its own).
    let (status, body) = begin(&app, &session, "not the password").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("invalid_credentials"))
    );
    let (status, began) = begin(&app, &session, PASSWORD).await;
    assert_eq!(status, 200, "{began}");
    let public_key = &began["options"]["publicKey"];
    assert_eq!(public_key["rp"]["id"], "localhost");
    assert_eq!(
        public_key["authenticatorSelection"]["userVerification"],
        "required"
    );
    assert_eq!(
        public_key["authenticatorSelection"]["residentKey"],
        "required"
    );
    assert_eq!(public_key["attestation"], "none");
    assert_eq!(public_key["user"]["name"], email);

    let mut authenticator = SoftPasskey::new(true);
    let credential = answer(&mut authenticator, &began, ORIGIN);
    let response = finish(&app, &session, &began, "  YubiKey  ", credential.clone()).await;
    assert_eq!(response.status(), 201);
    let added: Value = response.json().await.unwrap();
    assert_eq!(added["name"], "YubiKey");
    assert!(added["last_used_at"].is_null());

    // The ceremony worked once.
    let again = finish(&app, &session, &began, "Again", credential).await;
    assert_eq!(again.status(), 422);
    assert_eq!(problem(again).await["code"], "validation_failed");

    // Listed, renamed; someone else can neither see nor touch it.
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&session), None)
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let id = added["id"].as_str().unwrap();
    let path = format!("/api/v1/me/passkeys/{id}");
    let renamed = app
        .expect(
            200,
            "PATCH",
            &path,
            Some(&session),
            Some(json!({ "name": "Laptop" })),
        )
        .await;
    assert_eq!(renamed["name"], "Laptop");
    for bad in ["", "   ", &"x".repeat(65), "tab\there"] {
        let response = app
            .call("PATCH", &path, Some(&session), Some(json!({ "name": bad })))
            .await;
        assert_eq!(response.status(), 422, "{bad:?}");
    }
    let (_, stranger) = app.signup(&unique_email("stranger"), PASSWORD).await;
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&stranger), None)
        .await;
    assert_eq!(listed, json!([]));
    for (method, body) in [("PATCH", Some(json!({ "name": "Mine" }))), ("DELETE", None)] {
        let response = app.call(method, &path, Some(&stranger), body).await;
        assert_eq!(response.status(), 404, "{method}");
    }
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&session), None)
        .await;
    assert_eq!(listed[0]["name"], "Laptop");

    // Removed: gone from the list; a second removal finds nothing.
    app.expect(204, "DELETE", &path, Some(&session), None).await;
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&session), None)
        .await;
    assert_eq!(listed, json!([]));
    let response = app.call("DELETE", &path, Some(&session), None).await;
    assert_eq!(response.status(), 404);
    let actions = app.audit_actions(&user).await;
    for action in ["passkey.added", "passkey.renamed", "passkey.removed"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

async fn answers_for_another_origin_or_session_are_refused(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("passkey");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let mut authenticator = SoftPasskey::new(true);

    // Made for another origin (a look-alike page relaying the ceremony): refused, nothing kept.
    let (_, began) = begin(&app, &session, PASSWORD).await;
    let credential = answer(&mut authenticator, &began, "http://localhost:8443");
    let refused = finish(&app, &session, &began, "Phished", credential).await;
    assert_eq!(refused.status(), 422);
    let detail = problem(refused).await["detail"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(detail.contains("not accepted"), "{detail}");

    // Finished from another session of the same user: the ceremony is bound to the one that began.
    let (_, began) = begin(&app, &session, PASSWORD).await;
    let credential = answer(&mut authenticator, &began, ORIGIN);
    let other = app.login_ok(&email, PASSWORD).await;
    let refused = finish(&app, &other, &began, "Elsewhere", credential.clone()).await;
    assert_eq!(refused.status(), 422);
    // ... and that spent it.
    let refused = finish(&app, &session, &began, "Here", credential).await;
    assert_eq!(refused.status(), 422);
    // A body that is no WebAuthn answer at all.
    let (_, began) = begin(&app, &session, PASSWORD).await;
    let refused = finish(&app, &session, &began, "Junk", json!({ "id": 1 })).await;
    assert_eq!(refused.status(), 422);
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&session), None)
        .await;
    assert_eq!(listed, json!([]));
    let sql = "SELECT COUNT(*) FROM passkeys";
    let rows: i64 = sqlx::query_scalar(sql)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

async fn ceremonies_are_limited_and_need_a_domain_name(backend: Backend) {
    let app = server(backend).await;
    let (_, session) = app.signup(&unique_email("passkey"), PASSWORD).await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(begin(&app, &session, PASSWORD).await.0);
    }
    assert_eq!(statuses[..10], [200; 10]);
    assert_eq!(statuses[10..], [429, 429]);

    // On a server whose public URL is an IP address, passkeys say why they cannot work.
    let bare = spawn_app_with(backend, |s| {
        s.server.public_url = "http://127.0.0.1:8080".parse().unwrap();
    })
    .await;
    let (_, session) = bare.signup(&unique_email("passkey"), PASSWORD).await;
    let (status, body) = begin(&bare, &session, PASSWORD).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    assert!(
        body["detail"].as_str().unwrap().contains("domain name"),
        "{body}"
    );
}

async fn a_login_holds_at_most_twenty_passkeys_and_ceremonies_expire(backend: Backend) {
    let app = server(backend).await;
    let (_, session) = app.signup(&unique_email("passkey"), PASSWORD).await;
    // Past the ceremony and sign-in windows every ten registrations (the test's clock).
    let next_window = || app.state.clock.advance(Duration::from_secs(16 * 60));
    for n in 0..20 {
        if n % 10 == 0 {
            next_window();
        }
        let (status, began) = begin(&app, &session, PASSWORD).await;
        assert_eq!(status, 200, "{n}: {began}");
        let credential = answer(&mut SoftPasskey::new(true), &began, ORIGIN);
        let response = finish(&app, &session, &began, &format!("Key {n}"), credential).await;
        assert_eq!(response.status(), 201, "{n}");
    }
    next_window();
    let (status, body) = begin(&app, &session, PASSWORD).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
    assert!(
        body["detail"].as_str().unwrap().contains("at most 20"),
        "{body}"
    );

    // A ceremony five minutes old is over.
    let id = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&session), None)
        .await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/me/passkeys/{id}"),
        Some(&session),
        None,
    )
    .await;
    let (_, began) = begin(&app, &session, PASSWORD).await;
    let credential = answer(&mut SoftPasskey::new(true), &began, ORIGIN);
    app.state.clock.advance(Duration::from_secs(5 * 60 + 1));
    let late = finish(&app, &session, &began, "Late", credential).await;
    assert_eq!(late.status(), 422);
    assert!(
        problem(late).await["detail"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

/// A passkey registered for the user of `session`: its authenticator, credential id and the
/// WebAuthn user handle (both base64url), what a discoverable credential keeps.
pub struct Registered {
    pub authenticator: SoftPasskey,
    pub credential_id: String,
    pub user_handle: String,
}

pub async fn register(app: &TestApp, session: &str) -> Registered {
    let (_, began) = begin(app, session, PASSWORD).await;
    let mut authenticator = SoftPasskey::new(true);
    let credential = answer(&mut authenticator, &began, ORIGIN);
    let response = finish(app, session, &began, "Phone", credential.clone()).await;
    assert_eq!(response.status(), 201);
    Registered {
        authenticator,
        credential_id: credential["id"].as_str().unwrap().to_owned(),
        user_handle: began["options"]["publicKey"]["user"]["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    }
}

/// Signs in with the passkey, no email typed: (status, body). The software authenticator keeps
/// no discoverable credentials, so the test plays that part: it names the credential to use and
/// adds the user handle a discoverable credential answers with (neither is signed).
pub async fn sign_in(app: &TestApp, key: &mut Registered, user_handle: &str) -> (u16, Value) {
    let began = app
        .expect(200, "POST", "/api/v1/auth/passkey/options", None, None)
        .await;
    assert_eq!(began["options"]["publicKey"]["allowCredentials"], json!([]));
    let mut options = began["options"].clone();
    options["publicKey"]["allowCredentials"] =
        json!([{ "type": "public-key", "id": key.credential_id }]);
    let options: RequestChallengeResponse = serde_json::from_value(options).unwrap();
    let assertion = key
        .authenticator
        .do_authentication(Url::parse(ORIGIN).unwrap(), options)
        .unwrap();
    let mut credential = serde_json::to_value(assertion).unwrap();
    credential["response"]["userHandle"] = json!(user_handle);
    let response = app
        .call(
            "POST",
            "/api/v1/auth/passkey",
            None,
            Some(json!({ "ceremony": began["ceremony"], "credential": credential })),
        )
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn a_passkey_alone_signs_a_user_in(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("passkey");
    let (user, session) = app.signup(&email, PASSWORD).await;
    let mut key = register(&app, &session).await;

    let handle = key.user_handle.clone();
    let (status, body) = sign_in(&app, &mut key, &handle).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["id"], user);
    let token = body["token"].as_str().unwrap().to_owned();
    app.expect(200, "GET", "/api/v1/me", Some(&token), None)
        .await;
    // Both factors in one: how the session was made says so (OpenID Connect's `amr`).
    let amr: String = sqlx::query_scalar(
        "SELECT amr FROM sessions WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(user.clone())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(amr, "hwk user mfa");
    let listed = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&token), None)
        .await;
    assert!(listed[0]["last_used_at"].is_i64(), "{listed}");

    // Another user's handle with this passkey: refused.
    let (_, other) = app.signup(&unique_email("other"), PASSWORD).await;
    let other_key = register(&app, &other).await;
    let (status, body) = sign_in(&app, &mut key, &other_key.user_handle).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("invalid_credentials"))
    );

    // A counter that goes backwards (a cloned key): refused and audited.
    let sql = "SELECT credential FROM passkeys WHERE credential_id = $1";
    let stored: String = sqlx::query_scalar(sql)
        .bind(key.credential_id.clone())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let mut stored: Value = serde_json::from_str(&stored).unwrap();
    stored["cred"]["counter"] = json!(1000);
    sqlx::query("UPDATE passkeys SET credential = $1 WHERE credential_id = $2")
        .bind(stored.to_string())
        .bind(key.credential_id.clone())
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let (status, _) = sign_in(&app, &mut key, &handle).await;
    assert_eq!(status, 401);
    assert!(
        app.audit_actions(&user)
            .await
            .iter()
            .any(|a| a == "passkey.clone_suspected")
    );

    // A removed passkey signs nobody in.
    let id = listed[0]["id"].as_str().unwrap();
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/me/passkeys/{id}"),
        Some(&token),
        None,
    )
    .await;
    let (status, _) = sign_in(&app, &mut key, &handle).await;
    assert_eq!(status, 401);

    // A ceremony is answered once; junk is refused.
    let began = app
        .expect(200, "POST", "/api/v1/auth/passkey/options", None, None)
        .await;
    let body = json!({ "ceremony": began["ceremony"], "credential": { "id": "x" } });
    let response = app
        .call("POST", "/api/v1/auth/passkey", None, Some(body))
        .await;
    assert_eq!(response.status(), 422);
    let body = json!({ "ceremony": "made-up", "credential": {
        "id": "AA", "rawId": "AA", "type": "public-key",
        "response": { "authenticatorData": "AA", "clientDataJSON": "AA", "signature": "AA", "userHandle": handle },
        "extensions": {} } });
    let response = app
        .call("POST", "/api/v1/auth/passkey", None, Some(body))
        .await;
    assert_eq!(response.status(), 401);
}

async fn strangers_begin_few_passkey_sign_ins(backend: Backend) {
    let app = server(backend).await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let response = app
            .call("POST", "/api/v1/auth/passkey/options", None, None)
            .await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses[..10], [200; 10]);
    assert_eq!(statuses[10..], [429, 429]);
}

/// A password is right and the sign-in waits for its second step: the page's passkey offer can be
/// asked for again and again (each is a ceremony row), so it shares the holder's ceremony limit.
async fn the_second_steps_passkey_offers_are_limited(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("passkey-2fa");
    let (_, session) = app.signup(&email, PASSWORD).await;
    app.enrol_totp(&session, PASSWORD).await;
    register(&app, &session).await;

    let page = PageBrowser::new(&app);
    page.open("/login").await;
    let (status, html) = page
        .submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Use a passkey"), "{html}");
    // Registering used one ceremony of this minute's ten.
    let mut statuses = Vec::new();
    for _ in 0..9 {
        let response = page.post_form("/login/code/passkey/options", &[]).await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [200; 9]);
    let refused = page.post_form("/login/code/passkey/options", &[]).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(problem(refused).await["code"], "rate_limited");
}

both_backends!(
    the_second_steps_passkey_offers_are_limited,
    a_user_registers_names_and_removes_a_passkey,
    answers_for_another_origin_or_session_are_refused,
    ceremonies_are_limited_and_need_a_domain_name,
    a_login_holds_at_most_twenty_passkeys_and_ceremonies_expire,
    a_passkey_alone_signs_a_user_in,
    strangers_begin_few_passkey_sign_ins,
);
