//! Who reaches which client through the API: CreateClientInvite → the invitee accepts through the
//! emailed link → GetUsers, GetUserPermissions, UpdateUserPermissions, DeleteUserClient; and
//! ValidateLogin.

use roster::admins::Role;
use serde_json::json;

use super::{Caller, PASSWORD};
use crate::helpers::{Backend, invitation_token, spawn_app, unique_email};

async fn a_client_user_is_invited_changed_and_removed(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let owner_email = unique_email("owner");
    app.signup(&owner_email, PASSWORD).await;
    let listed = api.ok("GetUsers", &[("search", &owner_email)]).await;
    let owner_id = listed["users"][0]["id"].as_i64().unwrap().to_string();
    let client_id = listed["users"][0]["clients"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let client = client_id.as_str();
    let invitee = unique_email("invitee");

    // CreateClientInvite's refusals, each writing nothing.
    let invite = |fields: Vec<(&'static str, String)>| {
        let api = &api;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            api.call("CreateClientInvite", &fields).await
        }
    };
    let s = |v: &str| v.to_owned();
    for (fields, message) in [
        (
            vec![("email", invitee.clone()), ("permissions", s("invoices"))],
            "Invalid client id",
        ),
        (
            vec![
                ("client_id", s("999999")),
                ("email", invitee.clone()),
                ("permissions", s("invoices")),
            ],
            "Invalid client id",
        ),
        (
            vec![("client_id", s(client)), ("permissions", s("invoices"))],
            "Email is required",
        ),
        (
            vec![
                ("client_id", s(client)),
                ("email", s("nope")),
                ("permissions", s("invoices")),
            ],
            "The email address entered is not valid",
        ),
        (
            vec![("client_id", s(client)), ("email", invitee.clone())],
            "User permissions are required",
        ),
        (
            vec![
                ("client_id", s(client)),
                ("email", owner_email.clone()),
                ("permissions", s("invoices")),
            ],
            "User already associated with client",
        ),
    ] {
        let (status, body) = invite(fields).await;
        assert_eq!(
            (status, &body),
            (200, &json!({"result": "error", "message": message}))
        );
    }
    let (_, body) = invite(vec![
        ("client_id", s(client)),
        ("email", invitee.clone()),
        ("permissions", s("invoices,bogus")),
    ])
    .await;
    assert!(
        body["message"].as_str().unwrap().contains("bogus"),
        "unknown keys are named: {body}"
    );
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(pending, 0);

    // A support credential may invite.
    let support = Caller::new(&app, Role::Support).await;
    support
        .ok(
            "CreateClientInvite",
            &[
                ("client_id", client),
                ("email", &invitee),
                ("permissions", "invoices, tickets"),
            ],
        )
        .await;
    let (token, mail) = invitation_token(&invitee, 1).await;
    assert!(mail.subject().contains("Invitation"));
    let accepted = app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({ "signup": { "email": invitee, "password": PASSWORD, "first_name": "Ivy", "last_name": "Invitee" } })),
        )
        .await;
    let account_uuid = accepted["account_id"].as_str().unwrap().to_owned();
    let invitee_token = app.login_ok(&invitee, PASSWORD).await;

    // GetUsers shows both on that client, with the owner flag.
    let users = api.ok("GetUsers", &[("search", &invitee)]).await;
    let user_id = users["users"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        users["users"][0]["clients"],
        json!([{ "id": client_id.parse::<i64>().unwrap(), "isOwner": false }])
    );
    let owner = api.ok("GetUsers", &[("search", &owner_email)]).await;
    assert_eq!(owner["users"][0]["clients"][0]["isOwner"], true);

    // GetUserPermissions, UpdateUserPermissions.
    let pair = [("user_id", user_id.as_str()), ("client_id", client)];
    let perms = api.ok("GetUserPermissions", &pair).await;
    assert_eq!(
        (&perms["is_owner"], &perms["permissions"]),
        (&json!(false), &json!(["invoices", "tickets"]))
    );
    let owner_pair = [("user_id", owner_id.as_str()), ("client_id", client)];
    let owners = api.ok("GetUserPermissions", &owner_pair).await;
    assert_eq!(owners["is_owner"], true);
    assert_eq!(owners["permissions"].as_array().unwrap().len(), 13);
    assert_eq!(
        api.error(
            "UpdateUserPermissions",
            &[
                ("user_id", &owner_id),
                ("client_id", client),
                ("permissions", "profile")
            ]
        )
        .await,
        "Permissions cannot be set on a client owner"
    );
    assert_eq!(
        api.error("UpdateUserPermissions", &pair).await,
        "Missing permissions definition"
    );
    assert_eq!(
        api.error(
            "UpdateUserPermissions",
            &[
                ("user_id", "999999"),
                ("client_id", client),
                ("permissions", "profile")
            ]
        )
        .await,
        "Invalid user id"
    );
    // Support may not change permissions; nothing changes.
    let (status, _) = support
        .call(
            "UpdateUserPermissions",
            &[
                ("user_id", &user_id),
                ("client_id", client),
                ("permissions", "profile"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    api.ok(
        "UpdateUserPermissions",
        &[
            ("user_id", &user_id),
            ("client_id", client),
            ("permissions", "profile,contacts"),
        ],
    )
    .await;
    let perms = api.ok("GetUserPermissions", &pair).await;
    assert_eq!(perms["permissions"], json!(["contacts", "profile"]));
    // The invitee's own view agrees.
    let mine = app.my_accounts(&invitee_token).await;
    assert_eq!(
        mine[0]["permissions"],
        json!(["contacts", "profile"]),
        "{mine}"
    );

    // DeleteUserClient: never the owner; the member loses access at their next request.
    assert_eq!(
        api.error("DeleteUserClient", &owner_pair).await,
        "You cannot remove the account owner"
    );
    assert_eq!(
        api.error(
            "DeleteUserClient",
            &[("user_id", user_id.as_str()), ("client_id", "999999")]
        )
        .await,
        "Invalid client id"
    );
    assert_eq!(
        api.error(
            "GetUserPermissions",
            &[("user_id", "999999"), ("client_id", client)]
        )
        .await,
        "Invalid user id"
    );
    api.ok("DeleteUserClient", &pair).await;
    let status = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{account_uuid}"),
            Some(&invitee_token),
            None,
        )
        .await
        .status();
    assert_eq!(status, 404);
    assert_eq!(app.my_accounts(&invitee_token).await, json!([]));
    assert_eq!(
        api.error("DeleteUserClient", &pair).await,
        "User is not associated with client"
    );
    assert_eq!(
        api.error("GetUserPermissions", &pair).await,
        "User is not associated with client"
    );
}

async fn validate_login_checks_a_password_without_signing_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Support).await;
    let email = unique_email("validate");
    app.signup(&email, PASSWORD).await;
    let sessions_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let ok = api
        .ok(
            "ValidateLogin",
            &[("email", &email), ("password2", PASSWORD)],
        )
        .await;
    assert!(ok["userid"].is_i64(), "{ok}");
    assert_eq!(ok["twoFactorEnabled"], false);
    assert_eq!(ok["passwordhash"], "", "the hash is never given out");
    for fields in [
        vec![("email", email.as_str()), ("password2", "wrong password")],
        vec![("email", "nobody@example.test"), ("password2", PASSWORD)],
        vec![("email", email.as_str())],
    ] {
        assert_eq!(
            api.error("ValidateLogin", &fields).await,
            "Email or Password Invalid"
        );
    }
    let sessions_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions_after, sessions_before, "no session was started");
    // The login limits hold: failed attempts on one address (20 per 15 minutes by default).
    for _ in 0..20 {
        api.call(
            "ValidateLogin",
            &[("email", &email), ("password2", "wrong")],
        )
        .await;
    }
    let message = api
        .error(
            "ValidateLogin",
            &[("email", &email), ("password2", PASSWORD)],
        )
        .await;
    assert!(message.starts_with("Too many login attempts"), "{message}");
}

