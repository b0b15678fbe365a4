//! Before-hooks: a plugin's veto reaches the caller with its reason and writes nothing; a
//! plugin may change the permissions an invitee gets; a failing plugin set to fail open lets the
//! action through.

use super::*;

async fn a_vetoed_invitation_answers_the_plugins_reason_and_writes_nothing(backend: Backend) {
    vetoed_invitation(backend, PluginDir::new()).await;
}

/// The domain guard refuses an outsider's invitation (`compat` runs it with the 0.1.0 build).
pub(super) async fn vetoed_invitation(backend: Backend, plugins: PluginDir) {
    plugins.example("domain-guard");
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "domain_guard",
            json!({ "domains": ["example.com"] }),
            |_| {},
        );
    })
    .await;

    let outsider = format!("someone-{}@outside.test", uuid::Uuid::new_v4().simple());
    let response = invite(&o, &outsider, json!(["invoices"])).await;
    assert_eq!(response.status(), 403);
    let problem = problem(response).await;
    assert_eq!(problem["code"], "vetoed_by_plugin");
    assert_eq!(problem["plugin"], "domain_guard");
    assert_eq!(problem["reason"], "domain_not_allowed");
    assert_eq!(
        problem["detail"],
        "Invitations may only be sent to addresses at example.com."
    );
    // Nothing was written and nobody was mailed.
    let sql = "SELECT COUNT(*) FROM invitations WHERE account_id = $1";
    assert_eq!(count(&o.app, sql, &o.account).await, 0);
    let sql =
        "SELECT COUNT(*) FROM domain_events WHERE kind = 'invitation.created' AND account_id = $1";
    assert_eq!(count(&o.app, sql, &o.account).await, 0);
    let sql =
        "SELECT COUNT(*) FROM audit_events WHERE action LIKE 'invitation.%' AND account_id = $1";
    assert_eq!(count(&o.app, sql, &o.account).await, 0);
    o.app.assert_no_mail_to(&outsider).await;

    // An address at the allowed domain goes through.
    let insider = format!("dev-{}@example.com", uuid::Uuid::new_v4().simple());
    assert_eq!(
        invite(&o, &insider, json!(["invoices"])).await.status(),
        201
    );
    invitation_token(&insider).await;

    let view = plugin_view(&o.app, &o.admin, "domain_guard").await;
    let stats = hook_stats(&view, "before-invitation-create");
    assert_eq!(
        (stats["calls"].as_u64(), stats["denies"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(view["version"], "0.1.0");
    assert_eq!(view["state"], "loaded");
}

async fn the_acceptance_policy_changes_the_granted_permissions(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.example("acceptance-policy");
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "acceptance_policy",
            json!({ "require_invited_email": true, "internal_domains": ["example.com"],
                    "strip_for_outside": ["invoices", "manageproducts"] }),
            |_| {},
        );
    })
    .await;
    let accept_by_signup = |token: String, email: String| {
        let app = &o.app;
        async move {
            app.call(
                "POST",
                &format!("/api/v1/invitations/{token}/accept"),
                None,
                Some(json!({ "signup": { "email": email, "password": PASSWORD, "first_name": "Ivy", "last_name": "Invitee" } })),
            )
            .await
        }
    };

    // Someone outside the provider's domains loses the listed permissions.
    let outsider = format!("dev-{}@outside.test", uuid::Uuid::new_v4().simple());
    assert_eq!(
        invite(&o, &outsider, json!(["invoices", "tickets"]))
            .await
            .status(),
        201
    );
    let token = invitation_token(&outsider).await;
    let response = accept_by_signup(token, outsider.clone()).await;
    assert_eq!(response.status(), 200);
    let accepted: Value = response.json().await.unwrap();
    assert_eq!(accepted["permissions"], json!(["tickets"]));
    let session = o.app.login_ok(&outsider, PASSWORD).await;
    let mine = o.app.my_accounts(&session).await;
    assert_eq!(mine[0]["permissions"], json!(["tickets"]), "{mine}");

    // Someone inside keeps what they were invited with.
    let insider = format!("dev-{}@example.com", uuid::Uuid::new_v4().simple());
    invite(&o, &insider, json!(["invoices"])).await;
    let token = invitation_token(&insider).await;
    let accepted: Value = accept_by_signup(token, insider).await.json().await.unwrap();
    assert_eq!(accepted["permissions"], json!(["invoices"]));

    // Another signed-in user cannot take an invitation sent to someone else.
    let invited = format!("dev-{}@example.com", uuid::Uuid::new_v4().simple());
    invite(&o, &invited, json!(["tickets"])).await;
    let token = invitation_token(&invited).await;
    let (_, stranger) = o.app.signup(&unique_email("stranger"), PASSWORD).await;
    let response = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            Some(&stranger),
            Some(json!({})),
        )
        .await;
    assert_eq!(response.status(), 403);
    let problem = problem(response).await;
    assert_eq!(problem["reason"], "invited_email_required");
    assert!(problem["detail"].as_str().unwrap().contains(&invited));
    let preview = o.app.invitation_preview(&token).await;
    assert_eq!(preview["state"], "pending", "a veto uses nothing up");
}

