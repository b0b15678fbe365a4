//! The admin API for users, and who may call it.

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

/// Nobody but an admin token gets in: no token, a user's session token, a made-up or revoked token.
async fn the_admin_api_refuses_everyone_but_admins(backend: Backend) {
    let app = spawn_app(backend).await;
    let (user_id, session) = app.signup(&unique_email("user"), PASSWORD).await;
    let admin = app.admin_token().await;
    let forged = format!("{}{}", roster::admins::TOKEN_PREFIX, "A".repeat(43));
    let paths = [
        ("GET", "/api/v1/admin/users".to_owned(), None),
        (
            "POST",
            "/api/v1/admin/users".to_owned(),
            Some(json!({ "email": unique_email("x"), "first_name": "X", "last_name": "Y" })),
        ),
        ("GET", format!("/api/v1/admin/users/{user_id}"), None),
        (
            "PATCH",
            format!("/api/v1/admin/users/{user_id}"),
            Some(json!({ "status": "disabled" })),
        ),
        ("DELETE", format!("/api/v1/admin/users/{user_id}"), None),
        (
            "POST",
            format!("/api/v1/admin/users/{user_id}/password-reset"),
            None,
        ),
        (
            "DELETE",
            format!("/api/v1/admin/users/{user_id}/totp"),
            None,
        ),
    ];
    for (method, path, body) in &paths {
        for token in [None, Some(session.as_str()), Some(forged.as_str())] {
            let response = app.call(method, path, token, body.clone()).await;
            assert_eq!(response.status(), 401, "{method} {path} with {token:?}");
            assert_eq!(problem(response).await["code"], "unauthorized");
        }
    }
    // Nothing changed.
    let user = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/users/{user_id}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(user["status"], "active");
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&session), None)
            .await
            .status(),
        200
    );

    // A revoked token stops working.
    let name: String = sqlx::query_scalar("SELECT name FROM admin_tokens WHERE revoked_at IS NULL")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(
        app.revoke_credential(roster::admins::Kind::Token, &name)
            .await
    );
    assert_eq!(
        app.call("GET", "/api/v1/admin/users", Some(&admin), None)
            .await
            .status(),
        401
    );
}

