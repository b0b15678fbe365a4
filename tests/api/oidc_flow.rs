//! Sign in with Roster as a relying party sees it (issue 25): the `openidconnect` crate discovers
//! the provider, builds the authorization request, redeems the code, verifies the ID token
//! against the JWKS and asks userinfo; a browser (reqwest with cookies, stopping at the app's
//! address) goes through Roster's real sign-in and chooser pages in between.

use std::time::Duration;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreProviderMetadata,
};
use openidconnect::{
    AccessToken, AdditionalClaims, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    IntrospectionUrl, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, TokenIntrospectionResponse, TokenResponse, UserInfoClaims,
};
use roster::audit::Context;
use roster::oauth::clients::{self, NewClient};
use roster::oauth::keys::Alg;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::helpers::*;

pub(crate) const PASSWORD: &str = "correct horse battery";
pub(crate) const REDIRECT: &str = "https://panel.example.com/callback";

/// The relying party's HTTP client: the tests' reqwest, never following redirects.
pub(crate) async fn send(
    request: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, std::io::Error> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(std::io::Error::other)?;
    let (parts, body) = request.into_parts();
    let response = client
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .map_err(std::io::Error::other)?;
    let mut answer = openidconnect::http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        answer = answer.header(name, value);
    }
    let body = response.bytes().await.map_err(std::io::Error::other)?;
    answer.body(body.to_vec()).map_err(std::io::Error::other)
}

/// Roster's own claims, as a relying party declares them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct RosterClaims {
    roster_account: Option<Value>,
    roster_accounts: Option<Value>,
}
impl AdditionalClaims for RosterClaims {}

/// A server whose public URL is the address it listens on (the issuer the relying party checks).
pub(crate) async fn provider(backend: Backend) -> TestApp {
    provider_with(backend, |_| {}).await
}

/// [`provider`], with its settings adjusted by `configure`.
pub(crate) async fn provider_with(
    backend: Backend,
    configure: impl FnOnce(&mut roster::settings::Settings),
) -> TestApp {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    spawn_app_with(backend, |s| {
        s.server.bind = format!("127.0.0.1:{port}").parse().unwrap();
        s.server.public_url = format!("http://127.0.0.1:{port}").parse().unwrap();
        configure(s);
    })
    .await
}

/// A person with an account of their own: (email, user id, account id).
pub(crate) async fn owner(app: &TestApp, company: &str) -> (String, String, String) {
    let email = unique_email("rp");
    let body = app
        .expect(
            201,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({
                "email": email, "password": PASSWORD, "first_name": "Olive", "last_name": "Owner",
                "account": { "company_name": company },
            })),
        )
        .await;
    let user = body["user"]["id"].as_str().unwrap().to_owned();
    let session = body["token"].as_str().unwrap();
    let account = app.my_accounts(session).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (email, user, account)
}

pub(crate) async fn register(app: &TestApp, new: NewClient) -> (String, Option<String>) {
    let (client, secret) = clients::create(
        &app.state.db,
        &Context::system(),
        app.state.clock.now_ms(),
        new,
    )
    .await
    .unwrap();
    (client.client_id, secret)
}

pub(crate) fn panel(name: &str) -> NewClient {
    NewClient {
        name: name.to_owned(),
        redirect_uris: vec![REDIRECT.to_owned()],
        public: false,
        trusted: false,
        post_logout_redirect_uris: vec![],
        backchannel_logout_uri: None,
        logo_uri: None,
        id_token_alg: Alg::Rs256,
    }
}

/// A browser that keeps cookies, follows Roster's own redirects and stops at the app's.
pub(crate) struct Browser {
    client: reqwest::Client,
    address: String,
    csrf: String,
}

