//! Apps in the admin area (issue 25): an administrator registers one in Chromium and reads its
//! secret once, gives it a new secret and removes it; support sees the list without a control,
//! and a support post is refused.

use roster::admins::Role;

use super::{sign_in, staff_over_http, staff_set_up};
use crate::browser::Browser;
use crate::helpers::*;

async fn an_administrator_registers_rotates_and_removes_an_app(backend: Backend) {
    let app = spawn_app(backend).await;
    let (email, secret) = staff_set_up(&app, Role::Administrator).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, &email, &secret).await;
    browser.click_link("Apps").await;
    browser.wait_for_text("No app is registered yet").await;
    browser.fill("f-name", "Control panel").await;
    browser
        .fill("f-redirect_uris", "https://panel.example.com/callback")
        .await;
    browser
        .fill(
            "f-backchannel_logout_uri",
            "https://panel.example.com/logout",
        )
        .await;
    browser.click("Register").await;
    let shown = browser.wait_for_text("Copy its secret now").await;
    let client_secret = browser.texts("#client-secret").await.remove(0);
    assert!(shown.contains(&client_secret));
    browser.screenshot("admin-apps").await;
    let listed = roster::oauth::clients::list(&app.state.db).await.unwrap();
    assert_eq!(listed.len(), 1);
    let client_id = listed[0].client_id.clone();
    let authenticates = |secret: String| {
        let (db, now, id) = (&app.state.db, app.state.clock.now_ms(), client_id.clone());
        async move {
            roster::oauth::clients::authenticate(db, now, &id, &secret)
                .await
                .unwrap()
                .is_some()
        }
    };
    assert!(authenticates(client_secret.clone()).await);

    // A bad address is explained next to nothing registered.
    browser.fill("f-name", "Bad").await;
    browser
        .fill("f-redirect_uris", "http://plain.example.com/cb")
        .await;
    browser.click("Register").await;
    browser.wait_for_text("must be https").await;
    assert_eq!(
        roster::oauth::clients::list(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );

    browser.click("New secret (Control panel)").await;
    browser.wait_for_text("has a new secret").await;
    let rotated = browser.texts("#client-secret").await.remove(0);
    assert_ne!(rotated, client_secret);
    assert!(authenticates(rotated).await);
    assert!(
        authenticates(client_secret).await,
        "the old one works for a day"
    );

    browser.click("Remove (Control panel)").await;
    browser.wait_for_text("The app was removed").await;
    assert!(
        roster::oauth::clients::list(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    browser.close().await;
}

async fn support_sees_apps_but_changes_none() {
    let app = spawn_app(Backend::Sqlite).await;
    let ctx = roster::audit::Context::system();
    let new = roster::oauth::clients::NewClient {
        name: "Billing".to_owned(),
        redirect_uris: vec!["https://billing.example.com/cb".to_owned()],
        public: false,
        trusted: true,
        post_logout_redirect_uris: vec![],
        backchannel_logout_uri: None,
        logo_uri: None,
        id_token_alg: roster::oauth::keys::Alg::Rs256,
    };
    let (billing, _) =
        roster::oauth::clients::create(&app.state.db, &ctx, app.state.clock.now_ms(), new)
            .await
            .unwrap();
    let (page, _) = staff_over_http(&app, Role::Support).await;
    let (status, html) = page.open("/admin/apps").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Billing") && html.contains(&billing.client_id),
        "{html}"
    );
    assert!(
        !html.contains("Register an app") && !html.contains("New secret"),
        "{html}"
    );
    let before = app.db_snapshot().await;
    let (status, _) = page
        .submit(&format!("/admin/apps/{}/remove", billing.client_id), &[])
        .await;
    assert_eq!(status, 403);
    let (status, _) = page
        .submit(
            "/admin/apps",
            &[
                ("name", "Sneaky"),
                ("redirect_uris", "https://s.example/cb"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(app.db_snapshot().await, before);
}

both_backends!(an_administrator_registers_rotates_and_removes_an_app);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_sees_apps_but_changes_none_on_sqlite() {
    support_sees_apps_but_changes_none().await;
}
