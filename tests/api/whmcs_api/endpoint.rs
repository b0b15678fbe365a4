//! The envelope, credentials, addresses and roles, whatever the action.

use roster::admins::Role;
use serde_json::{Value, json};

use super::Caller;
use crate::helpers::{Backend, ServerProcess, run_roster, spawn_app, spawn_app_with};

async fn credentials_are_read_as_whmcs_clients_send_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let caller = Caller::new(&app, Role::Administrator).await;
    let (id, secret) = (caller.identifier.as_str(), caller.secret.as_str());

    // identifier/secret, and action names in any case.
    let body = caller.ok("GetPermissionsList", &[]).await;
    assert_eq!(
        body["status"], "success",
        "sent beside result, as WHMCS's example shows"
    );
    let keys = body["permissions"]["permission"].as_array().unwrap();
    assert_eq!(keys.len(), 13, "{body}");
    assert!(keys.contains(&json!("invoices")) && keys.contains(&json!("productsso")));
    caller.ok("getpermissionslist", &[]).await;

    // The same pair in username/password, with the unused fields sent empty (node-whmcs sends
    // every field), and the action only in the query string (a generated Python client).
    let (status, _, body) = app
        .whmcs(
            "?action=GetPermissionsList",
            &[
                ("username", id),
                ("password", secret),
                ("identifier", ""),
                ("secret", ""),
                ("accesskey", ""),
            ],
        )
        .await;
    assert_eq!(
        (status, &body["result"]),
        (200, &json!("success")),
        "{body}"
    );

    // Refusals: 400 without an action, 403 for credentials, each with the envelope and WHMCS's
    // words.
    type Form<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Form, u16, &str); 7] = [
        (
            &[
                ("action", "GetUsers"),
                ("identifier", id),
                ("secret", secret),
                ("firstname", "a\u{0}b"),
            ],
            400,
            "The firstname field contains characters that are not allowed",
        ),
        (
            &[("identifier", id), ("secret", secret)],
            400,
            "Empty action request",
        ),
        (&[("action", "GetUsers")], 403, "Authentication Failed"),
        (
            &[("action", "GetUsers"), ("identifier", id), ("secret", "")],
            403,
            "Authentication Failed",
        ),
        (
            &[
                ("action", "GetUsers"),
                ("identifier", "nobody00000000000000000000000000"),
                ("secret", secret),
            ],
            403,
            "Invalid or missing credentials",
        ),
        (
            &[
                ("action", "GetUsers"),
                ("identifier", id),
                ("secret", "wrong"),
            ],
            403,
            "Authentication Failed",
        ),
        (
            &[
                ("action", "UpdateBillableItem"),
                ("identifier", id),
                ("secret", secret),
            ],
            400,
            "Invalid API Action: \"updatebillableitem\" is not a valid API action",
        ),
    ];
    for (form, want_status, message) in cases {
        let (status, content_type, body) = app.whmcs("", form).await;
        assert_eq!(content_type, "application/json");
        assert_eq!(
            (status, &body),
            (want_status, &json!({"result": "error", "message": message})),
            "{form:?}"
        );
    }

    // responsetype=xml: WHMCS's <whmcsapi> document.
    let response = app
        .client
        .post(app.url("/includes/api.php"))
        .form(&[
            ("action", "GetPermissionsList"),
            ("identifier", id),
            ("secret", secret),
            ("responsetype", "xml"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    let xml = response.text().await.unwrap();
    assert!(
        xml.starts_with("<?xml")
            && xml.contains("<whmcsapi>")
            && xml.contains("<result>success</result>")
            && xml.contains(
                "<permissions><permission>profile</permission><permission>contacts</permission>"
            ),
        "{xml}"
    );
}

async fn failed_credentials_from_one_address_are_limited(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.rate_limit.per_ip = 3).await;
    let caller = Caller::new(&app, Role::Administrator).await;
    let wrong = [
        ("action", "GetUsers"),
        ("identifier", caller.identifier.as_str()),
        ("secret", "x"),
    ];
    for _ in 0..3 {
        let (status, _, body) = app.whmcs("", &wrong).await;
        assert_eq!(
            (status, body["message"].as_str()),
            (403, Some("Authentication Failed"))
        );
    }
    // Past the limit even the right secret is not checked until the window ends.
    let (status, body) = caller.call("GetUsers", &[]).await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("too many"),
        "{body}"
    );
    app.state.clock.advance(std::time::Duration::from_secs(61));
    caller.ok("GetUsers", &[]).await;
}

