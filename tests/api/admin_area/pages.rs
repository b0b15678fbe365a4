//! The admin area's other pages over HTTP with a staff session: paging through many clients (on
//! both databases), odd input, a client's Summary (edit, close) and Invitations tabs, a user's
//! security actions, and the Settings page's masking.

use serde_json::json;

use super::staff_over_http;
use super::transfer::client_with_member;
use crate::client_area::PASSWORD;
use crate::helpers::{Backend, spawn_app, spawn_app_with, unique_email};
use roster::admins::Role;

/// The number of client rows a list page shows, and its "Next page" link if it has one.
fn rows_and_next(html: &str) -> (usize, Option<String>) {
    let rows = html.matches("<td data-label=\"Client\">").count();
    let next = html
        .split("rel=\"next\"")
        .next()
        .filter(|_| html.contains("rel=\"next\""))
        .and_then(|before| before.rsplit("href=\"").next())
        .map(|href| {
            href.split('"')
                .next()
                .unwrap_or_default()
                .replace("&amp;", "&")
        });
    (rows, next)
}

async fn staff_page_through_many_clients_and_odd_input_names_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let mut ids = Vec::new();
    for i in 0..120 {
        let client = app
            .expect(
                201,
                "POST",
                "/api/v1/admin/accounts",
                Some(&admin),
                Some(json!({ "email": unique_email(&format!("c{i}")), "first_name": "Cora", "last_name": "Client",
                             "account": { "company_name": format!("Client {i:03}") } })),
            )
            .await;
        ids.push(client["id"].as_str().unwrap().to_owned());
    }
    for id in &ids[..3] {
        app.expect(
            200,
            "PATCH",
            &format!("/api/v1/admin/accounts/{id}"),
            Some(&admin),
            Some(json!({ "status": "closed" })),
        )
        .await;
    }
    let (staff, _) = staff_over_http(&app, Role::Support).await;

    let mut seen = Vec::new();
    let mut page = "/admin/clients".to_owned();
    loop {
        let (status, html) = staff.open(&page).await;
        assert_eq!(status, 200, "{page}");
        let (rows, next) = rows_and_next(&html);
        seen.push(rows);
        match next {
            Some(next) => page = next,
            None => break,
        }
    }
    assert_eq!(seen, [50, 50, 20]);

    let (_, html) = staff.open("/admin/clients?status=closed").await;
    assert_eq!(rows_and_next(&html), (3, None));
    let (_, html) = staff.open("/admin/clients?search=client+007").await;
    assert_eq!(rows_and_next(&html).0, 1);
    assert!(html.contains("Client 007"));

    // Odd input: a control character, an unknown status, an id that names nothing.
    let (status, html) = staff.open("/admin/clients?search=a%00b").await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains("control character"));
    assert_eq!(staff.open("/admin/clients?status=gone").await.0, 404);
    for path in [
        "/admin/clients/%00",
        "/admin/clients/no-such-client/users",
        "/admin/users/no-such-user",
        "/admin/nothing-here",
    ] {
        let (status, html) = staff.open(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}: {html}");
    }
}

