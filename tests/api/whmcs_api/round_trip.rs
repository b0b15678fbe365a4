//! The round trip, as a provider's script would run it against WHMCS.

use roster::admins::Role;
use serde_json::json;

use super::{Caller, PASSWORD};
use crate::helpers::{Backend, invitation_token, spawn_app, unique_email};

async fn a_script_manages_a_clients_users_end_to_end(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;

    // AddClient with a new owner; GetClientsDetails shows that owner in users.user[].
    let owner_email = unique_email("owner");
    let added = api
        .ok(
            "AddClient",
            &[
                ("firstname", "Olive"),
                ("lastname", "Owner"),
                ("email", &owner_email),
                ("password2", PASSWORD),
                ("address1", "1 Main St"),
                ("city", "Springfield"),
                ("state", "IL"),
                ("postcode", "62701"),
                ("country", "US"),
                ("phonenumber", "+1 217 555 0100"),
            ],
        )
        .await;
    let client_id = added["clientid"].as_str().unwrap().to_owned();
    let owner_id = added["owner_user_id"].as_i64().unwrap();
    let details = api
        .ok("GetClientsDetails", &[("clientid", &client_id)])
        .await;
    assert_eq!(
        details["client"]["users"]["user"],
        json!([{ "id": owner_id, "name": "Olive Owner", "email": owner_email, "is_owner": true }])
    );
    let account = details["client"]["uuid"].as_str().unwrap().to_owned();

    // CreateClientInvite; the invitee accepts through the emailed link.
    let invitee = unique_email("invitee");
    api.ok(
        "CreateClientInvite",
        &[
            ("client_id", &client_id),
            ("email", &invitee),
            ("permissions", "invoices,tickets"),
        ],
    )
    .await;
    let (token, _) = invitation_token(&invitee, 1).await;
    let preview = app.invitation_preview(&token).await;
    assert_eq!(preview["state"], "pending", "{preview}");
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{token}/accept"),
        None,
        Some(json!({ "signup": { "email": invitee, "password": PASSWORD, "first_name": "Ivy", "last_name": "Invitee" } })),
    )
    .await;
    let invitee_token = app.login_ok(&invitee, PASSWORD).await;
    app.expect(
        200,
        "GET",
        &format!("/api/v1/accounts/{account}"),
        Some(&invitee_token),
        None,
    )
    .await;

    // GetUsers: the invitee on that client, not the owner; the owner, the owner.
    let client_number: i64 = client_id.parse().unwrap();
    let listed = api.ok("GetUsers", &[("search", &invitee)]).await;
    let invitee_id = listed["users"][0]["id"].as_i64().unwrap();
    assert_eq!(
        listed["users"][0]["clients"],
        json!([{ "id": client_number, "isOwner": false }])
    );
    let listed = api.ok("GetUsers", &[("search", &owner_email)]).await;
    assert_eq!(
        listed["users"][0]["clients"],
        json!([{ "id": client_number, "isOwner": true }])
    );

    // UpdateUserPermissions → GetUserPermissions shows them.
    let user = invitee_id.to_string();
    let pair = [
        ("user_id", user.as_str()),
        ("client_id", client_id.as_str()),
    ];
    let mut fields = pair.to_vec();
    fields.push(("permissions", "domains,managedomains"));
    api.ok("UpdateUserPermissions", &fields).await;
    let perms = api.ok("GetUserPermissions", &pair).await;
    assert_eq!(perms["permissions"], json!(["domains", "managedomains"]));

    // DeleteUserClient: the user's next request to that account is refused.
    api.ok("DeleteUserClient", &pair).await;
    let status = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&invitee_token),
            None,
        )
        .await
        .status();
    assert_eq!(status, 404);

    // A support credential on a forbidden action, and a revoked credential: 403.
    let support = Caller::new(&app, Role::Support).await;
    let (status, body) = support.call("UpdateUserPermissions", &fields).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (
            403,
            Some("Invalid Permissions: API action \"updateuserpermissions\" is not allowed")
        )
    );
    let name: String = sqlx::query_scalar("SELECT name FROM admin_tokens WHERE identifier = $1")
        .bind(api.identifier.clone())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(
        app.revoke_credential(roster::admins::Kind::ApiCredential, &name)
            .await
    );
    let (status, body) = api.call("GetUsers", &[]).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (403, Some("Invalid or missing credentials"))
    );
}

both_backends!(a_script_manages_a_clients_users_end_to_end);