impl Browser {
    pub(crate) fn new(app: &TestApp) -> Self {
        let own = app.address.clone();
        Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::custom(move |attempt| {
                    if attempt.url().as_str().starts_with(&own) {
                        attempt.follow()
                    } else {
                        attempt.stop()
                    }
                }))
                .build()
                .unwrap(),
            address: app.address.clone(),
            csrf: String::new(),
        }
    }

    /// Opens `url`: (status, final URL or the app's redirect, HTML).
    pub(crate) async fn open(&mut self, url: &str) -> (u16, String, String) {
        let response = self.client.get(url).send().await.unwrap();
        self.read(response).await
    }

    pub(crate) async fn post(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &self.csrf));
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .header("origin", &self.address)
            .form(&form)
            .send()
            .await
            .unwrap();
        self.read(response).await
    }

    async fn read(&mut self, response: reqwest::Response) -> (u16, String, String) {
        let status = response.status().as_u16();
        let at = match response.headers().get("location") {
            Some(location) if status / 100 == 3 => location.to_str().unwrap().to_owned(),
            _ => response.url().to_string(),
        };
        let html = response.text().await.unwrap().replace("&#x2f;", "/");
        if let Some(token) = csrf_token_in(&html) {
            self.csrf = token;
        }
        (status, at, html)
    }

    /// Signs in on the page the app's request led to.
    pub(crate) async fn sign_in(&mut self, at: &str, email: &str) -> (u16, String, String) {
        let next = url::Url::parse(at)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "next")
            .map(|(_, v)| v.into_owned())
            .unwrap();
        self.post(
            "/login",
            &[("email", email), ("password", PASSWORD), ("next", &next)],
        )
        .await
    }

    /// Answers the chooser page with `decision`, picking `account` (when given).
    pub(crate) async fn choose(
        &mut self,
        html: &str,
        account: Option<&str>,
        decision: &str,
    ) -> (u16, String, String) {
        let page = scraper::Html::parse_document(html);
        let hidden =
            scraper::Selector::parse("form[action='/oauth/authorize'] input[type=hidden]").unwrap();
        let mut fields: Vec<(String, String)> = page
            .select(&hidden)
            .filter_map(|i| Some((i.attr("name")?.to_owned(), i.attr("value")?.to_owned())))
            .filter(|(name, _)| name != "csrf_token")
            .collect();
        fields.push(("decision".to_owned(), decision.to_owned()));
        if let Some(account) = account {
            fields.push(("account".to_owned(), account.to_owned()));
        }
        let borrowed: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post("/oauth/authorize", &borrowed).await
    }
}

