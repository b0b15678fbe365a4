//! Accounts, ownership, permissions and the admin API for them (DESIGN.md rules 1–6, 8, 10).

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

/// A signed-up owner with an account, and a second user with access to it.
struct Fixture {
    app: TestApp,
    admin: String,
    account: String,
    owner_id: String,
    owner: String,
    member_id: String,
    member: String,
}

async fn fixture(backend: Backend, configure: impl FnOnce(&mut roster::Settings)) -> Fixture {
    let app = spawn_app_with(backend, configure).await;
    let admin = app.admin_token().await;
    let (owner_id, owner) = app.signup(&unique_email("owner"), PASSWORD).await;
    let account = app.my_accounts(&owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member_email = unique_email("member");
    let (member_id, member) = app.signup(&member_email, PASSWORD).await;
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/users"),
        Some(&admin),
        Some(json!({ "user_id": member_id, "permissions": ["invoices", "tickets"] })),
    )
    .await;
    Fixture {
        app,
        admin,
        account,
        owner_id,
        owner,
        member_id,
        member,
    }
}

/// Rule 1: sign-up makes an account the new user owns, unless told not to.
async fn signup_creates_the_account_its_user_owns(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("signup");
    let body = app
        .expect(
            201,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({
                "email": email, "password": PASSWORD, "first_name": "Ada", "last_name": "L",
                "account": { "company_name": "Analytical Engines Ltd", "country": "gb", "currency": "gbp" },
            })),
        )
        .await;
    assert_eq!(body["account"]["owner_user_id"], body["user"]["id"]);
    assert_eq!(body["account"]["company_name"], "Analytical Engines Ltd");
    assert_eq!(body["account"]["country"], "GB");
    assert_eq!(body["account"]["currency"], "GBP");
    assert_eq!(body["account"]["billing_email"], email.as_str());
    let token = body["token"].as_str().unwrap();
    let mine = app.my_accounts(token).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["is_owner"], true);
    assert_eq!(mine[0]["permissions"].as_array().unwrap().len(), 13);

    let loner = app
        .expect(
            201,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": unique_email("loner"), "password": PASSWORD, "first_name": "A", "last_name": "B", "account": null })),
        )
        .await;
    assert_eq!(loner["account"], Value::Null);
    let none = app.my_accounts(loner["token"].as_str().unwrap()).await;
    assert_eq!(none, json!([]));

    // A bad account profile refuses the whole sign-up: no user is left behind.
    let bad_email = unique_email("bad");
    let refused = app
        .call(
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": bad_email, "password": PASSWORD, "first_name": "A", "last_name": "B", "account": { "country": "Germany" } })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "validation_failed");
    app.signup(&bad_email, PASSWORD).await;

    // Checkout: a logged-in user opens a second account they own.
    let second = app
        .expect(
            201,
            "POST",
            "/api/v1/accounts",
            Some(token),
            Some(json!({ "company_name": "Difference Co" })),
        )
        .await;
    assert_eq!(second["owner_user_id"], body["user"]["id"]);
    assert_eq!(app.my_accounts(token).await.as_array().unwrap().len(), 2);
}

