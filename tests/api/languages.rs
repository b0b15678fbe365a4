//! Roster in the customer's language (issue 27), as a browser sees it: the language a page is in
//! (the signed-in person's own, the picker's cookie, `Accept-Language`, `ui.default_language`),
//! `<html lang>`, the provider's own wording from `ui.messages_dir`, and a broken override file
//! stopping start-up with its line, and the emails in the reader's language; every public,
//! emailed-link and signed-in page of the client area in the pseudo-locale. The admin area's
//! languages are `admin_area::languages`; the journeys in German, `client_area`.

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

/// A verified login with `profile` (its language, its time zone) and the account it owns:
/// (email, session token, account id).
async fn speaker(
    app: &TestApp,
    prefix: &str,
    profile: serde_json::Value,
) -> (String, String, String) {
    let email = unique_email(prefix);
    let (_, token) = app.signup_verified(&email).await;
    app.expect(200, "PATCH", "/api/v1/me", Some(&token), Some(profile))
        .await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (email, token, account)
}

/// A browser signed in as `email` on `/login`; answers it with the page it landed on.
async fn signed_in(app: &TestApp, email: &str) -> (PageBrowser, String) {
    let browser = PageBrowser::new(app);
    browser.open("/login").await;
    let (_, html) = browser
        .submit(
            "/login",
            &[("email", email), ("password", "correct horse battery")],
        )
        .await;
    (browser, html)
}

/// The pages emailed links open, with live links: verifying an address, choosing a new
/// password, an invitation; and a dead reset link.
async fn emailed_links(app: &TestApp) -> Vec<String> {
    let email = unique_email("links");
    let (_, token) = app.signup(&email, "correct horse battery").await;
    let verify = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
    let reset = reset_token(app, &email, 2).await;
    app.verify_address(&email).await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitee = unique_email("invitee");
    app.expect(
        201,
        "POST",
        &format!("/api/v1/accounts/{account}/invitations"),
        Some(&token),
        Some(json!({ "email": invitee, "permissions": [] })),
    )
    .await;
    let invite = link_token(&mail_sink().wait_for(&invitee, 1).await[0], "invite");
    vec![
        format!("/verify-email/{verify}"),
        format!("/reset-password/{reset}"),
        format!("/invite/{invite}"),
        "/reset-password/not-a-link".to_owned(),
    ]
}