async fn a_fail_open_plugin_lets_the_action_through(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe("lenient", &["before-invitation-create"], &["settings"]);
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "lenient", json!({ "mode": "trap" }), |p| {
            p.on_error = OnPluginError::FailOpen
        });
    })
    .await;
    assert_eq!(
        invite(&o, &unique_email("invitee"), json!(["tickets"]))
            .await
            .status(),
        201
    );
    let stats = hook_stats(
        &plugin_view(&o.app, &o.admin, "lenient").await,
        "before-invitation-create",
    );
    assert_eq!(stats["traps"], 1);
}

async fn every_before_hook_can_veto_its_action(backend: Backend) {
    every_before_hook_vetoes(backend, PluginDir::new()).await;
}

/// The probe in `deny` mode refuses each action (`compat` runs it with the 0.1.0 build).
pub(super) async fn every_before_hook_vetoes(backend: Backend, plugins: PluginDir) {
    plugins.probe(
        "nay",
        &[
            "before-invitation-accept",
            "before-ownership-transfer",
            "before-user-removal",
            "before-login",
        ],
        &["settings"],
    );
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "nay", json!({ "mode": "deny" }), |_| {});
    })
    .await;
    let vetoed = |response: reqwest::Response| async move {
        assert_eq!(response.status(), 403);
        let problem = problem(response).await;
        assert_eq!(
            (problem["code"].as_str(), problem["reason"].as_str()),
            (Some("vetoed_by_plugin"), Some("probe_says_no"))
        );
    };
    let email = unique_email("member");
    let (member, _) = o.app.signup(&email, PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": member, "permissions": ["tickets"] })),
        )
        .await;
    let memberships = "SELECT COUNT(*) FROM memberships WHERE account_id = $1";

    // Login: the password was right, but no session is made.
    let sessions = "SELECT COUNT(*) FROM sessions WHERE user_id = $1";
    let before = count(&o.app, sessions, &member).await;
    vetoed(o.app.login(&email, PASSWORD, json!({})).await).await;
    assert_eq!(count(&o.app, sessions, &member).await, before);

    // Removal, by the owner and by the member leaving.
    let path = format!("/api/v1/accounts/{}/users/{member}", o.account);
    vetoed(o.app.call("DELETE", &path, Some(&o.owner), None).await).await;
    assert_eq!(count(&o.app, memberships, &o.account).await, 2);

    // Ownership transfer.
    let path = format!("/api/v1/admin/accounts/{}/owner", o.account);
    let body = json!({ "user_id": member, "keep_previous_owner": true });
    vetoed(o.app.call("POST", &path, Some(&o.admin), Some(body)).await).await;
    let sql = "SELECT COUNT(*) FROM accounts WHERE id = $1 AND owner_user_id <> $2";
    let moved = sqlx::query_scalar::<_, i64>(sql)
        .bind(o.account.clone())
        .bind(member.clone())
        .fetch_one(o.app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(moved, 1, "the owner did not change");

    // Accepting (here by signing up through the link: the new user is not created either).
    let invitee = unique_email("invitee");
    assert_eq!(invite(&o, &invitee, json!(["tickets"])).await.status(), 201);
    let token = invitation_token(&invitee).await;
    let body = json!({ "signup": { "email": invitee, "password": PASSWORD, "first_name": "I", "last_name": "V" } });
    let path = format!("/api/v1/invitations/{token}/accept");
    vetoed(o.app.call("POST", &path, None, Some(body)).await).await;
    let users = "SELECT COUNT(*) FROM users WHERE email = $1";
    assert_eq!(count(&o.app, users, &invitee).await, 0);
    assert_eq!(count(&o.app, memberships, &o.account).await, 2);
}

both_backends!(
    a_vetoed_invitation_answers_the_plugins_reason_and_writes_nothing,
    the_acceptance_policy_changes_the_granted_permissions,
    a_fail_open_plugin_lets_the_action_through,
    every_before_hook_can_veto_its_action,
);
