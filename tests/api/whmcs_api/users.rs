//! The Users actions: AddUser, GetUsers, UpdateUser, ResetPassword (GetPermissionsList is in
//! endpoint.rs).

use roster::admins::Role;
use serde_json::json;

use super::Caller;
use crate::helpers::{Backend, mail_sink, spawn_app, unique_email};

async fn users_are_added_listed_and_updated(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let email = unique_email("ada");

    // AddUser: its refusals in WHMCS's words, then a user whose id is a number in a string.
    let full = [
        ("firstname", "Grace"),
        ("lastname", "Hopper"),
        ("email", email.as_str()),
        ("password2", "correct horse battery"),
        ("language", "german"),
    ];
    let without = |key: &str| -> Vec<(&str, &str)> {
        full.iter().copied().filter(|(k, _)| *k != key).collect()
    };
    for (missing, message) in [
        ("firstname", "You did not enter a first name"),
        ("lastname", "You did not enter a last name"),
        ("email", "You did not enter an email address"),
        ("password2", "You did not enter a password"),
    ] {
        assert_eq!(api.error("AddUser", &without(missing)).await, message);
    }
    let mut bad_email = without("email");
    bad_email.push(("email", "not an address"));
    assert_eq!(
        api.error("AddUser", &bad_email).await,
        "The email address entered is not valid"
    );
    let added = api.ok("AddUser", &full).await;
    let user_id = added["user_id"]
        .as_str()
        .expect("user_id is a string")
        .to_owned();
    assert!(user_id.parse::<i64>().unwrap() > 0);
    assert_eq!(
        api.error("AddUser", &full).await,
        "A user already exists with that email address"
    );
    // The new user signs in with that password.
    app.login_ok(&email, "correct horse battery").await;

    // A client user with an account (the owner) is listed with their client and the flag.
    let owner_email = unique_email("owner");
    app.signup(&owner_email, "correct horse battery").await;
    let all = api.ok("GetUsers", &[]).await;
    assert_eq!(
        (
            all["totalresults"].as_i64(),
            all["startnumber"].as_i64(),
            all["numreturned"].as_i64()
        ),
        (Some(2), Some(0), Some(2))
    );
    let users = all["users"].as_array().unwrap();
    assert_eq!(
        users[0]["id"].as_i64(),
        Some(user_id.parse().unwrap()),
        "ids are numbers here"
    );
    assert_eq!(users[0]["email"], email.as_str());
    assert_eq!(users[0]["clients"], json!([]));
    let datecreated = users[0]["datecreated"].as_str().unwrap();
    assert!(
        datecreated.len() == 19 && datecreated.as_bytes()[10] == b' ',
        "Y-m-d H:i:s: {datecreated}"
    );
    let owner = &users[1];
    assert_eq!(owner["clients"].as_array().unwrap().len(), 1, "{owner}");
    assert_eq!(owner["clients"][0]["isOwner"], true);
    assert!(owner["clients"][0]["id"].is_i64());

    // Paging and search (a prefix of the email or a name), sorting.
    let page = api
        .ok("GetUsers", &[("limitstart", "1"), ("limitnum", "1")])
        .await;
    assert_eq!(
        (
            page["totalresults"].as_i64(),
            page["startnumber"].as_i64(),
            page["numreturned"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(page["users"][0]["email"], owner_email.as_str());
    let past = api.ok("GetUsers", &[("limitstart", "5")]).await;
    assert_eq!(
        (past["numreturned"].as_i64(), &past["users"]),
        (Some(0), &json!([])),
        "an empty page still counts"
    );
    let found = api.ok("GetUsers", &[("search", "hopp")]).await;
    assert_eq!(
        (found["totalresults"].as_i64(), &found["users"][0]["email"]),
        (Some(1), &json!(email))
    );
    let found = api.ok("GetUsers", &[("search", "opper")]).await;
    assert_eq!(
        found["totalresults"].as_i64(),
        Some(0),
        "a prefix, not a substring"
    );
    let desc = api.ok("GetUsers", &[("sorting", "DESC")]).await;
    assert_eq!(desc["users"][0]["email"], owner_email.as_str());

    // UpdateUser.
    assert_eq!(
        api.error("UpdateUser", &[("user_id", "999999"), ("firstname", "X")])
            .await,
        "Invalid User ID requested"
    );
    assert_eq!(
        api.error("UpdateUser", &[("user_id", &user_id)]).await,
        "One of `email`, `firstname`, `lastname`, or `language` is required"
    );
    assert_eq!(
        api.error(
            "UpdateUser",
            &[("user_id", &user_id), ("email", owner_email.as_str())]
        )
        .await,
        "A user already exists with that email address"
    );
    assert_eq!(
        api.error("UpdateUser", &[("user_id", &user_id), ("email", "nope")])
            .await,
        "The email address entered is not valid"
    );
    let updated = api
        .ok(
            "UpdateUser",
            &[
                ("user_id", &user_id),
                ("lastname", "King"),
                ("language", "french"),
            ],
        )
        .await;
    assert_eq!(updated["user_id"], user_id.as_str());
    let token = app.login_ok(&email, "correct horse battery").await;
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&token), None)
        .await;
    assert_eq!(
        (me["last_name"].as_str(), me["language"].as_str()),
        (Some("King"), Some("fr"))
    );

    // Each change is audited with the credential as the actor.
    let actors: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT actor_kind, actor_id FROM audit_events WHERE action IN ('user.created', 'user.updated') \
         AND user_id = $1",
    )
    .bind(me["id"].as_str().unwrap().to_owned())
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(actors.len(), 2, "{actors:?}");
    for (kind, id) in actors {
        assert_eq!(kind, "admin");
        assert!(id.unwrap().starts_with("api-"));
    }
}

async fn reset_password_sends_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = Caller::new(&app, Role::Support).await;
    let email = unique_email("forgetful");
    app.signup(&email, "correct horse battery").await;
    assert_eq!(
        api.error("ResetPassword", &[]).await,
        "Please enter the email address or provide the id"
    );
    assert_eq!(
        api.error("ResetPassword", &[("email", "nope")]).await,
        "Please provide a valid email address"
    );
    assert_eq!(
        api.error("ResetPassword", &[("email", &unique_email("nobody"))])
            .await,
        "User Not Found"
    );
    assert_eq!(
        api.error("ResetPassword", &[("id", "999999")]).await,
        "User Not Found"
    );
    // The sign-up's verification mail first, so that it is not taken for the reset link.
    let before = mail_sink().wait_for(&email, 1).await.len();
    api.ok("ResetPassword", &[("email", &email.to_uppercase())])
        .await;
    let mails = mail_sink().wait_for(&email, before + 1).await;
    assert!(
        mails
            .last()
            .unwrap()
            .subject()
            .to_lowercase()
            .contains("password"),
        "{}",
        mails.last().unwrap().subject()
    );
    let users = api.ok("GetUsers", &[("search", &email)]).await;
    let id = users["users"][0]["id"].as_i64().unwrap().to_string();
    api.ok("ResetPassword", &[("id", &id)]).await;
    mail_sink().wait_for(&email, before + 2).await;
}

both_backends!(
    users_are_added_listed_and_updated,
    reset_password_sends_the_link
);