/// Rule 1 from the admin API: a new owner from the profile, or an existing user; an email that has
/// a user is `email_taken`, never a silent link.
async fn admins_create_accounts_with_their_owner(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let email = unique_email("customer");
    let account = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({ "email": email, "first_name": "Grace", "last_name": "Hopper", "password": PASSWORD,
                         "account": { "company_name": "COBOL Inc" } })),
        )
        .await;
    let token = app.login_ok(&email, PASSWORD).await;
    let mine = app.my_accounts(&token).await;
    assert_eq!(mine[0]["account"]["id"], account["id"]);
    assert_eq!(mine[0]["is_owner"], true);

    let taken = app
        .call(
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({ "email": email.to_uppercase(), "first_name": "G", "last_name": "H" })),
        )
        .await;
    assert_eq!(problem(taken).await["code"], "email_taken");

    let owner_id = mine[0]["account"]["owner_user_id"].as_str().unwrap();
    let second = app
        .expect(
            201,
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({ "owner_user_id": owner_id })),
        )
        .await;
    assert_eq!(second["owner_user_id"], owner_id);
    assert_eq!(second["billing_email"], email.as_str());
    let missing = app
        .call(
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({ "owner_user_id": "no-such-user" })),
        )
        .await;
    assert_eq!(problem(missing).await["code"], "not_found");
    let neither = app
        .call(
            "POST",
            "/api/v1/admin/accounts",
            Some(&admin),
            Some(json!({})),
        )
        .await;
    assert_eq!(problem(neither).await["code"], "validation_failed");

    // Search, read, close.
    let found = app
        .expect(
            200,
            "GET",
            "/api/v1/admin/accounts?search=cobol",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let closed = app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/admin/accounts/{}", account["id"].as_str().unwrap()),
            Some(&admin),
            Some(json!({ "status": "closed" })),
        )
        .await;
    assert_eq!(closed["status"], "closed");
}

/// Rules 3 and 4: only the owner manages users; the owner can be neither edited nor removed.
async fn only_the_owner_manages_users_and_the_owner_is_untouchable(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let users = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/users"),
            Some(&f.owner),
            None,
        )
        .await;
    assert_eq!(users.as_array().unwrap().len(), 2);
    let member = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["user_id"] == f.member_id.as_str())
        .unwrap();
    assert_eq!(member["permissions"], json!(["invoices", "tickets"]));
    assert_eq!(member["is_owner"], false);

    // The member cannot list, change or remove anyone.
    for (method, path, body) in [
        ("GET", format!("/api/v1/accounts/{account}/users"), None),
        (
            "PATCH",
            format!("/api/v1/accounts/{account}/users/{}", f.member_id),
            Some(json!({ "permissions": ["profile"] })),
        ),
        (
            "DELETE",
            format!("/api/v1/accounts/{account}/users/{}", f.owner_id),
            None,
        ),
    ] {
        let refused = app.call(method, &path, Some(&f.member), body).await;
        assert_eq!(
            problem(refused).await["code"],
            "forbidden",
            "{method} {path}"
        );
    }
    // The owner changes the member's permissions…
    let changed = app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
            Some(&f.owner),
            Some(json!({ "permissions": ["profile", "invoices", "profile"] })),
        )
        .await;
    assert_eq!(changed["permissions"], json!(["invoices", "profile"]));
    let unknown = app
        .call(
            "PATCH",
            &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
            Some(&f.owner),
            Some(json!({ "permissions": ["root"] })),
        )
        .await;
    assert_eq!(problem(unknown).await["code"], "validation_failed");
    // …but not their own, and cannot remove themself (neither can an admin).
    let fixed = app
        .call(
            "PATCH",
            &format!("/api/v1/accounts/{account}/users/{}", f.owner_id),
            Some(&f.owner),
            Some(json!({ "permissions": [] })),
        )
        .await;
    assert_eq!(problem(fixed).await["code"], "owner_permissions_fixed");
    for token in [&f.owner, &f.admin] {
        let prefix = if token == &f.admin {
            "/api/v1/admin"
        } else {
            "/api/v1"
        };
        let refused = app
            .call(
                "DELETE",
                &format!("{prefix}/accounts/{account}/users/{}", f.owner_id),
                Some(token),
                None,
            )
            .await;
        assert_eq!(problem(refused).await["code"], "owner_cannot_be_removed");
    }
    let mine = app.my_accounts(&f.owner).await;
    assert_eq!(mine[0]["is_owner"], true);
}

