//! DESIGN.md §5: writes never wait on a plugin. A before-hook that runs to its deadline on account
//! A holds up only the request it judges: writes on account B, and A's other writes, complete
//! while it runs, on both databases. (Before-hooks judge a request before its transaction opens;
//! the transaction then checks the preconditions again.)

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;
use crate::plugins::{PluginDir, plugin, use_plugins};

const PASSWORD: &str = "correct horse battery";

/// Calls of `hook` in progress in the stalling plugin.
async fn in_flight(app: &TestApp, admin: &str, hook: &str) -> u64 {
    let view = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/plugins/staller",
            Some(admin),
            None,
        )
        .await;
    view["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["hook"] == hook)
        .map(|h| h["in_flight"].as_u64().unwrap())
        .unwrap_or_else(|| panic!("no stats for {hook} in {view}"))
}

/// Waits until the staller is judging one call of `hook`.
async fn wait_for_stall(app: &TestApp, admin: &str, hook: &str) {
    for _ in 0..200 {
        if in_flight(app, admin, hook).await == 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{hook} never started");
}

async fn a_stalled_before_hook_on_one_account_holds_up_no_other_write(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe(
        "staller",
        &["before-invitation-create", "before-user-removal"],
        &["settings"],
    );
    let stalled_email = unique_email("stalled");
    // The other writes must all finish while this call stalls: wide, for a loaded machine.
    let deadline = Duration::from_secs(15);
    let app = spawn_app_with(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "staller",
            json!({ "mode": "stall", "on": stalled_email }),
            |p| p.deadline = deadline,
        );
    })
    .await;
    let admin = app.admin_token().await;
    let (owner_a, account_a) = app.signup_owner("Account A").await;
    let (owner_b, account_b) = app.signup_owner("Account B").await;
    let member_email = unique_email("member");
    let (member, member_token) = app.signup(&member_email, PASSWORD).await;

    // The invitation on A that the plugin judges until its deadline.
    let stalled = background(
        reqwest::Method::POST,
        app.url(&format!("/api/v1/accounts/{account_a}/invitations")),
        owner_a.clone(),
        Some(json!({ "email": stalled_email, "permissions": ["tickets"] })),
    );
    wait_for_stall(&app, &admin, "before-invitation-create").await;

    // Meanwhile, on B: invite, accept, change permissions, remove; each goes through a write
    // transaction, and the invitation and the removal through the same plugin.
    let b_users = format!("/api/v1/accounts/{account_b}/users");
    for _ in 0..3 {
        app.invite(
            &owner_b,
            &account_b,
            &unique_email("b-invitee"),
            json!(["tickets"]),
        )
        .await;
    }
    app.invite(&owner_b, &account_b, &member_email, json!(["tickets"]))
        .await;
    let (token, _) = invitation_token(&member_email, 1).await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{token}/accept"),
        Some(&member_token),
        None,
    )
    .await;
    app.expect(
        200,
        "PATCH",
        &format!("{b_users}/{member}"),
        Some(&owner_b),
        Some(json!({ "permissions": ["tickets", "invoices"] })),
    )
    .await;
    app.expect(
        204,
        "DELETE",
        &format!("{b_users}/{member}"),
        Some(&owner_b),
        None,
    )
    .await;
    // And on A itself: another invitation, and a change to the account.
    app.invite(
        &owner_a,
        &account_a,
        &unique_email("a-invitee"),
        json!(["tickets"]),
    )
    .await;
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/accounts/{account_a}"),
        Some(&owner_a),
        Some(json!({ "company_name": "Account A, renamed" })),
    )
    .await;

    // All of that finished while the plugin was still judging the first request.
    assert!(!stalled.is_finished(), "the stalled request ended early");
    assert_eq!(in_flight(&app, &admin, "before-invitation-create").await, 1);

    // At its deadline the plugin fails, and (failing closed) refuses the invitation: nothing
    // of it was written.
    let (status, body) = stalled.await.unwrap();
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["code"], "plugin_failed");
    let written: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM invitations WHERE email_normalized = $1",
            &stalled_email,
        )
        .await;
    assert_eq!(written, 0);
    app.assert_no_mail_to(&stalled_email).await;
}

/// Sends a request in the background; answers (status, body).
fn background(
    method: reqwest::Method,
    url: String,
    token: String,
    body: Option<Value>,
) -> tokio::task::JoinHandle<(u16, Value)> {
    tokio::spawn(async move {
        let mut request = reqwest::Client::new()
            .request(method, url)
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    })
}

/// While a plugin judges a request, someone else changes what the request depends on. The plugin
/// lets it through (failing open at its deadline), and the write sees the change: the answer is
/// the one the request would have got had it come later, and nothing half-judged is written.
async fn a_change_made_while_a_plugin_judges_decides_the_outcome(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe(
        "staller",
        &["before-user-removal", "before-invitation-accept"],
        &["settings"],
    );
    let app = spawn_app_with(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "staller", json!({ "mode": "stall", "on": "*" }), |p| {
            p.deadline = Duration::from_secs(2);
            p.on_error = roster::settings::OnPluginError::FailOpen;
        });
    })
    .await;
    let admin = app.admin_token().await;
    let (owner_token, account) = app.signup_owner("Account C").await;
    let member_email = unique_email("member");
    // Verified: as the owner later on, the member sends an invitation.
    let (member, member_token) = app.signup_verified(&member_email).await;
    let invite = app
        .invite(&owner_token, &account, &member_email, json!(["tickets"]))
        .await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{invite}/accept"),
        Some(&member_token),
        None,
    )
    .await;

    // The owner removes the member; while the plugin judges, staff make the member the owner.
    let removal = background(
        reqwest::Method::DELETE,
        app.url(&format!("/api/v1/accounts/{account}/users/{member}")),
        owner_token.clone(),
        None,
    );
    wait_for_stall(&app, &admin, "before-user-removal").await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/owner"),
        Some(&admin),
        Some(json!({ "user_id": member })),
    )
    .await;
    let (status, body) = removal.await.unwrap();
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "owner_cannot_be_removed");
    let owner_now: String = app
        .scalar("SELECT owner_user_id FROM accounts WHERE id = $1", &account)
        .await;
    assert_eq!(owner_now, member);
    let removed: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM domain_events WHERE account_id = $1 AND kind = 'membership.removed'",
            &account,
        )
        .await;
    assert_eq!(removed, 0);

    // The new owner invites someone; while the plugin judges the acceptance, the invitation is
    // cancelled.
    let invitee = unique_email("invitee");
    let token = app
        .invite(&member_token, &account, &invitee, json!(["tickets"]))
        .await;
    let pending = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/invitations"),
            Some(&member_token),
            None,
        )
        .await;
    let invitation = pending
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["email"] == invitee.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, invitee_token) = app.signup(&invitee, PASSWORD).await;
    let acceptance = background(
        reqwest::Method::POST,
        app.url(&format!("/api/v1/invitations/{token}/accept")),
        invitee_token,
        None,
    );
    wait_for_stall(&app, &admin, "before-invitation-accept").await;
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/accounts/{account}/invitations/{invitation}"),
        Some(&member_token),
        None,
    )
    .await;
    let (status, body) = acceptance.await.unwrap();
    assert_eq!(status, 410, "{body}");
    assert_eq!(body["code"], "invitation_cancelled");
    let members: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM memberships WHERE account_id = $1",
            &account,
        )
        .await;
    assert_eq!(members, 2, "the owner and the previous owner, no one else");
}

both_backends!(
    a_stalled_before_hook_on_one_account_holds_up_no_other_write,
    a_change_made_while_a_plugin_judges_decides_the_outcome
);