both_backends!(
    a_client_user_is_invited_changed_and_removed,
    validate_login_checks_a_password_without_signing_in,
    a_plugin_veto_answers_the_plugins_message,
    support_is_refused_every_changing_action,
);

/// A plugin's before-hook vetoes an invitation sent through WHMCS's API: its message is the
/// answer's, and nothing is written or mailed.
async fn a_plugin_veto_answers_the_plugins_message(backend: Backend) {
    let plugins = crate::plugins::PluginDir::new();
    plugins.example("domain-guard");
    let app = crate::helpers::spawn_app_with(backend, |s| {
        crate::plugins::use_plugins(s, plugins.path());
        crate::plugins::plugin(
            s,
            "domain_guard",
            json!({ "domains": ["example.com"] }),
            |_| {},
        );
    })
    .await;
    let api = Caller::new(&app, Role::Administrator).await;
    let owner_email = unique_email("owner");
    app.signup(&owner_email, PASSWORD).await;
    let listed = api.ok("GetUsers", &[("search", &owner_email)]).await;
    let client = listed["users"][0]["clients"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let outsider = unique_email("outsider");
    assert_eq!(
        api.error(
            "CreateClientInvite",
            &[
                ("client_id", &client),
                ("email", &outsider),
                ("permissions", "invoices")
            ]
        )
        .await,
        "Invitations may only be sent to addresses at example.com."
    );
    let written: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(written, 0);
    app.assert_no_mail_to(&outsider).await;
    let insider = format!("dev-{}@example.com", uuid::Uuid::new_v4().simple());
    api.ok(
        "CreateClientInvite",
        &[
            ("client_id", &client),
            ("email", &insider),
            ("permissions", "invoices"),
        ],
    )
    .await;
}

/// Every action, with a support credential and fields that name real things: the changes answer
/// 403 "Invalid Permissions" and write nothing; reads, invitations and reset links go through.
/// The list is the endpoint's own (an action added there and not here fails the test).
async fn support_is_refused_every_changing_action(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = Caller::new(&app, Role::Administrator).await;
    let support = Caller::new(&app, Role::Support).await;
    let owner = unique_email("whmcs-owner");
    let added = admin
        .ok("AddClient", &super::clients::client_fields(&owner))
        .await;
    let client = added["clientid"].as_str().unwrap().to_owned();
    let member = unique_email("whmcs-member");
    let user = admin
        .ok(
            "AddUser",
            &[
                ("firstname", "Mo"),
                ("lastname", "Member"),
                ("email", &member),
                ("password2", PASSWORD),
            ],
        )
        .await;
    let user_id = user["user_id"].as_str().unwrap().to_owned();
    let contact = admin
        .ok(
            "AddContact",
            &[
                ("clientid", &client),
                ("firstname", "Cy"),
                ("lastname", "Contact"),
                ("email", &unique_email("whmcs-contact")),
            ],
        )
        .await;
    let contact_id = contact["contactid"].as_str().unwrap().to_owned();
    let fields: Vec<(&str, &str)> = vec![
        ("clientid", &client),
        ("client_id", &client),
        ("user_id", &user_id),
        ("contactid", &contact_id),
        ("email", "someone-new@example.test"),
        ("firstname", "Changed"),
        ("lastname", "By Support"),
        ("password2", "a brand new passphrase"),
        ("permissions", "profile,tickets"),
    ];
    let changes = [
        "AddUser",
        "UpdateUser",
        "DeleteUserClient",
        "UpdateUserPermissions",
        "AddClient",
        "UpdateClient",
        "CloseClient",
        "DeleteClient",
        "AddContact",
        "UpdateContact",
        "DeleteContact",
    ];
    let allowed = [
        "GetPermissionsList",
        "GetUsers",
        "GetUserPermissions",
        "ValidateLogin",
        "GetClients",
        "GetClientsDetails",
        "GetContacts",
        "ResetPassword",
        "CreateClientInvite",
    ];
    use roster::whmcs_api::actions::Action;
    let named: std::collections::BTreeSet<String> = changes
        .iter()
        .chain(&allowed)
        .map(|a| format!("{:?}", Action::find(a).expect(a)))
        .collect();
    let every: std::collections::BTreeSet<String> =
        Action::ALL.iter().map(|a| format!("{a:?}")).collect();
    assert_eq!(named, every, "every action is named here, once");
    let before = app.db_snapshot().await;
    for action in changes {
        let (status, body) = support.call(action, &fields).await;
        assert_eq!(status, 403, "{action}: {body}");
        assert_eq!(body["result"], "error", "{action}");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .starts_with("Invalid Permissions"),
            "{action}: {body}"
        );
    }
    assert_eq!(app.db_snapshot().await, before, "a refused action wrote");
    for action in allowed {
        let (status, body) = support.call(action, &fields).await;
        assert_ne!(status, 403, "{action}: {body}");
    }
}