/// Rule 5: with user management off, the owner's calls answer `user_management_disabled`; admins
/// are unaffected.
async fn disabled_user_management_refuses_owners_but_not_admins(backend: Backend) {
    let f = fixture(backend, |s| s.user_management.enabled = false).await;
    let (app, account) = (&f.app, &f.account);
    for (method, path, body) in [
        ("GET", format!("/api/v1/accounts/{account}/users"), None),
        (
            "PATCH",
            format!("/api/v1/accounts/{account}/users/{}", f.member_id),
            Some(json!({ "permissions": [] })),
        ),
        (
            "DELETE",
            format!("/api/v1/accounts/{account}/users/{}", f.member_id),
            None,
        ),
    ] {
        let refused = app.call(method, &path, Some(&f.owner), body).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(
            problem(refused).await["code"],
            "user_management_disabled",
            "{method} {path}"
        );
    }
    app.expect(
        200,
        "GET",
        &format!("/api/v1/admin/accounts/{account}/users"),
        Some(&f.admin),
        None,
    )
    .await;
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/admin/accounts/{account}/users/{}", f.member_id),
        Some(&f.admin),
        Some(json!({ "permissions": ["emails"] })),
    )
    .await;
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/admin/accounts/{account}/users/{}", f.member_id),
        Some(&f.admin),
        None,
    )
    .await;
}

/// Rule 8: removal revokes access on the very next request; the user and their other accounts are
/// untouched; a member may leave.
async fn removal_takes_effect_on_the_next_request(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    app.expect(
        200,
        "GET",
        &format!("/api/v1/accounts/{account}"),
        Some(&f.member),
        None,
    )
    .await;
    let check = format!("/api/v1/authz/check?account={account}&permission=invoices");
    assert_eq!(
        app.expect(200, "GET", &check, Some(&f.member), None).await["allowed"],
        true
    );

    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
        Some(&f.owner),
        None,
    )
    .await;
    let gone = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&f.member),
            None,
        )
        .await;
    assert_eq!(problem(gone).await["code"], "not_found");
    assert_eq!(
        app.expect(200, "GET", &check, Some(&f.member), None).await["allowed"],
        false
    );
    // Their own account and login are untouched.
    let mine = app.my_accounts(&f.member).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["is_owner"], true);

    // Back in, then leaving by themself.
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/users"),
        Some(&f.admin),
        Some(json!({ "user_id": f.member_id })),
    )
    .await;
    let twice = app
        .call(
            "POST",
            &format!("/api/v1/admin/accounts/{account}/users"),
            Some(&f.admin),
            Some(json!({ "user_id": f.member_id })),
        )
        .await;
    assert_eq!(problem(twice).await["code"], "already_member");
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
        Some(&f.member),
        None,
    )
    .await;
    assert_eq!(
        app.call(
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&f.member),
            None
        )
        .await
        .status(),
        404
    );
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_events WHERE account_id = $1 ORDER BY occurred_at, id",
    )
    .bind(account.clone())
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert!(
        actions.contains(&"membership.removed".to_owned())
            && actions.contains(&"membership.left".to_owned()),
        "{actions:?}"
    );
}

/// Rule 6: only admins move ownership, atomically; the previous owner keeps every permission
/// unless the admin says otherwise.
async fn ownership_moves_only_through_the_admin_api(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let transfer = format!("/api/v1/admin/accounts/{account}/owner");
    for token in [&f.owner, &f.member] {
        let refused = app
            .call(
                "POST",
                &transfer,
                Some(token),
                Some(json!({ "user_id": f.member_id })),
            )
            .await;
        assert_eq!(refused.status(), 401);
    }
    let moved = app
        .expect(
            200,
            "POST",
            &transfer,
            Some(&f.admin),
            Some(json!({ "user_id": f.member_id })),
        )
        .await;
    assert_eq!(moved["owner_user_id"], f.member_id.as_str());
    let users = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/users"),
            Some(&f.member),
            None,
        )
        .await;
    let previous = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["user_id"] == f.owner_id.as_str())
        .unwrap();
    assert_eq!(previous["is_owner"], false);
    assert_eq!(previous["permissions"].as_array().unwrap().len(), 13);
    let refused = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{account}/users"),
            Some(&f.owner),
            None,
        )
        .await;
    assert_eq!(problem(refused).await["code"], "forbidden");

    // Back, this time without keeping the previous owner.
    let back = app
        .expect(
            200,
            "POST",
            &transfer,
            Some(&f.admin),
            Some(json!({ "user_id": f.owner_id, "keep_previous_owner": false })),
        )
        .await;
    assert_eq!(back["owner_user_id"], f.owner_id.as_str());
    assert_eq!(
        app.call(
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&f.member),
            None
        )
        .await
        .status(),
        404
    );
    let events: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM domain_events WHERE account_id = $1 ORDER BY seq")
            .bind(account.clone())
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|k| *k == "account.ownership_changed")
            .count(),
        2,
        "{events:?}"
    );
}