/// The query parameters of a redirect to the app.
pub(crate) fn params_of(location: &str) -> std::collections::HashMap<String, String> {
    url::Url::parse(location)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// The claims of a JWT's payload (its signature checked elsewhere).
pub(crate) fn payload(jwt: &str) -> Value {
    use base64::Engine;
    let part = jwt.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

async fn a_relying_party_signs_a_person_in_with_pkce_and_learns_the_account(backend: Backend) {
    let app = provider(backend).await;
    let (email, user, account) = owner(&app, "Acme Hosting").await;
    let (client_id, secret) = register(&app, panel("Control panel")).await;
    let http = |request| send(request);

    let metadata =
        CoreProviderMetadata::discover_async(IssuerUrl::new(app.address.clone()).unwrap(), &http)
            .await
            .unwrap();
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(client_id.clone()),
        secret.map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(REDIRECT.to_owned()).unwrap());
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("account".into()))
        .add_scope(Scope::new("offline_access".into()))
        .set_pkce_challenge(challenge)
        .url();

    // No session yet: Roster's sign-in page, then the consent page (one account: no choice).
    let mut browser = Browser::new(&app);
    let (status, at, html) = browser.open(url.as_str()).await;
    assert_eq!(status, 200, "{html}");
    assert!(at.contains("/login?next=%2Foauth%2Fauthorize"), "{at}");
    let (status, _, html) = browser.sign_in(&at, &email).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Allow Control panel to use your"), "{html}");
    assert!(html.contains("Acme Hosting"), "{html}");
    assert!(
        html.contains("Keep this access while you are signed out"),
        "{html}"
    );
    let (status, location, _) = browser.choose(&html, None, "allow").await;
    assert_eq!(status, 303);
    assert!(location.starts_with(REDIRECT), "{location}");
    let back = params_of(&location);
    assert_eq!(back["state"], *state.secret());
    assert_eq!(back["iss"], app.address, "RFC 9207");
    let code = back["code"].clone();

    let tokens = client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request_async(&http)
        .await
        .unwrap();
    let id_token = tokens.id_token().unwrap();
    let claims = id_token
        .claims(&client.id_token_verifier(), &nonce)
        .unwrap();
    assert_eq!(claims.subject().as_str(), user);
    assert_eq!(claims.email().unwrap().as_str(), email);
    assert_eq!(claims.email_verified(), Some(false));
    assert!(claims.auth_time().is_some());
    let raw = payload(&id_token.to_string());
    assert_eq!(raw["amr"], json!(["pwd"]));
    assert!(raw["sid"].is_string(), "{raw}");
    let roster_account = &raw["roster_account"];
    assert_eq!(roster_account["id"], account, "{raw}");
    assert_eq!(roster_account["name"], "Acme Hosting");
    assert_eq!(roster_account["owner"], true);
    assert!(
        roster_account["permissions"].as_array().unwrap().len() >= 13,
        "{raw}"
    );

    // Userinfo answers the same claims for the access token.
    let info: UserInfoClaims<RosterClaims, CoreGenderClaim> = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request_async(&http)
        .await
        .unwrap();
    assert_eq!(info.subject().as_str(), user);
    assert_eq!(
        info.additional_claims().roster_account.as_ref().unwrap()["id"],
        account
    );

    // The same code again is refused, and what it gave is revoked.
    let again = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(PkceCodeVerifier::new("x".repeat(43)))
        .request_async(&http)
        .await;
    assert!(format!("{again:?}").contains("invalid_grant"), "{again:?}");
    let revoked = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request_async::<RosterClaims, _, CoreGenderClaim>(&http)
        .await;
    assert!(revoked.is_err(), "the replayed code's tokens are revoked");

    // A second sign-in from the same browser: no password, no consent (remembered).
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, _, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("account".into()))
        .add_scope(Scope::new("offline_access".into()))
        .set_pkce_challenge(challenge)
        .url();
    let (status, location, _) = browser.open(url.as_str()).await;
    assert_eq!(status, 303, "straight back to the app");
    let code = params_of(&location)["code"].clone();
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request_async(&http)
        .await
        .unwrap();
    tokens
        .id_token()
        .unwrap()
        .claims(&client.id_token_verifier(), &nonce)
        .unwrap();

    // Refresh tokens rotate; a used one presented again revokes the whole family.
    let first = tokens.refresh_token().unwrap().clone();
    let renewed = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request_async(&http)
        .await
        .unwrap();
    let second = renewed.refresh_token().unwrap().clone();
    assert_ne!(first.secret(), second.secret());
    let reused = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request_async(&http)
        .await;
    assert!(
        format!("{reused:?}").contains("invalid_grant"),
        "{reused:?}"
    );
    let after = client
        .exchange_refresh_token(&second)
        .unwrap()
        .request_async(&http)
        .await;
    assert!(
        format!("{after:?}").contains("invalid_grant"),
        "the family is revoked: {after:?}"
    );
    let gone = client
        .user_info(renewed.access_token().clone(), None)
        .unwrap()
        .request_async::<RosterClaims, _, CoreGenderClaim>(&http)
        .await;
    assert!(gone.is_err());
}

/// Redeems the code in the app's redirect `location` with the app's secret: the token endpoint's
/// answer (status, JSON).
pub(crate) async fn redeem(
    app: &TestApp,
    location: &str,
    client_id: &str,
    secret: &str,
) -> (u16, Value) {
    let code = params_of(location)["code"].clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    token_call(app, &form, Some((client_id, secret))).await
}

