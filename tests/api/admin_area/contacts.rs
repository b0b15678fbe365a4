//! A client's contacts in the admin area (issue 28): an administrator adds one, changes it and
//! deletes it on the Contacts tab, audited as staff; a bad address is explained next to its field
//! and changes nothing; support sees the contacts without the controls.

use super::staff_over_http;
use super::transfer::client_with_member;
use crate::helpers::{Backend, spawn_app, unique_email};
use crate::languages::shown;
use roster::admins::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_manages_a_clients_contacts() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, _, _) = client_with_member(&app, "Contact Hosting").await;
    let id = client["id"].as_str().unwrap().to_owned();
    let (staff, staff_email) = staff_over_http(&app, Role::Administrator).await;
    let tab = format!("/admin/clients/{id}/contacts");
    let (_, html) = staff.open(&tab).await;
    assert!(html.contains("Add a contact"), "{html}");

    let email = unique_email("billing");
    let (status, html) = staff
        .submit(
            &tab,
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", &email),
                ("phone", ""),
                ("email_preferences", "billing"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let text = shown(&html);
    assert!(text.contains("The contact is saved."), "{text}");
    assert!(text.contains(&email), "{text}");
    let listed = roster::contacts::service::list(
        &app.state,
        roster::memberships::Manager::Staff { account_id: &id },
    )
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);
    let contact = listed[0].id.clone();

    // A bad address: explained next to the field, nothing changed.
    let edit = format!("{tab}/{contact}");
    staff.open(&edit).await;
    let (status, html) = staff
        .submit(
            &edit,
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", "not an address"),
                ("email_preferences", "billing"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains("id=\"e-email\""), "{html}");
    let (status, html) = staff
        .submit(
            &edit,
            &[
                ("first_name", "William"),
                ("last_name", "Ing"),
                ("email", &email),
                ("email_preferences", "billing"),
                ("email_preferences", "support"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(shown(&html).contains("William Ing"), "{html}");

    let (status, html) = staff.submit(&format!("{edit}/delete"), &[]).await;
    assert_eq!(status, 200);
    assert!(shown(&html).contains("The contact was deleted."), "{html}");
    let filter = roster::audit::AuditFilter {
        account_id: Some(id.clone()),
        actor_id: Some(staff_email.clone()),
        limit: 10,
        ..Default::default()
    };
    let actions: Vec<String> = roster::audit::search(&app.state.db, &filter)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["contact.deleted", "contact.updated", "contact.created"]
    );

    // Support reads the tab without its controls.
    let (support, _) = staff_over_http(&app, Role::Support).await;
    let (status, html) = support.open(&tab).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Add a contact"), "{html}");
}
