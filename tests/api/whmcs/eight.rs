//! A WHMCS 8 database: users, their links to clients, owners.

use serde_json::json;

use super::source::{Whmcs, bcrypt_hash};
use super::{SECRET, counts, import, login, totp_now};
use crate::helpers::{Backend, spawn_app};

async fn a_whmcs_8_database_is_imported_with_its_users(backend: Backend) {
    let app = spawn_app(backend).await;
    let whmcs = Whmcs::create(true).await;
    whmcs
        .client(1, "billing@one.example", "", &[("companyname", "One")])
        .await;
    whmcs
        .client(2, "billing@two.example", "", &[("companyname", "Two")])
        .await;
    let users = [
        (
            7,
            "ada@example.com",
            bcrypt_hash("ada password 7"),
            "totp",
            format!("{{\"secret\":\"{SECRET}\"}}"),
        ),
        (
            8,
            "bob@example.com",
            bcrypt_hash("bob password 8"),
            "",
            String::new(),
        ),
    ];
    for (id, email, password, factor, config) in users {
        whmcs
            .insert(
                "tblusers",
                id,
                &[
                    ("first_name", "User".to_owned()),
                    ("last_name", format!("Number{id}")),
                    ("email", email.to_owned()),
                    ("password", password),
                    ("second_factor", factor.to_owned()),
                    ("second_factor_config", config),
                    ("language", "english".to_owned()),
                ],
            )
            .await;
    }
    // Ada owns both clients; Bob can reach client 1 with two permissions.
    for (id, user, client, owner, permissions) in [
        (1, 7, 1, "1", ""),
        (2, 7, 2, "1", ""),
        (3, 8, 1, "0", "products,domains"),
    ] {
        whmcs
            .insert(
                "tblusers_clients",
                id,
                &[
                    ("auth_user_id", user.to_string()),
                    ("client_id", client.to_string()),
                    ("owner", owner.to_owned()),
                    ("permissions", permissions.to_owned()),
                ],
            )
            .await;
    }
    // Invitations: Ada's to Carol is open; one expired; one was withdrawn; one by WHMCS staff.
    whmcs
        .run(
            "INSERT INTO tbluser_invites (id, token, email, client_id, invited_by, invited_by_admin, \
               permissions, created_at, deleted_at) VALUES \
             (1, 'whmcs-open-token-1', 'carol@example.com', 1, 7, 0, 'invoices,tickets', NOW() - INTERVAL 1 DAY, NULL), \
             (2, 'whmcs-old-token-2', 'dave@example.com', 1, 7, 0, 'invoices', NOW() - INTERVAL 10 DAY, NULL), \
             (3, 'whmcs-gone-token-3', 'erin@example.com', 2, 7, 0, 'invoices', NOW(), NOW()), \
             (4, 'whmcs-staff-token-4', 'frank@example.com', 2, 1, 1, 'orders', NOW(), NULL)",
        )
        .await;
    assert_eq!(whmcs.count("tblusers").await, 2);
    let (code, stdout, stderr, report) = import(&app, &whmcs, &[]).await;
    assert_eq!(code, 0, "{stdout}{stderr}{report:#}");
    assert!(stdout.contains("WHMCS 8"), "{stdout}");
    assert_eq!(counts(&report, "invitations"), [2, 0, 0, 0, 0]);
    assert_eq!(report["counts"]["invitations"]["skipped"], 1);
    let expired = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "invitation 2")
        .unwrap();
    assert_eq!(expired["outcome"], "skipped", "{expired}");
    // The open invitations work at Roster's invite link with WHMCS's token.
    let carol = app.invitation_preview("whmcs-open-token-1").await;
    assert_eq!(carol["account_name"], "One");
    assert_eq!(carol["invited_by"], "User Number7");
    assert_eq!(carol["state"], "pending");
    let frank = app.invitation_preview("whmcs-staff-token-4").await;
    assert_eq!(frank["sent_by_staff"], true);
    for gone in ["whmcs-old-token-2", "whmcs-gone-token-3"] {
        let response = app.get(&format!("/api/v1/invitations/{gone}")).await;
        assert_eq!(response.status(), 404, "{gone}");
    }

    let (status, body) = login(
        &app,
        "ada@example.com",
        "ada password 7",
        json!({ "totp_code": totp_now(&app) }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["number"], 7);
    let mine = app.my_accounts(body["token"].as_str().unwrap()).await;
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|a| a["is_owner"] == true)
    );

    let (status, body) = login(&app, "bob@example.com", "bob password 8", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let mine = app.my_accounts(body["token"].as_str().unwrap()).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["account"]["company_name"], "One");
    assert_eq!(mine[0]["permissions"], json!(["products", "domains"]));
    assert_eq!(mine[0]["is_owner"], false);

    // With --notify-plugins, what a run creates reaches the plugins' after-hooks as domain events.
    whmcs
        .client(3, "billing@three.example", "", &[("companyname", "Three")])
        .await;
    whmcs
        .insert(
            "tblusers_clients",
            4,
            &[
                ("auth_user_id", "8".to_owned()),
                ("client_id", "3".to_owned()),
                ("owner", "1".to_owned()),
            ],
        )
        .await;
    let before: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM domain_events WHERE kind <> $1",
            "user.logged_in",
        )
        .await;
    assert_eq!(
        before, 0,
        "no events but the logins' without --notify-plugins"
    );
    let (code, _, stderr, report) = import(&app, &whmcs, &["--notify-plugins"]).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(counts(&report, "accounts"), [1, 0, 2, 0, 0]);
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM domain_events WHERE kind <> 'user.logged_in' ORDER BY seq",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(kinds, ["account.created"]);
}

both_backends!(a_whmcs_8_database_is_imported_with_its_users);

/// Source rows with control characters (NUL, CR/LF, ESC, DEL) in their text: imported with those
/// characters dropped, so no header, log line or export is broken by them; the row is not lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_characters_in_source_rows_are_dropped_on_import() {
    let app = spawn_app(Backend::Sqlite).await;
    let whmcs = Whmcs::create(false).await;
    whmcs
        .client(
            1,
            "ctrl@one.example",
            &bcrypt_hash("ctrl password 1"),
            &[
                ("firstname", "Ann\u{0}e"),
                ("lastname", "Line\r\nBcc: x@evil.example"),
                ("companyname", "Acme\u{1b}[31m Ltd\u{7f}"),
                ("city", "Hel\tsinki"),
            ],
        )
        .await;
    let (code, _, stderr, report) = import(&app, &whmcs, &[]).await;
    assert_eq!(code, 0, "{stderr} {report}");
    let (first, last): (String, String) =
        sqlx::query_as("SELECT first_name, last_name FROM users WHERE email_normalized = $1")
            .bind("ctrl@one.example")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(first, "Anne");
    assert_eq!(last, "LineBcc: x@evil.example");
    let (company, city): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT company_name, city FROM accounts")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(company.as_deref(), Some("Acme[31m Ltd"));
    assert_eq!(city.as_deref(), Some("Helsinki"));
    let (status, body) = login(&app, "ctrl@one.example", "ctrl password 1", json!({})).await;
    assert_eq!(status, 200, "{body}");
}