/// An admin can delete a user only while that user owns no account.
async fn deleting_an_owner_is_refused(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let refused = app
        .call(
            "DELETE",
            &format!("/api/v1/admin/users/{}", f.owner_id),
            Some(&f.admin),
            None,
        )
        .await;
    let body = problem(refused).await;
    assert_eq!(body["code"], "user_owns_accounts");
    app.expect(
        200,
        "GET",
        &format!("/api/v1/accounts/{account}"),
        Some(&f.owner),
        None,
    )
    .await;

    // The schema refuses it too, whatever the code does.
    let direct = sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(f.owner_id.clone())
        .execute(app.state.db.pool())
        .await;
    assert!(direct.is_err(), "the database let an owner be deleted");
    let orphan = sqlx::query("DELETE FROM memberships WHERE account_id = $1 AND user_id = $2")
        .bind(account.clone())
        .bind(f.owner_id.clone())
        .execute(app.state.db.pool())
        .await;
    assert!(
        orphan.is_err(),
        "the database let the owner's membership go"
    );

    // The member owns their own sign-up account too: move it to the owner, then the member can go.
    let own: Vec<Value> = app.my_accounts(&f.member).await.as_array().unwrap().clone();
    let own_account = own.iter().find(|a| a["is_owner"] == true).unwrap()["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.expect(
        200,
        "POST",
        &format!("/api/v1/admin/accounts/{own_account}/owner"),
        Some(&f.admin),
        Some(json!({ "user_id": f.owner_id, "keep_previous_owner": false })),
    )
    .await;
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/admin/users/{}", f.member_id),
        Some(&f.admin),
        None,
    )
    .await;
    let users = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/users"),
            Some(&f.owner),
            None,
        )
        .await;
    assert_eq!(users.as_array().unwrap().len(), 1);
}

/// The authorization check other services ask, and account reads and changes by permission.
async fn permissions_decide_what_members_may_do(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let catalog = app
        .expect(200, "GET", "/api/v1/permissions", None, None)
        .await;
    assert_eq!(catalog.as_array().unwrap().len(), 13);
    assert!(
        catalog
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["key"] == "managedomains" && p["title"] == "Manage Domain Settings")
    );

    let check = |token: String, permission: &'static str| {
        let path = format!("/api/v1/authz/check?account={account}&permission={permission}");
        async move { app.expect(200, "GET", &path, Some(&token), None).await["allowed"].clone() }
    };
    assert_eq!(check(f.member.clone(), "invoices").await, true);
    assert_eq!(check(f.member.clone(), "profile").await, false);
    assert_eq!(check(f.owner.clone(), "profile").await, true);
    let unknown = app
        .call(
            "GET",
            &format!("/api/v1/authz/check?account={account}&permission=root"),
            Some(&f.member),
            None,
        )
        .await;
    assert_eq!(problem(unknown).await["code"], "validation_failed");
    assert_eq!(
        app.call(
            "GET",
            &format!("/api/v1/authz/check?account={account}&permission=profile"),
            None,
            None
        )
        .await
        .status(),
        401
    );

    let change = json!({ "company_name": "Renamed" });
    let refused = app
        .call(
            "PATCH",
            &format!("/api/v1/accounts/{account}"),
            Some(&f.member),
            Some(change.clone()),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "forbidden");
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
        Some(&f.owner),
        Some(json!({ "permissions": ["profile"] })),
    )
    .await;
    let renamed = app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/accounts/{account}"),
            Some(&f.member),
            Some(change),
        )
        .await;
    assert_eq!(renamed["company_name"], "Renamed");
    // A stranger learns nothing: not found.
    let (_, stranger) = app.signup(&unique_email("stranger"), PASSWORD).await;
    let hidden = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&stranger),
            None,
        )
        .await;
    assert_eq!(problem(hidden).await["code"], "not_found");
}

