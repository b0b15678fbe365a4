//! The client area in a real browser (headless Chromium, see `browser.rs`): the journeys of
//! issue 13, as people would go through them, reading what the pages show. The first journey runs
//! on PostgreSQL too; the first two run once more in German end to end (issue 27), reading the
//! words the shipped German messages give. With `ROSTER_SCREENSHOTS=DIR` the tests save the
//! README's screenshots there.

use std::time::Duration;

use serde_json::json;

use crate::browser::Browser;
use crate::helpers::{
    Backend, PageBrowser, TestApp, link_token, mail_sink, spawn_app_with, totp_code, unique_email,
};

pub const PASSWORD: &str = "correct horse battery";

/// Signs `email` up through the API and verifies the address; answers (session token, the id of
/// the account they own).
pub async fn signed_up(app: &TestApp, email: &str) -> (String, String) {
    let (_, token) = app.signup(email, PASSWORD).await;
    app.verify_address(email).await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (token, account)
}

/// What the pages say in one language: the shipped messages, by id (`t`), with variables
/// (`with`). English, or the language a journey is run in.
pub struct Words {
    lang: &'static str,
    messages: roster::i18n::Messages,
}

impl Words {
    pub fn new(lang: &'static str) -> Self {
        Self {
            lang,
            messages: roster::i18n::Messages::shipped().unwrap(),
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.messages.text(self.lang, id, None)
    }

    pub fn with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.messages.text_with(self.lang, id, args)
    }

    /// Sets the browser's language with the public pages' picker, landing on `next`.
    pub async fn choose(&self, browser: &Browser, app: &TestApp, next: &str) {
        browser
            .open(&app.url(&format!("/language/{}?next={next}", self.lang)))
            .await;
    }
}

