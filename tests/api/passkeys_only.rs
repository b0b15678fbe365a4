//! A login without a password (issue 26): dropping the password once a passkey and backup codes
//! exist, proving changes with a fresh passkey sign-in, the last way in kept, and recovery with a
//! backup code and a reset link. Through the API with a software authenticator; the browser
//! journey is in `passkey_browser`.

use std::time::Duration;

use roster::admins::Role;
use serde_json::{Value, json};

use crate::admin_area::staff_over_http;
use crate::helpers::*;
use crate::passkeys::{ORIGIN, PASSWORD, Registered, answer, register, server, sign_in};

/// A user with a password, a passkey and ten backup codes: (email, session, passkey, codes).
async fn ready_to_drop(app: &TestApp) -> (String, String, Registered, Vec<String>) {
    let email = unique_email("passwordless");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let key = register(app, &session).await;
    let codes = backup_codes(app, &session).await;
    (email, session, key, codes)
}

/// Ten new backup codes, proven with the password.
async fn backup_codes(app: &TestApp, session: &str) -> Vec<String> {
    let path = "/api/v1/me/totp/backup-codes";
    let body = json!({ "password": PASSWORD });
    let made = app
        .expect(200, "POST", path, Some(session), Some(body))
        .await;
    serde_json::from_value(made["backup_codes"].clone()).unwrap()
}

/// Begins adding a passkey with no password given.
async fn begin_without_password(app: &TestApp, session: &str) -> reqwest::Response {
    let path = "/api/v1/me/passkeys/registration";
    app.call("POST", path, Some(session), Some(json!({}))).await
}

async fn drop_password(app: &TestApp, session: &str, body: Value) -> reqwest::Response {
    app.call("DELETE", "/api/v1/me/password", Some(session), Some(body))
        .await
}

async fn me(app: &TestApp, session: &str) -> Value {
    app.expect(200, "GET", "/api/v1/me", Some(session), None)
        .await
}

/// A passkey sign-in's session: (token).
async fn passkey_session(app: &TestApp, key: &mut Registered) -> String {
    let handle = key.user_handle.clone();
    let (status, body) = sign_in(app, key, &handle).await;
    assert_eq!(status, 200, "{body}");
    body["token"].as_str().unwrap().to_owned()
}

async fn a_user_drops_the_password_and_proves_changes_with_a_passkey(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("passwordless");
    let (_, session) = app.signup(&email, PASSWORD).await;

    // No passkey yet, then no backup codes yet: the password stays.
    let refused = drop_password(&app, &session, json!({ "current_password": PASSWORD })).await;
    assert_eq!(refused.status(), 409);
    assert!(
        problem(refused).await["detail"]
            .as_str()
            .unwrap()
            .contains("passkey")
    );
    let mut key = register(&app, &session).await;
    let refused = drop_password(&app, &session, json!({ "current_password": PASSWORD })).await;
    assert_eq!(refused.status(), 409);
    assert!(
        problem(refused).await["detail"]
            .as_str()
            .unwrap()
            .contains("backup codes")
    );
    assert_eq!(backup_codes(&app, &session).await.len(), 10);

    // The proof: none is a validation error, a wrong one is counted and refused.
    let bare = drop_password(&app, &session, json!({})).await;
    assert_eq!(bare.status(), 422);
    let wrong = drop_password(
        &app,
        &session,
        json!({ "current_password": "not it at all" }),
    )
    .await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    assert_eq!(me(&app, &session).await["has_password"], true);

    let other = app.login_ok(&email, PASSWORD).await;
    let dropped = drop_password(&app, &session, json!({ "current_password": PASSWORD })).await;
    assert_eq!(dropped.status(), 204);
    assert_eq!(me(&app, &session).await["has_password"], false);
    // Other sessions ended; the password signs nobody in.
    let ended = app.call("GET", "/api/v1/me", Some(&other), None).await;
    assert_eq!(ended.status(), 401);
    let login = app.login(&email, PASSWORD, json!({})).await;
    assert_eq!(problem(login).await["code"], "invalid_credentials");
    assert!(
        app.audit_actions(me(&app, &session).await["id"].as_str().unwrap())
            .await
            .contains(&"user.password_dropped".to_owned())
    );
    let again = drop_password(&app, &session, json!({})).await;
    assert_eq!(again.status(), 409);

    // This session signed in with the password: without one, it cannot prove a change.
    let add = begin_without_password(&app, &session).await;
    assert_eq!(add.status(), 403);
    assert_eq!(problem(add).await["code"], "recent_sign_in_required");
    let new_email = app
        .call(
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "email": unique_email("elsewhere") })),
        )
        .await;
    assert_eq!(problem(new_email).await["code"], "recent_sign_in_required");

    // A passkey sign-in proves changes for five minutes.
    let fresh = passkey_session(&app, &mut key).await;
    let began = begin_without_password(&app, &fresh).await;
    assert_eq!(began.status(), 200);
    let began: Value = began.json().await.unwrap();
    let mut second = webauthn_authenticator_rs::softpasskey::SoftPasskey::new(true);
    let credential = answer(&mut second, &began, ORIGIN);
    app.expect(
        201,
        "POST",
        "/api/v1/me/passkeys",
        Some(&fresh),
        Some(json!({ "ceremony": began["ceremony"], "name": "Laptop", "credential": credential })),
    )
    .await;

    // The last passkey of a login without a password stays.
    let list = app
        .expect(200, "GET", "/api/v1/me/passkeys", Some(&fresh), None)
        .await;
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 2);
    let path = |id: &str| format!("/api/v1/me/passkeys/{id}");
    let removed = app.call("DELETE", &path(&ids[1]), Some(&fresh), None).await;
    assert_eq!(removed.status(), 204);
    let last = app.call("DELETE", &path(&ids[0]), Some(&fresh), None).await;
    assert_eq!(last.status(), 409);
    assert!(
        problem(last).await["detail"]
            .as_str()
            .unwrap()
            .contains("last passkey")
    );

    // Five minutes on, the same session proves nothing any more.
    app.state.clock.advance(Duration::from_secs(5 * 60 + 1));
    let late = begin_without_password(&app, &fresh).await;
    assert_eq!(problem(late).await["code"], "recent_sign_in_required");

    // A password again, set from a fresh passkey sign-in with no current password.
    let fresh = passkey_session(&app, &mut key).await;
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&fresh),
        Some(json!({ "password": "a whole new passphrase" })),
    )
    .await;
    assert_eq!(me(&app, &fresh).await["has_password"], true);
    app.login_ok(&email, "a whole new passphrase").await;
}