/// 50 concurrent ownership transfers and removals on one account leave exactly one owner.
async fn concurrent_transfers_and_removals_leave_exactly_one_owner(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let mut candidates = vec![f.owner_id.clone(), f.member_id.clone()];
    for i in 0..3 {
        let (id, _) = app
            .signup(&unique_email(&format!("candidate{i}")), PASSWORD)
            .await;
        app.expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{account}/users"),
            Some(&f.admin),
            Some(json!({ "user_id": id })),
        )
        .await;
        candidates.push(id);
    }
    let calls = (0..50).map(|i| {
        let target = candidates[i % candidates.len()].clone();
        let (method, path, body) = if i % 2 == 0 {
            (
                "POST",
                format!("/api/v1/admin/accounts/{account}/owner"),
                Some(json!({ "user_id": target, "keep_previous_owner": i % 4 == 0 })),
            )
        } else {
            (
                "DELETE",
                format!("/api/v1/admin/accounts/{account}/users/{target}"),
                None,
            )
        };
        let admin = f.admin.clone();
        async move {
            app.call(method, &path, Some(&admin), body)
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures::future::join_all(calls).await;
    assert!(
        statuses
            .iter()
            .all(|s| [200, 204, 404, 409, 422].contains(s)),
        "{statuses:?}"
    );

    let owners: Vec<String> =
        sqlx::query_scalar("SELECT owner_user_id FROM accounts WHERE id = $1")
            .bind(account.clone())
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(owners.len(), 1);
    let members = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/accounts/{account}/users"),
            Some(&f.admin),
            None,
        )
        .await;
    let flagged: Vec<&Value> = members
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["is_owner"] == true)
        .collect();
    assert_eq!(flagged.len(), 1, "{members}");
    assert_eq!(flagged[0]["user_id"], owners[0].as_str());
}

/// Contacts are kept per account, need `contacts`, and are not users.
async fn contacts_are_managed_with_the_contacts_permission(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let base = format!("/api/v1/accounts/{account}/contacts");
    let email = unique_email("billing-contact");
    let created = app
        .expect(201, "POST", &base, Some(&f.owner), Some(json!({ "first_name": "Bill", "last_name": "Payer", "email": email, "email_preferences": ["billing", "domain", "billing"] })))
        .await;
    assert_eq!(created["email_preferences"], json!(["billing", "domain"]));
    let id = created["id"].as_str().unwrap();
    let bad = app.call("POST", &base, Some(&f.owner), Some(json!({ "first_name": "B", "last_name": "P", "email": email, "email_preferences": ["spam"] }))).await;
    assert_eq!(problem(bad).await["code"], "validation_failed");
    let missing = app
        .call(
            "POST",
            &base,
            Some(&f.owner),
            Some(json!({ "first_name": "B" })),
        )
        .await;
    assert_eq!(problem(missing).await["code"], "validation_failed");

    assert_eq!(
        problem(app.call("GET", &base, Some(&f.member), None).await).await["code"],
        "forbidden"
    );
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/accounts/{account}/users/{}", f.member_id),
        Some(&f.owner),
        Some(json!({ "permissions": ["contacts"] })),
    )
    .await;
    let list = app.expect(200, "GET", &base, Some(&f.member), None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let changed = app
        .expect(
            200,
            "PATCH",
            &format!("{base}/{id}"),
            Some(&f.member),
            Some(json!({ "phone": "+44 20 7946 0000" })),
        )
        .await;
    assert_eq!(changed["phone"], "+44 20 7946 0000");
    assert_eq!(changed["first_name"], "Bill");

    // A contact is not a login, and another account cannot reach it.
    assert_eq!(app.login(&email, PASSWORD, json!({})).await.status(), 401);
    let other = app.my_accounts(&f.member).await;
    let own = other
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["is_owner"] == true)
        .unwrap()["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let elsewhere = app
        .call(
            "GET",
            &format!("/api/v1/accounts/{own}/contacts/{id}"),
            Some(&f.member),
            None,
        )
        .await;
    assert_eq!(problem(elsewhere).await["code"], "not_found");

    app.expect(
        204,
        "DELETE",
        &format!("{base}/{id}"),
        Some(&f.member),
        None,
    )
    .await;
    assert_eq!(
        app.expect(200, "GET", &base, Some(&f.owner), None).await,
        json!([])
    );
}

