//! Journey 3: deleting a user who owns a client shows the refusal and deletes nothing; the staff
//! member's actions appear in the audit page under their name. Journey 4: an event parked by a
//! failing notifier is retried from the Plugins page and delivered.

use std::time::Duration;

use serde_json::{Value, json};

use super::transfer::client_with_member;
use super::{sign_in, staff_set_up};
use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::{Backend, spawn_app, spawn_app_with, unique_email};
use crate::plugins::{PluginDir, plugin, use_plugins};
use roster::admins::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_an_owner_is_refused_and_staff_actions_are_audited_under_their_name() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, owner, member, member_id) = client_with_member(&app, "Wharf Hosting").await;
    let owner_id = client["owner_user_id"].as_str().unwrap().to_owned();
    let (staff, secret) = staff_set_up(&app, Role::Administrator).await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    sign_in(&browser, &app, &staff, &secret).await;

    browser.click_link("Users").await;
    browser.wait_for_text("All users").await;
    browser.fill("f-search", &owner).await;
    browser.click("Find").await;
    browser.wait_for_text("Users found").await;
    browser.click_link("Olga Owner").await;
    let shown = browser.wait_for_text("Clients this user reaches").await;
    assert!(
        shown.contains("Wharf Hosting") && shown.contains("Owner"),
        "{shown}"
    );
    browser.click_link("Delete…").await;
    browser.wait_for_text("Delete Olga Owner?").await;
    browser.click("Delete the user").await;
    let shown = browser
        .wait_for_text("transfer their ownership first")
        .await;
    assert!(shown.contains("The user owns 1 account(s)"), "{shown}");
    let still: i64 = app
        .scalar("SELECT COUNT(*) FROM users WHERE id = $1", &owner_id)
        .await;
    assert_eq!(still, 1);

    // Two actions the audit page must show under the staff member's email.
    browser
        .open(&app.url(&format!("/admin/users/{member_id}")))
        .await;
    browser.wait_for_text(&member).await;
    browser.click("Disable").await;
    browser
        .wait_for_text("The user is disabled: they cannot sign in")
        .await;
    browser.click("Send a password-reset link").await;
    browser
        .wait_for_text("A password-reset link is on its way")
        .await;

    browser.click_link("Audit log").await;
    browser.wait_for_text("Events, newest first").await;
    browser.fill("f-actor", &staff).await;
    browser.click("Filter").await;
    browser.wait_for_text("user.password_reset_sent").await;
    browser.screenshot("admin-audit").await;
    let rows = browser.texts("table.audit tbody tr").await;
    assert!(rows.len() >= 2, "{rows:?}");
    assert!(
        rows.iter().all(|r| r.contains(&format!("{staff} (admin)"))),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("user.updated")), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("user.deleted")), "{rows:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_parked_by_a_failing_notifier_is_retried_from_the_plugins_page() {
    let plugins = PluginDir::new();
    plugins.example("notifier");
    // A port nothing listens on yet: the notifier fails until the receiver starts.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = spawn_app_with(Backend::Sqlite, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "notifier",
            json!({ "url": format!("http://127.0.0.1:{port}/events") }),
            |p| {
                p.capabilities.kv = true;
                p.capabilities.http_hosts = vec![format!("127.0.0.1:{port}")];
            },
        );
    })
    .await;
    app.signup(&unique_email("parked"), PASSWORD).await;
    let mut parked: Vec<Value> = Vec::new();
    for _ in 0..100 {
        let found = app.state.plugins.parked("notifier", 10).await.unwrap();
        parked = found.iter().map(|p| json!(p)).collect();
        if parked.len() == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The sign-up's three events (user created, account created, logged in), all parked.
    assert_eq!(parked.len(), 3, "{parked:?}");
    let first = parked[0]["event_seq"].as_i64().unwrap();
    let first_id = parked[0]["event_id"].as_str().unwrap().to_owned();
    let (_, received) = crate::plugins::event_receiver(port).await;

    let (staff, secret) = staff_set_up(&app, Role::Administrator).await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    sign_in(&browser, &app, &staff, &secret).await;
    browser.click_link("Plugins").await;
    let shown = browser.wait_for_text("Parked events").await;
    browser.screenshot("admin-plugins").await;
    assert!(shown.contains(&format!("#{first}")), "{shown}");
    browser
        .click_css(&format!("#parked-notifier-{first} button"))
        .await;
    browser
        .wait_for_text("notifier took the event; it left the parked list.")
        .await;
    assert!(
        browser
            .texts(&format!("#parked-notifier-{first}"))
            .await
            .is_empty()
    );
    assert_eq!(*received.lock().unwrap(), [first_id]);
    let left = app.state.plugins.parked("notifier", 10).await.unwrap();
    assert_eq!(left.len(), parked.len() - 1);
    browser.close().await;
}
