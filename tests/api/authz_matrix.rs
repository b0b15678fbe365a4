//! The authorization matrix: every account-scoped endpoint × every kind of caller, asserting the
//! exact set allowed, the answer everyone else gets, and that a refused call changes nothing.

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    /// A member of another account.
    Outsider,
    /// A member of this account without the permission the endpoint needs.
    MemberWithout,
    /// A member of this account with it.
    MemberWith,
    Owner,
    /// The owner of another account.
    OtherOwner,
    Admin,
}

use Caller::*;

const EVERYONE: [Caller; 7] = [
    Anonymous,
    Outsider,
    MemberWithout,
    MemberWith,
    Owner,
    OtherOwner,
    Admin,
];

/// What a caller outside the allowed set gets.
fn refusal(caller: Caller, admin_endpoint: bool) -> (u16, &'static str) {
    match caller {
        _ if admin_endpoint => (401, "unauthorized"),
        Anonymous | Admin => (401, "unauthorized"),
        Outsider | OtherOwner => (404, "not_found"),
        MemberWithout | MemberWith => (403, "forbidden"),
        Owner => unreachable!("the owner is allowed every client-area call"),
    }
}

async fn signup_without_account(app: &TestApp, label: &str) -> (String, String) {
    let body = app
        .expect(
            201,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": unique_email(label), "password": PASSWORD, "first_name": "A", "last_name": "B", "account": null })),
        )
        .await;
    (
        body["user"]["id"].as_str().unwrap().to_owned(),
        body["token"].as_str().unwrap().to_owned(),
    )
}

/// Everything about an account that a call could change.
async fn snapshot(app: &TestApp, account: &str) -> String {
    let pool = app.state.db.pool();
    let account_row: Vec<(String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT owner_user_id, company_name, billing_email, status FROM accounts WHERE id = $1",
    )
    .bind(account.to_owned())
    .fetch_all(pool)
    .await
    .unwrap();
    let members: Vec<(String, String)> = sqlx::query_as(
        "SELECT user_id, permissions FROM memberships WHERE account_id = $1 ORDER BY user_id",
    )
    .bind(account.to_owned())
    .fetch_all(pool)
    .await
    .unwrap();
    let contacts: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, email, first_name FROM contacts WHERE account_id = $1 ORDER BY id",
    )
    .bind(account.to_owned())
    .fetch_all(pool)
    .await
    .unwrap();
    let invitations: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, email, state, token_hash, expires_at FROM invitations WHERE account_id = $1 \
         ORDER BY id",
    )
    .bind(account.to_owned())
    .fetch_all(pool)
    .await
    .unwrap();
    format!("{account_row:?}|{members:?}|{contacts:?}|{invitations:?}")
}