/// The audit log lists who did what, filtered by account, user, action and time, newest first.
async fn the_audit_log_is_filtered_and_paged(backend: Backend) {
    let f = fixture(backend, |_| {}).await;
    let (app, account) = (&f.app, &f.account);
    let start = app.state.clock.now_ms();
    app.expect(
        200,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/owner"),
        Some(&f.admin),
        Some(json!({ "user_id": f.member_id })),
    )
    .await;
    let page = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?account={account}&action=account.ownership_changed"),
            Some(&f.admin),
            None,
        )
        .await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["actor_kind"], "admin");
    assert_eq!(items[0]["before"]["owner_user_id"], f.owner_id.as_str());
    assert_eq!(items[0]["after"]["owner_user_id"], f.member_id.as_str());
    assert_eq!(items[0]["ip"], "127.0.0.1");

    let all = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?account={account}&limit=2"),
            Some(&f.admin),
            None,
        )
        .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        all["items"][0]["action"], "account.ownership_changed",
        "newest first"
    );
    // Walking the pages of two gives every event of the account once, in the order of one big
    // page, and ends with no cursor (four renames make enough events for several pages).
    for n in 0..4 {
        app.expect(
            200,
            "PATCH",
            &format!("/api/v1/admin/accounts/{account}"),
            Some(&f.admin),
            Some(json!({ "company_name": format!("Renamed {n}") })),
        )
        .await;
    }
    let all = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?account={account}&limit=2"),
            Some(&f.admin),
            None,
        )
        .await;
    let everything = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?account={account}&limit=200"),
            Some(&f.admin),
            None,
        )
        .await;
    let expected: Vec<Value> = everything["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert!(expected.len() > 4, "too few events to page: {expected:?}");
    let mut walked: Vec<Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    let mut cursor = all["next_cursor"].as_str().map(str::to_owned);
    while let Some(next) = cursor {
        let page = app
            .expect(
                200,
                "GET",
                &format!("/api/v1/admin/audit?account={account}&limit=2&cursor={next}"),
                Some(&f.admin),
                None,
            )
            .await;
        let items = page["items"].as_array().unwrap();
        assert!(!items.is_empty(), "a cursor led to an empty page");
        walked.extend(items.iter().map(|e| e["id"].clone()));
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    assert_eq!(walked, expected);
    let recent = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?since={start}"),
            Some(&f.admin),
            None,
        )
        .await;
    let recent = recent["items"].as_array().unwrap();
    assert!(!recent.is_empty());
    assert!(
        recent
            .iter()
            .all(|e| e["occurred_at"].as_i64().unwrap() >= start)
    );
    let by_user = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/audit?user={}", f.owner_id),
            Some(&f.admin),
            None,
        )
        .await;
    assert!(
        by_user["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["user_id"] == f.owner_id.as_str())
    );
    assert!(
        by_user["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "user.signed_up")
    );
    assert_eq!(
        app.call("GET", "/api/v1/admin/audit", Some(&f.owner), None)
            .await
            .status(),
        401
    );
}

both_backends!(
    signup_creates_the_account_its_user_owns,
    admins_create_accounts_with_their_owner,
    only_the_owner_manages_users_and_the_owner_is_untouchable,
    disabled_user_management_refuses_owners_but_not_admins,
    removal_takes_effect_on_the_next_request,
    ownership_moves_only_through_the_admin_api,
    deleting_an_owner_is_refused,
    permissions_decide_what_members_may_do,
    concurrent_transfers_and_removals_leave_exactly_one_owner,
    contacts_are_managed_with_the_contacts_permission,
    the_audit_log_is_filtered_and_paged,
);
