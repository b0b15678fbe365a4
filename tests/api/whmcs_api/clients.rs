//! The Clients actions: AddClient, GetClients, GetClientsDetails, UpdateClient, CloseClient.

use roster::admins::Role;
use serde_json::json;

use super::{Caller, PASSWORD};
use crate::helpers::{Backend, spawn_app, unique_email};

pub fn client_fields(email: &str) -> Vec<(&str, &str)> {
    vec![
        ("firstname", "Linus"),
        ("lastname", "Owner"),
        ("email", email),
        ("password2", PASSWORD),
        ("companyname", "Penguin Hosting"),
        ("address1", "1 Ice Road"),
        ("city", "Helsinki"),
        ("state", "Uusimaa"),
        ("postcode", "00100"),
        ("country", "fi"),
        ("phonenumber", "+358 9 123"),
        ("currency", "1"),
        ("customfields", "YToxOntpOjE7czozOiJ4eXoiO30="),
        ("language", "english"),
    ]
}

fn replace<'a>(
    mut fields: Vec<(&'a str, &'a str)>,
    key: &'a str,
    value: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    fields.retain(|(k, _)| *k != key);
    if let Some(value) = value {
        fields.push((key, value));
    }
    fields
}

async fn clients_are_added_read_changed_and_closed(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let email = unique_email("linus");
    let fields = client_fields(&email);

    // AddClient's refusals, each writing nothing.
    for (key, value, message) in [
        ("email", None, "You did not enter your email address"),
        (
            "email",
            Some("not an address"),
            "The email address you entered was not valid",
        ),
        ("firstname", None, "You did not enter your first name"),
        ("lastname", None, "You did not enter your last name"),
        ("password2", None, "You did not enter a password"),
        ("address1", None, "You did not enter your address line 1"),
        ("city", None, "You did not enter your city"),
        ("postcode", None, "You did not enter your postcode"),
        ("country", None, "Valid country required"),
        ("country", Some("Finland"), "Valid country required"),
        ("phonenumber", None, "You did not enter your phone number"),
        ("owner_user_id", Some("999999"), "Invalid Owner User ID"),
    ] {
        assert_eq!(
            api.error("AddClient", &replace(fields.clone(), key, value))
                .await,
            message,
            "{key}"
        );
    }
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(accounts, 0);

    // A new owner from the client's own fields: custom fields and WHMCS's currency id are
    // accepted and ignored.
    let added = api.ok("AddClient", &fields).await;
    let client_id = added["clientid"]
        .as_str()
        .expect("clientid is a string")
        .to_owned();
    let owner_id = added["owner_user_id"].as_i64().unwrap();
    assert_eq!(
        api.error("AddClient", &fields).await,
        "A user already exists with that email address"
    );
    app.login_ok(&email, PASSWORD).await;

    // The same owner's second client, without the address (skipvalidation).
    let second_email = unique_email("second");
    let owner = owner_id.to_string();
    let second = api
        .ok(
            "AddClient",
            &[
                ("owner_user_id", owner.as_str()),
                ("email", &second_email),
                ("skipvalidation", "1"),
                ("companyname", "Second Co"),
            ],
        )
        .await;
    let second_id = second["clientid"].as_str().unwrap().to_owned();
    assert_eq!(second["owner_user_id"].as_i64(), Some(owner_id));

    // GetClientsDetails, by id and by email: the owner in users.user[], the fields at the top
    // level too.
    let details = api
        .ok("GetClientsDetails", &[("clientid", &client_id)])
        .await;
    let c = &details["client"];
    assert_eq!(c["id"].as_i64().unwrap().to_string(), client_id);
    assert_eq!(
        (c["userid"].clone(), c["client_id"].clone()),
        (c["id"].clone(), c["id"].clone())
    );
    assert_eq!(c["owner_user_id"].as_i64(), Some(owner_id));
    assert_eq!(
        (
            c["firstname"].as_str(),
            c["companyname"].as_str(),
            c["countrycode"].as_str(),
            c["status"].as_str()
        ),
        (
            Some("Linus"),
            Some("Penguin Hosting"),
            Some("FI"),
            Some("Active")
        )
    );
    assert_eq!(
        c["users"]["user"],
        json!([{ "id": owner_id, "name": "Linus Owner", "email": email, "is_owner": true }])
    );
    assert_eq!(
        details["firstname"], "Linus",
        "the deprecated top-level copy"
    );
    let by_email = api
        .ok(
            "GetClientsDetails",
            &[("email", &second_email.to_uppercase())],
        )
        .await;
    assert_eq!(
        by_email["client"]["id"].as_i64().unwrap().to_string(),
        second_id
    );
    assert_eq!(
        api.error("GetClientsDetails", &[]).await,
        "Either clientid Or email Is Required"
    );
    assert_eq!(
        api.error("GetClientsDetails", &[("clientid", "999999")])
            .await,
        "Client Not Found"
    );
    assert_eq!(
        api.error("GetClientsDetails", &[("email", &unique_email("none"))])
            .await,
        "Client Not Found"
    );

    // UpdateClient and CloseClient.
    let updated = api
        .ok(
            "UpdateClient",
            &[
                ("clientid", &client_id),
                ("companyname", "Penguin Cloud"),
                ("status", "Inactive"),
            ],
        )
        .await;
    assert_eq!(
        updated["clientid"],
        client_id.as_str(),
        "a string, as WHMCS's clients expect"
    );
    assert_eq!(
        api.error(
            "UpdateClient",
            &[("clientid", "999999"), ("companyname", "X")]
        )
        .await,
        "Client ID Not Found"
    );
    assert_eq!(
        api.error(
            "UpdateClient",
            &[("clientid", &client_id), ("country", "Suomi")]
        )
        .await,
        "Valid country required"
    );
    assert!(
        api.error(
            "UpdateClient",
            &[("clientid", &client_id), ("status", "Gone")]
        )
        .await
        .starts_with("Invalid status")
    );
    api.ok(
        "UpdateClient",
        &[("clientemail", &second_email), ("city", "Espoo")],
    )
    .await;
    let closed = api.ok("CloseClient", &[("clientid", &second_id)]).await;
    assert_eq!(closed["clientid"], second_id.as_str());
    assert_eq!(
        api.error("CloseClient", &[("clientid", "999999")]).await,
        "Client ID Not Found"
    );

    // GetClients: paging, status, search, order; an empty page still counts.
    let all = api.ok("GetClients", &[]).await;
    assert_eq!(
        (
            all["totalresults"].as_i64(),
            all["numreturned"].as_i64(),
            all["startnumber"].as_i64()
        ),
        (Some(2), Some(2), Some(0))
    );
    let first = &all["clients"]["client"][0];
    assert_eq!(
        (
            first["companyname"].as_str(),
            first["status"].as_str(),
            first["firstname"].as_str(),
            first["email"].as_str()
        ),
        (
            Some("Penguin Cloud"),
            Some("Inactive"),
            Some("Linus"),
            Some(email.as_str())
        )
    );
    assert_eq!(first["datecreated"].as_str().unwrap().len(), 10, "Y-m-d");
    let closed = api.ok("GetClients", &[("status", "Closed")]).await;
    assert_eq!(closed["totalresults"].as_i64(), Some(1));
    assert_eq!(closed["clients"]["client"][0]["companyname"], "Second Co");
    let found = api.ok("GetClients", &[("search", "penguin")]).await;
    assert_eq!(found["totalresults"].as_i64(), Some(1));
    let by_name = api
        .ok(
            "GetClients",
            &[("orderby", "companyname"), ("sorting", "DESC")],
        )
        .await;
    assert_eq!(by_name["clients"]["client"][0]["companyname"], "Second Co");
    let empty = api.ok("GetClients", &[("limitstart", "10")]).await;
    assert_eq!(
        (empty["numreturned"].as_i64(), &empty["clients"]),
        (Some(0), &json!({ "client": [] }))
    );

    // A support credential reads, and may not add or change clients.
    let support = Caller::new(&app, Role::Support).await;
    support.ok("GetClients", &[]).await;
    support
        .ok("GetClientsDetails", &[("clientid", &client_id)])
        .await;
    for action in ["AddClient", "UpdateClient", "CloseClient"] {
        let (status, _) = support
            .call(action, &[("clientid", &client_id), ("status", "Active")])
            .await;
        assert_eq!(status, 403, "{action}");
    }
    let details = api
        .ok("GetClientsDetails", &[("clientid", &client_id)])
        .await;
    assert_eq!(details["client"]["status"], "Inactive", "nothing changed");
}