/// A fresh pending invitation on `account`, sent by staff (so the owner's own calls are not what
/// made it).
async fn new_invitation(app: &TestApp, admin: &str, account: &str) -> String {
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/invitations"),
        Some(admin),
        Some(json!({ "email": unique_email("matrix-invitee") })),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn every_account_scoped_endpoint_allows_exactly_the_right_callers(backend: Backend) {
    // Every case sends invitations; the per-account limit is tested elsewhere.
    let app = spawn_app_with(backend, |s| s.invitations.per_account_per_hour = 100_000).await;
    let admin = app.admin_token().await;
    let (owner_id, owner) = app.signup_verified(&unique_email("owner")).await;
    let account = app.my_accounts(&owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, other_owner) = app.signup_verified(&unique_email("other-owner")).await;
    let other_account = app.my_accounts(&other_owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (outsider_id, outsider) = signup_without_account(&app, "outsider").await;
    let all: Vec<String> = roster::permissions::BUILTIN
        .iter()
        .map(|(k, _)| (*k).to_owned())
        .collect();
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{other_account}/users"),
        Some(&admin),
        Some(json!({ "user_id": outsider_id, "permissions": all })),
    )
    .await;
    let (without_id, without) = signup_without_account(&app, "without").await;
    let (with_id, with) = signup_without_account(&app, "with").await;
    for (id, permissions) in [
        (&without_id, json!(["invoices"])),
        (&with_id, json!(["profile", "contacts"])),
    ] {
        app.expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{account}/users"),
            Some(&admin),
            Some(json!({ "user_id": id, "permissions": permissions })),
        )
        .await;
    }
    let token = |caller: Caller| -> Option<String> {
        match caller {
            Anonymous => None,
            Outsider => Some(outsider.clone()),
            MemberWithout => Some(without.clone()),
            MemberWith => Some(with.clone()),
            Owner => Some(owner.clone()),
            OtherOwner => Some(other_owner.clone()),
            Admin => Some(admin.clone()),
        }
    };

    // A contact and a removable member, re-made before each call that could consume them.
    // A fresh contact for each call (the account's earlier ones go first, so that it stays under
    // `contacts::MAX_PER_ACCOUNT`; the owner's budget of changes an hour is far from spent).
    let new_contact = || async {
        sqlx::query("DELETE FROM contacts WHERE account_id = $1")
            .bind(account.clone())
            .execute(app.state.db.pool())
            .await
            .unwrap();
        app.expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/contacts"),
            Some(&owner),
            Some(json!({ "first_name": "Bill", "last_name": "Ing", "email": unique_email("contact") })),
        )
        .await["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (victim_id, _) = signup_without_account(&app, "victim").await;
    let add_victim = || async {
        let response = app
            .call(
                "POST",
                &format!("/api/v1/admin/accounts/{account}/users"),
                Some(&admin),
                Some(json!({ "user_id": victim_id, "permissions": [] })),
            )
            .await;
        assert!([201, 409].contains(&response.status().as_u16()));
    };

    type Case = (&'static str, &'static str, &'static [Caller], bool);
    // (method, path template, allowed callers, admin endpoint). {a} account, {c} contact,
    // {v} removable member, {m} a member whose permissions are set, {i} a pending invitation.
    let cases: &[Case] = &[
        (
            "GET",
            "/api/v1/accounts/{a}",
            &[MemberWithout, MemberWith, Owner],
            false,
        ),
        ("PATCH", "/api/v1/accounts/{a}", &[MemberWith, Owner], false),
        (
            "GET",
            "/api/v1/accounts/{a}/contacts",
            &[MemberWith, Owner],
            false,
        ),
        (
            "POST",
            "/api/v1/accounts/{a}/contacts",
            &[MemberWith, Owner],
            false,
        ),
        (
            "GET",
            "/api/v1/accounts/{a}/contacts/{c}",
            &[MemberWith, Owner],
            false,
        ),
        (
            "PATCH",
            "/api/v1/accounts/{a}/contacts/{c}",
            &[MemberWith, Owner],
            false,
        ),
        (
            "DELETE",
            "/api/v1/accounts/{a}/contacts/{c}",
            &[MemberWith, Owner],
            false,
        ),
        ("GET", "/api/v1/accounts/{a}/users", &[Owner], false),
        ("PATCH", "/api/v1/accounts/{a}/users/{m}", &[Owner], false),
        ("DELETE", "/api/v1/accounts/{a}/users/{v}", &[Owner], false),
        ("GET", "/api/v1/accounts/{a}/invitations", &[Owner], false),
        ("POST", "/api/v1/accounts/{a}/invitations", &[Owner], false),
        (
            "DELETE",
            "/api/v1/accounts/{a}/invitations/{i}",
            &[Owner],
            false,
        ),
        (
            "POST",
            "/api/v1/accounts/{a}/invitations/{i}/resend",
            &[Owner],
            false,
        ),
        (
            "GET",
            "/api/v1/admin/accounts/{a}/invitations",
            &[Admin],
            true,
        ),
        (
            "POST",
            "/api/v1/admin/accounts/{a}/invitations",
            &[Admin],
            true,
        ),
        (
            "DELETE",
            "/api/v1/admin/accounts/{a}/invitations/{i}",
            &[Admin],
            true,
        ),
        (
            "POST",
            "/api/v1/admin/accounts/{a}/invitations/{i}/resend",
            &[Admin],
            true,
        ),
        ("GET", "/api/v1/admin/accounts/{a}", &[Admin], true),
        ("PATCH", "/api/v1/admin/accounts/{a}", &[Admin], true),
        ("GET", "/api/v1/admin/accounts/{a}/users", &[Admin], true),
        ("POST", "/api/v1/admin/accounts/{a}/users", &[Admin], true),
        (
            "PATCH",
            "/api/v1/admin/accounts/{a}/users/{m}",
            &[Admin],
            true,
        ),
        (
            "DELETE",
            "/api/v1/admin/accounts/{a}/users/{v}",
            &[Admin],
            true,
        ),
        ("POST", "/api/v1/admin/accounts/{a}/owner", &[Admin], true),
    ];
    for (method, template, allowed, admin_endpoint) in cases {
        for caller in EVERYONE {
            let contact = new_contact().await;
            add_victim().await;
            let invitation = new_invitation(&app, &admin, &account).await;
            let path = template
                .replace("{a}", &account)
                .replace("{i}", &invitation)
                .replace("{c}", &contact)
                .replace("{v}", &victim_id)
                .replace("{m}", &without_id);
            let body: Option<Value> = match (*method, *template) {
                ("PATCH", "/api/v1/accounts/{a}") | ("PATCH", "/api/v1/admin/accounts/{a}") => {
                    Some(json!({ "company_name": format!("Renamed by {caller:?}") }))
                }
                ("POST", t) if t.ends_with("/contacts") => Some(
                    json!({ "first_name": "New", "last_name": "Contact", "email": unique_email("new") }),
                ),
                ("PATCH", t) if t.contains("/contacts/") => {
                    Some(json!({ "first_name": format!("By {caller:?}") }))
                }
                ("PATCH", t) if t.contains("/users/") => {
                    Some(json!({ "permissions": ["invoices", "emails"] }))
                }
                ("POST", t) if t.ends_with("/invitations") => {
                    Some(json!({ "email": unique_email("matrix-new"), "permissions": ["tickets"] }))
                }
                ("POST", t) if t.ends_with("/users") => {
                    Some(json!({ "user_id": outsider_id, "permissions": [] }))
                }
                // Moving ownership to the owner it already has: allowed, and a no-op.
                ("POST", t) if t.ends_with("/owner") => Some(json!({ "user_id": owner_id })),
                _ => None,
            };
            let before = snapshot(&app, &account).await;
            let response = app
                .call(method, &path, token(caller).as_deref(), body)
                .await;
            let status = response.status().as_u16();
            if allowed.contains(&caller) {
                assert!(
                    (200..300).contains(&status),
                    "{caller:?} {method} {template}: {status} {}",
                    response.text().await.unwrap()
                );
                if *template == "/api/v1/admin/accounts/{a}/users" && *method == "POST" {
                    // Undo, so the outsider stays an outsider.
                    app.expect(
                        204,
                        "DELETE",
                        &format!("/api/v1/admin/accounts/{account}/users/{outsider_id}"),
                        Some(&admin),
                        None,
                    )
                    .await;
                }
            } else {
                let (expected_status, expected_code) = refusal(caller, *admin_endpoint);
                assert_eq!(status, expected_status, "{caller:?} {method} {template}");
                assert_eq!(
                    problem(response).await["code"],
                    expected_code,
                    "{caller:?} {method} {template}"
                );
                assert_eq!(
                    snapshot(&app, &account).await,
                    before,
                    "refused {caller:?} {method} {template} changed something"
                );
            }
        }
    }

    // The authorization check itself answers every signed-in caller, truthfully.
    for caller in EVERYONE {
        let path = format!("/api/v1/authz/check?account={account}&permission=profile");
        let response = app.call("GET", &path, token(caller).as_deref(), None).await;
        match caller {
            Anonymous | Admin => assert_eq!(response.status(), 401),
            _ => {
                let body: Value = response.json().await.unwrap();
                assert_eq!(
                    body["allowed"],
                    matches!(caller, MemberWith | Owner),
                    "{caller:?}"
                );
            }
        }
    }
}

/// With `user_management.enabled = false` (rule 5), the owner's invitation calls answer
/// `user_management_disabled` and change nothing, while staff still list, send, resend and cancel.
async fn with_user_management_off_only_staff_handle_invitations(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.user_management.enabled = false).await;
    let admin = app.admin_token().await;
    let (_, owner) = app.signup_verified(&unique_email("um-off-owner")).await;
    let account = app.my_accounts(&owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitation = new_invitation(&app, &admin, &account).await;
    let client = format!("/api/v1/accounts/{account}/invitations");
    let calls: [(&str, String, Option<Value>); 4] = [
        ("GET", client.clone(), None),
        (
            "POST",
            client.clone(),
            Some(json!({ "email": unique_email("um-off-new") })),
        ),
        ("POST", format!("{client}/{invitation}/resend"), None),
        ("DELETE", format!("{client}/{invitation}"), None),
    ];
    let before = snapshot(&app, &account).await;
    for (method, path, body) in calls.clone() {
        let response = app.call(method, &path, Some(&owner), body).await;
        assert_eq!(response.status(), 403, "{method} {path}");
        assert_eq!(
            problem(response).await["code"],
            "user_management_disabled",
            "{method} {path}"
        );
    }
    assert_eq!(snapshot(&app, &account).await, before);
    for (method, path, body) in calls {
        let path = path.replace("/api/v1/accounts/", "/api/v1/admin/accounts/");
        let response = app.call(method, &path, Some(&admin), body).await;
        assert!(
            response.status().is_success(),
            "staff {method} {path}: {}",
            response.status()
        );
    }
}

both_backends!(
    every_account_scoped_endpoint_allows_exactly_the_right_callers,
    with_user_management_off_only_staff_handle_invitations,
    every_operation_of_the_openapi_document_is_behind_the_right_door,
);

/// Who may call an operation, by the door it is behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Door {
    /// Anyone.
    Public,
    /// A signed-in user (any account or none).
    Session,
    /// A signed-in user, or anyone signing up in the same call.
    SessionOrSignUp,
    /// A user with access to the account: the matrix above says who exactly.
    Account,
    /// Staff's admin API, needing this of the token's role.
    StaffApi(Need),
    /// WHMCS's endpoint: its own credentials (`whmcs_api::access`).
    Whmcs,
    /// OpenID Connect's token, revocation and introspection endpoints: the app's own credentials
    /// (`oauth::tokens::client`).
    OAuthClient,
    /// OpenID Connect's userinfo: an access token the token endpoint gave (no session token).
    OAuthToken,
}

/// What an admin call needs of the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Support may: reads, invitations, reset links.
    Support,
    /// Administrators only: changes, and the settings view.
    Administrator,
}