/// Create (with and without a password), read, update, search, page, delete.
async fn admins_manage_users(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;

    // With a password: the user can log in at once.
    let email = unique_email("managed");
    let created = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/users",
            Some(&admin),
            Some(json!({ "email": email, "first_name": "Grace", "last_name": "Hopper", "language": "en-US", "password": PASSWORD })),
        )
        .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["language"], "en-US");
    app.login_ok(&email, PASSWORD).await;
    let dup = app
        .call(
            "POST",
            "/api/v1/admin/users",
            Some(&admin),
            Some(json!({ "email": email.to_uppercase(), "first_name": "G", "last_name": "H" })),
        )
        .await;
    assert_eq!(problem(dup).await["code"], "email_taken");

    // Without a password: a set-password link, which also verifies the address.
    let invited = unique_email("nopassword");
    let created = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/users",
            Some(&admin),
            Some(json!({ "email": invited, "first_name": "Alan", "last_name": "Turing" })),
        )
        .await;
    let mail = mail_sink().wait_for(&invited, 1).await.remove(0);
    assert_eq!(mail.subject(), "Choose your password");
    let token = link_token(&mail, "reset-password");
    app.expect(
        204,
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": token, "password": PASSWORD })),
    )
    .await;
    app.login_ok(&invited, PASSWORD).await;
    let alan = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/users/{}", created["id"].as_str().unwrap()),
            Some(&admin),
            None,
        )
        .await;
    assert!(alan["email_verified_at"].is_i64());

    // Update.
    let updated = app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/admin/users/{id}"),
            Some(&admin),
            Some(json!({ "first_name": "Rear Admiral", "email_verified": true })),
        )
        .await;
    assert_eq!(updated["first_name"], "Rear Admiral");
    assert!(updated["email_verified_at"].is_i64());
    let bad = app
        .call(
            "PATCH",
            &format!("/api/v1/admin/users/{id}"),
            Some(&admin),
            Some(json!({ "status": "asleep" })),
        )
        .await;
    assert_eq!(problem(bad).await["code"], "validation_failed");

    // Search (email and names, any case) and paging.
    for i in 0..5 {
        app.expect(
            201,
            "POST",
            "/api/v1/admin/users",
            Some(&admin),
            Some(json!({ "email": unique_email(&format!("pager{i}")), "first_name": "Page", "last_name": format!("Turner{i}") })),
        )
        .await;
    }
    let found = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/users?search=HOPPER",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    assert_eq!(found["items"][0]["id"], id.as_str());
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/admin/users?search=turner&limit=2&cursor={c}"),
            None => "/api/v1/admin/users?search=turner&limit=2".to_owned(),
        };
        let page = app.expect(200, "GET", &path, Some(&admin), None).await;
        assert!(page["items"].as_array().unwrap().len() <= 2);
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["last_name"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        (0..5).map(|i| format!("Turner{i}")).collect::<Vec<_>>()
    );
    let bad_limit = app
        .call("GET", "/api/v1/admin/users?limit=0", Some(&admin), None)
        .await;
    assert_eq!(problem(bad_limit).await["code"], "validation_failed");
    let bad_cursor = app
        .call(
            "GET",
            "/api/v1/admin/users?cursor=not*a*cursor",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(problem(bad_cursor).await["code"], "validation_failed");

    // Password reset on the admin's request, then delete.
    app.expect(
        202,
        "POST",
        &format!("/api/v1/admin/users/{id}/password-reset"),
        Some(&admin),
        None,
    )
    .await;
    assert!(
        mail_sink()
            .wait_for(&email, 2)
            .await
            .iter()
            .any(|m| m.subject() == "Reset your password")
    );
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/admin/users/{id}"),
        Some(&admin),
        None,
    )
    .await;
    let gone = app
        .call(
            "GET",
            &format!("/api/v1/admin/users/{id}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(problem(gone).await["code"], "not_found");
    assert_eq!(
        problem(app.login(&email, PASSWORD, json!({})).await).await["code"],
        "invalid_credentials"
    );

    // Every change was audited with the admin as actor.
    let actors: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT actor_kind, actor_id, action FROM audit_events WHERE user_id = $1 ORDER BY occurred_at, id",
    )
    .bind(id)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    let admin_actions: Vec<&str> = actors
        .iter()
        .filter(|(kind, name, _)| {
            kind == "admin" && name.as_deref().is_some_and(|n| n.starts_with("test-"))
        })
        .map(|(_, _, action)| action.as_str())
        .collect();
    assert_eq!(
        admin_actions,
        [
            "user.created",
            "user.updated",
            "user.password_reset_sent",
            "user.deleted"
        ]
    );
}