async fn a_reset_link_asks_for_a_backup_code(backend: Backend) {
    let app = server(backend).await;
    let (email, session, _key, codes) = ready_to_drop(&app).await;
    let dropped = drop_password(&app, &session, json!({ "current_password": PASSWORD })).await;
    assert_eq!(dropped.status(), 204);

    // The passkey is lost: the reset link asks for a code, and a mailbox alone sets nothing.
    let token = reset_token(&app, &email, 2).await;
    let info = reset_info(&app, &token).await;
    assert_eq!(info["second_factor_required"], true);
    let confirm = |extra: Value| confirm_reset(&app, &token, "back in with a code", extra);
    let bare = confirm(json!({})).await;
    assert_eq!(bare.status(), 401);
    assert_eq!(problem(bare).await["code"], "second_factor_required");
    let wrong = confirm(json!({ "backup_code": "AAAA-BBBB-CCCC-DDDD" })).await;
    assert_eq!(problem(wrong).await["code"], "invalid_second_factor");
    let totp = confirm(json!({ "totp_code": "123456" })).await;
    assert_eq!(problem(totp).await["code"], "invalid_second_factor");
    assert_eq!(me(&app, &session).await["has_password"], false);

    // A weak password is refused before the code is spent.
    let weak = confirm_reset(&app, &token, "short", json!({ "backup_code": codes[0] })).await;
    assert_eq!(problem(weak).await["code"], "weak_password");
    let done = confirm(json!({ "backup_code": codes[0].to_lowercase() })).await;
    assert_eq!(done.status(), 204);
    let back = app.login_ok(&email, "back in with a code").await;
    assert_eq!(me(&app, &back).await["has_password"], true);

    // A used code does not open a second link; five wrong codes use the link up.
    let token = reset_token(&app, &email, 4).await;
    let mut statuses = Vec::new();
    for code in [
        &codes[0],
        "XXXX-XXXX-XXXX-XXXX",
        "XXXX",
        "YYYY",
        "ZZZZ",
        &codes[1],
    ] {
        let extra = json!({ "backup_code": code });
        let response = confirm_reset(&app, &token, "yet another phrase", extra).await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429]);
}

/// Staff clear every second factor of someone who lost them all: passkeys and backup codes go,
/// and the reset link alone lets them back in.
async fn staff_clear_every_second_factor(backend: Backend) {
    let app = server(backend).await;
    let (email, session, mut key, _codes) = ready_to_drop(&app).await;
    drop_password(&app, &session, json!({ "current_password": PASSWORD })).await;
    let user_id = me(&app, &session).await["id"].as_str().unwrap().to_owned();
    // On the user's page in the admin area.
    let (staff, _) = staff_over_http(&app, Role::Administrator).await;
    let (_, html) = staff.open(&format!("/admin/users/{user_id}")).await;
    assert!(
        html.contains("<dd id=\"password\">None: signs in with a passkey</dd>")
            && html.contains("<dd id=\"passkeys\">1</dd>"),
        "{html}"
    );
    let (_, html) = staff
        .submit(&format!("/admin/users/{user_id}/totp-off"), &[])
        .await;
    assert!(
        html.contains("their backup codes and passkeys are gone"),
        "{html}"
    );
    assert!(html.contains("<dd id=\"passkeys\">0</dd>"), "{html}");
    let handle = key.user_handle.clone();
    assert_eq!(sign_in(&app, &mut key, &handle).await.0, 401);
    let token = reset_token(&app, &email, 2).await;
    let info = reset_info(&app, &token).await;
    assert_eq!(info["second_factor_required"], false);
    let done = confirm_reset(&app, &token, "staff let me back", json!({})).await;
    assert_eq!(done.status(), 204);
    app.login_ok(&email, "staff let me back").await;
}

/// A user with TOTP on: the reset link asks for a code from the app (or a backup code) too.
async fn a_reset_link_asks_for_the_totp_code(backend: Backend) {
    let app = server(backend).await;
    let email = unique_email("reset-totp");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let secret = app.enrol_totp(&session, PASSWORD).await;
    let token = reset_token(&app, &email, 2).await;
    let confirm = |extra: Value| confirm_reset(&app, &token, "reset with a code", extra);
    assert_eq!(
        problem(confirm(json!({})).await).await["code"],
        "second_factor_required"
    );
    // The enrolment used this time step's code.
    app.state.clock.advance(Duration::from_secs(30));
    let code = totp_code(&app, &secret);
    assert_eq!(confirm(json!({ "totp_code": code })).await.status(), 204);
}

both_backends!(
    a_user_drops_the_password_and_proves_changes_with_a_passkey,
    a_reset_link_asks_for_a_backup_code,
    staff_clear_every_second_factor,
    a_reset_link_asks_for_the_totp_code,
);