use Door::*;
use Need::*;

/// Every operation of the OpenAPI document and its door, written out by hand from DESIGN.md: the
/// test fails on an operation the document has and this table does not, and the other way round.
const DOORS: &[(&str, &str, Door)] = &[
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
    ("POST", "/api/v1/signup", Public),
    ("POST", "/api/v1/auth/login", Public),
    ("POST", "/api/v1/auth/passkey/options", Public),
    ("POST", "/api/v1/auth/passkey", Public),
    ("POST", "/api/v1/auth/logout", Session),
    ("POST", "/api/v1/auth/password-reset", Public),
    ("POST", "/api/v1/auth/password-reset/confirm", Public),
    ("GET", "/api/v1/auth/password-reset/{token}", Public),
    ("POST", "/api/v1/auth/verify-email", Public),
    ("POST", "/api/v1/auth/verify-email/resend", Session),
    ("GET", "/api/v1/authz/check", Session),
    ("GET", "/api/v1/invitations/{token}", Public),
    (
        "POST",
        "/api/v1/invitations/{token}/accept",
        SessionOrSignUp,
    ),
    ("GET", "/api/v1/permissions", Public),
    ("GET", "/oauth/jwks", Public),
    ("GET", "/.well-known/openid-configuration", Public),
    ("GET", "/.well-known/oauth-authorization-server", Public),
    ("POST", "/oauth/token", OAuthClient),
    ("POST", "/oauth/revoke", OAuthClient),
    ("POST", "/oauth/introspect", OAuthClient),
    ("GET", "/oauth/userinfo", OAuthToken),
    ("POST", "/oauth/userinfo", OAuthToken),
    ("GET", "/api/v1/me", Session),
    ("PATCH", "/api/v1/me", Session),
    ("GET", "/api/v1/me/accounts", Session),
    ("GET", "/api/v1/me/apps", Session),
    ("DELETE", "/api/v1/me/apps/{client_id}", Session),
    ("GET", "/api/v1/me/support", Session),
    ("PUT", "/api/v1/me/support/allowance", Session),
    ("DELETE", "/api/v1/me/support/allowance", Session),
    ("GET", "/api/v1/me/passkeys", Session),
    ("POST", "/api/v1/me/passkeys", Session),
    ("POST", "/api/v1/me/passkeys/registration", Session),
    ("PATCH", "/api/v1/me/passkeys/{id}", Session),
    ("DELETE", "/api/v1/me/passkeys/{id}", Session),
    ("GET", "/api/v1/me/sessions", Session),
    ("DELETE", "/api/v1/me/sessions/{id}", Session),
    ("DELETE", "/api/v1/me/password", Session),
    ("POST", "/api/v1/me/totp", Session),
    ("DELETE", "/api/v1/me/totp", Session),
    ("POST", "/api/v1/me/totp/confirm", Session),
    ("POST", "/api/v1/me/totp/backup-codes", Session),
    ("POST", "/api/v1/accounts", Session),
    ("GET", "/api/v1/accounts/{id}", Account),
    ("PATCH", "/api/v1/accounts/{id}", Account),
    ("GET", "/api/v1/accounts/{id}/contacts", Account),
    ("POST", "/api/v1/accounts/{id}/contacts", Account),
    (
        "GET",
        "/api/v1/accounts/{id}/contacts/{contact_id}",
        Account,
    ),
    (
        "PATCH",
        "/api/v1/accounts/{id}/contacts/{contact_id}",
        Account,
    ),
    (
        "DELETE",
        "/api/v1/accounts/{id}/contacts/{contact_id}",
        Account,
    ),
    ("GET", "/api/v1/accounts/{id}/users", Account),
    ("PATCH", "/api/v1/accounts/{id}/users/{user_id}", Account),
    ("DELETE", "/api/v1/accounts/{id}/users/{user_id}", Account),
    ("GET", "/api/v1/accounts/{id}/invitations", Account),
    ("POST", "/api/v1/accounts/{id}/invitations", Account),
    (
        "DELETE",
        "/api/v1/accounts/{id}/invitations/{invitation_id}",
        Account,
    ),
    (
        "POST",
        "/api/v1/accounts/{id}/invitations/{invitation_id}/resend",
        Account,
    ),
    ("GET", "/api/v1/admin/accounts", StaffApi(Support)),
    ("POST", "/api/v1/admin/accounts", StaffApi(Administrator)),
    ("GET", "/api/v1/admin/accounts/{id}", StaffApi(Support)),
    (
        "PATCH",
        "/api/v1/admin/accounts/{id}",
        StaffApi(Administrator),
    ),
    (
        "GET",
        "/api/v1/admin/accounts/{id}/invitations",
        StaffApi(Support),
    ),
    (
        "POST",
        "/api/v1/admin/accounts/{id}/invitations",
        StaffApi(Support),
    ),
    (
        "DELETE",
        "/api/v1/admin/accounts/{id}/invitations/{invitation_id}",
        StaffApi(Support),
    ),
    (
        "POST",
        "/api/v1/admin/accounts/{id}/invitations/{invitation_id}/resend",
        StaffApi(Support),
    ),
    (
        "POST",
        "/api/v1/admin/accounts/{id}/owner",
        StaffApi(Administrator),
    ),
    (
        "GET",
        "/api/v1/admin/accounts/{id}/users",
        StaffApi(Support),
    ),
    (
        "POST",
        "/api/v1/admin/accounts/{id}/users",
        StaffApi(Administrator),
    ),
    (
        "PATCH",
        "/api/v1/admin/accounts/{id}/users/{user_id}",
        StaffApi(Administrator),
    ),
    (
        "DELETE",
        "/api/v1/admin/accounts/{id}/users/{user_id}",
        StaffApi(Administrator),
    ),
    ("GET", "/api/v1/admin/api-credentials", StaffApi(Support)),
    (
        "POST",
        "/api/v1/admin/api-credentials",
        StaffApi(Administrator),
    ),
    (
        "DELETE",
        "/api/v1/admin/api-credentials/{id}",
        StaffApi(Administrator),
    ),
    ("GET", "/api/v1/admin/oauth-clients", StaffApi(Support)),
    (
        "POST",
        "/api/v1/admin/oauth-clients",
        StaffApi(Administrator),
    ),
    (
        "GET",
        "/api/v1/admin/oauth-clients/{client_id}",
        StaffApi(Support),
    ),
    (
        "DELETE",
        "/api/v1/admin/oauth-clients/{client_id}",
        StaffApi(Administrator),
    ),
    (
        "POST",
        "/api/v1/admin/oauth-clients/{client_id}/rotate-secret",
        StaffApi(Administrator),
    ),
    ("GET", "/api/v1/admin/audit", StaffApi(Support)),
    ("GET", "/api/v1/admin/mail", StaffApi(Support)),
    (
        "POST",
        "/api/v1/admin/mail/{id}/retry",
        StaffApi(Administrator),
    ),
    ("GET", "/api/v1/admin/plugins", StaffApi(Support)),
    ("GET", "/api/v1/admin/plugins/{name}", StaffApi(Support)),
    (
        "GET",
        "/api/v1/admin/plugins/{name}/parked",
        StaffApi(Support),
    ),
    (
        "POST",
        "/api/v1/admin/plugins/{name}/parked/{seq}/retry",
        StaffApi(Administrator),
    ),
    (
        "POST",
        "/api/v1/admin/plugins/{name}/reload",
        StaffApi(Administrator),
    ),
    ("GET", "/api/v1/admin/settings", StaffApi(Administrator)),
    ("GET", "/api/v1/admin/users", StaffApi(Support)),
    ("POST", "/api/v1/admin/users", StaffApi(Administrator)),
    ("GET", "/api/v1/admin/users/{id}", StaffApi(Support)),
    ("PATCH", "/api/v1/admin/users/{id}", StaffApi(Administrator)),
    (
        "DELETE",
        "/api/v1/admin/users/{id}",
        StaffApi(Administrator),
    ),
    (
        "POST",
        "/api/v1/admin/users/{id}/password-reset",
        StaffApi(Support),
    ),
    (
        "DELETE",
        "/api/v1/admin/users/{id}/totp",
        StaffApi(Administrator),
    ),
    ("POST", "/includes/api.php", Whmcs),
];

