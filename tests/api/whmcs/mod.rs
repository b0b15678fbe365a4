//! `roster import whmcs` against a real MariaDB holding WHMCS-shaped databases (7 and 8), into
//! both of Roster's databases, then checked the way people would meet the result: over HTTP.

mod source;

use serde_json::{Value, json};

use crate::helpers::{
    Backend, PageBrowser, TestApp, reset_token, run_roster, spawn_app, spawn_app_with, unique_email,
};
use source::{Whmcs, bcrypt_hash, salted_md5, totp_authdata};

const SECRET: &str = "JBSWY3DPEHPK3PXP";

/// Runs the real binary's import into `app`'s database; answers (exit code, stdout, stderr, the
/// JSON report).
async fn import(app: &TestApp, whmcs: &Whmcs, extra: &[&str]) -> (i32, String, String, Value) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let mut args = vec![
        "import".to_owned(),
        "whmcs".to_owned(),
        "--from".to_owned(),
        whmcs.url.clone(),
        "--report".to_owned(),
        report.display().to_string(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let database = app.state.settings.database.url.expose().to_owned();
    let path = dir.path().to_owned();
    let (code, stdout, stderr) = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_roster(&path, &args, &[("ROSTER_DATABASE__URL", &database)])
    })
    .await
    .unwrap();
    let report = std::fs::read_to_string(&report)
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(Value::Null);
    (code, stdout, stderr, report)
}

/// The report's line for `source`, if it has one.
fn entry<'a>(report: &'a Value, source: &str) -> Option<&'a Value> {
    report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == source)
}

fn counts(report: &Value, kind: &str) -> [i64; 5] {
    ["created", "updated", "unchanged", "linked", "refused"]
        .map(|k| report["counts"][kind][k].as_i64().unwrap_or(0))
}

async fn count(app: &TestApp, table: &'static str) -> i64 {
    let sql = match table {
        "users" => "SELECT COUNT(*) FROM users WHERE $1 = $1",
        "accounts" => "SELECT COUNT(*) FROM accounts WHERE $1 = $1",
        "memberships" => "SELECT COUNT(*) FROM memberships WHERE $1 = $1",
        _ => "SELECT COUNT(*) FROM contacts WHERE $1 = $1",
    };
    app.scalar(sql, "x").await
}

/// A WHMCS 7 install with every case of the issue. `six` is client 6's email (unique per test: it
/// receives mail).
async fn seven(six: &str) -> Whmcs {
    let whmcs = Whmcs::create(false).await;
    // 1: bcrypt, TOTP, a security question, a company, EUR.
    whmcs
        .client(
            1,
            "owner.one@example.com",
            &bcrypt_hash("bcrypt password one"),
            &[
                ("companyname", "Acme Hosting"),
                ("country", "de"),
                ("currency", "2"),
                ("authmodule", "totp"),
                ("authdata", &totp_authdata(SECRET)),
                ("securityqid", "1"),
                ("securityqans", "Rex"),
                ("email_verified", "1"),
                ("language", "german"),
            ],
        )
        .await;
    // 2: salted MD5 of WHMCS 5, closed.
    whmcs
        .client(
            2,
            "owner.two@example.com",
            &salted_md5("md5 password two", "x$:7q"),
            &[("status", "Closed"), ("companyname", "Old Shop")],
        )
        .await;
    // 3: an invalid email: refused.
    whmcs
        .client(3, "not an email", &bcrypt_hash("whatever pw"), &[])
        .await;
    // 4: a TOTP secret that does not decode, an empty last name.
    whmcs
        .client(
            4,
            "owner.four@example.com",
            &bcrypt_hash("bcrypt password four"),
            &[
                ("authmodule", "totp"),
                ("authdata", "a:1:{s:6:\"secret\";s:3:\"!!!\";}"),
                ("lastname", ""),
                ("status", "Inactive"),
            ],
        )
        .await;
    // 5: the same person as client 1 (another case): one user owns both.
    whmcs
        .client(
            5,
            "Owner.One@Example.com",
            &bcrypt_hash("another pw 5"),
            &[],
        )
        .await;
    // 6: the reversible encryption of very old installs: no password; a security question.
    whmcs
        .client(
            6,
            six,
            "aGVsbG8gd29ybGQ=",
            &[("securityqid", "1"), ("securityqans", "Rex the  Dog")],
        )
        .await;
    // Sub-accounts: a web designer on clients 1 and 2 (one user, two accounts).
    whmcs
        .contact(
            10,
            1,
            "designer@example.com",
            Some((&bcrypt_hash("designer password"), "profile,invoices,bogus")),
            &[],
        )
        .await;
    whmcs
        .contact(
            20,
            2,
            "Designer@example.com",
            Some((&bcrypt_hash("ignored, the first kept"), "tickets")),
            &[],
        )
        .await;
    // Client 1's owner as a sub-account of its own client: already the owner.
    whmcs
        .contact(
            12,
            1,
            "owner.one@example.com",
            Some((&bcrypt_hash("x"), "domains")),
            &[],
        )
        .await;
    // The designer twice on client 1: one access with both rows' permissions.
    whmcs
        .contact(
            13,
            1,
            "designer@example.com",
            Some((&bcrypt_hash("y"), "domains")),
            &[],
        )
        .await;
    // Plain contacts: one billing contact, one with an invalid email, one on the refused client.
    whmcs
        .contact(
            11,
            1,
            "billing@acme.example",
            None,
            &[("invoiceemails", "1"), ("phonenumber", "+49 30 1234")],
        )
        .await;
    whmcs.contact(30, 1, "nobody at all", None, &[]).await;
    whmcs.contact(31, 3, "someone@example.com", None, &[]).await;
    whmcs
}

