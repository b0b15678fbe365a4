//! Every form the pages offer, found by following links as a person would (`crawl`), not a
//! hand-kept sample: each refuses a post from another site and a post without its token, and
//! changes nothing; and a `support` staff member is refused every admin form but the ones their
//! role allows (invitations and reset links), changing nothing.

use serde_json::json;

use crate::admin_area::staff_over_http;
use crate::admin_area::transfer::client_with_member;
use crate::client_area::{PASSWORD, signed_up};
use crate::crawl::{Form, crawl};
use crate::helpers::{Backend, PageBrowser, TestApp, csrf_token_in, spawn_app, unique_email};
use crate::pages::signed_in;
use roster::admins::Role;

const EVIL: &str = "https://evil.example";

/// Posts `form` from `browser` with `token` and `origin`; answers (status, page).
async fn post(
    app: &TestApp,
    browser: &PageBrowser,
    form: &Form,
    token: Option<&str>,
    origin: &str,
) -> (u16, String) {
    let mut fields = form.fields.clone();
    if let Some(token) = token {
        fields.push(("csrf_token".to_owned(), token.to_owned()));
    }
    let response = browser
        .client
        .post(app.url(&form.action))
        .header("origin", origin)
        .form(&fields)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Each form from another site (with the right token) and without a token is refused with the
/// form page's reason, and nothing in the database moves.
async fn each_form_refuses_forgeries(app: &TestApp, browser: &PageBrowser, forms: &[Form]) {
    let before = app.db_snapshot().await;
    for form in forms {
        let (_, page) = browser.open(&form.page).await;
        let token = csrf_token_in(&page).expect("the page's forms carry a token");
        let (status, html) = post(app, browser, form, Some(&token), EVIL).await;
        assert_eq!(status, 403, "{} from another site: {html}", form.action);
        assert!(html.contains("This form could not be sent"), "{html}");
        let (status, _) = post(app, browser, form, None, &app.address).await;
        assert_eq!(status, 403, "{} without a token", form.action);
    }
    assert_eq!(
        app.db_snapshot().await,
        before,
        "a refused form changed something"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_client_area_form_refuses_another_site_and_a_missing_token() {
    let app = spawn_app(Backend::Sqlite).await;
    let email = unique_email("crawled");
    let (token, account) = signed_up(&app, &email).await;
    // Something behind every form: a member to edit and remove, a pending invitation, a contact.
    let member = unique_email("member");
    let (member_id, _) = app.signup(&member, PASSWORD).await;
    let admin = app.admin_token().await;
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/users"),
        Some(&admin),
        Some(json!({ "user_id": member_id, "permissions": ["tickets"] })),
    )
    .await;
    app.invite(&token, &account, &unique_email("invited"), json!([]))
        .await;
    app.new_contact(&account, &token).await;
    let browser = signed_in(&app, &email).await;
    let (pages, forms) = crawl(&browser, &["/accounts", "/me"], "/", 60).await;
    let actions: Vec<&str> = forms.iter().map(|f| f.action.as_str()).collect();
    for expected in [
        "/me/profile",
        "/me/email",
        "/me/password",
        "/me/totp",
        "/logout",
        &format!("/accounts/{account}/profile") as &str,
        &format!("/accounts/{account}/users/{member_id}/permissions"),
        &format!("/accounts/{account}/invitations"),
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} not found on {pages:?}: {actions:?}"
        );
    }
    each_form_refuses_forgeries(&app, &browser, &forms).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_admin_area_form_refuses_another_site_and_a_missing_token() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, _, _) = client_with_member(&app, "Crawl Hosting").await;
    let id = client["id"].as_str().unwrap();
    let (admin, _) = staff_over_http(&app, Role::Administrator).await;
    let seeds = admin_seeds(id);
    let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let (_, forms) = crawl(&admin, &seeds, "/admin", 80).await;
    assert!(forms.len() >= 15, "{forms:?}");
    each_form_refuses_forgeries(&app, &admin, &forms).await;
}