/// Every operation of the OpenAPI document is in [`DOORS`], and each door holds from outside: no
/// session is no answer (401) past a public door; an admin token is no session and a session no
/// admin token; a support token is refused (403) every administrator-only call; and nothing a
/// refused call touched has changed. (Which member may do what on an account is the matrix
/// above; WHMCS's credentials and roles are `whmcs_api::access`.)
async fn every_operation_of_the_openapi_document_is_behind_the_right_door(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let known: std::collections::BTreeSet<(String, String)> = DOORS
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    let unknown: Vec<_> = documented.difference(&known).collect();
    assert!(
        unknown.is_empty(),
        "operations with no rule in the matrix: {unknown:?}"
    );
    let stale: Vec<_> = known.difference(&documented).collect();
    assert!(
        stale.is_empty(),
        "rules for operations that are gone: {stale:?}"
    );

    let administrator = app.admin_token().await;
    let (support, _) = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "matrix-support",
        roster::admins::Role::Support,
    )
    .await
    .unwrap();
    let (_, session) = signup_without_account(&app, "door").await;
    // Signing out ends the session the other calls use: it goes last.
    let logout = |(_, p, _): &&(&str, &str, Door)| *p == "/api/v1/auth/logout";
    let ordered = DOORS
        .iter()
        .filter(|d| !logout(d))
        .chain(DOORS.iter().filter(|d| logout(d)));
    for (method, template, door) in ordered {
        // Ids that name nothing: a call let through answers 404 or 422 and changes nothing.
        let path = template
            .split('/')
            .map(|p| {
                if p.starts_with('{') {
                    "no-such-thing"
                } else {
                    p
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let path = if *template == "/api/v1/authz/check" {
            format!("{path}?account=no-such-thing&permission=profile")
        } else {
            path
        };
        let body = (*method != "GET" && *method != "DELETE").then(|| json!({}));
        let status = |token: Option<String>| {
            let (app, path, body) = (&app, path.clone(), body.clone());
            async move {
                app.call(method, &path, token.as_deref(), body)
                    .await
                    .status()
                    .as_u16()
            }
        };
        let what = format!("{method} {template}");
        // The refusals first, each changing nothing; then the callers let through.
        let before = app.db_snapshot().await;
        match door {
            Public | SessionOrSignUp | Whmcs => {}
            OAuthClient => {
                let response = reqwest::Client::new()
                    .post(app.url(template))
                    .form(&[("grant_type", "authorization_code"), ("code", "x")])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(
                    response.status(),
                    401,
                    "{what} without the app's credentials"
                );
                let body: Value = response.json().await.unwrap();
                assert_eq!(body["error"], "invalid_client", "{what}");
                assert_eq!(
                    app.db_snapshot().await,
                    before,
                    "{what}: refused, yet changed"
                );
            }
            OAuthToken => {
                assert_eq!(status(None).await, 401, "{what} without a token");
                assert_eq!(
                    status(Some(session.clone())).await,
                    401,
                    "{what} with a session token"
                );
                let with_admin = status(Some(administrator.clone())).await;
                assert_eq!(with_admin, 401, "{what} with an admin token");
                assert_eq!(
                    app.db_snapshot().await,
                    before,
                    "{what}: refused, yet changed"
                );
            }
            Session | Account => {
                assert_eq!(status(None).await, 401, "{what} without a session");
                let with_admin = status(Some(administrator.clone())).await;
                assert_eq!(with_admin, 401, "{what} with an admin token");
                assert_eq!(
                    app.db_snapshot().await,
                    before,
                    "{what}: refused, yet changed"
                );
                assert_ne!(status(Some(session.clone())).await, 401, "{what} signed in");
            }
            StaffApi(need) => {
                assert_eq!(status(None).await, 401, "{what} without a token");
                let with_session = status(Some(session.clone())).await;
                assert_eq!(with_session, 401, "{what} with a user's session");
                let by_support = status(Some(support.clone())).await;
                match need {
                    Administrator => assert_eq!(by_support, 403, "{what} by support"),
                    Support => {
                        assert!(
                            ![401, 403].contains(&by_support),
                            "{what} by support: {by_support}"
                        )
                    }
                }
                if *need == Administrator {
                    assert_eq!(
                        app.db_snapshot().await,
                        before,
                        "{what}: refused, yet changed"
                    );
                }
                let by_administrator = status(Some(administrator.clone())).await;
                assert!(
                    ![401, 403].contains(&by_administrator),
                    "{what} by an administrator: {by_administrator}"
                );
            }
        }
    }
}
