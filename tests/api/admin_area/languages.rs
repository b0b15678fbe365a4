//! The admin area in the staff member's own language (issue 27): chosen on `/admin/me` with a
//! time zone, else the browser's (`Accept-Language`); every admin page, notice and refusal in
//! it, `<html lang>` right, dates in the member's zone. The pseudo-locale leaves no English and
//! no raw message id on any admin page and fits a phone's width in Chromium.

use serde_json::json;

use super::transfer::client_with_member;
use super::{sign_in_over_http, sign_in_to, staff_over_http, staff_set_up};
use crate::client_area::Words;
use crate::helpers::{Backend, PageBrowser, TestApp, spawn_app, unique_email};
use crate::languages::{assert_translated, fits_a_phone, shown};
use roster::admins::Role;

/// A client with its owner, a member, a pending invitation and a contact: (client id, member's
/// user id, contact id).
async fn busy_client(app: &TestApp, staff: &PageBrowser) -> (String, String, String) {
    let (client, owner, _, member_id) = client_with_member(app, "Müller GmbH").await;
    let id = client["id"].as_str().unwrap().to_owned();
    staff.open(&format!("/admin/clients/{id}/users")).await;
    let invitee = unique_email("invitee");
    let fields = [
        ("email", invitee.as_str()),
        ("access", "chosen"),
        ("permissions", "tickets"),
    ];
    let (status, _) = staff
        .submit(&format!("/admin/clients/{id}/invitations"), &fields)
        .await;
    assert_eq!(status, 200);
    let owner = app.login_ok(&owner, crate::client_area::PASSWORD).await;
    let contact = app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{id}/contacts"),
            Some(&owner),
            Some(
                json!({ "first_name": "Bill", "last_name": "Ing", "email": unique_email("bill"),
                     "email_preferences": ["billing"] }),
            ),
        )
        .await;
    let contact = contact["id"].as_str().unwrap().to_owned();
    (id, member_id, contact)
}

/// Every page of the admin area, with something in each list, and a message each shows.
fn admin_pages(client: &str, member: &str, contact: &str) -> Vec<(String, &'static str)> {
    vec![
        ("/admin/clients".to_owned(), "admin-clients-title"),
        (format!("/admin/clients/{client}"), "admin-client-profile"),
        (
            format!("/admin/clients/{client}/users"),
            "admin-associate-heading",
        ),
        (
            format!("/admin/clients/{client}/invitations"),
            "admin-invitations-send-new",
        ),
        (
            format!("/admin/clients/{client}/contacts/{contact}"),
            "contact-save",
        ),
        (
            format!("/admin/clients/{client}/contacts"),
            "admin-col-receives",
        ),
        (format!("/admin/clients/{client}/audit"), "admin-audit-when"),
        (
            format!("/admin/clients/{client}/users/{member}/remove"),
            "admin-remove",
        ),
        (
            format!("/admin/clients/{client}/owner/{member}"),
            "admin-owner-keep",
        ),
        ("/admin/users".to_owned(), "admin-users-all"),
        (format!("/admin/users/{member}"), "admin-user-clients"),
        (format!("/admin/users/{member}/delete"), "admin-delete"),
        ("/admin/audit".to_owned(), "admin-audit-filter"),
        ("/admin/plugins".to_owned(), "admin-nav-plugins"),
        ("/admin/mail".to_owned(), "admin-mail-waiting"),
        ("/admin/apps".to_owned(), "admin-apps-register"),
        ("/admin/settings".to_owned(), "admin-settings-effective"),
        ("/admin/staff".to_owned(), "admin-staff-add"),
        ("/admin/me".to_owned(), "admin-me-preferences"),
        ("/admin/no-such-page".to_owned(), "page-not-found"),
    ]
}

