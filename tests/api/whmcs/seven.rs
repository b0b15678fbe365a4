//! A WHMCS 7 database: logins on clients, sub-accounts on contacts, every untidy case.

use serde_json::{Value, json};

use super::source::{Whmcs, bcrypt_hash, salted_md5, totp_authdata};
use super::{
    SECRET, count, counts, entry, import, login, login_with_mailed_code, mailed_codes, totp_now,
};
use crate::helpers::{Backend, PageBrowser, reset_token, spawn_app_with, unique_email};

/// A WHMCS 7 install with every case of the issue. `six` is client 6's email (unique per test: it
/// receives mail).
pub async fn seven(six: &str) -> Whmcs {
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

    // A TOTP secret that did not decode: the password alone does not sign in; a code mailed to
    // the address does, and the user is told to enrol again.
    let (status, body) =
        login_with_mailed_code(&app, "owner.four@example.com", "bcrypt password four").await;
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
        html.contains("We emailed you a 6-digit sign-in code"),
        "{html}"
    );
    // The codes of every test that imports this address land in one mailbox: try each new one.
    let mut tried = std::collections::HashSet::new();
    let mut answer = (0, String::new());
    'found: for _ in 0..200 {
        for code in mailed_codes("owner.four@example.com") {
            if tried.insert(code.clone()) {
                answer = page
                    .submit("/login/code", &[("code", &code), ("by", "mail")])
                    .await;
                if answer.0 == 200 {
                    break 'found;
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (status, html) = answer;
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
}

both_backends!(a_whmcs_7_database_is_imported_with_its_logins);
