//! The admin area with the keyboard alone: sign in (Tab between the fields, Enter to send), skip to
//! the content, search the clients and open one; sign in as a user and end it from the banner —
//! no click.

use fantoccini::key::Key;

use super::staff_set_up;
use super::transfer::client_with_member;
use crate::browser::Browser;
use crate::client_area::PASSWORD;
use crate::helpers::{Backend, spawn_app, totp_code};
use roster::admins::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sign_in_and_find_a_client_with_the_keyboard_alone() {
    let app = spawn_app(Backend::Sqlite).await;
    client_with_member(&app, "Keel Hosting").await;
    let (staff, secret) = staff_set_up(&app, Role::Support).await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    let enter = Key::Enter.to_string();
    let tab = Key::Tab.to_string();

    browser.open(&app.url("/admin/login")).await;
    browser.wait_for_text("Staff sign-in").await;
    browser.tab_to("f-email").await;
    browser.keys(&staff).await;
    browser.keys(&tab).await;
    assert_eq!(browser.focused_id().await, "f-password");
    browser.keys(PASSWORD).await;
    browser.keys(&enter).await;
    browser.wait_for_text("Enter the 6-digit code").await;
    browser.tab_to("f-code").await;
    browser.keys(&totp_code(&app, &secret)).await;
    browser.keys(&enter).await;
    browser.wait_for_text("All clients").await;

    // The first Tab reaches the skip link, which is shown when focused and leads to the content.
    browser.keys(&tab).await;
    let skip = browser.texts(":focus").await;
    assert_eq!(skip, ["Skip to the content"]);
    browser.keys(&enter).await;
    // Past the navigation: the next Tab lands on the first field of the content, the search.
    browser.keys(&tab).await;
    assert_eq!(browser.focused_id().await, "f-search");
    browser.keys("keel").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Clients found").await;
    // Tab on to the client's link and open it.
    browser.tab_to_text("Keel Hosting").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Owner").await;
    assert!(browser.path().await.starts_with("/admin/clients/"));
    browser.close().await;
}

/// "Sign in as this user" and the banner's "End now" with the keyboard alone: Tab reaches both,
/// Enter sends them, and the browser is back on the user's page in the admin area.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_support_sign_in_starts_and_ends_with_the_keyboard_alone() {
    let app = spawn_app(Backend::Sqlite).await;
    let (_, owner, _, _) = client_with_member(&app, "Keel Hosting").await;
    let owner_id = roster::users::service::by_email(&app.state, &owner)
        .await
        .unwrap()
        .id;
    let (staff, secret) = staff_set_up(&app, Role::Administrator).await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    let enter = Key::Enter.to_string();
    super::sign_in(&browser, &app, &staff, &secret).await;
    browser
        .open(&app.url(&format!("/admin/users/{owner_id}")))
        .await;
    browser.wait_for_text("Sign in as this user").await;
    browser.tab_to_text("Sign in as this user").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Signed in by support").await;
    browser.tab_to_text("End now").await;
    browser.keys(&enter).await;
    browser.wait_for_text("Sign in as this user").await;
    assert_eq!(browser.path().await, format!("/admin/users/{owner_id}"));
    browser.close().await;
}
