//! Cross-site requests, tried as an attacker's page would send them: with the victim's session
//! cookie (which the browser adds) and the attacker's origin. Each refused request must change
//! nothing; the same request from Roster's own origin, or with a bearer token, goes through.

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const EVIL: &str = "https://evil.example";

struct Victim {
    app: TestApp,
    token: String,
    user_id: String,
    account: String,
    invitation: String,
    contact: String,
}

async fn victim(backend: Backend) -> Victim {
    let app = spawn_app(backend).await;
    let (user_id, token) = app.signup_verified(&unique_email("victim")).await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitation = app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/invitations"),
            Some(&token),
            Some(json!({ "email": unique_email("invitee") })),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let contact = app.new_contact(&account, &token).await;
    Victim {
        app,
        token,
        user_id,
        account,
        invitation,
        contact,
    }
}

/// One request carrying the session as a cookie only, with the given extra headers.
async fn with_cookie(
    v: &Victim,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .request(method.parse().unwrap(), v.app.url(path))
        .header("cookie", format!("roster_session={}", v.token));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// Every state change the API has, read from its own OpenAPI document (so a new one is covered
/// the day it is added), aimed at the victim's things as an attacker's page would: each path
/// parameter names the victim's account, contact, invitation or self.
async fn writes(v: &Victim) -> Vec<(String, String, Option<Value>)> {
    let doc: Value = v
        .app
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let mut writes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["post", "put", "patch", "delete"] {
            if item.get(method).is_none() {
                continue;
            }
            let concrete = path
                .replace("{id}", &v.account)
                .replace("{contact_id}", &v.contact)
                .replace("{invitation_id}", &v.invitation)
                .replace("{user_id}", &v.user_id)
                .replace("{token}", "a-link-token")
                .replace("{name}", "notifier")
                .replace("{seq}", "1");
            let concrete = regex_free_params(&concrete);
            let body = (method != "delete").then(|| json!({ "first_name": "Mallory" }));
            writes.push((method.to_uppercase(), concrete, body));
        }
    }
    writes
}

/// Any path parameter left over (`{…}`) becomes a plain value.
fn regex_free_params(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if part.starts_with('{') && part.ends_with('}') {
                "x"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// What the writes above would change, read back with the bearer token.
async fn snapshot(v: &Victim) -> Value {
    let me = v
        .app
        .expect(200, "GET", "/api/v1/me", Some(&v.token), None)
        .await;
    let account = v
        .app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{}", v.account),
            Some(&v.token),
            None,
        )
        .await;
    let invitations = v
        .app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{}/invitations", v.account),
            Some(&v.token),
            None,
        )
        .await;
    let contacts = v
        .app
        .expect(
            200,
            "GET",
            &format!("/api/v1/accounts/{}/contacts", v.account),
            Some(&v.token),
            None,
        )
        .await;
    let pending_totp: Option<String> =
        sqlx::query_scalar("SELECT totp_pending_secret FROM users WHERE id = $1")
            .bind(v.user_id.clone())
            .fetch_one(v.app.state.db.pool())
            .await
            .unwrap();
    let tokens: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM invitations ORDER BY id")
        .fetch_all(v.app.state.db.pool())
        .await
        .unwrap();
    let links: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM user_tokens")
        .fetch_one(v.app.state.db.pool())
        .await
        .unwrap();
    json!({
        "me": me, "account": account, "invitations": invitations, "contacts": contacts,
        "pending_totp": pending_totp, "tokens": tokens, "links": links,
        "accounts": v.app.my_accounts(&v.token).await,
    })
}

/// A cookie-authenticated state change from another site is refused (403 `cross_site_request`)
/// and changes nothing, however the browser says where it comes from: `Origin`, or without it
/// `Sec-Fetch-Site` (`cross-site`, or `same-site` for a customer's sibling subdomain), or
/// `Referer`, or nothing at all.
async fn cookie_writes_from_another_site_are_refused(backend: Backend) {
    let v = victim(backend).await;
    let before = snapshot(&v).await;
    let db_before = v.app.db_snapshot().await;
    let attacks: [&[(&str, &str)]; 7] = [
        &[("origin", EVIL)],
        // Basic credentials a browser adds by itself (a proxy in front of Roster) are no bearer.
        &[("origin", EVIL), ("authorization", "Basic dXNlcjpwYXNz")],
        &[("origin", "https://customer.roster.example")],
        &[("origin", "null"), ("sec-fetch-site", "cross-site")],
        &[("sec-fetch-site", "same-site")],
        &[("referer", "https://evil.example/page")],
        &[],
    ];
    let writes = writes(&v).await;
    // The document's writes, WHMCS's endpoint aside (it takes no session cookie at all).
    assert!(writes.len() >= 40, "{writes:?}");
    for headers in attacks {
        for (method, path, body) in writes.iter().filter(|(_, p, _)| p.starts_with("/api/")) {
            let response = with_cookie(&v, method, path, headers, body.clone()).await;
            assert_eq!(response.status(), 403, "{method} {path} with {headers:?}");
            assert_eq!(
                problem(response).await["code"],
                "cross_site_request",
                "{method} {path}"
            );
        }
    }
    assert_eq!(
        snapshot(&v).await,
        before,
        "a refused request changed something"
    );
    assert_eq!(v.app.db_snapshot().await, db_before);
}