/// Opens `path` in the pseudo-locale (a window as narrow as a phone's): nothing on it reaches past
/// the window's edge.
pub async fn fits_a_phone(browser: &crate::browser::Browser, app: &TestApp, path: &str) {
    browser.open(&app.url(path)).await;
    browser.wait_for_text("[").await;
    assert_eq!(
        browser.wider_than_window().await,
        Vec::<String>::new(),
        "{path}"
    );
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
    let (email, _, account) = speaker(&app, "sprache", json!({ "language": "italian" })).await;
    let (page_browser, html) = signed_in(&app, &email).await;
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

/// The first mail to `email` whose subject is `subject`, waiting for the outbox to send it.
pub async fn mail_titled(email: &str, subject: &str) -> ReceivedMail {
    for _ in 0..200 {
        if let Some(mail) = mail_sink()
            .messages_to(email)
            .into_iter()
            .find(|m| m.subject() == subject)
        {
            return mail;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let got: Vec<String> = mail_sink()
        .messages_to(email)
        .iter()
        .map(ReceivedMail::subject)
        .collect();
    panic!("no mail `{subject}` to {email}; got {got:?}");
}

/// A German owner invites from User Management: an address without a login gets the invitation
/// in German (both parts, `<html lang="de">`, the duration in German words); a login whose
/// language is French gets it in French; the permission titles on the page are German.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_owner_sends_a_german_invitation() {
    let app = spawn_app(Backend::Sqlite).await;
    let (owner, _, account) = speaker(&app, "inhaber", json!({ "language": "de" })).await;
    let (browser, _) = signed_in(&app, &owner).await;
    let users = format!("/accounts/{account}/users");
    let (_, html) = browser.open(&users).await;
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Rechnungen ansehen und bezahlen"), "{html}");
    assert!(!html.contains("View &amp; Pay Invoices"), "{html}");

    let newcomer = unique_email("neu");
    let (status, html) = browser
        .submit(
            &format!("/accounts/{account}/invitations"),
            &[
                ("email", &newcomer),
                ("access", "chosen"),
                ("permissions", "invoices"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{html}");
    let mail = mail_titled(&newcomer, "Einladung zum Kontozugriff").await;
    let text = mail.body("text/plain").unwrap();
    assert!(
        text.contains("Sie sind eingeladen, auf ein Konto bei Roster zuzugreifen."),
        "{text}"
    );
    assert!(text.contains("Die Einladung gilt 7 Tage lang."), "{text}");
    let html = mail.body("text/html").unwrap();
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Einladung annehmen</a>"), "{html}");

    // Someone with a login reads it in their own language.
    let (french, _, _) = speaker(&app, "francais", json!({ "language": "french" })).await;
    browser
        .submit(
            &format!("/accounts/{account}/invitations"),
            &[("email", &french), ("access", "all")],
        )
        .await;
    let mail = mail_titled(&french, "Invitation à accéder à un compte").await;
    let text = mail.body("text/plain").unwrap();
    assert!(
        text.contains("L'invitation reste valable 7 jours."),
        "{text}"
    );
}

/// `/me` in German, and the language changed there: the list shows every shipped language in its
/// own name with the user's chosen; saving French turns the next page French.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_speaks_german_and_changes_the_language() {
    let app = spawn_app(Backend::Sqlite).await;
    let profile = json!({ "language": "german", "time_zone": "Europe/Berlin" });
    let (email, token, _) = speaker(&app, "profil", profile).await;
    let refused = app
        .expect(
            422,
            "PATCH",
            "/api/v1/me",
            Some(&token),
            Some(json!({ "time_zone": "Mars/Olympus" })),
        )
        .await;
    assert!(
        refused["detail"].as_str().unwrap().contains("time_zone"),
        "{refused}"
    );
    let (browser, _) = signed_in(&app, &email).await;
    let (status, html) = browser.open("/me").await;
    // Times in Berlin's zone, written the German way (`07.12.2026, 17:35 CET`).
    assert!(
        html.contains("<option selected>Europe/Berlin</option>"),
        "{html}"
    );
    let german_time = html
        .match_indices(" CET<")
        .chain(html.match_indices(" CEST<"))
        .any(|(at, _)| {
            let before: Vec<char> = html[..at].chars().rev().take(17).collect();
            let written: String = before.into_iter().rev().collect();
            written.len() == 17
                && &written[2..3] == "."
                && &written[5..6] == "."
                && &written[10..12] == ", "
        });
    assert!(german_time, "{html}");
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    for german in [
        "<h1>Mein Profil und Sicherheit</h1>",
        "E-Mail-Adresse ändern",
        "Zwei-Faktor-Anmeldung einschalten",
        "Wo Sie angemeldet sind",
        "Dieser Browser",
        "Profil speichern",
        "<option value=\"de\" lang=\"de\" selected>Deutsch</option>",
        "<option value=\"fr\" lang=\"fr\">Français</option>",
    ] {
        assert!(html.contains(german), "{german}: {html}");
    }
    for english in [
        "My profile",
        "Change the email address",
        "Where you are signed in",
    ] {
        assert!(!html.contains(english), "{english}: {html}");
    }

    let (_, html) = browser
        .submit(
            "/me/profile",
            &[
                ("first_name", "Ada"),
                ("last_name", "Lovelace"),
                ("language", "fr"),
                ("time_zone", ""),
            ],
        )
        .await;
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("Votre profil est enregistré."), "{html}");
    assert!(html.contains("Mon profil et ma sécurité"), "{html}");
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&token), None)
        .await;
    assert_eq!(me["language"], "fr");
    assert_eq!(me["time_zone"], "", "back to the provider's zone");
    assert!(html.contains("UTC<"), "{html}");
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
    // The emailed links' pages too: verifying an address, a new password, an invitation.
    let links = emailed_links(&app).await;
    let public = ["/login", "/signup", "/forgot-password"].map(str::to_owned);
    for path in public.iter().chain(&links) {
        let path = path.as_str();
        let (_, html) = page(&app, &browser, path, None).await;
        assert!(html.contains("<html lang=\"en-XA\">"), "{html}");
        let text = visible_text(&html);
        for english in [
            "Sign in",
            "Password",
            "Create a login",
            "Email address",
            "Invitation",
            "Verify",
            "Choose",
            "Link not valid",
        ] {
            assert!(!text.contains(english), "{path} shows `{english}`: {text}");
        }
        for raw in [
            "login-", "signup-", "forgot-", "field-", "nav-", "verify-", "reset-", "invite-",
            "link-",
        ] {
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
    let public = ["/login", "/signup", "/forgot-password"].map(str::to_owned);
    for path in public.iter().chain(&emailed_links(&app).await) {
        fits_a_phone(&browser, &app, path).await;
    }
    browser.screenshot("login-pseudo").await;
    browser.close().await;
}

/// The words of a page as a person reads them: tags, scripts and styles left out.
pub fn visible_text(html: &str) -> String {
    let mut text = html.to_owned();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// What a person reads on the page: the visible text, entities decoded.
pub fn shown(html: &str) -> String {
    visible_text(html)
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A page in language `lang`: `<html lang>` says so, and what it shows has none of the `english`
/// words and no word starting with one of the message-id `prefixes` (a message shown raw).
pub fn assert_translated(
    path: &str,
    html: &str,
    lang: &str,
    (english, prefixes): (&[&str], &[&str]),
) {
    assert!(
        html.contains(&format!("<html lang=\"{lang}\">")),
        "{path}: {html}"
    );
    let text = shown(html);
    for word in english {
        assert!(!text.contains(word), "{path} shows `{word}`: {text}");
    }
    let raw = text
        .split_whitespace()
        .find(|w| prefixes.iter().any(|prefix| w.starts_with(prefix)));
    assert_eq!(raw, None, "{path}: {text}");
}

/// Every page of a signed-in customer in the pseudo-locale: no English word of Roster's own and no
/// raw message id in what the page shows, and (in Chromium at a phone's 390 px) nothing wider than
/// the window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signed_in_pages_leave_no_english_in_the_pseudo_locale_and_fit_a_phone() {
    let app = spawn_app(Backend::Sqlite).await;
    let (email, token, account) = speaker(&app, "pseudo", json!({ "language": "en-XA" })).await;
    // Something in every list: a member, a pending invitation, a contact.
    let member = unique_email("member");
    let (member_id, _) = app.signup_verified(&member).await;
    let invite_token = app
        .invite(&token, &account, &member, json!(["invoices"]))
        .await;
    let member_session = app.login_ok(&member, "correct horse battery").await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{invite_token}/accept"),
        Some(&member_session),
        Some(json!({})),
    )
    .await;
    // To an address without a login: written in the owner's (pseudo) language.
    app.expect(
        201,
        "POST",
        &format!("/api/v1/accounts/{account}/invitations"),
        Some(&token),
        Some(json!({ "email": unique_email("pending"), "permissions": ["tickets"] })),
    )
    .await;
    app.expect(
        201,
        "POST",
        &format!("/api/v1/accounts/{account}/contacts"),
        Some(&token),
        Some(json!({ "first_name": "Bill", "last_name": "Ing", "email": unique_email("bill"), "email_preferences": ["billing"] })),
    )
    .await;
    let pages = [
        "/accounts".to_owned(),
        format!("/accounts/{account}"),
        format!("/accounts/{account}/users"),
        format!("/accounts/{account}/users/{member_id}/remove"),
        "/me".to_owned(),
        "/accounts/no-such-account".to_owned(),
    ];

    let (reader, _) = signed_in(&app, &email).await;
    let english = [
        "Save",
        "Remove",
        "Cancel",
        "Permissions",
        "Sign out",
        "Password",
        "Overview",
        "Contacts",
        "Invite",
        "Profile",
        "Two-factor",
        "Where you",
        "Owner",
        "Pending",
        "Accounts",
        "Nothing",
        "Page not found",
    ];
    let prefixes = [
        "me-",
        "users-",
        "account-",
        "accounts-",
        "contacts-",
        "permission-",
        "error-",
        "page-",
    ];
    for path in &pages {
        let (_, html) = reader.open(path).await;
        assert_translated(path, &html, "en-XA", (&english, &prefixes));
    }

    // Saving the profile keeps the pseudo-locale: it is listed as it is, chosen.
    let (_, html) = reader.open("/me").await;
    assert!(
        html.contains("<option value=\"en-XA\" selected>en-XA</option>"),
        "{html}"
    );

    let browser = crate::browser::Browser::start().await;
    browser.resize(390, 844).await;
    browser.open(&app.url("/login")).await;
    browser.fill("f-email", &email).await;
    browser.fill("f-password", "correct horse battery").await;
    browser
        .click_css("form[action='/login'] button[type=submit]")
        .await;
    browser.wait_for_text("[").await;
    for (n, path) in pages.iter().enumerate() {
        fits_a_phone(&browser, &app, path).await;
        browser.screenshot(&format!("pseudo-{n}")).await;
    }
    browser.close().await;
}