/// Signs a new owner up on `/signup` (in the browser's language): lands on the switcher. Answers
/// the account's id.
async fn sign_up_on_the_page(
    browser: &Browser,
    app: &TestApp,
    words: &Words,
    email: &str,
    company: &str,
) -> String {
    words.choose(browser, app, "/signup").await;
    browser.wait_for_text(&words.t("signup-title")).await;
    browser.fill("f-first_name", "Olive").await;
    browser.fill("f-last_name", "Owner").await;
    browser.fill("f-email", email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.fill("f-company_name", company).await;
    browser.click(&words.t("signup-submit")).await;
    let shown = browser.wait_for_text(&words.t("accounts-title")).await;
    assert!(
        shown.contains(company) && shown.contains(&words.t("account-owner")),
        "{shown}"
    );
    browser.click_link(company).await;
    browser.wait_for_text(&words.t("account-overview")).await;
    let path = browser.path().await;
    path.trim_start_matches("/accounts/").to_owned()
}

/// Signs in on `/login` with the password (and lands where `next` says).
pub async fn sign_in(browser: &Browser, app: &TestApp, email: &str) {
    sign_in_as(browser, app, &Words::new("en"), email).await;
}

/// Signs in on `/login`, reading the page in `words`' language.
pub async fn sign_in_as(browser: &Browser, app: &TestApp, words: &Words, email: &str) {
    browser.open(&app.url("/login")).await;
    browser
        .wait_for_text(&words.with("login-heading", &[("product", "Roster")]))
        .await;
    browser.fill("f-email", email).await;
    browser.fill("f-password", PASSWORD).await;
    browser.click(&words.t("login-submit")).await;
}

/// The permission titles the switcher shows for the account named `name`.
async fn switcher_permissions(
    browser: &Browser,
    app: &TestApp,
    words: &Words,
    name: &str,
) -> Option<Vec<String>> {
    browser.open(&app.url("/accounts")).await;
    browser.wait_for_text(&words.t("accounts-title")).await;
    let cards = browser.texts("ul.accounts > li").await;
    let card = cards.iter().find(|c| c.contains(name))?;
    let label = words.with("accounts-permissions-label", &[("account", name)]);
    let titles = browser
        .texts(&format!("ul.tags[aria-label='{label}'] li"))
        .await;
    assert!(
        !card.contains(&words.t("accounts-user-management")),
        "{card}"
    );
    Some(titles)
}

/// Journey 1: an owner signs up and invites a colleague with `tickets` and `invoices`; the
/// colleague signs up through the emailed link and sees exactly those; the owner narrows them to
/// `tickets`, then removes them, and the colleague's next page load shows each change. Both read
/// the pages in `lang`, chosen with the public pages' picker.
async fn owner_and_colleague_journey(backend: Backend, lang: &'static str) {
    let words = Words::new(lang);
    let app = spawn_app_with(backend, |_| {}).await;
    let owner = Browser::start().await;
    owner.resize(1280, 900).await;
    let owner_email = unique_email("owner");
    let account = sign_up_on_the_page(&owner, &app, &words, &owner_email, "Olive Hosting").await;
    // Invitations go out once the owner's address is verified: from the emailed link, written in
    // the language the owner signed up in.
    let mail = &mail_sink().wait_for(&owner_email, 1).await[0];
    assert_eq!(mail.subject(), words.t("mail-verify-subject"));
    let verify = link_token(mail, "verify-email");
    owner
        .open(&app.url(&format!("/verify-email/{verify}")))
        .await;
    owner.click(&words.t("verify-submit")).await;
    owner.wait_for_text(&words.t("verified-text")).await;

    owner
        .open(&app.url(&format!("/accounts/{account}/users")))
        .await;
    owner.wait_for_text(&words.t("invite-heading")).await;
    let colleague_email = unique_email("colleague");
    owner.fill("f-email", &colleague_email).await;
    owner.click_id("invite-tickets").await;
    owner.click_id("invite-invoices").await;
    owner.click(&words.t("invite-send")).await;
    let shown = owner.wait_for_text(&words.t("users-done-invited")).await;
    assert!(shown.contains(&colleague_email), "{shown}");
    assert_eq!(owner.wider_than_window().await, Vec::<String>::new());

    // The invitation to an address without a login: in the owner's language.
    let mail = &mail_sink().wait_for(&colleague_email, 1).await[0];
    assert_eq!(mail.subject(), words.t("mail-invitation-subject"));
    let token = link_token(mail, "invite");
    let colleague = Browser::start().await;
    words
        .choose(&colleague, &app, &format!("/invite/{token}"))
        .await;
    colleague
        .wait_for_text(&words.with("invite-title", &[("account", "Olive Hosting")]))
        .await;
    colleague.fill("signup-first", "Colin").await;
    colleague.fill("signup-last", "League").await;
    colleague.fill("signup-email", &colleague_email).await;
    colleague.fill("signup-password", PASSWORD).await;
    colleague.click(&words.t("invite-signup-accept")).await;
    colleague
        .wait_for_text(&words.with("accounts-joined", &[("account", "Olive Hosting")]))
        .await;
    assert!(colleague.path().await.starts_with("/accounts?joined="));
    colleague.resize(1000, 700).await;
    if lang == "en" {
        colleague.screenshot("switcher").await;
    }
    let mut titles = switcher_permissions(&colleague, &app, &words, "Olive Hosting")
        .await
        .expect("the colleague does not see the account");
    titles.sort();
    let mut expected = [
        words.t("permission-tickets"),
        words.t("permission-invoices"),
    ];
    expected.sort();
    assert_eq!(titles, expected);
    // No User Management for a member: the page refuses (in English with the domain's words).
    colleague
        .open(&app.url(&format!("/accounts/{account}/users")))
        .await;
    let refusal = match lang {
        "en" => "Only the account owner can manage its users.".to_owned(),
        _ => words.t("error-forbidden"),
    };
    colleague.wait_for_text(&refusal).await;

    // The owner narrows the colleague to tickets.
    owner
        .open(&app.url(&format!("/accounts/{account}/users")))
        .await;
    owner.wait_for_text(&colleague_email).await;
    owner.resize(1000, 1400).await;
    owner
        .screenshot(if lang == "en" {
            "user-management"
        } else {
            "user-management-de"
        })
        .await;
    // Tidy on a phone: nothing reaches past the window's edge.
    owner.resize(390, 844).await;
    assert_eq!(owner.wider_than_window().await, Vec::<String>::new());
    owner.resize(1280, 900).await;
    let colleague_id = user_id_of(&app, &colleague_email).await;
    owner
        .click_css(&format!("#user-{colleague_id} details summary"))
        .await;
    let invoices_box = format!("p-{colleague_id}-invoices");
    assert!(owner.is_checked(&invoices_box).await);
    owner.click_id(&invoices_box).await;
    owner.click(&words.t("users-save")).await;
    owner
        .wait_for_text(&words.t("users-done-permissions"))
        .await;
    assert_eq!(
        switcher_permissions(&colleague, &app, &words, "Olive Hosting").await,
        Some(vec![words.t("permission-tickets")])
    );

    // The owner removes the colleague, after the confirmation step.
    owner
        .click_css(&format!("a[href$='/users/{colleague_id}/remove']"))
        .await;
    owner
        .wait_for_text(&words.with("remove-heading", &[("name", "Colin League")]))
        .await;
    owner.click(&words.t("remove-confirm")).await;
    let shown = owner.wait_for_text(&words.t("users-done-removed")).await;
    assert!(!shown.contains(&colleague_email), "{shown}");
    assert_eq!(
        switcher_permissions(&colleague, &app, &words, "Olive Hosting").await,
        None
    );
    colleague.wait_for_text(&words.t("accounts-none")).await;
    owner.close().await;
    colleague.close().await;
}

async fn an_owner_invites_narrows_and_removes_a_colleague(backend: Backend) {
    owner_and_colleague_journey(backend, "en").await;
}

both_backends!(an_owner_invites_narrows_and_removes_a_colleague);

/// Journey 1 in German, end to end (issue 27).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_invites_narrows_and_removes_a_colleague_in_german() {
    owner_and_colleague_journey(Backend::Sqlite, "de").await;
}

