//! Roster in the customer's language (issue 27), as a browser sees it: the language a page is in
//! (the signed-in person's own, the picker's cookie, `Accept-Language`, `ui.default_language`),
//! `<html lang>`, the provider's own wording from `ui.messages_dir`, and a broken override file
//! stopping start-up with its line. The pages translated so far: the frame of every client-area
//! page, the sign-in pages (`/login`, `/signup`, `/forgot-password`), the account switcher and User
//! Management.

use serde_json::json;

use crate::helpers::*;

/// GET `path` with `accept_language` (if any) from `client`: (status, HTML).
async fn page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    accept_language: Option<&str>,
) -> (u16, String) {
    let mut request = client.get(app.url(path));
    if let Some(languages) = accept_language {
        request = request.header("accept-language", languages);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn fresh_browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_the_picker_and_the_profile_choose_the_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = fresh_browser();

    // Nothing said: `ui.default_language` (English).
    let (status, html) = page(&app, &browser, "/login", None).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Sign in to Roster"), "{html}");

    // The browser asks for French first.
    let (_, html) = page(&app, &browser, "/login", Some("fr-CH, fr;q=0.9, en;q=0.5")).await;
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("Se connecter à Roster"), "{html}");
    assert!(html.contains("Mot de passe oublié"), "{html}");
    // A language Roster does not ship: the next one asked for.
    let (_, html) = page(&app, &browser, "/signup", Some("ja, nl;q=0.8")).await;
    assert!(html.contains("<html lang=\"nl\">"), "{html}");
    assert!(html.contains("Mijn login aanmaken"), "{html}");

    // The picker: every shipped language in its own name, the current one marked.
    assert!(html.contains(">Deutsch</a>") && html.contains(">Português (Brasil)</a>"));
    assert!(
        html.contains("href=\"/language/de?next=%2Fsignup\""),
        "{html}"
    );
    let chosen = browser
        .get(app.url("/language/de?next=/forgot-password"))
        .send()
        .await
        .unwrap();
    // Followed to the page it came from, now in German, whatever the browser asks.
    assert_eq!(chosen.url().path(), "/forgot-password");
    let (_, html) = page(&app, &browser, "/forgot-password", Some("fr")).await;
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Passwort vergessen?"), "{html}");
    // An unknown language, or a way off the site, changes nothing.
    browser
        .get(app.url("/language/klingon?next=//evil.example"))
        .send()
        .await
        .unwrap();
    let (_, html) = page(&app, &browser, "/login", None).await;
    assert!(html.contains("<html lang=\"de\">"), "{html}");

    // Signed in, the person's own language comes first; the picker is gone.
    let email = unique_email("sprache");
    let (_, token) = app.signup(&email, "correct horse battery").await;
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&token),
        Some(json!({ "language": "italian" })),
    )
    .await;
    let page_browser = PageBrowser::new(&app);
    page_browser.open("/login").await;
    let (_, html) = page_browser
        .submit(
            "/login",
            &[("email", &email), ("password", "correct horse battery")],
        )
        .await;
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(
        html.contains(">Account</a>") && html.contains("Esci"),
        "{html}"
    );
    // The account switcher, in Italian: the owner of the account made at sign-up.
    assert!(
        html.contains("<h1>I tuoi account</h1>") && html.contains(">Titolare<"),
        "{html}"
    );
    assert!(html.contains("Gestione utenti"), "{html}");
    let accounts = app.my_accounts(&token).await;
    let account = accounts[0]["account"]["id"].as_str().unwrap();
    let (_, html) = page_browser
        .open(&format!("/accounts/{account}/users"))
        .await;
    for italian in [
        "<h1>Gestione utenti</h1>",
        "Invita un utente",
        "Inviti in attesa",
        "Nessun invito in attesa.",
        "Ultimo accesso",
    ] {
        assert!(html.contains(italian), "{italian}: {html}");
    }
    assert!(!html.contains("/language/"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_providers_own_words_replace_a_message_and_a_broken_file_stops_start_up() {
    let dir = std::env::temp_dir().join(format!("roster-words-{}", unique_email("dir")));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("de.ftl"),
        "# Our own words\nlogin-heading = Willkommen bei { $product }\n",
    )
    .unwrap();
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.ui.messages_dir = Some(dir.clone());
        s.ui.default_language = "de".to_owned();
    })
    .await;
    let (_, html) = page(&app, &fresh_browser(), "/login", None).await;
    assert!(html.contains("Willkommen bei Roster"), "{html}");
    // The other messages stay as shipped.
    assert!(html.contains("Passwort vergessen?"), "{html}");

    std::fs::write(
        dir.join("de.ftl"),
        "login-heading = Willkommen\nlogin-hedaing = Tippfehler\n",
    )
    .unwrap();
    let (url, _db) = TestDb::create(Backend::Sqlite).await;
    let mut settings = test_settings(&url);
    settings.ui.messages_dir = Some(dir.clone());
    let refused = roster::App::build(settings).await.unwrap_err().to_string();
    assert!(
        refused.contains("de.ftl:2:") && refused.contains("login-hedaing"),
        "{refused}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The pseudo-locale shows what is not translated: every text of the translated pages comes out
/// accented and in brackets, and no message id shows raw.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pseudo_locale_leaves_no_english_on_the_translated_pages() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = fresh_browser();
    browser
        .get(app.url("/language/en-XA?next=/login"))
        .send()
        .await
        .unwrap();
    for path in ["/login", "/signup", "/forgot-password"] {
        let (_, html) = page(&app, &browser, path, None).await;
        assert!(html.contains("<html lang=\"en-XA\">"), "{html}");
        for english in ["Sign in", "Password", "Create a login", "Email address"] {
            assert!(!html.contains(english), "{path} shows `{english}`: {html}");
        }
        for raw in ["login-", "signup-", "forgot-", "field-", "nav-"] {
            assert!(!html.contains(&format!(">{raw}")), "{path}: {html}");
        }
    }
}

/// In a real browser: the picker on the sign-in page switches it to French, and the pseudo-locale
/// (longer words) fits a phone's width on every translated page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_picker_works_in_a_browser_and_long_words_fit_a_phone() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = crate::browser::Browser::start().await;
    browser.resize(1000, 800).await;
    browser.open(&app.url("/login")).await;
    browser.wait_for_text("Sign in to").await;
    browser.click_link("Français").await;
    let shown = browser.wait_for_text("Se connecter à").await;
    assert!(shown.contains("Mot de passe oublié"), "{shown}");
    assert_eq!(browser.path().await, "/login");
    browser.screenshot("login-fr").await;

    browser.open(&app.url("/language/en-XA?next=/login")).await;
    browser.resize(390, 844).await;
    for path in ["/login", "/signup", "/forgot-password"] {
        browser.open(&app.url(path)).await;
        browser.wait_for_text("[").await;
        assert_eq!(
            browser.wider_than_window().await,
            Vec::<String>::new(),
            "{path}"
        );
    }
    browser.screenshot("login-pseudo").await;
    browser.close().await;
}