/// POSTs to the token endpoint: (status, JSON).
pub(crate) async fn token_call(
    app: &TestApp,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> (u16, Value) {
    token_call_at(app, "/oauth/token", form, basic).await
}

/// POSTs a form to an endpoint for programs (token, revocation, introspection): (status, JSON, or
/// null for an empty body).
pub(crate) async fn token_call_at(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(app.url(path)).form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub(crate) fn authorize_path(client_id: &str, scope: &str, extra: &[(&str, &str)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("client_id", client_id);
    query.append_pair("redirect_uri", REDIRECT);
    query.append_pair("response_type", "code");
    query.append_pair("scope", scope);
    query.append_pair("state", "s1");
    for (k, v) in extra {
        query.append_pair(k, v);
    }
    format!("/oauth/authorize?{}", query.finish())
}

async fn bad_requests_are_refused_and_never_sent_to_an_unregistered_address(backend: Backend) {
    let app = provider(backend).await;
    let (email, _, account) = owner(&app, "Acme").await;
    let (client_id, secret) = register(&app, panel("Panel")).await;
    let secret = secret.unwrap();
    let public = NewClient {
        public: true,
        ..panel("Phone app")
    };
    let (public_id, _) = register(&app, public).await;
    let mut browser = Browser::new(&app);
    let open = |path: String| app.url(&path);

    // Unknown app, unregistered redirect URI: a page, never a redirect.
    let (status, at, html) = browser
        .open(&open(authorize_path("nobody", "openid account", &[])))
        .await;
    assert_eq!(status, 400, "{at}");
    assert!(html.contains("not registered"), "{html}");
    let evil = format!(
        "/oauth/authorize?client_id={client_id}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid"
    );
    let (status, at, html) = browser.open(&open(evil)).await;
    assert_eq!(status, 400);
    assert!(at.starts_with(&app.address), "{at}");
    assert!(html.contains("did not register"), "{html}");

    // Errors the app can be told go back to it, with state and iss.
    let (status, location, _) = browser
        .open(&open(authorize_path(&public_id, "openid account", &[])))
        .await;
    assert_eq!(status, 303);
    let back = params_of(&location);
    assert_eq!(
        (back["error"].as_str(), back["state"].as_str()),
        ("invalid_request", "s1")
    );
    assert!(back["error_description"].contains("PKCE"), "{back:?}");
    let plain = [
        ("code_challenge", "a".repeat(43)),
        ("code_challenge_method", "plain".to_owned()),
    ];
    let plain: Vec<(&str, &str)> = plain.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (_, location, _) = browser
        .open(&open(authorize_path(&public_id, "openid account", &plain)))
        .await;
    assert!(
        params_of(&location)["error_description"].contains("plain"),
        "{location}"
    );
    let (_, location, _) = browser
        .open(&open(authorize_path(
            &client_id,
            "openid account",
            &[("response_type", "token")],
        )))
        .await;
    assert_eq!(
        params_of(&location)["error"],
        "invalid_request",
        "a repeated parameter"
    );
    let (_, location, _) = browser
        .open(&open(authorize_path(
            &client_id,
            "openid account",
            &[("prompt", "none")],
        )))
        .await;
    assert_eq!(params_of(&location)["error"], "login_required");

    // Signed in: a hint naming an account the person does not reach is refused.
    let (_, at, _) = browser
        .open(&open(authorize_path(&client_id, "openid account", &[])))
        .await;
    let (status, _, html) = browser.sign_in(&at, &email).await;
    assert_eq!(status, 200, "{html}");
    let (_, location, _) = browser
        .open(&open(authorize_path(
            &client_id,
            "openid account",
            &[("account_hint", "999999")],
        )))
        .await;
    assert_eq!(params_of(&location)["error"], "access_denied", "{location}");
    // Denying consent tells the app so.
    let (_, _, html) = browser
        .open(&open(authorize_path(&client_id, "openid account", &[])))
        .await;
    let (_, location, _) = browser.choose(&html, Some(&account), "deny").await;
    assert_eq!(params_of(&location)["error"], "access_denied");

    // A code: the wrong verifier, the wrong redirect URI, expiry.
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let with_pkce = [
        ("code_challenge", challenge.as_str().to_owned()),
        ("code_challenge_method", "S256".to_owned()),
    ];
    let with_pkce: Vec<(&str, &str)> = with_pkce.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let code_for = async |browser: &mut Browser| {
        let first = browser
            .open(&open(authorize_path(
                &client_id,
                "openid account",
                &with_pkce,
            )))
            .await;
        let (status, location, html) = if first.0 == 200 {
            browser.choose(&first.2, Some(&account), "allow").await
        } else {
            first
        };
        assert_eq!(status, 303, "{html}");
        params_of(&location)["code"].clone()
    };
    let code = code_for(&mut browser).await;
    let redeem = |code: &str, verifier: &str, redirect: &str| {
        [
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.to_owned()),
            ("code_verifier", verifier.to_owned()),
            ("redirect_uri", redirect.to_owned()),
        ]
    };
    let form = redeem(&code, &"w".repeat(43), REDIRECT);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );

    let code = code_for(&mut browser).await;
    let form = redeem(&code, verifier.secret(), "https://panel.example.com/other");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );

    let code = code_for(&mut browser).await;
    app.state.clock.advance(Duration::from_secs(61));
    let form = redeem(&code, verifier.secret(), REDIRECT);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{body}"
    );

    // Wrong secrets are refused, then rate-limited: past the limit even the right one waits.
    let limit = app.state.settings.auth.rate_limit.per_email;
    let junk = [("grant_type", "authorization_code"), ("code", "nothing")];
    for _ in 0..limit {
        let (status, body) = token_call(&app, &junk, Some((&client_id, "wrong"))).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (401, Some("invalid_client")),
            "{body}"
        );
    }
    let (status, body) = token_call(&app, &junk, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (429, Some("invalid_client")),
        "{body}"
    );
    let (status, body) = token_call(&app, &junk, Some(("nobody", &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client")),
        "{body}"
    );
}

async fn userinfo_answers_todays_permissions_and_a_removed_member_loses_the_grant(
    backend: Backend,
) {
    let app = provider(backend).await;
    let (_, _, account) = owner(&app, "Acme").await;
    // The owner of "Other" invites a member with two permissions.
    let (owner_session, other) = app.signup_owner("Other").await;
    let member = unique_email("member");
    let invitation = app
        .invite(
            &owner_session,
            &other,
            &member,
            json!(["profile", "invoices"]),
        )
        .await;
    let accepted = app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{invitation}/accept"),
            None,
            Some(json!({ "signup": { "email": member, "password": PASSWORD, "first_name": "Mel", "last_name": "Member" } })),
        )
        .await;
    let member_id = accepted["user"]["id"].as_str().unwrap().to_owned();
    let trusted = NewClient {
        trusted: true,
        ..panel("Billing")
    };
    let (client_id, secret) = register(&app, trusted).await;
    let secret = secret.unwrap();

    let mut browser = Browser::new(&app);
    let path = authorize_path(&client_id, "openid account offline_access", &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (status, location, html) = browser.sign_in(&at, &member).await;
    // A trusted app: no consent page; one account: no choice.
    assert_eq!(status, 303, "{html}");
    let code = params_of(&location)["code"].clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", &code),
        ("redirect_uri", REDIRECT),
        ("client_id", &client_id),
        ("client_secret", &secret),
    ];
    let (status, tokens) = token_call(&app, &form, None).await;
    assert_eq!(status, 200, "{tokens}");
    assert_eq!(
        payload(tokens["id_token"].as_str().unwrap())["roster_account"]["id"],
        other
    );
    assert_ne!(other, account);
    let access = tokens["access_token"].as_str().unwrap();
    let userinfo = || async {
        let response = reqwest::Client::new()
            .get(app.url("/oauth/userinfo"))
            .bearer_auth(access)
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.json::<Value>().await.unwrap(),
        )
    };
    let (status, info) = userinfo().await;
    assert_eq!(status, 200, "{info}");
    assert_eq!(
        info["roster_account"]["permissions"],
        json!(["invoices", "profile"]),
        "{info}"
    );
    assert_eq!(info["roster_account"]["owner"], false);

    // The owner narrows the member's permissions: userinfo says so at once.
    {
        app.expect(
            200,
            "PATCH",
            &format!("/api/v1/accounts/{other}/users/{member_id}"),
            Some(&owner_session),
            Some(json!({ "permissions": ["invoices"] })),
        )
        .await;
        let (_, info) = userinfo().await;
        assert_eq!(
            info["roster_account"]["permissions"],
            json!(["invoices"]),
            "{info}"
        );
        // Removed: userinfo refuses the token and a refresh fails.
        app.expect(
            204,
            "DELETE",
            &format!("/api/v1/accounts/{other}/users/{member_id}"),
            Some(&owner_session),
            None,
        )
        .await;
        let (status, info) = userinfo().await;
        assert_eq!(
            (status, info["error"].as_str()),
            (401, Some("invalid_token")),
            "{info}"
        );
        let refresh = tokens["refresh_token"].as_str().unwrap();
        let form = [("grant_type", "refresh_token"), ("refresh_token", refresh)];
        let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_grant")),
            "{body}"
        );
    }
}