async fn the_address_list_and_the_access_key(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.whmcs_api.allowed_ips = vec!["203.0.113.0/24".parse().unwrap()];
        s.whmcs_api.access_key = Some("open sesame!".into());
    })
    .await;
    let caller = Caller::new(&app, Role::Administrator).await;
    let (status, body) = caller.call("GetUsers", &[]).await;
    assert_eq!(
        (status, &body),
        (
            403,
            &json!({"result": "error", "message": "Invalid IP 127.0.0.1"})
        )
    );
    let (status, body) = caller
        .call("GetUsers", &[("accesskey", "open sesame")])
        .await;
    assert_eq!(status, 403, "a wrong key: {body}");
    caller
        .ok("GetUsers", &[("accesskey", "open sesame!")])
        .await;
    // The key opens the address check only: credentials are still needed.
    let (status, _, body) = app
        .whmcs("", &[("action", "GetUsers"), ("accesskey", "open sesame!")])
        .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (403, Some("Authentication Failed"))
    );
}

async fn the_support_role_reads_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let support = Caller::new(&app, Role::Support).await;
    support.ok("GetUsers", &[]).await;
    support.ok("GetPermissionsList", &[]).await;
    let (status, body) = support
        .call(
            "AddUser",
            &[
                ("firstname", "A"),
                ("lastname", "B"),
                ("email", "x@example.test"),
                ("password2", "correct horse battery"),
            ],
        )
        .await;
    assert_eq!(
        (status, &body),
        (
            403,
            &json!({"result": "error", "message": "Invalid Permissions: API action \"adduser\" is not allowed"})
        )
    );
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(users, 0, "nothing was written");
}

both_backends!(
    credentials_are_read_as_whmcs_clients_send_them,
    failed_credentials_from_one_address_are_limited,
    the_address_list_and_the_access_key,
    the_support_role_reads_and_changes_nothing,
    api_credentials_are_managed_from_the_admin_api,
);

/// `roster admin api-credential create` prints an identifier and a secret once; `list` shows the
/// identifier and role, never the secret; `revoke` ends it. The endpoint can be turned off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_credentials_are_made_listed_and_revoked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let create = [
        "admin",
        "api-credential",
        "create",
        "--name",
        "billing-bridge",
        "--role",
        "support",
    ];
    let (code, out, stderr) = run_roster(dir.path(), &create, &[]);
    assert_eq!(code, 0, "{stderr}");
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap()
    };
    let (identifier, secret) = (field("identifier:"), field("secret:"));
    assert_eq!(identifier.len(), 32);
    assert!(secret.len() == 32 && secret.chars().all(|c| c.is_ascii_alphanumeric()));
    let (code, _, stderr) = run_roster(dir.path(), &create, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("exists"), "{stderr}");

    let server = ServerProcess::start(dir.path(), &[]).await;
    let call = |action: &'static str| {
        let client = reqwest::Client::new();
        let url = format!("{}/includes/api.php", server.address);
        let form = [
            ("action", action.to_owned()),
            ("identifier", identifier.clone()),
            ("secret", secret.clone()),
        ];
        async move {
            let r = client.post(url).form(&form).send().await.unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    assert_eq!(call("GetUsers").await.0, 200);
    assert_eq!(call("AddUser").await.0, 403, "a support credential");

    let (code, listed, _) = run_roster(dir.path(), &["admin", "api-credential", "list"], &[]);
    assert_eq!(code, 0);
    assert!(
        listed.contains("billing-bridge")
            && listed.contains("support")
            && listed.contains(&identifier),
        "{listed}"
    );
    assert!(!listed.contains(&secret));
    let (_, tokens, _) = run_roster(dir.path(), &["admin", "token", "list"], &[]);
    assert!(
        !tokens.contains("billing-bridge"),
        "tokens are listed apart: {tokens}"
    );
    let revoke = [
        "admin",
        "api-credential",
        "revoke",
        "--name",
        "billing-bridge",
    ];
    let (code, out, _) = run_roster(dir.path(), &revoke, &[]);
    assert_eq!(code, 0, "{out}");
    let (status, body) = call("GetUsers").await;
    assert_eq!(
        (status, body["message"].as_str()),
        (403, Some("Invalid or missing credentials"))
    );
    assert_eq!(server.terminate().await, Some(0));

    // whmcs_api.enabled = false: the address is not there.
    let server = ServerProcess::start(dir.path(), &[("ROSTER_WHMCS_API__ENABLED", "false")]).await;
    let status = reqwest::Client::new()
        .post(format!("{}/includes/api.php", server.address))
        .form(&[("action", "GetUsers")])
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);
    assert_eq!(server.terminate().await, Some(0));
}

