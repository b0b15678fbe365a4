//! Journey 1: a staff member created with the CLI opens the link, sets a password, enrols TOTP,
//! signs in, finds a client by search, and on its Users tab makes a member the owner, keeping the
//! previous owner; afterwards the new owner reaches User Management in the client area and the
//! previous owner does not. On SQLite and PostgreSQL.

use serde_json::{Value, json};

use super::{set_up, sign_in, staff_via_cli};
use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::{Backend, PageBrowser, TestApp, spawn_app, unique_email};

/// A client named `company` with a new owner, and a second user with `tickets` on it; answers
/// (client, owner's email, member's email, member's id).
pub async fn client_with_member(app: &TestApp, company: &str) -> (Value, String, String, String) {
    let admin = app.admin_token().await;
    let owner = unique_email("owner");
    let client = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({ "email": owner, "first_name": "Olga", "last_name": "Owner", "password": PASSWORD,
                         "account": { "company_name": company } })),
        )
        .await;
    let member = unique_email("member");
    let (member_id, _) = app.signup(&member, PASSWORD).await;
    let id = client["id"].as_str().unwrap();
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{id}/users"),
        Some(&admin),
        Some(json!({ "user_id": member_id, "permissions": ["tickets"] })),
    )
    .await;
    (client, owner, member, member_id)
}

/// Signs `email` in to the client area over HTTP and opens User Management of `client`: the
/// status and what the page says.
async fn user_management_as(app: &TestApp, email: &str, client: &str) -> (u16, String) {
    let page = PageBrowser::new(app);
    page.open("/login").await;
    let (status, _) = page
        .submit("/login", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200);
    page.open(&format!("/accounts/{client}/users")).await
}

async fn staff_make_a_member_the_owner_keeping_the_previous_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (client, owner, member, member_id) = client_with_member(&app, "Harbour Hosting").await;
    let id = client["id"].as_str().unwrap();
    // Other clients, so that the search has something to leave out.
    client_with_member(&app, "Quay Web Services").await;

    let staff = unique_email("staff");
    let link = staff_via_cli(&app, &staff, "administrator");
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    let secret = set_up(&browser, &app, &link).await;
    sign_in(&browser, &app, &staff, &secret).await;

    browser.fill("f-search", "harbour").await;
    browser.click("Find").await;
    let shown = browser.wait_for_text("Clients found").await;
    assert!(shown.contains("Harbour Hosting"), "{shown}");
    assert!(!shown.contains("Quay Web Services"), "{shown}");
    browser.screenshot("admin-clients").await;
    browser.click_link("Harbour Hosting").await;
    browser.wait_for_text("Owner").await;
    browser.click_css("nav.tabs a[href$='/users']").await;
    let shown = browser.wait_for_text("Users of Harbour Hosting").await;
    assert!(shown.contains(&owner) && shown.contains(&member), "{shown}");
    assert!(shown.contains("View & Open Support Tickets"), "{shown}");
    browser.screenshot("admin-users-tab").await;
    // Tidy on a phone: nothing reaches past the window's edge on the list or the tab.
    browser.resize(390, 900).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("admin-users-tab-phone").await;
    browser
        .open(&app.url("/admin/clients?search=harbour"))
        .await;
    browser.wait_for_text("Clients found").await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("admin-clients-phone").await;
    browser.resize(1280, 900).await;
    browser
        .open(&app.url(&format!("/admin/clients/{id}/users")))
        .await;
    browser.wait_for_text("Users of Harbour Hosting").await;

    browser
        .click_css(&format!("a[href='/admin/clients/{id}/owner/{member_id}']"))
        .await;
    let shown = browser.wait_for_text("the owner?").await;
    assert!(shown.contains(&member), "{shown}");
    assert!(
        browser
            .is_checked_css("input[name=keep_previous_owner]")
            .await
    );
    browser.click("Make owner").await;
    browser.wait_for_text("Ownership was transferred.").await;
    let badges = browser.texts(&format!("tr#user-{member_id} .badge")).await;
    assert_eq!(badges, ["Owner"]);
    let previous = client["owner_user_id"].as_str().unwrap();
    assert!(
        browser
            .texts(&format!("tr#user-{previous} .badge"))
            .await
            .is_empty()
    );
    let row = browser
        .texts(&format!("tr#user-{previous}"))
        .await
        .remove(0);
    assert!(
        row.contains(&owner) && row.contains("View & Pay Invoices"),
        "{row}"
    );
    browser.close().await;

    let (status, html) = user_management_as(&app, &member, id).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Invite a user"), "{html}");
    let (status, html) = user_management_as(&app, &owner, id).await;
    assert_eq!(status, 403, "{html}");
    assert!(!html.contains("Invite a user"));

    // The change is the staff member's, in the audit log.
    let actor: String = app
        .scalar(
            "SELECT actor_id FROM audit_events WHERE action = 'account.ownership_changed' AND account_id = $1",
            id,
        )
        .await;
    assert_eq!(actor, staff);
}

both_backends!(staff_make_a_member_the_owner_keeping_the_previous_one);
