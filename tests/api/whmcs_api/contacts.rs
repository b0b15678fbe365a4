//! The Contacts actions: GetContacts, AddContact, UpdateContact, DeleteContact.

use roster::admins::Role;
use serde_json::json;

use super::{Caller, PASSWORD};
use crate::helpers::{Backend, spawn_app, unique_email};

async fn contacts_are_added_listed_changed_and_deleted(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let owner_email = unique_email("owner");
    let (client_id, _) = api.new_client(&owner_email).await;
    let client = client_id.as_str();

    // AddContact's refusals.
    let billing = unique_email("billing");
    let fields = |email: &'static str| {
        vec![
            ("clientid", client),
            ("firstname", "Bill"),
            ("lastname", "Ing"),
            ("email", email),
        ]
    };
    assert_eq!(
        api.error("AddContact", &[("firstname", "Bill")]).await,
        "Client ID Not Found"
    );
    assert_eq!(
        api.error(
            "AddContact",
            &[("clientid", "999999"), ("firstname", "Bill")]
        )
        .await,
        "Client ID Not Found"
    );
    assert_eq!(
        api.error(
            "AddContact",
            &[
                ("clientid", client),
                ("lastname", "Ing"),
                ("email", &billing)
            ]
        )
        .await,
        "You did not enter a first name"
    );
    assert_eq!(
        api.error("AddContact", &fields("not an address")).await,
        "The email address entered is not valid"
    );

    // WHMCS 7.10+'s email_preferences[…], and a pre-8 script's sub-account fields (ignored: a
    // contact stays a contact and no login is made).
    let first = api
        .ok(
            "AddContact",
            &[
                ("clientid", client),
                ("firstname", "Bill"),
                ("lastname", "Ing"),
                ("email", &billing),
                ("phonenumber", "+1 555 0100"),
                ("address1", "ignored"),
                ("email_preferences[general]", "0"),
                ("email_preferences[invoice]", "1"),
                ("password2", PASSWORD),
                ("permissions", "invoices"),
            ],
        )
        .await;
    let first_id = first["contactid"]
        .as_str()
        .expect("contactid is a string")
        .to_owned();
    let logins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email_normalized = $1")
        .bind(billing.to_lowercase())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(logins, 0, "no login was made for a contact");
    // The older flags.
    let tech = unique_email("tech");
    let second = api
        .ok(
            "AddContact",
            &[
                ("clientid", client),
                ("firstname", "Tess"),
                ("lastname", "Tech"),
                ("email", &tech),
                ("domainemails", "1"),
                ("supportemails", "on"),
            ],
        )
        .await;
    let second_id = second["contactid"].as_str().unwrap().to_owned();

    // GetContacts: the client's, each with WHMCS's flags; filters; an empty page still counts.
    let listed = api.ok("GetContacts", &[("userid", client)]).await;
    assert_eq!(
        (
            listed["totalresults"].as_i64(),
            listed["numreturned"].as_i64()
        ),
        (Some(2), Some(2))
    );
    let c = &listed["contacts"]["contact"][0];
    assert_eq!(c["id"].as_i64().unwrap().to_string(), first_id);
    assert_eq!(
        c["userid"].as_i64().unwrap().to_string(),
        client_id,
        "userid is the client"
    );
    assert_eq!(
        (
            c["invoiceemails"].as_i64(),
            c["generalemails"].as_i64(),
            c["phonenumber"].as_str()
        ),
        (Some(1), Some(0), Some("+1 555 0100"))
    );
    let t = &listed["contacts"]["contact"][1];
    assert_eq!(
        (
            t["domainemails"].as_i64(),
            t["supportemails"].as_i64(),
            t["invoiceemails"].as_i64()
        ),
        (Some(1), Some(1), Some(0))
    );
    let by_email = api
        .ok("GetContacts", &[("email", &tech.to_uppercase())])
        .await;
    assert_eq!(by_email["totalresults"].as_i64(), Some(1));
    let none = api
        .ok("GetContacts", &[("userid", client), ("limitstart", "5")])
        .await;
    assert_eq!(
        (none["numreturned"].as_i64(), &none["contacts"]),
        (Some(0), &json!({ "contact": [] }))
    );
    assert_eq!(
        api.error("GetContacts", &[("userid", "999999")]).await,
        "Client ID Not Found"
    );

    // The owner sees the same contacts in Roster's own API.
    let details = api.ok("GetClientsDetails", &[("clientid", client)]).await;
    let account = details["client"]["uuid"].as_str().unwrap().to_owned();
    let token = app.login_ok(&owner_email, PASSWORD).await;
    let own = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/contacts"),
            Some(&token),
            None,
        )
        .await;
    let own = own["items"].as_array().or(own.as_array()).unwrap().clone();
    assert_eq!(own.len(), 2);
    assert_eq!(own[0]["email_preferences"], json!(["billing"]));

    // UpdateContact, DeleteContact.
    let updated = api
        .ok(
            "UpdateContact",
            &[
                ("contactid", &second_id),
                ("phonenumber", "+1 555 0199"),
                ("email_preferences[general]", "1"),
            ],
        )
        .await;
    assert_eq!(updated["contactid"], second_id.as_str());
    let listed = api
        .ok("GetContacts", &[("phonenumber", "+1 555 0199")])
        .await;
    assert_eq!(
        listed["contacts"]["contact"][0]["generalemails"].as_i64(),
        Some(1)
    );
    assert_eq!(
        listed["contacts"]["contact"][0]["domainemails"].as_i64(),
        Some(0),
        "the kinds sent replace the old ones"
    );
    assert_eq!(
        api.error(
            "UpdateContact",
            &[("contactid", "999999"), ("firstname", "X")]
        )
        .await,
        "Contact ID Not Found"
    );
    let support = Caller::new(&app, Role::Support).await;
    support.ok("GetContacts", &[]).await;
    let (status, _) = support
        .call("DeleteContact", &[("contactid", &first_id)])
        .await;
    assert_eq!(status, 403);
    api.ok("DeleteContact", &[("contactid", &first_id)]).await;
    assert_eq!(
        api.error("DeleteContact", &[("contactid", &first_id)])
            .await,
        "Contact ID Not Found"
    );
    let left = api.ok("GetContacts", &[("userid", client)]).await;
    assert_eq!(left["totalresults"].as_i64(), Some(1));
    // Each change recorded its domain event (rule 10), beside its audit event.
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM domain_events WHERE kind LIKE 'contact.%' ORDER BY seq",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        kinds,
        [
            "contact.created",
            "contact.created",
            "contact.updated",
            "contact.deleted"
        ]
    );
}

both_backends!(contacts_are_added_listed_changed_and_deleted);