fn admin_seeds(client: &str) -> Vec<String> {
    let mut seeds: Vec<String> = [
        "/admin/clients",
        "/admin/users",
        "/admin/audit",
        "/admin/plugins",
        "/admin/mail",
        "/admin/settings",
        "/admin/staff",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for tab in ["", "/users", "/invitations", "/contacts", "/audit"] {
        seeds.push(format!("/admin/clients/{client}{tab}"));
    }
    seeds
}

/// What the support role may post: invitations (send, resend, cancel), reset links, signing out,
/// and their own sign-in (`/admin/me`: their passkeys).
fn support_may(action: &str) -> bool {
    let parts: Vec<&str> = action.trim_end_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        ["", "admin", "logout"]
            | ["", "admin", "me", ..]
            | ["", "admin", "clients", _, "invitations"]
            | [
                "",
                "admin",
                "clients",
                _,
                "invitations",
                _,
                "resend" | "cancel"
            ]
            | ["", "admin", "users", _, "password-reset"]
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_is_refused_every_admin_form_but_invitations_and_reset_links() {
    let app = spawn_app(Backend::Sqlite).await;
    let (client, _, _, _) = client_with_member(&app, "Role Hosting").await;
    let id = client["id"].as_str().unwrap();
    let admin_token = app.admin_token().await;
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{id}/invitations"),
        Some(&admin_token),
        Some(json!({ "email": unique_email("pending") })),
    )
    .await;
    // The administrator's pages show every control; support posts each of them.
    let (admin, _) = staff_over_http(&app, Role::Administrator).await;
    let seeds = admin_seeds(id);
    let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let (_, forms) = crawl(&admin, &seeds, "/admin", 80).await;
    let (support, _) = staff_over_http(&app, Role::Support).await;
    let refused: Vec<&Form> = forms.iter().filter(|f| !support_may(&f.action)).collect();
    assert!(refused.len() >= 10, "{forms:?}");
    let before = app.db_snapshot().await;
    for form in refused {
        let (_, page) = support.open("/admin/clients").await;
        let token = csrf_token_in(&page).unwrap();
        let (status, html) = post(&app, &support, form, Some(&token), &app.address).await;
        assert_eq!(status, 403, "support posted {}: {html}", form.action);
        assert!(html.contains("Ask an administrator"), "{html}");
    }
    assert_eq!(app.db_snapshot().await, before, "support changed something");
}

/// The forms only some sessions see: "Allow for a day" and "Withdraw" on `/me` (with
/// `support.login_as = "with_consent"`) and "End now" on a support sign-in's banner.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_support_forms_refuse_another_site_and_a_missing_token() {
    let app = crate::helpers::spawn_app_with(Backend::Sqlite, |s| {
        s.support.login_as = roster::settings::LoginAs::WithConsent;
    })
    .await;
    let (_, owner, _, _) = client_with_member(&app, "Crawl Hosting").await;
    let owner_id = roster::users::service::by_email(&app.state, &owner)
        .await
        .unwrap()
        .id;
    let own = signed_in(&app, &owner).await;
    let (_, forms) = crawl(&own, &["/me"], "/me", 5).await;
    let allow: Vec<Form> = forms
        .into_iter()
        .filter(|f| f.action == "/me/support/allow")
        .collect();
    assert_eq!(allow.len(), 1, "Allow for a day on /me");
    each_form_refuses_forgeries(&app, &own, &allow).await;

    own.open("/me").await;
    let (status, _) = own.submit("/me/support/allow", &[]).await;
    assert_eq!(status, 200);
    let (_, forms) = crawl(&own, &["/me"], "/me", 5).await;
    let withdraw: Vec<Form> = forms
        .into_iter()
        .filter(|f| f.action == "/me/support/withdraw")
        .collect();
    assert_eq!(withdraw.len(), 1, "Withdraw on /me");
    each_form_refuses_forgeries(&app, &own, &withdraw).await;

    let (staff, _) = staff_over_http(&app, Role::Administrator).await;
    staff.open(&format!("/admin/users/{owner_id}")).await;
    let (status, _) = staff
        .submit(&format!("/admin/users/{owner_id}/sign-in-as"), &[])
        .await;
    assert_eq!(status, 200);
    let (_, forms) = crawl(&staff, &["/accounts"], "/accounts", 5).await;
    let end: Vec<Form> = forms
        .into_iter()
        .filter(|f| f.action == "/support/end")
        .collect();
    assert!(!end.is_empty(), "End now on the banner");
    each_form_refuses_forgeries(&app, &staff, &end[..1]).await;
}