async fn user_id_of(app: &TestApp, email: &str) -> String {
    let sql = "SELECT id FROM users WHERE email_normalized = $1";
    app.scalar(sql, &email.to_lowercase()).await
}

/// Journey 2: TOTP enrolled on `/me` with the code computed from the secret on the page; sign out;
/// sign in with a code; then with a backup code, once. The user reads the pages in `lang` (their
/// profile's language).
async fn two_factor_journey(lang: &'static str) {
    let words = Words::new(lang);
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("totp");
    let (_, token) = app.signup(&email, PASSWORD).await;
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&token),
        Some(json!({ "language": lang })),
    )
    .await;
    let browser = Browser::start().await;
    words.choose(&browser, &app, "/login").await;
    sign_in_as(&browser, &app, &words, &email).await;
    browser.wait_for_text(&words.t("accounts-title")).await;

    browser.open(&app.url("/me")).await;
    browser.wait_for_text(&words.t("me-totp-heading")).await;
    // Enrolling asks for the password: a stolen session cannot add its own authenticator.
    browser.resize(390, 1000).await;
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1280, 900).await;
    browser.fill("totp-password", PASSWORD).await;
    if lang == "en" {
        browser.screenshot("me-two-factor-off").await;
    }
    browser.click(&words.t("me-totp-turn-on")).await;
    browser.wait_for_text(&words.t("totp-scan")).await;
    browser.resize(390, 1000).await;
    if lang == "en" {
        browser.screenshot("two-factor").await;
    }
    assert_eq!(browser.wider_than_window().await, Vec::<String>::new());
    browser.resize(1280, 900).await;
    let secret = browser.texts("#totp-secret").await.remove(0);
    browser.fill("f-code", &totp_code(&app, &secret)).await;
    browser.click(&words.t("totp-submit")).await;
    browser.wait_for_text(&words.t("codes-shown-once")).await;
    let codes = browser.texts("#backup-codes li").await;
    assert_eq!(codes.len(), 10, "{codes:?}");
    let download = browser.texts("a[download]").await;
    assert_eq!(download, [words.t("codes-download")]);

    // The next time step: a code is good once.
    app.state.clock.advance(Duration::from_secs(30));
    let code = totp_code(&app, &secret);
    let landed = words.t("accounts-title");
    let shown = sign_out_and_in_with_code(&browser, &app, &words, &email, &code).await;
    assert!(shown.contains(&landed), "{shown}");
    let shown = sign_out_and_in_with_code(&browser, &app, &words, &email, &codes[3]).await;
    assert!(shown.contains(&landed), "{shown}");
    let shown = sign_out_and_in_with_code(&browser, &app, &words, &email, &codes[3]).await;
    let used = match lang {
        "en" => "The code is wrong or was already used.".to_owned(),
        _ => words.t("error-invalid-second-factor"),
    };
    assert!(shown.contains(&used), "{shown}");
    assert_eq!(browser.path().await, "/login/code");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_enrols_totp_and_signs_in_with_a_code_then_a_backup_code_once() {
    two_factor_journey("en").await;
}

/// Journey 2 in German, end to end (issue 27).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_enrols_totp_and_signs_in_with_a_code_then_a_backup_code_once_in_german() {
    two_factor_journey("de").await;
}

/// Signs out, signs in with the password and then `code`; answers what the page shows next.
async fn sign_out_and_in_with_code(
    browser: &Browser,
    app: &TestApp,
    words: &Words,
    email: &str,
    code: &str,
) -> String {
    browser.click(&words.t("sign-out")).await;
    browser
        .wait_for_text(&words.with("login-heading", &[("product", "Roster")]))
        .await;
    sign_in_as(browser, app, words, email).await;
    browser.wait_for_text(&words.t("code-intro")).await;
    browser.fill("f-code", code).await;
    browser.click(&words.t("code-submit")).await;
    let landed = words.t("accounts-title");
    let used = words.t("error-invalid-second-factor");
    browser
        .wait_for_any(&[landed.as_str(), "already used", used.as_str()])
        .await
}

