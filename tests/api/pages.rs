//! The client area's forms without a browser (`PageBrowser`: cookies, redirects, form posts from
//! Roster's own origin with the page's token): where sign-in lands, what a refusal shows and
//! keeps, sessions and verification, leaving, and the branded emails. The journeys in a real
//! browser are in `client_area.rs`.

use serde_json::json;

use crate::client_area::{PASSWORD, signed_up};
use crate::helpers::{Backend, PageBrowser, TestApp, mail_sink, spawn_app_with, unique_email};

/// A browser signed in as `email` on `/login`.
async fn signed_in(app: &TestApp, email: &str) -> PageBrowser {
    let page = PageBrowser::new(app);
    page.open("/login").await;
    let (status, html) = page
        .submit("/login", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200, "{html}");
    page
}

/// Sign-in lands on the page first asked for, never on another site; the session cookie is
/// HttpOnly and SameSite=Lax; a wrong password says so and keeps the email address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_lands_where_it_was_asked_for_and_only_on_roster() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("lands");
    let (_, account) = signed_up(&app, &email).await;
    let page = PageBrowser::new(&app);
    let (status, html) = page.open(&format!("/accounts/{account}/users")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Sign in to continue."), "{html}");

    let (status, html) = page
        .submit(
            "/login",
            &[
                ("email", &email),
                ("password", "wrong-password-1"),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(status, 401);
    assert!(
        html.contains("The email address or password is wrong."),
        "{html}"
    );
    assert!(html.contains(&format!("value=\"{email}\"")), "{html}");

    let response = page
        .post_form(
            "/login",
            &[
                ("email", &email),
                ("password", PASSWORD),
                ("next", &format!("/accounts/{account}/users")),
            ],
        )
        .await;
    assert_eq!(response.url().path(), format!("/accounts/{account}/users"));
    let (_, html) = page.open("/me").await;
    assert!(html.contains("Sign out"), "{html}");

    // Another site as `next` lands on the switcher instead.
    for foreign in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
    ] {
        let other = PageBrowser::new(&app);
        other.open("/login").await;
        let response = other
            .post_form(
                "/login",
                &[("email", &email), ("password", PASSWORD), ("next", foreign)],
            )
            .await;
        assert_eq!(response.url().as_str(), app.url("/accounts"), "{foreign}");
    }

    // The cookie's attributes.
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login_page = raw.get(app.url("/login")).send().await.unwrap();
    let csrf_cookie = login_page.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let token = crate::helpers::csrf_token_in(&login_page.text().await.unwrap()).unwrap();
    let response = raw
        .post(app.url("/login"))
        .header("cookie", csrf_cookie.split(';').next().unwrap())
        .header("origin", &app.address)
        .form(&[
            ("email", email.as_str()),
            ("password", PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("roster_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "http public_url: {cookie}");
}

/// Signing up through the invite page with `auth.require_email_verification` and another address
/// than the invited one accepts the invitation but starts no session (as the API's sign-up and
/// login): a verification link goes to that address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_invite_page_starts_no_session_before_a_required_verification() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.auth.require_email_verification = true
    })
    .await;
    let owner_email = unique_email("owner");
    let (_, owner) = app.signup_verified(&owner_email).await;
    let account = app.my_accounts(&owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invited = unique_email("invited");
    let token = app
        .invite(&owner, &account, &invited, json!(["tickets"]))
        .await;
    let other = unique_email("other-address");
    let page = PageBrowser::new(&app);
    page.open(&format!("/invite/{token}")).await;
    let response = page
        .post_form(
            &format!("/invite/{token}/signup"),
            &[
                ("first_name", "Ina"),
                ("last_name", "Vited"),
                ("email", &other),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert!(
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("roster_session=")),
        "a session cookie was set"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("We sent a link to"), "{html}");
    let mails = crate::helpers::mail_sink().wait_for(&other, 1).await;
    assert!(
        mails[0].subject().to_lowercase().contains("verify"),
        "{}",
        mails[0].subject()
    );
    let (status, _) = page.open("/accounts").await;
    assert_eq!(status, 200);
    let me = page.api("GET", "/api/v1/me").await;
    assert_eq!(me.status(), 401);
}

/// A member sees their own permissions and leaves after a confirmation step; the owner cannot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_leaves_and_the_owner_cannot() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let (owner, account) = signed_up(&app, &unique_email("owner")).await;
    let member_email = unique_email("member");
    app.signup(&member_email, PASSWORD).await;
    let token = app
        .invite(&owner, &account, &member_email, json!(["contacts"]))
        .await;
    let page = PageBrowser::new(&app);
    page.open("/login").await;
    page.submit(
        "/login",
        &[("email", &member_email), ("password", PASSWORD)],
    )
    .await;
    page.open(&format!("/invite/{token}")).await;
    page.submit(&format!("/invite/{token}/accept"), &[]).await;
    let (_, html) = page.open(&format!("/accounts/{account}")).await;
    assert!(html.contains("View &amp; Manage Contacts"), "{html}");
    assert!(html.contains("Add a contact"), "{html}");
    assert!(!html.contains("Save the profile"), "{html}");
    let (status, html) = page.open(&format!("/accounts/{account}/leave")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Leave"), "{html}");
    let (status, html) = page
        .submit(&format!("/accounts/{account}/leave"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("You left the account."), "{html}");
    assert!(!html.contains(&account), "{html}");
    let (status, _) = page.open(&format!("/accounts/{account}")).await;
    assert_eq!(status, 404);

    let owner_page = PageBrowser::new(&app);
    let owner_email: String = sqlx::query_scalar(
        "SELECT u.email FROM users u JOIN accounts a ON a.owner_user_id = u.id WHERE a.id = $1",
    )
    .bind(account.clone())
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    owner_page.open("/login").await;
    owner_page
        .submit("/login", &[("email", &owner_email), ("password", PASSWORD)])
        .await;
    let (status, html) = owner_page.open(&format!("/accounts/{account}/leave")).await;
    assert_eq!(status, 409, "{html}");
}

/// A refused sign-up shows each reason next to its field and keeps what was typed, never the
/// password.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn form_errors_sit_next_to_their_fields_and_keep_what_was_typed() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let page = PageBrowser::new(&app);
    page.open("/signup").await;
    let email = unique_email("typed");
    let (status, html) = page
        .submit(
            "/signup",
            &[
                ("first_name", "Ada"),
                ("last_name", "Lovelace"),
                ("email", &email),
                ("password", "short"),
                ("company_name", "Analytical Engines"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    let error = field_error(&html, "password").expect("no error next to the password");
    assert!(error.contains("at least"), "{error}");
    assert!(html.contains("aria-describedby=\"e-password\""), "{html}");
    assert!(html.contains("value=\"Analytical Engines\""), "{html}");
    assert!(html.contains(&format!("value=\"{email}\"")), "{html}");
    assert!(
        !html.contains("value=\"short\""),
        "the password came back: {html}"
    );

    // An address that has a login (without required verification the page says so).
    app.signup(&email, PASSWORD).await;
    page.open("/signup").await;
    let (status, html) = page
        .submit(
            "/signup",
            &[
                ("first_name", "Ada"),
                ("last_name", "Lovelace"),
                ("email", &email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, 409, "{html}");
    assert!(field_error(&html, "email").is_some(), "{html}");
}

/// The text of the error shown next to field `name`, if there is one.
fn field_error(html: &str, name: &str) -> Option<String> {
    let marker = format!("id=\"e-{name}\">");
    let start = html.find(&marker)? + marker.len();
    Some(html[start..].split('<').next()?.to_owned())
}

/// Past the login rate limit, the page says how long to wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_sign_in_says_when_to_try_again() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.auth.rate_limit.per_email = 2).await;
    let email = unique_email("limited");
    app.signup(&email, PASSWORD).await;
    let page = PageBrowser::new(&app);
    page.open("/login").await;
    for _ in 0..2 {
        let (status, _) = page
            .submit(
                "/login",
                &[("email", &email), ("password", "wrong password 1")],
            )
            .await;
        assert_eq!(status, 401);
    }
    let (status, html) = page
        .submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 429, "{html}");
    assert!(html.contains("Too many attempts: try again in"), "{html}");
}

/// On `/me`: a password change needs the current one and ends the other sessions; an email
/// change needs the password and is verified at the new address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_changes_the_password_and_the_email_address() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("me");
    let (_, other_session) = app.signup(&email, PASSWORD).await;
    let page = signed_in(&app, &email).await;
    page.open("/me").await;
    let new_password = "a brand new passphrase";
    let (status, html) = page
        .submit(
            "/me/password",
            &[
                ("current_password", "not my password"),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "current_password").is_some(), "{html}");
    let (status, html) = page
        .submit(
            "/me/password",
            &[
                ("current_password", PASSWORD),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Your other sessions were signed out."),
        "{html}"
    );
    let me = app
        .call("GET", "/api/v1/me", Some(&other_session), None)
        .await;
    assert_eq!(me.status(), 401, "the other session lives on");
    assert_eq!(page.api("GET", "/api/v1/me").await.status(), 200);

    let new_email = unique_email("moved");
    let (status, html) = page
        .submit(
            "/me/email",
            &[("email", &new_email), ("current_password", new_password)],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&new_email) && html.contains("Not verified"),
        "{html}"
    );
    let mails = mail_sink().wait_for(&new_email, 1).await;
    assert_eq!(mails[0].subject(), "Verify your email address");
}

/// The emails carry the provider's name and a button, read as well in plain text, and say how
/// long a link lasts in words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emails_carry_the_providers_branding() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.ui.product_name = "Acme Hosting".to_owned();
        s.ui.accent_color = "#aa3300".to_owned();
    })
    .await;
    let (owner, account) = signed_up(&app, &unique_email("owner")).await;
    let invited = unique_email("invited");
    let token = app
        .invite(&owner, &account, &invited, json!(["tickets"]))
        .await;
    let mail = mail_sink().wait_for(&invited, 1).await.remove(0);
    let text = mail.body("text/plain").unwrap().replace("\r\n", "\n");
    assert!(text.contains("at Acme Hosting"), "{text}");
    assert!(text.contains("expires in 7 days"), "{text}");
    assert!(text.contains(&format!("/invite/{token}")), "{text}");
    assert!(text.contains("\n-- \nAcme Hosting\n"), "{text}");
    let html = mail.body("text/html").unwrap().replace("&#x2f;", "/");
    assert!(html.contains("bgcolor=\"#aa3300\""), "{html}");
    assert!(html.contains("Accept the invitation</a>"), "{html}");
    assert!(html.contains(&format!("/invite/{token}\"")), "{html}");
    // The pages carry the same name.
    let (_, page) = PageBrowser::new(&app).open("/login").await;
    assert!(
        page.contains("<title>Sign in · Acme Hosting</title>"),
        "{page}"
    );
}

/// The owner edits the account profile and manages contacts on the overview; a refused value
/// shows next to its field; a member without `contacts` sees neither form and a hand-made post is
/// refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_edits_the_profile_and_the_contacts() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("owner");
    let (owner, account) = signed_up(&app, &email).await;
    let page = signed_in(&app, &email).await;
    let overview = format!("/accounts/{account}");
    page.open(&overview).await;
    let (status, html) = page
        .submit(
            &format!("{overview}/profile"),
            &[("company_name", "Olive Hosting"), ("country", "Germany")],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "country").is_some(), "{html}");
    assert!(html.contains("value=\"Olive Hosting\""), "{html}");
    let (status, html) = page
        .submit(
            &format!("{overview}/profile"),
            &[
                ("company_name", "Olive Hosting"),
                ("country", "de"),
                ("city", "Berlin"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("The account profile is saved."), "{html}");
    let saved = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        (saved["country"].as_str(), saved["city"].as_str()),
        (Some("DE"), Some("Berlin"))
    );

    let (status, html) = page
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", "not an address"),
                ("email_preferences", "billing"),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(field_error(&html, "email").is_some(), "{html}");
    assert!(html.contains("value=\"billing\" checked"), "{html}");
    let contact_email = unique_email("billing");
    let (status, html) = page
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "Bill"),
                ("last_name", "Ing"),
                ("email", &contact_email),
                ("email_preferences", "billing"),
                ("email_preferences", "support"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("billing, support"), "{html}");
    let contacts = app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{account}/contacts"),
            Some(&owner),
            None,
        )
        .await;
    let id = contacts[0]["id"].as_str().unwrap().to_owned();
    page.open(&format!("{overview}/contacts/{id}")).await;
    let (status, html) = page
        .submit(
            &format!("{overview}/contacts/{id}"),
            &[
                ("first_name", "Billy"),
                ("last_name", "Ing"),
                ("email", &contact_email),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Billy Ing") && html.contains("nothing"),
        "{html}"
    );
    let (status, html) = page
        .submit(&format!("{overview}/contacts/{id}/delete"), &[])
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("No contacts yet."), "{html}");

    // A member without `contacts` or `profile`: no forms, and a hand-made post is refused.
    let member_email = unique_email("member");
    app.signup(&member_email, PASSWORD).await;
    let token = app
        .invite(&owner, &account, &member_email, json!(["tickets"]))
        .await;
    let member = signed_in(&app, &member_email).await;
    member.open(&format!("/invite/{token}")).await;
    member.submit(&format!("/invite/{token}/accept"), &[]).await;
    let (_, html) = member.open(&overview).await;
    assert!(
        !html.contains("Add a contact") && !html.contains("Save the profile"),
        "{html}"
    );
    let (status, html) = member
        .submit(
            &format!("{overview}/contacts"),
            &[
                ("first_name", "X"),
                ("last_name", "Y"),
                ("email", &unique_email("x")),
            ],
        )
        .await;
    assert_eq!(status, 403, "{html}");
    let count: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM contacts WHERE account_id = $1",
            &account,
        )
        .await;
    assert_eq!(count, 0);
}
