//! A stolen session cannot grow the audit log without bound: the cheap changes (a profile field, an
//! account's profile, contacts, a member's permissions, a passkey's name, a staff member's
//! preferences) share one budget an hour per person, and an account holds a bounded number of
//! contacts. What protects the person (a new password, ending a session) is not counted.

use std::time::Duration;

use serde_json::json;

use crate::helpers::{Backend, TestApp, spawn_app, unique_email};
use roster::audit::budget::CHANGES_PER_HOUR;

both_backends!(
    a_persons_cheap_changes_stop_at_the_hours_budget,
    an_account_holds_a_bounded_number_of_contacts,
    a_login_keeps_a_bounded_number_of_sessions,
);

const PASSWORD: &str = "correct horse battery";

/// The `user.updated` rows a user wrote.
async fn updates_by(app: &TestApp, user_id: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'user.updated' AND actor_id = $1",
    )
    .bind(user_id.to_owned())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap()
}

/// A session renaming its user in a loop: after `CHANGES_PER_HOUR` changes the next answers 429
/// `rate_limited` with `Retry-After` and changes nothing, and the other cheap changes (a
/// contact) are refused too; the person can still change the password from another session,
/// which ends the thief's; an hour later changes go through again.
async fn a_persons_cheap_changes_stop_at_the_hours_budget(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("toggler");
    let (user_id, thief) = app.signup_verified(&email).await;
    let account = app.my_accounts(&thief).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for n in 0..CHANGES_PER_HOUR {
        let body = json!({ "first_name": format!("Name{n}") });
        app.expect(200, "PATCH", "/api/v1/me", Some(&thief), Some(body))
            .await;
    }
    let over = app
        .call(
            "PATCH",
            "/api/v1/me",
            Some(&thief),
            Some(json!({ "first_name": "Over" })),
        )
        .await;
    assert_eq!(over.status(), 429);
    assert!(over.headers().contains_key("retry-after"));
    let body: serde_json::Value = over.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited", "{body}");
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&thief), None)
        .await;
    let last = format!("Name{}", CHANGES_PER_HOUR - 1);
    assert_eq!(me["first_name"], last.as_str(), "nothing changed: {me}");
    assert_eq!(
        updates_by(&app, &user_id).await,
        i64::from(CHANGES_PER_HOUR)
    );
    let contact =
        json!({ "first_name": "Carl", "last_name": "Contact", "email": unique_email("c") });
    let contacts = format!("/api/v1/accounts/{account}/contacts");
    app.expect(429, "POST", &contacts, Some(&thief), Some(contact.clone()))
        .await;

    // The person still locks the thief out: a new password (bounded by its proof) ends the
    // other sessions.
    let own = app.login_ok(&email, PASSWORD).await;
    let new_password =
        json!({ "password": "another long passphrase", "current_password": PASSWORD });
    app.expect(200, "PATCH", "/api/v1/me", Some(&own), Some(new_password))
        .await;
    app.expect(401, "GET", "/api/v1/me", Some(&thief), None)
        .await;

    app.state.clock.advance(Duration::from_secs(3601));
    app.expect(201, "POST", &contacts, Some(&own), Some(contact))
        .await;
}

/// An account holds at most `contacts::MAX_PER_ACCOUNT` contacts: the next is refused with 409
/// `conflict` saying why, and writes nothing; after one is deleted, one more fits.
async fn an_account_holds_a_bounded_number_of_contacts(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = app.signup_verified(&unique_email("collector")).await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut last = String::new();
    for _ in 0..roster::contacts::MAX_PER_ACCOUNT {
        last = app.new_contact(&account, &token).await;
    }
    let contacts = format!("/api/v1/accounts/{account}/contacts");
    let one_more =
        json!({ "first_name": "One", "last_name": "More", "email": unique_email("more") });
    let refused = app
        .expect(409, "POST", &contacts, Some(&token), Some(one_more.clone()))
        .await;
    assert_eq!(refused["code"], "conflict", "{refused}");
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("at most 100 contacts"),
        "{refused}"
    );
    let listed = app.expect(200, "GET", &contacts, Some(&token), None).await;
    let listed = listed
        .as_array()
        .or(listed["items"].as_array())
        .unwrap()
        .len();
    assert_eq!(listed, 100);
    app.expect(
        204,
        "DELETE",
        &format!("{contacts}/{last}"),
        Some(&token),
        None,
    )
    .await;
    app.expect(201, "POST", &contacts, Some(&token), Some(one_more))
        .await;
}

/// A staff member's preferences count against their own budget (in the admin area): past it
/// the change is refused and the stored preferences stay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_members_preference_changes_stop_at_the_hours_budget() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, staff_email) =
        crate::admin_area::staff_over_http(&app, roster::admins::Role::Support).await;
    let member = roster::staff::by_email(&app.state.db, &staff_email)
        .await
        .unwrap();
    let me = roster::staff::sessions::StaffIdentity {
        role: member.role(),
        staff_id: member.id.clone(),
        email: member.email.clone(),
        session_id: "a-staff-session".to_owned(),
        language: String::new(),
        time_zone: String::new(),
    };
    for n in 0..CHANGES_PER_HOUR {
        let language = if n % 2 == 0 { "de" } else { "fr" };
        roster::staff::preferences::set(&app.state, &me, None, language, "")
            .await
            .unwrap();
    }
    let refused = roster::staff::preferences::set(&app.state, &me, None, "it", "").await;
    assert!(
        matches!(refused, Err(roster::error::Error::RateLimited { .. })),
        "{refused:?}"
    );
    let stored = roster::staff::by_email(&app.state.db, &staff_email)
        .await
        .unwrap();
    assert_eq!(stored.language, "fr", "unchanged");
}

/// Someone holding the password signing in again and again (from many addresses) keeps at most
/// `sessions::MAX_PER_USER` sessions: each one more ends the least recently used, the newest
/// work, and the list holds no more.
async fn a_login_keeps_a_bounded_number_of_sessions(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, |s| {
        s.auth.rate_limit.per_ip = 1000;
    })
    .await;
    let email = unique_email("hoarder");
    let (_, first) = app.signup_verified(&email).await;
    let max = roster::sessions::MAX_PER_USER;
    let mut tokens = vec![first];
    for _ in 1..max {
        tokens.push(app.login_ok(&email, PASSWORD).await);
    }
    // A minute on, the first is used again (a session's last use is kept to the minute).
    app.state.clock.advance(Duration::from_secs(61));
    app.expect(200, "GET", "/api/v1/me", Some(&tokens[0]), None)
        .await;
    // One more: the least recently used (the second) ends.
    let newest = app.login_ok(&email, PASSWORD).await;
    app.expect(401, "GET", "/api/v1/me", Some(&tokens[1]), None)
        .await;
    app.expect(200, "GET", "/api/v1/me", Some(&tokens[0]), None)
        .await;
    let listed = app
        .expect(200, "GET", "/api/v1/me/sessions", Some(&newest), None)
        .await;
    assert_eq!(
        listed.as_array().unwrap().len(),
        usize::try_from(max).unwrap()
    );
}
