//! Journey 2: a `support` staff member sees no transfer, remove or permission controls, and a
//! hand-made post for each is refused and writes nothing; the same role's API token is refused the
//! same calls. Journey 5: a client user's cookie gets no admin page and a staff cookie gets no
//! client-area page. And the admin area's forms refuse cross-site posts.

use serde_json::json;

use super::transfer::client_with_member;
use super::{sign_in, staff_over_http, staff_set_up};
use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::{
    Backend, PageBrowser, TestApp, csrf_token_in, spawn_app, totp_code, unique_email,
};
use roster::admins::Role;

/// What a support member's refused post must leave as it was: the owner, the members with their
/// permissions, the profile, and the number of audit events.
async fn snapshot(app: &TestApp, client: &str) -> (String, String, String, i64) {
    let owner: String = app
        .scalar("SELECT owner_user_id FROM accounts WHERE id = $1", client)
        .await;
    let members: String = app
        .scalar(
            "SELECT COALESCE(group_concat(user_id || ':' || permissions), '') FROM memberships \
             WHERE account_id = $1",
            client,
        )
        .await;
    let status: String = app
        .scalar(
            "SELECT status || '|' || COALESCE(company_name, '') FROM accounts WHERE id = $1",
            client,
        )
        .await;
    let events: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_events WHERE account_id = $1",
            client,
        )
        .await;
    (owner, members, status, events)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_staff_see_no_change_controls_and_their_posts_change_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, member, member_id) = client_with_member(&app, "Pier Hosting").await;
    let id = client["id"].as_str().unwrap();
    // What a support member sees in the browser: the users, the invite form, no change control.
    let (support_email, secret) = staff_set_up(&app, Role::Support).await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    sign_in(&browser, &app, &support_email, &secret).await;
    browser
        .open(&app.url(&format!("/admin/clients/{id}/users")))
        .await;
    let shown = browser.wait_for_text("Users of Pier Hosting").await;
    assert!(shown.contains(&member), "{shown}");
    let controls = browser.texts("main a, main button, main summary").await;
    for control in ["Make owner", "Remove", "Edit permissions", "Add the user"] {
        assert!(
            !controls.iter().any(|c| c.starts_with(control)),
            "support sees {control:?}: {controls:?}"
        );
    }
    assert!(
        controls.iter().any(|c| c == "Send the invitation"),
        "{controls:?}"
    );
    browser.click_link("Summary").await;
    browser.wait_for_text("Profile").await;
    let controls = browser.texts("main button, main summary").await;
    assert!(controls.is_empty(), "{controls:?}");
    browser.close().await;

    let (support, _) = staff_over_http(&app, Role::Support).await;
    let (status, html) = support.open(&format!("/admin/clients/{id}/users")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&member), "{html}");
    for control in [
        "Make owner",
        "Remove",
        "Edit permissions",
        "Add an existing user",
        "Save the profile",
    ] {
        assert!(!html.contains(control), "support sees {control:?}");
    }
    assert!(html.contains("Send the invitation"));
    let (_, summary) = support.open(&format!("/admin/clients/{id}")).await;
    assert!(!summary.contains("Save the profile") && !summary.contains("Close Pier Hosting"));

    let before = snapshot(&app, id).await;
    let owner_id = before.0.clone();
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            format!("/admin/clients/{id}/owner/{member_id}"),
            vec![("keep_previous_owner", "yes")],
        ),
        (
            format!("/admin/clients/{id}/users/{member_id}/remove"),
            vec![],
        ),
        (
            format!("/admin/clients/{id}/users/{member_id}/permissions"),
            vec![("permissions", "invoices")],
        ),
        (
            format!("/admin/clients/{id}/users"),
            vec![("email", "someone@example.com"), ("access", "all")],
        ),
        (
            format!("/admin/clients/{id}"),
            vec![("company_name", "Hijacked")],
        ),
        (format!("/admin/clients/{id}/close"), vec![]),
    ];
    for (path, fields) in &posts {
        support.open(&format!("/admin/clients/{id}/users")).await;
        let response = support.post_form(path, fields).await;
        assert_eq!(response.status().as_u16(), 403, "POST {path}");
        let text = response.text().await.unwrap();
        assert!(text.contains("Ask an administrator"), "{text}");
    }
    for page in [
        format!("/admin/clients/{id}/owner/{member_id}"),
        format!("/admin/clients/{id}/users/{member_id}/remove"),
    ] {
        assert_eq!(support.open(&page).await.0, 403, "GET {page}");
    }
    assert_eq!(snapshot(&app, id).await, before);

    // The same role's API token is refused the same calls, and writes nothing either.
    let now = app.state.clock.now_ms();
    let (token, _) = roster::admins::create(&app.state.db, now, "support-bot", Role::Support)
        .await
        .unwrap();
    let calls = [
        (
            "POST",
            format!("/api/v1/admin/accounts/{id}/owner"),
            Some(json!({ "user_id": member_id })),
        ),
        (
            "DELETE",
            format!("/api/v1/admin/accounts/{id}/users/{member_id}"),
            None,
        ),
        (
            "PATCH",
            format!("/api/v1/admin/accounts/{id}/users/{member_id}"),
            Some(json!({ "permissions": ["invoices"] })),
        ),
        (
            "POST",
            format!("/api/v1/admin/accounts/{id}/users"),
            Some(json!({ "user_id": owner_id, "permissions": [] })),
        ),
        (
            "PATCH",
            format!("/api/v1/admin/accounts/{id}"),
            Some(json!({ "status": "closed" })),
        ),
    ];
    for (method, path, body) in calls {
        let response = app.call(method, &path, Some(&token), body).await;
        assert_eq!(response.status().as_u16(), 403, "{method} {path}");
    }
    assert_eq!(snapshot(&app, id).await, before);

    // What support may do: invite.
    support.open(&format!("/admin/clients/{id}/users")).await;
    let invitee = unique_email("invitee");
    let (status, html) = support
        .submit(
            &format!("/admin/clients/{id}/invitations"),
            &[
                ("email", &invitee),
                ("access", "chosen"),
                ("permissions", "tickets"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("The invitation is on its way."), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_cookies_open_no_admin_page_and_staff_cookies_no_client_page() {
    let app = spawn_app(Backend::Sqlite).await;
    let email = unique_email("client");
    let (_, user_token) = app.signup(&email, PASSWORD).await;

    // In the browser: a client signed in to the client area meets the staff sign-in at /admin;
    // a staff member signed in to the admin area meets the client sign-in at /accounts.
    let client = Browser::start().await;
    crate::client_area::sign_in(&client, &app, &email).await;
    client.wait_for_text("Your accounts").await;
    client.open(&app.url("/admin/clients")).await;
    client.wait_for_text("Staff sign-in").await;
    assert!(client.path().await.starts_with("/admin/login"));
    client.close().await;
    let (staff_email, secret) = staff_set_up(&app, Role::Support).await;
    let staff_browser = Browser::start().await;
    sign_in(&staff_browser, &app, &staff_email, &secret).await;
    staff_browser.open(&app.url("/accounts")).await;
    staff_browser.wait_for_text("Sign in to").await;
    assert!(staff_browser.path().await.starts_with("/login"));
    staff_browser.open(&app.url("/me")).await;
    staff_browser.wait_for_text("Sign in to").await;
    staff_browser.close().await;

    // A signed-in client user is sent to the staff sign-in.
    let user = PageBrowser::new(&app);
    user.open("/login").await;
    user.submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    let (status, html) = user.open("/accounts").await;
    assert_eq!(status, 200);
    assert!(html.contains("Your accounts"));
    for page in ["/admin", "/admin/clients", "/admin/users"] {
        let (status, html) = user.open(page).await;
        assert_eq!(status, 200, "{page}");
        assert!(html.contains("Staff sign-in"), "{page}: {html}");
    }
    // Even the user's token presented as a staff cookie.
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = raw
        .get(app.url("/admin/clients"))
        .header(
            "cookie",
            format!("roster_staff={user_token}; roster_session={user_token}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 303);
    assert!(
        answer.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/admin/login")
    );

    // A signed-in staff member is sent to the client sign-in, and their token opens nothing.
    let (staff, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let (status, html) = staff.open("/accounts").await;
    assert_eq!(status, 200);
    assert!(html.contains("Sign in to"), "{html}");
    let (status, _) = staff.open("/me").await;
    assert_eq!(status, 200);

    let challenge = roster::staff::sign_in::first_step(
        &app.state,
        &staff_email,
        &secrecy::SecretString::from(PASSWORD.to_owned()),
        None,
        None,
    )
    .await
    .unwrap();
    let secret: String = app
        .scalar(
            "SELECT totp_secret FROM staff WHERE email_normalized = $1",
            &staff_email,
        )
        .await;
    let (staff_token, _) = roster::staff::sign_in::second_step(
        &app.state,
        &challenge,
        &totp_code(&app, &secret),
        None,
        None,
        None,
    )
    .await
    .unwrap();
    let answer = raw
        .get(app.url("/accounts"))
        .header(
            "cookie",
            format!("roster_session={staff_token}; roster_staff={staff_token}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 303);
    assert!(
        answer.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    let answer = app
        .call("GET", "/api/v1/me", Some(&staff_token), None)
        .await;
    assert_eq!(answer.status().as_u16(), 401);
    let answer = app
        .call("GET", "/api/v1/admin/accounts", Some(&staff_token), None)
        .await;
    assert_eq!(answer.status().as_u16(), 401);
    // While the staff token opens the admin area.
    let answer = raw
        .get(app.url("/admin/clients"))
        .header("cookie", format!("roster_staff={staff_token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_forms_refuse_cross_site_posts_and_missing_tokens() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, _, member_id) = client_with_member(&app, "Dock Hosting").await;
    let id = client["id"].as_str().unwrap();
    let (admin, _) = staff_over_http(&app, Role::Administrator).await;
    admin.open(&format!("/admin/clients/{id}/users")).await;
    let before = snapshot(&app, id).await;
    let token = csrf_token_in(&admin.open(&format!("/admin/clients/{id}/users")).await.1).unwrap();
    let target = app.url(&format!("/admin/clients/{id}/users/{member_id}/remove"));
    // From Roster's own origin, with the staff session, but without the token.
    let response = admin
        .client
        .post(&target)
        .header("origin", &app.address)
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    // From another site, with the right token.
    let response = admin
        .client
        .post(&target)
        .header("origin", "https://evil.example")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("It came from another site")
    );
    assert_eq!(snapshot(&app, id).await, before);
}
