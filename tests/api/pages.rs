//! The client area's forms without a browser (`PageBrowser`: cookies, redirects, form posts from
//! Roster's own origin with the page's token): where sign-in lands, what a refusal shows and
//! keeps, sessions and verification, and the branded emails. The account pages' forms are in
//! `account_pages.rs`; the journeys in a real browser in `client_area.rs`.

use serde_json::json;

use crate::client_area::{PASSWORD, signed_up};
use crate::helpers::{Backend, PageBrowser, TestApp, mail_sink, spawn_app_with, unique_email};

/// A browser signed in as `email` on `/login`.
pub async fn signed_in(app: &TestApp, email: &str) -> PageBrowser {
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
    // The answer a taken address would get too (`abuse::oracles`): check the mailbox.
    assert!(
        html.contains("The next step is in the email we sent"),
        "{html}"
    );
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
pub fn field_error(html: &str, name: &str) -> Option<String> {
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