/// DeleteClient: the account, its memberships, contacts and invitations go; users stay, or with
/// `deleteusers` go when they reach nothing else, never when they own another account.
async fn delete_client_keeps_what_others_need(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let owner_email = unique_email("owner");
    let (first_id, owner) = api.new_client(&owner_email).await;
    let second = api
        .ok(
            "AddClient",
            &[
                ("owner_user_id", &owner),
                ("email", &unique_email("second")),
                ("skipvalidation", "1"),
            ],
        )
        .await;
    let second_id = second["clientid"].as_str().unwrap().to_owned();
    // A user who reaches only the first client, and a contact and an invitation on it.
    let helper_email = unique_email("helper");
    let helper = api
        .ok(
            "AddUser",
            &[
                ("firstname", "H"),
                ("lastname", "E"),
                ("email", &helper_email),
                ("password2", PASSWORD),
            ],
        )
        .await;
    let helper_id = helper["user_id"].as_str().unwrap().to_owned();
    let uuid = api
        .ok("GetClientsDetails", &[("clientid", &first_id)])
        .await["client"]["uuid"]
        .as_str()
        .unwrap()
        .to_owned();
    let admin = app.admin_token().await;
    let helper_uuid = app
        .expect(
            200,
            "GET",
            &format!(
                "/api/v1/admin/users?search={}",
                helper_email.replace('@', "%40")
            ),
            Some(&admin),
            None,
        )
        .await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{uuid}/users"),
        Some(&admin),
        Some(json!({"user_id": helper_uuid, "permissions": ["invoices"]})),
    )
    .await;
    api.ok(
        "AddContact",
        &[
            ("clientid", &first_id),
            ("firstname", "C"),
            ("lastname", "T"),
            ("email", &unique_email("contact")),
        ],
    )
    .await;
    api.ok(
        "CreateClientInvite",
        &[
            ("client_id", &first_id),
            ("email", &unique_email("invitee")),
            ("permissions", "tickets"),
        ],
    )
    .await;

    assert_eq!(
        api.error("DeleteClient", &[("clientid", "999999")]).await,
        "Client ID Not Found"
    );
    let support = Caller::new(&app, Role::Support).await;
    assert_eq!(
        support
            .call("DeleteClient", &[("clientid", &first_id)])
            .await
            .0,
        403
    );

    let deleted = api
        .ok(
            "DeleteClient",
            &[("clientid", &first_id), ("deleteusers", "1")],
        )
        .await;
    assert_eq!(deleted["clientid"], first_id.as_str());
    assert_eq!(
        api.error("GetClientsDetails", &[("clientid", &first_id)])
            .await,
        "Client Not Found"
    );
    let count = |table: &'static str| {
        let pool = app.state.db.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {table}"
            )))
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(
        (count("contacts").await, count("invitations").await),
        (0, 0)
    );
    // The helper reached only this client: gone. The owner owns the second client: kept.
    assert_eq!(
        api.error("UpdateUser", &[("user_id", &helper_id), ("firstname", "X")])
            .await,
        "Invalid User ID requested"
    );
    app.login_ok(&owner_email, PASSWORD).await;
    let still = api
        .ok("GetClientsDetails", &[("clientid", &second_id)])
        .await;
    assert_eq!(
        still["client"]["owner_user_id"]
            .as_i64()
            .unwrap()
            .to_string(),
        owner
    );
    // Audited as the credential.
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_events WHERE action IN ('account.deleted', 'user.deleted') ORDER BY occurred_at, id",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(actions, ["account.deleted", "user.deleted"]);

    // Without deleteusers, the owner and their other client stay whatever happens.
    api.ok("DeleteClient", &[("clientid", &second_id)]).await;
    app.login_ok(&owner_email, PASSWORD).await;
}

both_backends!(
    clients_are_added_read_changed_and_closed,
    delete_client_keeps_what_others_need
);
