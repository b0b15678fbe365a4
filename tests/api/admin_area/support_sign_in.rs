//! Support signing in as a client (issue 28), from outside: a staff member opens the client area
//! as an owner from the admin area, sees the banner, narrows a member's permissions (audited under
//! both names), is refused what only the user may do (on the pages and the API), and the session
//! ends at its deadline, with "end now", and when the staff member signs out or is disabled; a
//! support member without the operation, `off` and `with_consent` start nothing. The user's side
//! of `with_consent` is `support_consent.rs`.

use std::time::Duration;

use serde_json::json;

use super::staff_over_http;
use super::transfer::client_with_member;
use crate::helpers::{Backend, PageBrowser, TestApp, spawn_app, spawn_app_with};
use crate::languages::{mail_titled, shown};
use roster::admins::Role;
use roster::settings::LoginAs;

/// The user id of `email`.
pub(super) async fn user_id(app: &TestApp, email: &str) -> String {
    roster::users::service::by_email(&app.state, email)
        .await
        .unwrap()
        .id
}

/// Whether `browser` is in a support sign-in (the client area shows its banner).
pub(super) async fn signed_in_to_client_area(browser: &PageBrowser) -> bool {
    let (_, html) = browser.open("/accounts").await;
    html.contains("support-banner")
}

/// The user `email`, signed in to the client area in a browser of their own.
pub(super) async fn signed_in_as(app: &TestApp, email: &str) -> PageBrowser {
    let own = PageBrowser::new(app);
    own.open("/login").await;
    let password = crate::client_area::PASSWORD;
    own.submit("/login", &[("email", email), ("password", password)])
        .await;
    own
}

/// The staff member `email` as a request of theirs carries them (from a made-up staff session).
pub(super) async fn identity_of(
    app: &TestApp,
    email: &str,
) -> roster::staff::sessions::StaffIdentity {
    let member = roster::staff::by_email(&app.state.db, email).await.unwrap();
    roster::staff::sessions::StaffIdentity {
        role: member.role(),
        staff_id: member.id,
        email: member.email,
        session_id: "a-staff-session".to_owned(),
        language: String::new(),
        time_zone: String::new(),
    }
}

/// A support sign-in started through the domain for `email` (a staff member), as the admin
/// page does: the session's bearer token.
pub(super) async fn started_for(app: &TestApp, email: &str, user: &str) -> String {
    let identity = identity_of(app, email).await;
    let ctx = identity.context(None);
    roster::staff::login_as::start(&app.state, &ctx, &identity, user, None)
        .await
        .unwrap()
        .token
}

/// Disables the staff member `email` (as an administrator would).
async fn disable(app: &TestApp, email: &str) {
    let member = roster::staff::by_email(&app.state.db, email).await.unwrap();
    let now = app.state.clock.now_ms();
    let ctx = roster::audit::Context::system();
    roster::staff::set_active(&app.state.db, &ctx, now, &member.id, false)
        .await
        .unwrap();
}