/// The admin API lists, creates and revokes API credentials; a support token may only list.
async fn api_credentials_are_managed_from_the_admin_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let created = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/api-credentials",
            Some(&admin),
            Some(json!({"name": "provisioning", "role": "support"})),
        )
        .await;
    let (identifier, secret) = (
        created["identifier"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    );
    assert_eq!(created["credential"]["role"], "support");
    // Audited as the token that made it.
    let audit = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/audit?action=api_credential.created",
            Some(&admin),
            None,
        )
        .await;
    let name = audit["items"][0]["actor_id"].as_str().unwrap();
    assert!(name.starts_with("test-"), "{audit}");
    let caller = super::Caller {
        app: &app,
        identifier: identifier.clone(),
        secret: secret.clone(),
    };
    caller.ok("GetUsers", &[]).await;
    assert_eq!(
        caller.call("AddUser", &[]).await.0,
        403,
        "a support credential"
    );
    app.expect(
        409,
        "POST",
        "/api/v1/admin/api-credentials",
        Some(&admin),
        Some(json!({"name": "provisioning"})),
    )
    .await;

    let listed = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/api-credentials",
            Some(&admin),
            None,
        )
        .await;
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "admin tokens are not listed here: {listed}");
    assert_eq!(items[0]["identifier"], identifier.as_str());
    assert!(!listed.to_string().contains(&secret), "never the secret");

    // A support admin token reads and may not create or revoke.
    let support = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "support-desk",
        Role::Support,
    )
    .await
    .unwrap()
    .0;
    app.expect(
        200,
        "GET",
        "/api/v1/admin/api-credentials",
        Some(&support),
        None,
    )
    .await;
    let id = items[0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/admin/api-credentials/{id}");
    app.expect(403, "DELETE", &path, Some(&support), None).await;
    app.expect(
        403,
        "POST",
        "/api/v1/admin/api-credentials",
        Some(&support),
        Some(json!({"name": "mine"})),
    )
    .await;
    caller.ok("GetUsers", &[]).await;

    let revoked = app.expect(200, "DELETE", &path, Some(&admin), None).await;
    assert!(revoked["revoked_at"].is_i64());
    let (status, body) = caller.call("GetUsers", &[]).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (403, Some("Invalid or missing credentials"))
    );
    app.expect(404, "DELETE", &path, Some(&admin), None).await;
}

/// Every action, with a control character (NUL, CR/LF for a header, ESC, DEL, C1) in each field
/// any action reads: refused before the action runs (400, naming the field), writing nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_control_character_in_any_field_of_any_action_is_refused_and_writes_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    let api = Caller::new(&app, Role::Administrator).await;
    let fields = [
        "firstname",
        "lastname",
        "companyname",
        "email",
        "address1",
        "address2",
        "city",
        "state",
        "postcode",
        "country",
        "phonenumber",
        "password2",
        "permissions",
        "clientid",
        "client_id",
        "user_id",
        "contactid",
        "language",
        "status",
        "search",
    ];
    let controls = [
        "\u{0}",
        "\r\nBcc: x@evil.example",
        "\u{1b}[2J",
        "\u{7f}",
        "\u{85}",
    ];
    let before = app.db_snapshot().await;
    for action in roster::whmcs_api::actions::Action::ALL {
        let action = format!("{action:?}");
        for (i, field) in fields.iter().enumerate() {
            let value = format!("value{}", controls[i % controls.len()]);
            let (status, body) = api.call(&action, &[(field, &value)]).await;
            assert_eq!(status, 400, "{action} {field}: {body}");
            assert_eq!(
                body["message"],
                format!("The {field} field contains characters that are not allowed"),
                "{action} {field}"
            );
        }
    }
    assert_eq!(app.db_snapshot().await, before, "a refused call wrote");
}
