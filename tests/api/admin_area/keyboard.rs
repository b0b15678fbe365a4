//! The admin area with the keyboard alone: sign in (Tab between the fields, Enter to send), skip to
//! the content, search the clients and open one — no click.

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
    for _ in 0..40 {
        if browser.texts(":focus").await == ["Keel Hosting"] {
            break;
        }
        browser.keys(&tab).await;
    }
    browser.keys(&enter).await;
    browser.wait_for_text("Owner").await;
    assert!(browser.path().await.starts_with("/admin/clients/"));
    browser.close().await;
}