async fn staff_sign_in_as_an_owner(backend: Backend) {
    let app = spawn_app(backend).await;
    let (client, owner, _, member_id) = client_with_member(&app, "Acme Hosting").await;
    let client = client["id"].as_str().unwrap().to_owned();
    let owner_id = user_id(&app, &owner).await;
    let (staff, staff_email) = staff_over_http(&app, Role::Administrator).await;

    let (_, html) = staff.open(&format!("/admin/users/{owner_id}")).await;
    assert!(html.contains("Sign in as this user"), "{html}");
    let (status, html) = staff
        .submit(&format!("/admin/users/{owner_id}/sign-in-as"), &[])
        .await;
    assert_eq!(status, 200);
    let text = shown(&html);
    let until = roster::i18n::time_of_day("UTC", app.state.clock.now_ms() + 30 * 60 * 1000);
    assert!(
        text.contains(&format!(
            "Signed in by support ({staff_email}) until {until}."
        )),
        "{text}"
    );
    assert!(text.contains("Acme Hosting"), "{text}");
    // The owner is told, by email.
    let told = mail_titled(&owner, "Roster: support signed in to your account").await;
    assert!(
        told.body("text/plain")
            .unwrap_or_default()
            .contains(&staff_email),
        "{}",
        told.body("text/plain").unwrap_or_default()
    );

    // User Management as the owner: narrow the member's permissions.
    let (_, html) = staff.open(&format!("/accounts/{client}/users")).await;
    assert!(html.contains("support-banner"), "{html}");
    let (status, html) = staff
        .submit(
            &format!("/accounts/{client}/users/{member_id}/permissions"),
            &[],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("The permissions are saved."), "{html}");
    let filter = roster::audit::AuditFilter {
        account_id: Some(client.clone()),
        action: Some("membership.permissions_changed".to_owned()),
        limit: 10,
        ..Default::default()
    };
    let found = roster::audit::search(&app.state.db, &filter).await.unwrap();
    let event = &found[0];
    assert_eq!(event.actor_kind, "admin");
    assert_eq!(event.actor_id.as_deref(), Some(staff_email.as_str()));
    assert_eq!(event.on_behalf_of.as_deref(), Some(owner_id.as_str()));
    // Plugins read it in the event: who acted, for whom.
    let payload: String = sqlx::query_scalar(
        "SELECT payload FROM domain_events WHERE kind = 'membership.permissions_changed' \
         AND account_id = $1",
    )
    .bind(client.clone())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    let payload: serde_json::Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(payload["support_staff"], staff_email.as_str(), "{payload}");
    let (_, html) = staff.open(&format!("/admin/clients/{client}/audit")).await;
    let words = shown(&html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains(&format!("{staff_email} (admin) as the user {owner_id}")),
        "{words}"
    );

    // What only the owner may do: refused, with the reason, and nothing changes.
    staff.open("/me").await;
    let (status, html) = staff
        .submit(
            "/me/password",
            &[
                ("current_password", crate::client_area::PASSWORD),
                ("password", "another long passphrase"),
                ("password_confirm", "another long passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 403, "{html}");
    assert!(shown(&html).contains("only the user can"), "{html}");
    staff.open("/me").await;
    let (status, html) = staff
        .submit(
            "/me/totp",
            &[("current_password", crate::client_area::PASSWORD)],
        )
        .await;
    assert_eq!(status, 403, "{html}");
    assert!(shown(&html).contains("only the user can"), "{html}");
    app.login_ok(&owner, crate::client_area::PASSWORD).await;

    // "End now": back to the user's page in the admin area; the client area is closed.
    staff.open("/accounts").await;
    let (status, html) = staff.submit("/support/end", &[]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Sign in as this user"), "{html}");
    assert!(!signed_in_to_client_area(&staff).await);

    // The owner sees it on their own `/me`.
    let own = signed_in_as(&app, &owner).await;
    let (_, html) = own.open("/me").await;
    let history = shown(&html);
    assert!(history.contains("Support sign-ins"), "{history}");
    assert!(history.contains(&staff_email), "{history}");

    // The deadline ends the next one.
    staff.open(&format!("/admin/users/{owner_id}")).await;
    staff
        .submit(&format!("/admin/users/{owner_id}/sign-in-as"), &[])
        .await;
    assert!(signed_in_to_client_area(&staff).await);
    app.state.clock.advance(Duration::from_secs(31 * 60));
    assert!(!signed_in_to_client_area(&staff).await);
}

/// The API refuses a support sign-in what only the user may do, with its own code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_refuses_support_what_only_the_user_may_do() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, owner, _, _) = client_with_member(&app, "Acme Hosting").await;
    let client = client["id"].as_str().unwrap().to_owned();
    let owner_id = user_id(&app, &owner).await;
    let (_, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let token = started_for(&app, &staff_email, &owner_id).await;
    let refused = |body: serde_json::Value| {
        assert_eq!(body["code"], "support_sign_in_restricted", "{body}");
    };
    let password = crate::client_area::PASSWORD;
    refused(
        app.expect(
            403,
            "PATCH",
            "/api/v1/me",
            Some(&token),
            Some(json!({ "password": "another long passphrase", "current_password": password })),
        )
        .await,
    );
    refused(
        app.expect(
            403,
            "POST",
            "/api/v1/me/totp",
            Some(&token),
            Some(json!({ "current_password": password })),
        )
        .await,
    );
    let sessions = app
        .expect(200, "GET", "/api/v1/me/sessions", Some(&token), None)
        .await;
    app.login_ok(&owner, password).await;
    let ids: Vec<String> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    refused(
        app.expect(
            403,
            "DELETE",
            &format!("/api/v1/me/sessions/{}", ids[0]),
            Some(&token),
            None,
        )
        .await,
    );
    // An invitation to the owner's address: support cannot accept it for them.
    let inviter = crate::helpers::unique_email("inviter");
    let (_, inviter_token) = app.signup_verified(&inviter).await;
    let inviting = app.my_accounts(&inviter_token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let link = app
        .invite(&inviter_token, &inviting, &owner, json!([]))
        .await;
    refused(
        app.expect(
            403,
            "POST",
            &format!("/api/v1/invitations/{link}/accept"),
            Some(&token),
            Some(json!({})),
        )
        .await,
    );
    // What the owner may do on their account still works (the owner's own rights).
    app.expect(
        200,
        "GET",
        &format!("/api/v1/accounts/{client}/users"),
        Some(&token),
        None,
    )
    .await;
}

/// Signing out of the admin area, or being disabled, ends the support sign-ins a member started.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_sign_ins_end_with_the_staff_session_and_the_member() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, owner, _, _) = client_with_member(&app, "Acme Hosting").await;
    let owner_id = user_id(&app, &owner).await;
    let (staff, staff_email) = staff_over_http(&app, Role::Administrator).await;
    staff.open(&format!("/admin/users/{owner_id}")).await;
    staff
        .submit(&format!("/admin/users/{owner_id}/sign-in-as"), &[])
        .await;
    assert!(signed_in_to_client_area(&staff).await);
    staff.open("/admin/me").await;
    staff.submit("/admin/logout", &[]).await;
    assert!(!signed_in_to_client_area(&staff).await);

    let token = started_for(&app, &staff_email, &owner_id).await;
    app.expect(200, "GET", "/api/v1/me", Some(&token), None)
        .await;
    let other_admin = roster::staff::create(
        &app.state.db,
        &roster::audit::Context::system(),
        app.state.clock.now_ms(),
        &crate::helpers::unique_email("admin2"),
        Role::Administrator,
    )
    .await
    .unwrap();
    assert_eq!(other_admin.0.role, "administrator");
    disable(&app, &staff_email).await;
    app.expect(401, "GET", "/api/v1/me", Some(&token), None)
        .await;
}

/// Who may not: support without the operation, any member while `support.login_as` is `off`, and
/// anyone while a `with_consent` user has not allowed it. No session starts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_may_not_sign_in_as_a_user_starts_nothing() {
    for (mode, role) in [
        (LoginAs::On, Role::Support),
        (LoginAs::Off, Role::Administrator),
        (LoginAs::WithConsent, Role::Administrator),
    ] {
        let app = spawn_app_with(Backend::Sqlite, |s| s.support.login_as = mode).await;
        let (_, owner, _, _) = client_with_member(&app, "Acme Hosting").await;
        let owner_id = user_id(&app, &owner).await;
        let (staff, staff_email) = staff_over_http(&app, role).await;
        let (_, html) = staff.open(&format!("/admin/users/{owner_id}")).await;
        let offered = html.contains("Sign in as this user");
        assert_eq!(offered, mode == LoginAs::WithConsent, "{mode:?} {role:?}");
        let (status, html) = staff
            .submit(&format!("/admin/users/{owner_id}/sign-in-as"), &[])
            .await;
        assert_eq!(status, 403, "{mode:?} {role:?}: {html}");
        assert!(!signed_in_to_client_area(&staff).await, "{mode:?} {role:?}");
        let filter = roster::audit::AuditFilter {
            action: Some("user.support_sign_in_started".to_owned()),
            actor_id: Some(staff_email.clone()),
            limit: 10,
            ..Default::default()
        };
        let started = roster::audit::search(&app.state.db, &filter).await.unwrap();
        assert!(started.is_empty(), "{mode:?} {role:?}");
    }
}

/// In Chromium: a staff member signs in as an owner, sees the banner, narrows a member's
/// permissions in User Management, is refused a password change and two-factor enrolment with
/// the reason shown; the sign-in ends at its deadline, and the next one when the member is
/// disabled.
async fn a_staff_member_signs_in_as_an_owner_in_a_browser(backend: Backend) {
    let app = spawn_app(backend).await;
    let (client, owner, _, member_id) = client_with_member(&app, "Acme Hosting").await;
    let client = client["id"].as_str().unwrap().to_owned();
    let owner_id = user_id(&app, &owner).await;
    let (staff_email, secret) = super::staff_set_up(&app, Role::Administrator).await;
    // A second administrator, so that the first can be disabled.
    super::staff_set_up(&app, Role::Administrator).await;
    let browser = crate::browser::Browser::start().await;
    browser.resize(1280, 900).await;
    super::sign_in(&browser, &app, &staff_email, &secret).await;

    browser
        .open(&app.url(&format!("/admin/users/{owner_id}")))
        .await;
    browser.click("Sign in as this user").await;
    let shown_now = browser.wait_for_text("Signed in by support").await;
    assert!(shown_now.contains(&staff_email), "{shown_now}");
    assert!(shown_now.contains("Acme Hosting"), "{shown_now}");
    browser.screenshot("support-sign-in").await;
    // On a phone too: the banner and the page fit the window.
    browser.resize(390, 844).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.screenshot("support-sign-in-phone").await;
    browser.resize(1280, 900).await;

    browser.click_link("User Management").await;
    browser.wait_for_text("Users of Acme Hosting").await;
    browser
        .click_css(&format!("#user-{member_id} details summary"))
        .await;
    let tickets = format!("p-{member_id}-tickets");
    assert!(browser.is_checked(&tickets).await);
    browser.click_id(&tickets).await;
    browser.click("Save the permissions").await;
    browser.wait_for_text("The permissions are saved.").await;
    let filter = roster::audit::AuditFilter {
        account_id: Some(client.clone()),
        action: Some("membership.permissions_changed".to_owned()),
        limit: 10,
        ..Default::default()
    };
    let found = roster::audit::search(&app.state.db, &filter).await.unwrap();
    assert_eq!(found[0].actor_id.as_deref(), Some(staff_email.as_str()));
    assert_eq!(found[0].on_behalf_of.as_deref(), Some(owner_id.as_str()));

    // The owner's password and second factor are theirs alone: the reason is on the page.
    browser.open(&app.url("/me")).await;
    browser.wait_for_text("Support sign-ins").await;
    browser
        .fill("f-current_password", crate::client_area::PASSWORD)
        .await;
    browser.fill("f-password", "another long passphrase").await;
    browser
        .fill("f-password_confirm", "another long passphrase")
        .await;
    browser.click("Change the password").await;
    browser.wait_for_text("only the user can").await;
    browser.open(&app.url("/me")).await;
    browser.wait_for_text("Support sign-ins").await;
    browser
        .fill("totp-password", crate::client_area::PASSWORD)
        .await;
    browser.click("Turn on two-factor authentication").await;
    let refused = browser.wait_for_text("only the user can").await;
    assert!(refused.contains("Signed in by support"), "{refused}");

    // The deadline: the next page is the sign-in page.
    app.state.clock.advance(Duration::from_secs(31 * 60));
    browser.open(&app.url("/accounts")).await;
    browser.wait_for_text("Sign in to").await;

    // Disabled, the member's next support sign-in ends with them.
    app.state.clock.advance(Duration::from_secs(60));
    super::sign_in(&browser, &app, &staff_email, &secret).await;
    browser
        .open(&app.url(&format!("/admin/users/{owner_id}")))
        .await;
    browser.click("Sign in as this user").await;
    browser.wait_for_text("Signed in by support").await;
    disable(&app, &staff_email).await;
    browser.open(&app.url("/accounts")).await;
    browser.wait_for_text("Sign in to").await;
    browser.close().await;
}

/// A staff member starts at most `SIGN_INS_PER_HOUR` support sign-ins an hour (each emails the
/// user): the next is refused with 429 and starts nothing; an hour later it works again. With
/// `support.login_as_email = false` the user gets no email.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_sign_ins_are_limited_per_staff_member() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.support.login_as_email = false).await;
    let (_, owner, _, _) = client_with_member(&app, "Acme Hosting").await;
    let owner_id = user_id(&app, &owner).await;
    let (_, staff_email) = staff_over_http(&app, Role::Administrator).await;
    for _ in 0..roster::staff::login_as::SIGN_INS_PER_HOUR {
        started_for(&app, &staff_email, &owner_id).await;
    }
    let identity = identity_of(&app, &staff_email).await;
    let ctx = identity.context(None);
    let refused =
        roster::staff::login_as::start(&app.state, &ctx, &identity, &owner_id, None).await;
    assert!(
        matches!(refused, Err(roster::error::Error::RateLimited { .. })),
        "{refused:?}"
    );
    let started: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM support_sign_ins WHERE user_id = $1")
            .bind(owner_id.clone())
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        started,
        i64::from(roster::staff::login_as::SIGN_INS_PER_HOUR)
    );
    app.state.clock.advance(Duration::from_secs(3601));
    started_for(&app, &staff_email, &owner_id).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let told = crate::helpers::mail_sink()
        .messages_to(&owner)
        .iter()
        .filter(|m| m.subject().contains("support signed in"))
        .count();
    assert_eq!(told, 0, "support.login_as_email = false");
}

both_backends!(
    staff_sign_in_as_an_owner,
    a_staff_member_signs_in_as_an_owner_in_a_browser,
);