/// A `support` admin token reads everything and may send, resend and cancel invitations and send
/// reset links; every other change is refused with 403 and writes nothing, as the attacker would
/// try it by hand.
async fn a_support_token_reads_and_changes_only_invitations_and_resets(backend: Backend) {
    let app = spawn_app(backend).await;
    let owner_email = unique_email("owner");
    let (owner_id, _) = app.signup(&owner_email, PASSWORD).await;
    let (member_id, _) = app.signup(&unique_email("member"), PASSWORD).await;
    let admin = app.admin_token().await;
    let account = app
        .expect(
            200,
            "GET",
            &format!(
                "/api/v1/admin/accounts?search={}",
                owner_email.replace('@', "%40")
            ),
            Some(&admin),
            None,
        )
        .await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let support = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "help-desk",
        roster::admins::Role::Support,
    )
    .await
    .unwrap()
    .0;
    let audit_before: i64 = app
        .scalar("SELECT COUNT(*) FROM audit_events WHERE $1 <> ''", "x")
        .await;

    for path in [
        "/api/v1/admin/users".to_owned(),
        format!("/api/v1/admin/users/{member_id}"),
        "/api/v1/admin/accounts".to_owned(),
        format!("/api/v1/admin/accounts/{account}/users"),
        format!("/api/v1/admin/accounts/{account}/invitations"),
        "/api/v1/admin/audit".to_owned(),
        "/api/v1/admin/plugins".to_owned(),
    ] {
        app.expect(200, "GET", &path, Some(&support), None).await;
    }
    let refused = [
        (
            "POST",
            "/api/v1/admin/users".to_owned(),
            Some(json!({"email": unique_email("new"), "first_name": "N", "last_name": "U"})),
        ),
        (
            "PATCH",
            format!("/api/v1/admin/users/{member_id}"),
            Some(json!({"status": "disabled"})),
        ),
        ("DELETE", format!("/api/v1/admin/users/{member_id}"), None),
        (
            "DELETE",
            format!("/api/v1/admin/users/{owner_id}/totp"),
            None,
        ),
        (
            "POST",
            "/api/v1/admin/accounts".to_owned(),
            Some(json!({"owner_user_id": member_id})),
        ),
        (
            "PATCH",
            format!("/api/v1/admin/accounts/{account}"),
            Some(json!({"status": "closed"})),
        ),
        (
            "POST",
            format!("/api/v1/admin/accounts/{account}/users"),
            Some(json!({"user_id": member_id, "permissions": ["invoices"]})),
        ),
        (
            "POST",
            format!("/api/v1/admin/accounts/{account}/owner"),
            Some(json!({"user_id": member_id, "keep_previous_owner": true})),
        ),
        ("POST", "/api/v1/admin/plugins/none/reload".to_owned(), None),
        (
            "POST",
            "/api/v1/admin/api-credentials".to_owned(),
            Some(json!({"name": "mine"})),
        ),
    ];
    for (method, path, body) in refused {
        let response = app.call(method, &path, Some(&support), body).await;
        assert_eq!(response.status(), 403, "{method} {path}");
        assert_eq!(
            problem(response).await["code"],
            "forbidden",
            "{method} {path}"
        );
    }
    let audit_after: i64 = app
        .scalar("SELECT COUNT(*) FROM audit_events WHERE $1 <> ''", "x")
        .await;
    assert_eq!(audit_after, audit_before, "nothing was changed");

    // What support may do.
    let invited = app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{account}/invitations"),
            Some(&support),
            Some(json!({"email": unique_email("invitee")})),
        )
        .await;
    let invitation = invited["id"].as_str().unwrap();
    app.expect(
        200,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/invitations/{invitation}/resend"),
        Some(&support),
        None,
    )
    .await;
    let cancelled = app
        .call(
            "DELETE",
            &format!("/api/v1/admin/accounts/{account}/invitations/{invitation}"),
            Some(&support),
            None,
        )
        .await;
    assert!(cancelled.status().is_success(), "{}", cancelled.status());
    let reset = app
        .call(
            "POST",
            &format!("/api/v1/admin/users/{owner_id}/password-reset"),
            Some(&support),
            None,
        )
        .await;
    assert!(reset.status().is_success(), "{}", reset.status());
}

both_backends!(
    the_admin_api_refuses_everyone_but_admins,
    admins_manage_users,
    a_support_token_reads_and_changes_only_invitations_and_resets,
    a_user_an_ownership_transfer_reaches_meanwhile_is_not_deleted,
    a_transfer_to_a_user_being_deleted_finds_no_user,
);