both_backends!(staff_page_through_many_clients_and_odd_input_names_nothing);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_edits_and_closes_a_client_and_manages_a_users_security() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, member, member_id) = client_with_member(&app, "Jetty Hosting").await;
    let id = client["id"].as_str().unwrap();
    let (admin, _) = staff_over_http(&app, Role::Administrator).await;

    admin.open(&format!("/admin/clients/{id}")).await;
    let (status, html) = admin
        .submit(
            &format!("/admin/clients/{id}"),
            &[
                ("company_name", "Jetty Hosting GmbH"),
                ("country", "Germany"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("aria-invalid=\"true\""), "{html}");
    let (status, html) = admin
        .submit(
            &format!("/admin/clients/{id}"),
            &[("company_name", "Jetty Hosting GmbH"), ("country", "de")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("The changes are saved."), "{html}");
    assert!(html.contains("Jetty Hosting GmbH") && html.contains("value=\"DE\""));
    let (_, html) = admin
        .submit(&format!("/admin/clients/{id}/close"), &[])
        .await;
    assert!(html.contains("The client is closed."), "{html}");
    let status: String = app
        .scalar("SELECT status FROM accounts WHERE id = $1", id)
        .await;
    assert_eq!(status, "closed");

    // The member turns on 2FA; staff see it, turn it off, disable and enable them.
    let session = app.login_ok(&member, PASSWORD).await;
    app.enrol_totp(&session, PASSWORD).await;
    let (_, html) = admin.open(&format!("/admin/users/{member_id}")).await;
    assert!(html.contains("<dd id=\"two-factor\">On</dd>"), "{html}");
    assert!(html.contains("<dd id=\"password\">Set</dd>"), "{html}");
    assert!(html.contains("<dd id=\"passkeys\">0</dd>"), "{html}");
    assert!(html.contains("Jetty Hosting GmbH"));
    let (_, html) = admin
        .submit(&format!("/admin/users/{member_id}/totp-off"), &[])
        .await;
    assert!(html.contains("Two-factor authentication is off"), "{html}");
    assert!(html.contains("<dd id=\"two-factor\">Off</dd>"));
    let (_, html) = admin
        .submit(&format!("/admin/users/{member_id}/disable"), &[])
        .await;
    assert!(html.contains("The user is disabled"), "{html}");
    let response = app.call("GET", "/api/v1/me", Some(&session), None).await;
    assert_eq!(response.status(), 401, "disabling ends the user's sessions");
    let (_, html) = admin
        .submit(&format!("/admin/users/{member_id}/enable"), &[])
        .await;
    assert!(html.contains("The user is enabled"), "{html}");
    app.login_ok(&member, PASSWORD).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_resends_and_cancels_invitations_on_the_invitations_tab() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, _, _) = client_with_member(&app, "Mooring Hosting").await;
    let id = client["id"].as_str().unwrap();
    let (support, support_email) = staff_over_http(&app, Role::Support).await;
    support.open(&format!("/admin/clients/{id}/users")).await;
    let invitee = unique_email("invitee");
    support
        .submit(
            &format!("/admin/clients/{id}/invitations"),
            &[("email", &invitee), ("access", "all")],
        )
        .await;
    let (_, html) = support
        .open(&format!("/admin/clients/{id}/invitations"))
        .await;
    assert!(
        html.contains(&invitee) && html.contains(">Pending<"),
        "{html}"
    );
    let invitation: String = app
        .scalar("SELECT id FROM invitations WHERE account_id = $1", id)
        .await;
    let (_, html) = support
        .submit(
            &format!("/admin/clients/{id}/invitations/{invitation}/resend"),
            &[],
        )
        .await;
    assert!(
        html.contains("A new invitation link is on its way"),
        "{html}"
    );
    let (_, html) = support
        .submit(
            &format!("/admin/clients/{id}/invitations/{invitation}/cancel"),
            &[],
        )
        .await;
    assert!(html.contains("The invitation was cancelled"), "{html}");
    assert!(html.contains(">Cancelled<"), "{html}");
    // Cancelling twice is refused with the domain's reason, not a server error.
    let (status, html) = support
        .submit(
            &format!("/admin/clients/{id}/invitations/{invitation}/cancel"),
            &[],
        )
        .await;
    assert_eq!(status, 410, "{html}");
    assert!(html.contains("This invitation was cancelled."), "{html}");

    // The tab's audit shows who did it.
    let (_, html) = support.open(&format!("/admin/clients/{id}/audit")).await;
    assert!(html.contains(&format!("{support_email} (admin)")), "{html}");
    assert!(html.contains("invitation.cancelled"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_page_and_api_show_effective_settings_with_secrets_masked() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.mail.smtp.password = Some("hunter2-smtp-secret".into());
        s.ui.product_name = "Harbour Cloud".to_owned();
    })
    .await;
    // Support may not read them, on the page or the API, and is not shown the way there.
    let (support, _) = staff_over_http(&app, Role::Support).await;
    let (status, html) = support.open("/admin/settings").await;
    assert_eq!(status, 403, "{html}");
    assert!(!html.contains("Harbour Cloud</code>"), "{html}");
    let (_, html) = support.open("/admin/clients").await;
    assert!(!html.contains("href=\"/admin/settings\""), "{html}");
    let (support_token, _) = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "sup",
        Role::Support,
    )
    .await
    .unwrap();
    let refused = app
        .call("GET", "/api/v1/admin/settings", Some(&support_token), None)
        .await;
    assert_eq!(refused.status(), 403);
    let (staff, _) = staff_over_http(&app, Role::Administrator).await;
    let (status, html) = staff.open("/admin/settings").await;
    assert_eq!(status, 200);
    assert!(html.contains("<code>mail.smtp.password</code>"), "{html}");
    assert!(html.contains("<code>Harbour Cloud</code>"));
    assert!(!html.contains("hunter2-smtp-secret"));
    let admin = app.admin_token().await;
    let settings = app
        .expect(200, "GET", "/api/v1/admin/settings", Some(&admin), None)
        .await;
    assert_eq!(settings["mail"]["smtp"]["password"], "***");
    assert_eq!(settings["ui"]["product_name"], "Harbour Cloud");
    assert!(!settings.to_string().contains("hunter2"));
}