/// Journey 3: with user management off, the owner's page says so and has no controls; a
/// hand-made post (with a good form token) is refused as the API refuses it, and writes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_user_management_off_the_page_has_no_controls_and_posts_are_refused() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.user_management.enabled = false).await;
    let email = unique_email("owner");
    let (browser, account) = owner_on_user_management(&app, &email).await;
    let shown = browser
        .wait_for_text("Your provider turned user management off")
        .await;
    assert!(!shown.contains("Invite a user"), "{shown}");
    assert!(
        browser
            .texts("form")
            .await
            .iter()
            .all(|f| !f.contains("Send the invitation"))
    );
    browser.close().await;

    let hand = PageBrowser::new(&app);
    hand.open("/login").await;
    hand.submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    let (status, _) = hand.open("/me").await;
    assert_eq!(status, 200);
    let (status, page) = hand
        .submit(
            &format!("/accounts/{account}/invitations"),
            &[("email", &unique_email("sneaky")), ("access", "all")],
        )
        .await;
    assert_eq!(status, 403, "{page}");
    assert!(page.contains("User management is turned off"), "{page}");
    assert_eq!(invitation_count(&app, &account).await, 0);
}

pub async fn invitation_count(app: &TestApp, account: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM invitations WHERE account_id = $1";
    app.scalar(sql, account).await
}

/// Journey 4: a form posted to Roster from a page on another origin (served by the test on another
/// port, with the victim's own form token even) is refused; so is a post from Roster's own origin
/// without the token. Neither writes anything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_origin_posts_and_posts_without_the_token_are_refused() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let email = unique_email("victim");
    let (browser, account) = owner_on_user_management(&app, &email).await;
    browser.wait_for_text("Invite a user").await;
    let token = browser
        .attribute("input[name=csrf_token]", "value")
        .await
        .expect("the page has a form token");

    let target = app.url(&format!("/accounts/{account}/invitations"));
    let attacker = serve_page(format!(
        "<!doctype html><title>Win a prize</title><form method=post action=\"{target}\">\
         <input type=hidden name=csrf_token value=\"{token}\">\
         <input type=hidden name=email value=\"attacker@evil.example\">\
         <input type=hidden name=access value=all>\
         <button type=submit>Claim</button></form>"
    ))
    .await;
    browser.open(&attacker).await;
    browser.click("Claim").await;
    browser.wait_for_text("It came from another site").await;
    assert_eq!(invitation_count(&app, &account).await, 0);

    // From Roster's own origin, with the session, but without the token.
    let hand = PageBrowser::new(&app);
    hand.open("/login").await;
    hand.submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    let response = hand
        .client
        .post(&target)
        .header("origin", &app.address)
        .form(&[("email", "attacker@evil.example"), ("access", "all")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(invitation_count(&app, &account).await, 0);
    browser.close().await;
}

/// A new owner (signed up through the API) signed in in Chromium, on their account's User
/// Management page; answers the browser and the account's id.
async fn owner_on_user_management(app: &TestApp, email: &str) -> (Browser, String) {
    let (_, account) = signed_up(app, email).await;
    let browser = Browser::start().await;
    sign_in(&browser, app, email).await;
    browser.wait_for_text("Your accounts").await;
    browser
        .open(&app.url(&format!("/accounts/{account}/users")))
        .await;
    (browser, account)
}

/// Serves `html` at `/` on a free port of its own (another origin than Roster's); answers the URL.
async fn serve_page(html: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = axum::Router::new().route(
        "/",
        axum::routing::get(move || {
            let html = html.clone();
            async move { axum::response::Html(html) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}/")
}

/// Journey 5: with the domain guard plugin, inviting an outside address shows the plugin's
/// message on the page, keeps what was typed, and sends nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_veto_shows_the_plugins_message_on_the_page() {
    let plugins = crate::plugins::PluginDir::new();
    plugins.example("domain-guard");
    let app = spawn_app_with(Backend::Sqlite, |s| {
        crate::plugins::use_plugins(s, plugins.path());
        crate::plugins::plugin(
            s,
            "domain_guard",
            json!({ "domains": ["example.com"] }),
            |_| {},
        );
    })
    .await;
    let email = unique_email("owner");
    let (browser, account) = owner_on_user_management(&app, &email).await;
    browser.wait_for_text("Invite a user").await;
    let outsider = format!("someone-{}@outside.test", uuid::Uuid::new_v4().simple());
    browser.fill("f-email", &outsider).await;
    browser.click_id("invite-tickets").await;
    browser.click("Send the invitation").await;
    browser
        .wait_for_text("Invitations may only be sent to addresses at example.com.")
        .await;
    // What was typed is still there.
    assert_eq!(
        browser.attribute("#f-email", "value").await.as_deref(),
        Some(outsider.as_str())
    );
    assert!(browser.is_checked("invite-tickets").await);
    assert_eq!(invitation_count(&app, &account).await, 0);
    app.assert_no_mail_to(&outsider).await;
    browser.close().await;
}
