//! Running the import again (the cut-over): exactly what changed in WHMCS since, nothing twice.

use serde_json::json;

use super::seven::seven;
use super::source::bcrypt_hash;
use super::{count, counts, import, login};
use crate::helpers::{Backend, TestApp, spawn_app_with, unique_email};

async fn sizes(app: &TestApp) -> [i64; 4] {
    [
        count(app, "users").await,
        count(app, "accounts").await,
        count(app, "memberships").await,
        count(app, "contacts").await,
    ]
}

async fn a_second_run_brings_exactly_what_changed(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.rate_limit.per_ip = 1000).await;
    let whmcs = seven(&unique_email("owner-six")).await;
    import(&app, &whmcs, &[]).await;
    let before = sizes(&app).await;
    let (status, body) = login(&app, "owner.two@example.com", "md5 password two", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let two = body["user"]["id"].as_str().unwrap().to_owned();
    let rehashed: String = app
        .scalar("SELECT password_hash FROM users WHERE id = $1", &two)
        .await;

    whmcs
        .run("UPDATE tblclients SET companyname = 'Acme Cloud', status = 'Inactive' WHERE id = 1")
        .await;
    whmcs
        .run("UPDATE tblcontacts SET permissions = 'profile,invoices,tickets' WHERE id = 10")
        .await;
    let new_hash = bcrypt_hash("changed in whmcs");
    whmcs
        .run(&format!(
            "UPDATE tblclients SET password = '{new_hash}' WHERE id = 4"
        ))
        .await;
    whmcs
        .client(
            7,
            "owner.seven@example.com",
            &bcrypt_hash("seven seven seven"),
            &[],
        )
        .await;
    whmcs
        .contact(
            40,
            2,
            "helper@example.com",
            Some((&bcrypt_hash("helper pw 40"), "emails")),
            &[],
        )
        .await;
    let (_, _, _, report) = import(&app, &whmcs, &[]).await;
    assert_eq!(counts(&report, "accounts"), [1, 1, 4, 0, 1], "{report:#}");
    assert_eq!(
        counts(&report, "users")[..2],
        [2, 1],
        "client 7's login and sub-account 40; client 4's password"
    );
    assert_eq!(
        counts(&report, "memberships")[..2],
        [1, 1],
        "sub-account 40; sub-account 10's permissions"
    );
    assert_eq!(counts(&report, "contacts")[..2], [1, 0], "contact 40");
    assert_eq!(
        sizes(&app).await,
        [before[0] + 2, before[1] + 1, before[2] + 2, before[3] + 1]
    );

    let admin = app.admin_token().await;
    let found = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/accounts?search=%231",
            Some(&admin),
            None,
        )
        .await;
    let acme = &found["items"][0];
    assert_eq!(acme["company_name"], "Acme Cloud");
    assert_eq!(acme["status"], "inactive");
    // The designer's access on client 1 keeps what sub-account 13 gave and gains the change to 10.
    let (status, body) = login(&app, "designer@example.com", "designer password", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let mine = app.my_accounts(body["token"].as_str().unwrap()).await;
    let on_acme = mine
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"]["number"] == 1)
        .unwrap();
    assert_eq!(
        on_acme["permissions"],
        json!(["profile", "domains", "invoices", "tickets"])
    );
    // A password changed in WHMCS works; one that did not is left as Roster has it.
    // (Their second factor did not come over: a mailed code completes the sign-in.)
    let (status, body) =
        super::login_with_mailed_code(&app, "owner.four@example.com", "changed in whmcs").await;
    assert_eq!(status, 200, "{body}");
    let hash: String = app
        .scalar("SELECT password_hash FROM users WHERE id = $1", &two)
        .await;
    assert_eq!(hash, rehashed, "an unchanged password is left alone");
    let (status, _) = login(&app, "helper@example.com", "helper pw 40", json!({})).await;
    assert_eq!(status, 200);

    // A third run with no change changes nothing.
    let (_, _, _, report) = import(&app, &whmcs, &[]).await;
    for kind in ["accounts", "users", "memberships", "contacts"] {
        let c = counts(&report, kind);
        assert_eq!((c[0], c[1]), (0, 0), "{kind}: {report:#}");
    }
    assert_eq!(
        sizes(&app).await,
        [before[0] + 2, before[1] + 1, before[2] + 2, before[3] + 1]
    );
}

both_backends!(a_second_run_brings_exactly_what_changed);