/// Signs the member in to a trusted app (no consent page, one account) and redeems the code with
/// its secret: the token endpoint's answer.
pub(crate) async fn member_tokens(
    app: &TestApp,
    member: &str,
    client_id: &str,
    secret: &str,
    scope: &str,
) -> Value {
    let mut browser = Browser::new(app);
    let path = authorize_path(client_id, scope, &[]);
    let (_, at, _) = browser.open(&app.url(&path)).await;
    let (status, location, html) = browser.sign_in(&at, member).await;
    assert_eq!(status, 303, "{html}");
    let (status, tokens) = redeem(app, &location, client_id, secret).await;
    assert_eq!(status, 200, "{tokens}");
    tokens
}

/// A member invited to a new account with `permissions`: (email, account id, owner session).
pub(crate) async fn member_of_new_account(
    app: &TestApp,
    permissions: Value,
) -> (String, String, String) {
    let (owner_session, account) = app.signup_owner("Member's account").await;
    let member = unique_email("member");
    let invitation = app
        .invite(&owner_session, &account, &member, permissions)
        .await;
    app.expect(
        200,
        "POST",
        &format!("/api/v1/invitations/{invitation}/accept"),
        None,
        Some(json!({ "signup": { "email": member, "password": PASSWORD, "first_name": "Mel", "last_name": "Member" } })),
    )
    .await;
    (member, account, owner_session)
}