/// `roster admin token create` prints a token once; `list` never shows it; `revoke` ends it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_tokens_are_made_listed_and_revoked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, token, stderr) = run_roster(
        dir.path(),
        &["admin", "token", "create", "--name", "billing-sync"],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    let token = token.trim().to_owned();
    assert!(
        token.starts_with("roster_admin_") && token.len() > 50,
        "{token}"
    );
    assert!(stderr.contains("not shown again"));
    let (code, _, stderr) = run_roster(
        dir.path(),
        &["admin", "token", "create", "--name", "billing-sync"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("exists"), "{stderr}");

    let server = ServerProcess::start(dir.path(), &[]).await;
    let client = reqwest::Client::new();
    let list = |token: String| {
        let client = client.clone();
        let url = format!("{}/api/v1/admin/users", server.address);
        async move {
            client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(list(token.clone()).await, 200);

    let (code, listed, _) = run_roster(dir.path(), &["admin", "token", "list"], &[]);
    assert_eq!(code, 0);
    assert!(
        listed.contains("billing-sync") && listed.contains("live"),
        "{listed}"
    );
    assert!(!listed.contains(&token));
    let (code, out, _) = run_roster(
        dir.path(),
        &["admin", "token", "revoke", "--name", "billing-sync"],
        &[],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(list(token).await, 401);
    let (_, listed, _) = run_roster(dir.path(), &["admin", "token", "list"], &[]);
    assert!(listed.contains("revoked"), "{listed}");
    let _: Value = json!(null);
    assert_eq!(server.terminate().await, Some(0));
}

/// Sends an admin API call from another task (while the test holds a transaction open): its
/// status and body when it is answered.
fn in_background(
    app: &TestApp,
    method: &str,
    path: &str,
    admin: &str,
    body: Option<Value>,
) -> tokio::task::JoinHandle<(u16, Value)> {
    let request = reqwest::Client::new()
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(admin);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    tokio::spawn(async move {
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json::<Value>().await.unwrap())
    })
}

/// A client with an owner and a member who owns nothing (created by staff, so that only a
/// transfer can make them an owner): (client id, owner email, member id).
async fn client_with_accountless_member(app: &TestApp) -> (String, String, String) {
    let (client, owner, _, _) =
        crate::admin_area::transfer::client_with_member(app, "Moving Hosting").await;
    let client = client["id"].as_str().unwrap().to_owned();
    let admin = app.admin_token().await;
    let created = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/users",
            Some(&admin),
            Some(serde_json::json!({
                "email": crate::helpers::unique_email("accountless"),
                "first_name": "Ada", "last_name": "Member",
            })),
        )
        .await;
    let member_id = created["id"].as_str().unwrap().to_owned();
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{client}/users"),
        Some(&admin),
        Some(serde_json::json!({ "user_id": member_id, "permissions": ["tickets"] })),
    )
    .await;
    (client, owner, member_id)
}

/// A user deleted while an ownership transfer to them is in flight (not committed yet) hears
/// `user_owns_accounts` once it commits, as when they owned the account before, not a bare
/// conflict: the delete takes the user's row first, which waits for the transfer (PostgreSQL's
/// `FOR UPDATE` against the transfer's key share lock, SQLite's writer lock), and then counts what
/// the user owns.
async fn a_user_an_ownership_transfer_reaches_meanwhile_is_not_deleted(backend: Backend) {
    let app = spawn_app(backend).await;
    let (client, _, member_id) = client_with_accountless_member(&app).await;
    let admin = app.admin_token().await;
    let mut transfer = app.state.db.pool().begin().await.unwrap();
    sqlx::query("UPDATE accounts SET owner_user_id = $1 WHERE id = $2")
        .bind(member_id.clone())
        .bind(client.clone())
        .execute(&mut *transfer)
        .await
        .unwrap();
    let deleting = in_background(
        &app,
        "DELETE",
        &format!("/api/v1/admin/users/{member_id}"),
        &admin,
        None,
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    transfer.commit().await.unwrap();
    let (status, body) = deleting.await.unwrap();
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "user_owns_accounts", "{body}");
}

/// The reverse: an ownership transfer to a user whose deletion is in flight (not committed yet)
/// answers that the user is not found once the deletion commits, not a bare conflict, and the
/// account keeps its owner.
async fn a_transfer_to_a_user_being_deleted_finds_no_user(backend: Backend) {
    let app = spawn_app(backend).await;
    let (client, owner, member_id) = client_with_accountless_member(&app).await;
    let admin = app.admin_token().await;
    let mut deletion = app.state.db.pool().begin().await.unwrap();
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(member_id.clone())
        .execute(&mut *deletion)
        .await
        .unwrap();
    let transferring = in_background(
        &app,
        "POST",
        &format!("/api/v1/admin/accounts/{client}/owner"),
        &admin,
        Some(serde_json::json!({ "user_id": member_id })),
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    deletion.commit().await.unwrap();
    let (status, body) = transferring.await.unwrap();
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["code"], "not_found", "{body}");
    let account = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/accounts/{client}"),
            Some(&admin),
            None,
        )
        .await;
    let owner_id = roster::users::service::by_email(&app.state, &owner)
        .await
        .unwrap()
        .id;
    assert_eq!(account["owner_user_id"], owner_id.as_str(), "{account}");
}
