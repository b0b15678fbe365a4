//! Whether an address has a login does not leak through changing one's email or signing up
//! through an invitation link (with `auth.require_email_verification`), and both are limited.

use serde_json::json;

use crate::client_area::PASSWORD;
use crate::helpers::{Backend, TestApp, mail_sink, problem, spawn_app_with, unique_email};

both_backends!(
    an_email_change_answers_alike_for_taken_and_free_addresses,
    an_invitation_sign_up_answers_alike_for_taken_and_free_addresses,
);

/// The answer to a change to a taken address is the answer to a change to a free one, byte for
/// byte but the timestamps; only the mailboxes differ. Past the limit, 429.
async fn an_email_change_answers_alike_for_taken_and_free_addresses(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.rate_limit.signup_per_ip = 4).await;
    let email = unique_email("prober");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let taken = unique_email("victim");
    app.signup(&taken, PASSWORD).await;
    let free = unique_email("nobody");
    let change = |to: String| {
        let (app, session) = (&app, session.clone());
        async move {
            let response = app
                .call(
                    "PATCH",
                    "/api/v1/me",
                    Some(&session),
                    Some(json!({ "email": to, "current_password": PASSWORD })),
                )
                .await;
            let status = response.status().as_u16();
            let mut body: serde_json::Value = response.json().await.unwrap();
            body["updated_at"] = json!(0);
            (status, body)
        }
    };
    let to_taken = change(taken.clone()).await;
    let to_free = change(free.clone()).await;
    assert_eq!(to_taken, to_free);
    assert_eq!(to_taken.0, 200);
    assert_eq!(to_taken.1["email"], email.as_str());
    // The free address got a link; the taken one's owner got a notice.
    assert_eq!(
        mail_sink().wait_for(&free, 1).await[0].subject(),
        "Confirm your new email address"
    );
    assert_eq!(
        mail_sink().wait_for(&taken, 2).await[1].subject(),
        "Your email address was named for another login"
    );
    change(unique_email("third")).await;
    change(unique_email("fourth")).await;
    let limited = app
        .call(
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "email": unique_email("fifth"), "current_password": PASSWORD })),
        )
        .await;
    assert_eq!(problem(limited).await["code"], "rate_limited");
}

async fn owner_and_link(app: &TestApp) -> String {
    let (owner, account) = app.signup_owner("Probe Inc").await;
    app.invite(&owner, &account, &unique_email("invited"), json!([]))
        .await
}

/// With `auth.require_email_verification`, signing up through a link with a taken address and
/// with a free one answer the same 202; the taken address's owner is told; the sign-ups through
/// one link are limited.
async fn an_invitation_sign_up_answers_alike_for_taken_and_free_addresses(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.auth.require_email_verification = true;
        s.auth.rate_limit.signup_per_ip = 6;
    })
    .await;
    let taken = unique_email("victim");
    app.signup_verified(&taken).await;
    let link = owner_and_link(&app).await;
    let sign_up = |email: String| {
        let (app, link) = (&app, link.clone());
        async move {
            let response = app
                .call(
                    "POST",
                    &format!("/api/v1/invitations/{link}/accept"),
                    None,
                    Some(json!({ "signup": {
                        "email": email, "password": PASSWORD, "first_name": "P", "last_name": "Robe" } })),
                )
                .await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    let free = unique_email("nobody");
    let to_taken = sign_up(taken.clone()).await;
    let to_free = sign_up(free.clone()).await;
    assert_eq!(to_taken.0, 202, "{}", to_taken.1);
    assert_eq!(to_taken, to_free);
    let told = mail_sink().wait_for(&taken, 2).await;
    assert_eq!(told[1].subject(), "You already have a login");
    mail_sink().wait_for(&free, 1).await;
    // The free address used the link up (its user and membership are made); every try counts
    // against the sign-up limit (6 per client address in the window; the victim's and the
    // owner's own sign-ups used two), whatever it answers.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(sign_up(unique_email("more")).await.0);
    }
    assert_eq!(statuses, [410, 410, 429]);
}

/// The invitation page says the same for a taken and a free address (with verification on).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_invitation_page_answers_alike_for_taken_and_free_addresses() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.auth.require_email_verification = true;
    })
    .await;
    let taken = unique_email("victim");
    app.signup_verified(&taken).await;
    let link = owner_and_link(&app).await;
    let page = crate::helpers::PageBrowser::new(&app);
    let mut answers = Vec::new();
    for email in [taken.clone(), unique_email("free")] {
        page.open(&format!("/invite/{link}")).await;
        let (status, html) = page
            .submit(
                &format!("/invite/{link}/signup"),
                &[
                    ("first_name", "P"),
                    ("last_name", "Robe"),
                    ("email", &email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert!(
            !html.contains("A login with this email address exists"),
            "{html}"
        );
        let main = html
            .split("<main")
            .nth(1)
            .unwrap_or_default()
            .split("</main>")
            .next()
            .unwrap_or_default()
            .to_owned();
        answers.push((status, main));
    }
    assert_eq!(answers[0], answers[1]);
}