async fn revocation_introspection_and_rosters_reads_take_the_apps_tokens(backend: Backend) {
    let app = provider(backend).await;
    let (member, account, _) = member_of_new_account(&app, json!(["invoices"])).await;
    let (_, _, elsewhere) = owner(&app, "Elsewhere").await;
    let (client_id, secret) = register(
        &app,
        NewClient {
            trusted: true,
            ..panel("Panel")
        },
    )
    .await;
    let secret = secret.unwrap();
    let (resource_id, resource_secret) = register(&app, panel("Resource server")).await;
    let (phone_id, _) = register(
        &app,
        NewClient {
            public: true,
            ..panel("Phone")
        },
    )
    .await;
    let tokens = member_tokens(
        &app,
        &member,
        &client_id,
        &secret,
        "openid account offline_access",
    )
    .await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();

    // Roster's own reads take the access token: who, and may they do X in the token's account.
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&access), None)
        .await;
    assert_eq!(me["email"], member);
    let allowed = |account: &str, permission: &str| {
        let path = format!("/api/v1/authz/check?account={account}&permission={permission}");
        let (app, access) = (&app, access.clone());
        async move { app.expect(200, "GET", &path, Some(&access), None).await["allowed"].clone() }
    };
    assert_eq!(allowed(&account, "invoices").await, true);
    assert_eq!(allowed(&account, "products").await, false);
    assert_eq!(
        allowed(&elsewhere, "invoices").await,
        false,
        "the token speaks for its own account only"
    );
    // Not a session: it opens nothing else.
    app.expect(401, "GET", "/api/v1/me/accounts", Some(&access), None)
        .await;
    // Without the `account` scope, not even /me.
    let plain = member_tokens(&app, &member, &client_id, &secret, "openid").await;
    app.expect(
        401,
        "GET",
        "/api/v1/me",
        plain["access_token"].as_str(),
        None,
    )
    .await;

    // Introspection through the relying party library, by another confidential app.
    let http = |request| send(request);
    let metadata =
        CoreProviderMetadata::discover_async(IssuerUrl::new(app.address.clone()).unwrap(), &http)
            .await
            .unwrap();
    let resource = CoreClient::from_provider_metadata(
        metadata.clone(),
        ClientId::new(resource_id.clone()),
        resource_secret.map(ClientSecret::new),
    )
    .set_introspection_url(IntrospectionUrl::new(app.url("/oauth/introspect")).unwrap());
    let seen = resource
        .introspect(&AccessToken::new(access.clone()))
        .request_async(&http)
        .await
        .unwrap();
    assert!(seen.active());
    assert_eq!(seen.client_id().unwrap().as_str(), client_id);
    let raw: Value = serde_json::to_value(&seen).unwrap();
    assert!(raw.get("sub").is_some(), "{raw}");
    let (status, body) = token_call_at(
        &app,
        "/oauth/introspect",
        &[("token", &access)],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["roster_account"]["permissions"],
        json!(["invoices"]),
        "{body}"
    );
    let (status, body) = token_call_at(
        &app,
        "/oauth/introspect",
        &[("token", "roster_at_nothing")],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(
        (status, body["active"].as_bool()),
        (200, Some(false)),
        "{body}"
    );
    let (status, body) = token_call_at(
        &app,
        "/oauth/introspect",
        &[("token", &access), ("client_id", &phone_id)],
        None,
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client")),
        "a public app: {body}"
    );

    // Revocation: a wrong secret is refused; another app's revocation changes nothing; the app's
    // own revokes the grant.
    let (status, _) = token_call_at(
        &app,
        "/oauth/revoke",
        &[("token", &refresh)],
        Some((&resource_id, "wrong")),
    )
    .await;
    assert_eq!(status, 401);
    let phone_revokes = [
        ("token", refresh.as_str()),
        ("client_id", phone_id.as_str()),
    ];
    let (status, _) = token_call_at(&app, "/oauth/revoke", &phone_revokes, None).await;
    assert_eq!(status, 200, "unknown to the caller: 200 and nothing");
    app.expect(200, "GET", "/api/v1/me", Some(&access), None)
        .await;
    // (The openidconnect crate sends revocations over https only: this test server speaks http.)
    let (status, _) = token_call_at(
        &app,
        "/oauth/revoke",
        &[("token", &refresh), ("token_type_hint", "refresh_token")],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(status, 200);
    app.expect(401, "GET", "/api/v1/me", Some(&access), None)
        .await;
    let (_, body) = token_call_at(
        &app,
        "/oauth/introspect",
        &[("token", &access)],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(body["active"], false, "{body}");
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
    ];
    let (status, body) = token_call(&app, &form, Some((&client_id, &secret))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
}

both_backends!(
    a_relying_party_signs_a_person_in_with_pkce_and_learns_the_account,
    bad_requests_are_refused_and_never_sent_to_an_unregistered_address,
    userinfo_answers_todays_permissions_and_a_removed_member_loses_the_grant,
    revocation_introspection_and_rosters_reads_take_the_apps_tokens,
);

/// A browser app on another origin may call the token endpoint and userinfo (CORS, no
/// credentials); introspection, for servers, allows no other origin.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_apps_may_call_the_token_endpoint_and_userinfo_from_their_origin() {
    let app = provider(Backend::Sqlite).await;
    let client = reqwest::Client::new();
    let preflight = |path: &str| {
        client
            .request(reqwest::Method::OPTIONS, app.url(path))
            .header("origin", "https://spa.example.com")
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };
    for path in ["/oauth/token", "/oauth/userinfo", "/oauth/revoke"] {
        let response = preflight(path).await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        let headers = response.headers();
        assert_eq!(headers["access-control-allow-origin"], "*", "{path}");
        let allowed = headers["access-control-allow-headers"].to_str().unwrap();
        assert!(allowed.contains("authorization"), "{path}: {allowed}");
        assert!(headers.get("access-control-allow-credentials").is_none());
    }
    let answer = client
        .post(app.url("/oauth/token"))
        .header("origin", "https://spa.example.com")
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", "nobody"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 401);
    assert_eq!(answer.headers()["access-control-allow-origin"], "*");
    let introspection = preflight("/oauth/introspect").await.unwrap();
    assert!(
        introspection
            .headers()
            .get("access-control-allow-origin")
            .is_none(),
        "introspection is for servers"
    );
}