async fn login(app: &TestApp, email: &str, password: &str, extra: Value) -> (u16, Value) {
    let response = app.login(email, password, extra).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn totp_now(app: &TestApp) -> String {
    crate::helpers::totp_code(app, SECRET)
}

async fn a_whmcs_7_database_is_imported_with_its_logins(backend: Backend) {
    // Many logins from one address: above the per-address limit.
    let app = spawn_app_with(backend, |s| s.auth.rate_limit.per_ip = 1000).await;
    let six = unique_email("owner-six");
    let whmcs = seven(&six).await;

    // A dry run reports and writes nothing.
    let (code, stdout, _, report) = import(&app, &whmcs, &["--dry-run"]).await;
    assert_eq!(code, 1, "refused rows make the exit code non-zero");
    assert!(stdout.contains("dry run: nothing was written"), "{stdout}");
    assert_eq!(report["dry_run"], true);
    assert_eq!(counts(&report, "accounts"), [5, 0, 0, 0, 1]);
    for table in ["users", "accounts", "contacts"] {
        assert_eq!(count(&app, table).await, 0, "{table} written by a dry run");
    }

    let (code, stdout, stderr, report) = import(&app, &whmcs, &[]).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("4 source row(s) refused"), "{stderr}");
    assert!(stdout.contains("accounts"), "the summary table: {stdout}");
    // Every refused row is named, with why.
    for (source, why) in [
        ("client login 3", "not a valid email address"),
        ("client 3", "was refused"),
        ("contact 30", "not a valid email address"),
        ("contact 31", "client 3 was refused"),
    ] {
        let e = entry(&report, source).unwrap_or_else(|| panic!("{source}: {report:#}"));
        assert!(e["reason"].as_str().unwrap().contains(why), "{source}: {e}");
        assert_eq!(e["outcome"], "refused", "{source}");
    }
    // Links and the rules applied are reported too.
    assert_eq!(
        entry(&report, "client login 5").unwrap()["outcome"],
        "linked"
    );
    assert_eq!(
        entry(&report, "sub-account 20").unwrap()["outcome"],
        "linked"
    );
    assert!(
        entry(&report, "sub-account 12 (access)").unwrap()["reason"]
            .as_str()
            .unwrap()
            .contains("owns client 1")
    );
    assert!(
        entry(&report, "sub-account 10").is_none(),
        "a login made as it was: nothing to report"
    );
    let access = entry(&report, "sub-account 10 (access)").unwrap();
    assert_eq!(access["outcome"], "changed");
    assert!(
        access["reason"]
            .as_str()
            .unwrap()
            .contains("`bogus` dropped"),
        "{access}"
    );
    let four = entry(&report, "client login 4").unwrap()["reason"].clone();
    assert!(
        four.as_str()
            .unwrap()
            .contains("set up two-step verification again"),
        "{four}"
    );
    assert!(
        entry(&report, "client login 6").unwrap()["reason"]
            .as_str()
            .unwrap()
            .contains("reset link")
    );

    // The bcrypt owner with TOTP logs in with the old password and a code from the old secret;
    // afterwards the stored hash is argon2id.
    let (status, body) = login(
        &app,
        "owner.one@example.com",
        "bcrypt password one",
        json!({}),
    )
    .await;
    assert_eq!(status, 401, "the second factor came along: {body}");
    let (status, body) = login(
        &app,
        "owner.one@example.com",
        "bcrypt password one",
        json!({ "totp_code": totp_now(&app) }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let one = body["user"]["id"].as_str().unwrap().to_owned();
    assert_eq!(body["user"]["number"], 1);
    assert_eq!(body["user"]["language"], "de");
    assert!(body["user"]["email_verified_at"].is_i64());
    let hash: String = app
        .scalar("SELECT password_hash FROM users WHERE id = $1", &one)
        .await;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    let token = body["token"].as_str().unwrap().to_owned();
    let accounts = app.my_accounts(&token).await;
    let names: Vec<&str> = accounts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["account"]["billing_email"].as_str().unwrap())
        .collect();
    assert_eq!(
        accounts.as_array().unwrap().len(),
        2,
        "clients 1 and 5: {accounts}"
    );
    assert!(
        names
            .iter()
            .all(|n| n.eq_ignore_ascii_case("owner.one@example.com"))
    );
    let acme = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"]["number"] == 1)
        .unwrap();
    assert_eq!(acme["account"]["company_name"], "Acme Hosting");
    assert_eq!(acme["account"]["currency"], "EUR");
    assert_eq!(acme["account"]["country"], "DE");
    assert_eq!(acme["is_owner"], true);

    // The salted-MD5 owner of a closed client: same, and the account stays closed.
    let (status, body) = login(&app, "owner.two@example.com", "md5 password two", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let two = body["user"]["id"].as_str().unwrap().to_owned();
    let hash: String = app
        .scalar("SELECT password_hash FROM users WHERE id = $1", &two)
        .await;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    let (status, _) = login(&app, "owner.two@example.com", "md5 password two", json!({})).await;
    assert_eq!(status, 200, "the new hash works too");
    let mine = app.my_accounts(body["token"].as_str().unwrap()).await;
    assert_eq!(mine[0]["account"]["status"], "closed");
    assert_eq!(mine[0]["account"]["number"], 2);

    // The web designer: one user (the first password kept), two accounts, each with the
    // sub-account's permissions.
    let (status, _) = login(
        &app,
        "designer@example.com",
        "ignored, the first kept",
        json!({}),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = login(&app, "designer@example.com", "designer password", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let mine = app.my_accounts(body["token"].as_str().unwrap()).await;
    let mut seen: Vec<(i64, Value, bool)> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["account"]["number"].as_i64().unwrap(),
                a["permissions"].clone(),
                a["is_owner"].as_bool().unwrap(),
            )
        })
        .collect();
    seen.sort_by_key(|s| s.0);
    assert_eq!(
        seen,
        vec![
            (1, json!(["profile", "domains", "invoices"]), false),
            (2, json!(["tickets"]), false)
        ]
    );

    // A TOTP secret that did not decode: the password alone signs in, and the user is told.
    let (status, body) = login(
        &app,
        "owner.four@example.com",
        "bcrypt password four",
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["totp_reenrol_required"], true);
    assert_eq!(body["user"]["last_name"], "-");
    let page = PageBrowser::new(&app);
    page.open("/login").await;
    let (status, html) = page
        .submit(
            "/login",
            &[
                ("email", "owner.four@example.com"),
                ("password", "bcrypt password four"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("two-step verification could not be brought over"),
        "the signed-in pages say so: {html}"
    );
    // No password that can be checked: nothing signs in until a reset.
    let (status, _) = login(&app, &six, "aGVsbG8gd29ybGQ=", json!({})).await;
    assert_eq!(status, 401);
    // ... until they set one through a reset link, which asks the security question that came
    // along (the answer compared as Roster compares answers: case and spaces aside).
    let reset = reset_token(&app, &six, 1).await;
    let refused = app
        .call(
            "POST",
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({ "token": reset, "password": "a brand new password", "security_answer": "Felix" })),
        )
        .await;
    assert_eq!(refused.status(), 422);
    app.expect(
        204,
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": reset, "password": "a brand new password", "security_answer": "rex the dog" })),
    )
    .await;
    let (status, body) = login(&app, &six, "a brand new password", json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["security_question"], "Name of your first pet?");
    // The import sent no mail.
    app.assert_no_mail_to("owner.one@example.com").await;

    // Contacts stay contacts (the sub-accounts' rows too); the billing contact keeps its kinds.
    let acme_id = acme["account"]["id"].as_str().unwrap();
    let contacts = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{acme_id}/contacts"),
            Some(&token),
            None,
        )
        .await;
    let billing = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == "billing@acme.example")
        .unwrap_or_else(|| panic!("{contacts}"));
    assert_eq!(billing["email_preferences"], json!(["billing"]));
    assert_eq!(billing["number"], 11);
    assert_eq!(billing["phone"], "+49 30 1234");
    assert_eq!(
        contacts.as_array().unwrap().len(),
        4,
        "10, 11, 12, 13: {contacts}"
    );

    // Staff find the account by its number and see where it came from; the audit says who.
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
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["items"][0]["id"], acme_id);
    let shown = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/accounts/{acme_id}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(
        shown["imported_from"],
        json!([{ "system": "whmcs", "kind": "client", "id": 1 }])
    );
    let user = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/users/{one}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(
        user["imported_from"],
        json!([
            { "system": "whmcs", "kind": "client_login", "id": 1 },
            { "system": "whmcs", "kind": "client_login", "id": 5 },
            { "system": "whmcs", "kind": "subaccount", "id": 12 }
        ])
    );
    let actors: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT actor_kind || ':' || COALESCE(actor_id, '') FROM audit_events WHERE account_id = $1",
    )
    .bind(acme_id.to_owned())
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert!(actors.contains(&"system:import".to_owned()), "{actors:?}");
    let events: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM domain_events WHERE account_id = $1",
            acme_id,
        )
        .await;
    assert_eq!(events, 0, "no plugin after-hooks without --notify-plugins");

    // A second run after changes in WHMCS brings exactly those changes.
    let before = [
        count(&app, "users").await,
        count(&app, "accounts").await,
        count(&app, "memberships").await,
        count(&app, "contacts").await,
    ];
    whmcs
        .run("UPDATE tblclients SET companyname = 'Acme Cloud', status = 'Inactive' WHERE id = 1")
        .await;
    whmcs
        .run("UPDATE tblcontacts SET permissions = 'profile,invoices,tickets' WHERE id = 10")
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
        counts(&report, "users")[0],
        2,
        "client 7's login and sub-account 40"
    );
    assert_eq!(
        counts(&report, "memberships")[1],
        1,
        "sub-account 10's permissions"
    );
    assert_eq!(counts(&report, "contacts")[0], 1, "contact 40");
    let after = [
        count(&app, "users").await,
        count(&app, "accounts").await,
        count(&app, "memberships").await,
        count(&app, "contacts").await,
    ];
    assert_eq!(
        after,
        [before[0] + 2, before[1] + 1, before[2] + 2, before[3] + 1]
    );
    let acme = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/accounts/{acme_id}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(acme["company_name"], "Acme Cloud");
    assert_eq!(acme["status"], "inactive");
    let hash: String = app
        .scalar("SELECT password_hash FROM users WHERE id = $1", &one)
        .await;
    assert!(
        hash.starts_with("$argon2id$"),
        "an unchanged password is left alone: {hash}"
    );
    let (status, _) = login(&app, "helper@example.com", "helper pw 40", json!({})).await;
    assert_eq!(status, 200);

    // A third run with no change changes nothing.
    let (_, _, _, report) = import(&app, &whmcs, &[]).await;
    for kind in ["accounts", "users", "memberships", "contacts"] {
        let c = counts(&report, kind);
        assert_eq!((c[0], c[1]), (0, 0), "{kind}: {report:#}");
    }
}

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
    assert_eq!(whmcs.count("tblusers").await, 2);
    let (code, stdout, stderr, report) = import(&app, &whmcs, &[]).await;
    assert_eq!(code, 0, "{stdout}{stderr}{report:#}");
    assert!(stdout.contains("WHMCS 8"), "{stdout}");

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

both_backends!(
    a_whmcs_7_database_is_imported_with_its_logins,
    a_whmcs_8_database_is_imported_with_its_users,
);