async fn staff_read_the_admin_area_in_their_own_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let de = Words::new("de");
    let (staff, _) = staff_over_http(&app, Role::Administrator).await;
    let (client, member, contact) = busy_client(&app, &staff).await;

    // No language chosen yet: the browser's (this one sends none: the default, English).
    let (_, html) = staff.open("/admin/me").await;
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(
        html.contains("<option value=\"\" selected>Your browser's language</option>")
            || html.contains("<option value=\"\" selected>Your browser&#x27;s language</option>"),
        "{html}"
    );

    let chosen = [("language", "de"), ("time_zone", "Europe/Berlin")];
    let (status, html) = staff.submit("/admin/me/preferences", &chosen).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(
        shown(&html).contains(&de.t("admin-me-done-preferences")),
        "{html}"
    );
    assert!(
        html.contains("<option value=\"de\" lang=\"de\" selected>"),
        "{html}"
    );
    assert!(
        html.contains("<option selected>Europe/Berlin</option>"),
        "{html}"
    );

    // Every page in German: its own words, no English of Roster's own.
    let english = [
        "Sign out",
        "Audit log",
        "Mail queue",
        "Settings",
        "Created",
        "Remove",
        "Invitations",
        "Permissions",
        "Last login",
        "Email address",
        "Save",
        "Never",
        "Page not found",
    ];
    for (path, id) in admin_pages(&client, &member, &contact) {
        let (_, html) = staff.open(&path).await;
        assert_translated(&path, &html, "de", (&english, &["admin-"]));
        assert!(shown(&html).contains(&de.t(id)), "{path}: `{id}` in {html}");
    }

    // Dates in the member's zone, in German order.
    let account = roster::accounts::service::get(&app.state, &client)
        .await
        .unwrap();
    let (_, html) = staff.open(&format!("/admin/clients/{client}")).await;
    let berlin = roster::i18n::datetime("de", "Europe/Berlin", account.created_at);
    assert_ne!(
        berlin,
        roster::i18n::datetime("de", "UTC", account.created_at)
    );
    let created = de.with("admin-client-created", &[("time", &berlin)]);
    assert!(shown(&html).contains(&created), "{created}: {html}");

    // A notice after a form, in German.
    let (status, html) = staff
        .submit(&format!("/admin/users/{member}/disable"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(
        shown(&html).contains(&de.t("admin-done-user-disabled")),
        "{html}"
    );

    // A language the admin area does not speak changes nothing.
    staff.open("/admin/me").await;
    let (status, html) = staff
        .submit(
            "/admin/me/preferences",
            &[("language", "xx"), ("time_zone", "")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(
        shown(&html).contains(&de.t("error-validation-failed")),
        "{html}"
    );
    let (_, html) = staff.open("/admin/me").await;
    assert!(
        html.contains("<option selected>Europe/Berlin</option>"),
        "{html}"
    );

    // The change is in the audit log, under the member.
    let (_, html) = staff.open("/admin/audit").await;
    assert!(html.contains("staff.preferences_changed"), "{html}");

    // A support member who chose French is refused a change in French.
    let fr = Words::new("fr");
    let (support, _) = staff_over_http(&app, Role::Support).await;
    support.open("/admin/me").await;
    let french = [("language", "fr"), ("time_zone", "")];
    let (status, _) = support.submit("/admin/me/preferences", &french).await;
    assert_eq!(status, 200);
    support.open(&format!("/admin/clients/{client}")).await;
    let (status, html) = support
        .submit(&format!("/admin/clients/{client}/close"), &[])
        .await;
    assert_eq!(status, 403);
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(
        shown(&html).contains(&fr.t("admin-not-allowed-text")),
        "{html}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_the_admin_area_in_their_own_language_sqlite() {
    staff_read_the_admin_area_in_their_own_language(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_the_admin_area_in_their_own_language_postgres() {
    staff_read_the_admin_area_in_their_own_language(Backend::Postgres).await;
}

/// Before sign-in, the admin area speaks the browser's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_sign_in_page_speaks_the_browsers_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let fr = Words::new("fr");
    let html = reqwest::Client::new()
        .get(app.url("/admin/login"))
        .header("accept-language", "fr-CH, fr;q=0.9, en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(shown(&html).contains(&fr.t("admin-login-title")), "{html}");
}

/// The pseudo-locale on every admin page: no English word of Roster's own, no raw message id,
/// and (in Chromium at a phone's 390 px) nothing wider than the window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_area_leaves_no_english_in_the_pseudo_locale_and_fits_a_phone() {
    let app = spawn_app(Backend::Sqlite).await;
    let (email, secret) = staff_set_up(&app, Role::Administrator).await;
    let staff = sign_in_over_http(&app, &email, &secret).await;
    let (client, member, contact) = busy_client(&app, &staff).await;
    // A registered app with long addresses.
    let admin = app.admin_token().await;
    app.expect(
        201,
        "POST",
        "/api/v1/admin/oauth-clients",
        Some(&admin),
        Some(json!({ "name": "Control panel",
                     "redirect_uris": ["https://panel.example.com/a/rather/long/callback/path"],
                     "backchannel_logout_uri": "https://panel.example.com/logout" })),
    )
    .await;
    staff.open("/admin/me").await;
    let pseudo = [("language", "en-XA"), ("time_zone", "")];
    let (status, _) = staff.submit("/admin/me/preferences", &pseudo).await;
    assert_eq!(status, 200);

    let pages: Vec<String> = admin_pages(&client, &member, &contact)
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let english = [
        "Clients",
        "Users",
        "Audit log",
        "Plugins",
        "Mail queue",
        "Settings",
        "Staff",
        "Your sign-in",
        "Sign out",
        "Save",
        "Remove",
        "Cancel",
        "Permissions",
        "Status",
        "Created",
        "Email",
        "Invitations",
        "Contacts",
        "Summary",
        "Last login",
        "Two-factor",
        "Role",
        "Register",
        "Retry",
        "Never",
        "None",
        "Page not found",
    ];
    let prefixes = ["admin-", "users-", "me-", "account-", "error-", "page-"];
    for path in &pages {
        let (_, html) = staff.open(path).await;
        assert_translated(path, &html, "en-XA", (&english, &prefixes));
    }

    // Before sign-in too: the sign-in page and a setup link, in the picker's language.
    let (_, token) = roster::staff::create(
        &app.state.db,
        &roster::audit::Context::system(),
        app.state.clock.now_ms(),
        &unique_email("new-staff"),
        Role::Support,
    )
    .await
    .unwrap();
    let anonymous = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let picked = anonymous.get(app.url("/language/en-XA?next=/admin/login"));
    picked.send().await.unwrap();
    for path in ["/admin/login".to_owned(), format!("/admin/setup/{token}")] {
        let html = anonymous.get(app.url(&path)).send().await.unwrap();
        let html = html.text().await.unwrap();
        let english = ["Staff", "Password", "Continue", "Passkey", "Save", "Key"];
        assert_translated(&path, &html, "en-XA", (&english, &["admin-"]));
    }

    let browser = crate::browser::Browser::start().await;
    browser.resize(390, 844).await;
    sign_in_to(&browser, &app, (&email, &secret), "[").await;
    for (n, path) in pages.iter().enumerate() {
        fits_a_phone(&browser, &app, path).await;
        browser.screenshot(&format!("admin-pseudo-{n}")).await;
    }

    // The same member in German at a desktop's width.
    staff.open("/admin/me").await;
    let german = [("language", "de"), ("time_zone", "Europe/Berlin")];
    staff.submit("/admin/me/preferences", &german).await;
    browser.resize(1280, 900).await;
    browser
        .open(&app.url(&format!("/admin/clients/{client}/users")))
        .await;
    let de = Words::new("de");
    let seen = browser
        .wait_for_text(&de.t("admin-associate-heading"))
        .await;
    assert!(seen.contains(&de.t("admin-invite-heading")), "{seen}");
    browser.screenshot("admin-users-de").await;
    browser.close().await;
}
