//! The account pages' forms without a browser: the overview's profile and contacts, leaving an
//! account, and `/me`.

use serde_json::json;

use crate::client_area::{PASSWORD, signed_up};
use crate::helpers::{Backend, PageBrowser, link_token, mail_sink, spawn_app_with, unique_email};
use crate::pages::{field_error, signed_in};

/// A member sees their own permissions and leaves after a confirmation step; the owner cannot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_leaves_and_the_owner_cannot() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let (owner, account) = signed_up(&app, &unique_email("owner")).await;
    let member_email = unique_email("member");
    app.signup(&member_email, PASSWORD).await;
    let token = app
        .invite(&owner, &account, &member_email, json!(["contacts"]))
        .await;
    let page = PageBrowser::new(&app);
    page.open("/login").await;
    page.submit(
        "/login",
        &[("email", &member_email), ("password", PASSWORD)],
    )
    .await;
    page.open(&format!("/invite/{token}")).await;
    page.submit(&format!("/invite/{token}/accept"), &[]).await;
    let (_, html) = page.open(&format!("/accounts/{account}")).await;
    assert!(html.contains("View &amp; Manage Contacts"), "{html}");
    assert!(html.contains("Add a contact"), "{html}");
    assert!(!html.contains("Save the profile"), "{html}");
    let (status, html) = page.open(&format!("/accounts/{account}/leave")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Leave"), "{html}");
    let (status, html) = page
        .submit(&format!("/accounts/{account}/leave"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("You left the account."), "{html}");
    assert!(!html.contains(&account), "{html}");
    let (status, _) = page.open(&format!("/accounts/{account}")).await;
    assert_eq!(status, 404);

    let owner_page = PageBrowser::new(&app);
    let owner_email: String = sqlx::query_scalar(
        "SELECT u.email FROM users u JOIN accounts a ON a.owner_user_id = u.id WHERE a.id = $1",
    )
    .bind(account.clone())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    owner_page.open("/login").await;
    owner_page
        .submit("/login", &[("email", &owner_email), ("password", PASSWORD)])
        .await;
    let (status, html) = owner_page.open(&format!("/accounts/{account}/leave")).await;
    assert_eq!(status, 409, "{html}");
}

/// On `/me`: a password change needs the current one and ends the other sessions; an email
/// change needs the password and is verified at the new address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_changes_the_password_and_the_email_address() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("me");
    let (_, other_session) = app.signup(&email, PASSWORD).await;
    let page = signed_in(&app, &email).await;
    page.open("/me").await;
    let new_password = "a brand new passphrase";
    let (status, html) = page
        .submit(
            "/me/password",
            &[
                ("current_password", "not my password"),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "current_password").is_some(), "{html}");
    let (status, html) = page
        .submit(
            "/me/password",
            &[
                ("current_password", PASSWORD),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Your other sessions were signed out."),
        "{html}"
    );
    let me = app
        .call("GET", "/api/v1/me", Some(&other_session), None)
        .await;
    assert_eq!(me.status(), 401, "the other session lives on");
    assert_eq!(page.api("GET", "/api/v1/me").await.status(), 200);

    let new_email = unique_email("moved");
    let (status, html) = page
        .submit(
            "/me/email",
            &[("email", &new_email), ("current_password", new_password)],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Your email address changes when you open it."),
        "{html}"
    );
    assert!(
        !html.contains(&format!("<strong>{new_email}</strong>")),
        "{html}"
    );
    let mails = mail_sink().wait_for(&new_email, 1).await;
    assert_eq!(mails[0].subject(), "Confirm your new email address");
    let token = link_token(&mails[0], "verify-email");
    let link = format!("/verify-email/{token}");
    page.open(&link).await;
    let (status, html) = page.submit(&link, &[]).await;
    assert_eq!(status, 200, "{html}");
    let (_, html) = page.open("/me").await;
    assert!(
        html.contains(&format!("<strong>{new_email}</strong>")),
        "{html}"
    );
}

/// The owner edits the account profile and manages contacts on the overview; a refused value
/// shows next to its field; a member without `contacts` sees neither form and a hand-made post is
/// refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_edits_the_profile_and_the_contacts() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("owner");
    let (owner, account) = signed_up(&app, &email).await;
    let page = signed_in(&app, &email).await;
    let overview = format!("/accounts/{account}");
    page.open(&overview).await;
    let (status, html) = page
        .submit(
            &format!("{overview}/profile"),
            &[("company_name", "Olive Hosting"), ("country", "Germany")],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "country").is_some(), "{html}");
    assert!(html.contains("value=\"Olive Hosting\""), "{html}");
    let (status, html) = page
        .submit(
            &format!("{overview}/profile"),
            &[
                ("company_name", "Olive Hosting"),
                ("country", "de"),
                ("city", "Berlin"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("The account profile is saved."), "{html}");
    let saved = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        (saved["country"].as_str(), saved["city"].as_str()),
        (Some("DE"), Some("Berlin"))
    );
    // The client number support staff ask for, as the API gives it.
    let number = saved["number"].as_i64().expect("the account's number");
    assert!(
        html.contains(&format!("Client number: <strong>{number}</strong>")),
        "{html}"
    );

    let (status, html) = page
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", "not an address"),
                ("email_preferences", "billing"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "email").is_some(), "{html}");
    assert!(html.contains("value=\"billing\" checked"), "{html}");
    let contact_email = unique_email("billing");
    let (status, html) = page
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", &contact_email),
                ("email_preferences", "billing"),
                ("email_preferences", "support"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Billing, Support"), "{html}");
    let contacts = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/contacts"),
            Some(&owner),
            None,
        )
        .await;
    let id = contacts[0]["id"].as_str().unwrap().to_owned();
    page.open(&format!("{overview}/contacts/{id}")).await;
    let (status, html) = page
        .submit(
            &format!("{overview}/contacts/{id}"),
            &[
                ("first_name", "Billy"),
                ("last_name", "Ing"),
                ("email", &contact_email),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Billy Ing") && html.contains("nothing"),
        "{html}"
    );
    let (status, html) = page
        .submit(&format!("{overview}/contacts/{id}/delete"), &[])
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("No contacts yet."), "{html}");

    // A member without `contacts` or `profile`: no forms, and a hand-made post is refused.
    let member_email = unique_email("member");
    app.signup(&member_email, PASSWORD).await;
    let token = app
        .invite(&owner, &account, &member_email, json!(["tickets"]))
        .await;
    let member = signed_in(&app, &member_email).await;
    member.open(&format!("/invite/{token}")).await;
    member.submit(&format!("/invite/{token}/accept"), &[]).await;
    let (_, html) = member.open(&overview).await;
    assert!(
        !html.contains("Add a contact") && !html.contains("Save the profile"),
        "{html}"
    );
    let (status, html) = member
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "X"),
                ("last_name", "Y"),
                ("email", &unique_email("x")),
            ],
        )
        .await;
    assert_eq!(status, 403, "{html}");
    let count: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM contacts WHERE account_id = $1",
            &account,
        )
        .await;
    assert_eq!(count, 0);
}