/// The same calls from Roster's own origin go through with the cookie, and bearer-token calls are
/// not affected by where they say they come from.
async fn own_origin_and_bearer_tokens_still_work(backend: Backend) {
    let v = victim(backend).await;
    let own = v.app.address.clone();
    let response = with_cookie(
        &v,
        "PATCH",
        "/api/v1/me",
        &[("origin", &own)],
        Some(json!({ "first_name": "Vera" })),
    )
    .await;
    assert_eq!(response.status(), 200);
    let response = with_cookie(
        &v,
        "PATCH",
        "/api/v1/me",
        &[("origin", "null"), ("sec-fetch-site", "same-origin")],
        Some(json!({ "last_name": "Victim" })),
    )
    .await;
    assert_eq!(response.status(), 200);
    // Reads need no origin.
    assert_eq!(
        with_cookie(&v, "GET", "/api/v1/me", &[("origin", EVIL)], None)
            .await
            .status(),
        200
    );
    // A bearer token is not a browser credential: its origin does not matter.
    let response = reqwest::Client::new()
        .patch(v.app.url("/api/v1/me"))
        .bearer_auth(&v.token)
        .header("origin", EVIL)
        .header("cookie", format!("roster_session={}", v.token))
        .json(&json!({ "first_name": "Bearer" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let me = v
        .app
        .expect(200, "GET", "/api/v1/me", Some(&v.token), None)
        .await;
    assert_eq!(
        (me["first_name"].as_str(), me["last_name"].as_str()),
        (Some("Bearer"), Some("Victim"))
    );
    let out = with_cookie(&v, "POST", "/api/v1/auth/logout", &[("origin", &own)], None).await;
    assert_eq!(out.status(), 204);
}

/// Page forms need the page's token, bound to the browser, and refuse another origin: a login
/// CSRF (an attacker's page signing the victim's browser in as the attacker) and a forced accept
/// both fail, and nothing changes.
async fn page_forms_need_their_token_and_roster_s_origin(backend: Backend) {
    let v = victim(backend).await;
    let invitee = unique_email("page-invitee");
    v.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", v.account),
            Some(&v.token),
            Some(json!({ "email": invitee, "permissions": ["tickets"] })),
        )
        .await;
    let (link, _) = invitation_token(&invitee, 1).await;
    let (attacker_id, _) = v.app.signup(&unique_email("attacker"), PASSWORD).await;
    let attacker_email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(attacker_id.clone())
        .fetch_one(v.app.state.db.pool())
        .await
        .unwrap();
    let browser = PageBrowser::new(&v.app);
    let (status, html) = browser.open(&format!("/invite/{link}")).await;
    assert_eq!(status, 200);
    let token = csrf_token_in(&html).expect("the page's forms carry a token");
    let login = v.app.url(&format!("/invite/{link}/login"));
    let form = |csrf: &str| {
        vec![
            ("email".to_owned(), attacker_email.clone()),
            ("password".to_owned(), PASSWORD.to_owned()),
            ("csrf_token".to_owned(), csrf.to_owned()),
        ]
    };
    let other = PageBrowser::new(&v.app);
    other.open(&format!("/invite/{link}")).await;
    let attempts: Vec<(&str, reqwest::RequestBuilder)> = vec![
        (
            "no token",
            browser
                .client
                .post(&login)
                .header("origin", &v.app.address)
                .form(&form("")[..2]),
        ),
        (
            "a wrong token",
            browser
                .client
                .post(&login)
                .header("origin", &v.app.address)
                .form(&form("AAAA")),
        ),
        (
            "the token of another browser",
            other
                .client
                .post(&login)
                .header("origin", &v.app.address)
                .form(&form(&token)),
        ),
        (
            "the right token from another site",
            browser
                .client
                .post(&login)
                .header("origin", EVIL)
                .form(&form(&token)),
        ),
        (
            "the right token from a sibling subdomain",
            browser
                .client
                .post(&login)
                .header("sec-fetch-site", "same-site")
                .form(&form(&token)),
        ),
    ];
    for (what, request) in attempts {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 403, "{what}");
        assert!(
            !response
                .headers()
                .get_all("set-cookie")
                .iter()
                .any(|c| c.to_str().unwrap().starts_with("roster_session=")),
            "{what}: signed in"
        );
        let html = response.text().await.unwrap();
        assert!(
            html.contains("This form could not be sent"),
            "{what}: {html}"
        );
    }
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(attacker_id.clone())
        .fetch_one(v.app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 1, "only the attacker's own sign-up session");
    let pending = v.app.invitation_preview(&link).await;
    assert_eq!(pending["state"], "pending");

    // Forms share the input rule: a control character in any field is refused, naming it.
    let (status, html) = browser
        .submit(
            &format!("/invite/{link}/signup"),
            &[
                ("first_name", "Eve\u{0}"),
                ("last_name", "Null"),
                ("email", "eve-null@example.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains("first_name"), "{html}");
    let made: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE email_normalized = 'eve-null@example.test'",
    )
    .fetch_one(v.app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(made, 0);

    // The right token from Roster's own page goes through.
    let (status, html) = browser
        .submit(
            &format!("/invite/{link}/login"),
            &[("email", attacker_email.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 200, "{html}");
}

both_backends!(
    cookie_writes_from_another_site_are_refused,
    own_origin_and_bearer_tokens_still_work,
    page_forms_need_their_token_and_roster_s_origin,
);
