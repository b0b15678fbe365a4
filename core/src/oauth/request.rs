//! The authorization request (OpenID Connect Core §3.1.2) as sent and as checked.
//!
//! It is checked in this order, so that an error never goes to an address the app did not
//! register: an unknown app or a redirect URI it did not register is shown on a page; every
//! other error goes back to the app (RFC 6749 §4.1.2.1) with `state` and `iss`.
//!
//! Roster keeps nothing between the steps: the request's parameters travel in the URL (and the
//! chooser's hidden fields) and are checked again at each step. `roster_auth_after` is Roster's
//! own: set when Roster sends the browser to sign in again, it asks for a sign-in at or after that
//! time, so that the fresh sign-in satisfies `prompt=login` and `max_age` and does not loop. An
//! app that sets it itself can only make its own request stricter.

use std::collections::HashMap;

use super::clients::{self, Client};
use super::scopes::{self, Scopes};
use crate::db::Db;
use crate::error::Error;

/// Longest `state` accepted (it travels through the pages, not the database).
pub const MAX_STATE: usize = 1024;
/// Longest `nonce` accepted (it is kept with the code).
pub const MAX_NONCE: usize = 255;
/// Longest `login_hint` and `account_hint` accepted.
pub const MAX_HINT: usize = 254;
/// At most this many accounts on the chooser and in `roster_accounts` (the first by account id).
pub const MAX_ACCOUNTS: i64 = 200;

/// The parameters Roster reads, as they came (each at most once).
const NAMES: [&str; 16] = [
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "prompt",
    "max_age",
    "login_hint",
    "account_hint",
    "response_mode",
    "request",
    "request_uri",
    "roster_auth_after",
];

/// An authorization request's parameters as sent (a query string, or the chooser's form).
#[derive(Debug, Clone, Default)]
pub struct Params {
    values: HashMap<&'static str, String>,
    /// A parameter sent more than once (RFC 6749 §3.1: refused).
    repeated: Option<&'static str>,
}

impl Params {
    /// The known parameters of `pairs`; others (the form's own fields) are left alone.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut params = Self::default();
        for (name, value) in pairs {
            if let Some(known) = NAMES.iter().find(|n| **n == name)
                && params.values.insert(known, value.clone()).is_some()
            {
                params.repeated.get_or_insert(known);
            }
        }
        params
    }

    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Every parameter, for the chooser's hidden fields and the sign-in's way back.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        NAMES
            .iter()
            .filter_map(|n| self.values.get(n).map(|v| (*n, v.clone())))
            .collect()
    }

    /// The request again as `/oauth/authorize?…`, with `prompt=login` and `max_age` answered by
    /// a sign-in after `after` when given.
    pub fn path(&self, after: Option<i64>) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in self.pairs() {
            match (name, after) {
                ("roster_auth_after", Some(_)) => {}
                ("prompt", Some(_)) => {
                    let rest = value
                        .split(' ')
                        .filter(|p| *p != "login")
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !rest.is_empty() {
                        query.append_pair(name, &rest);
                    }
                }
                _ => {
                    query.append_pair(name, &value);
                }
            }
        }
        if let Some(after) = after {
            query.append_pair("roster_auth_after", &after.to_string());
        }
        format!("/oauth/authorize?{}", query.finish())
    }
}

/// What `prompt` asks for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prompt {
    pub none: bool,
    pub login: bool,
    pub consent: bool,
    pub select_account: bool,
}

/// A checked authorization request.
#[derive(Debug, Clone)]
pub struct AuthRequest {
    pub client: Client,
    pub redirect_uri: String,
    pub scopes: Scopes,
    pub state: Option<String>,
    pub nonce: Option<String>,
    /// The PKCE challenge (S256).
    pub code_challenge: Option<String>,
    pub prompt: Prompt,
    /// Seconds.
    pub max_age: Option<i64>,
    pub login_hint: Option<String>,
    pub account_hint: Option<String>,
    pub auth_after: Option<i64>,
    pub params: Params,
}

/// An error sent back to the app: `error`, `error_description`, `state`, `iss`.
#[derive(Debug, Clone)]
pub struct ErrorRedirect {
    pub redirect_uri: String,
    pub error: &'static str,
    pub description: String,
    pub state: Option<String>,
}

impl ErrorRedirect {
    pub fn location(&self, issuer: &str) -> String {
        let mut pairs = vec![
            ("error", self.error.to_owned()),
            ("error_description", self.description.clone()),
        ];
        if let Some(state) = &self.state {
            pairs.push(("state", state.clone()));
        }
        pairs.push(("iss", issuer.to_owned()));
        with_query(&self.redirect_uri, &pairs)
    }
}

/// `uri` with `pairs` added to its query.
pub fn with_query(uri: &str, pairs: &[(&str, String)]) -> String {
    match url::Url::parse(uri) {
        Ok(mut url) => {
            url.query_pairs_mut()
                .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
            url.to_string()
        }
        Err(_) => uri.to_owned(),
    }
}

/// Why a request is refused.
#[derive(Debug)]
pub enum Refusal {
    /// Nowhere safe to send the browser (an unknown app, a redirect URI it did not register, no
    /// redirect URI): a page says why, by its message id (`oauth-…`) and the app's name where
    /// the message names it.
    Page(&'static str, Option<String>),
    /// Back to the app with an error.
    Redirect(ErrorRedirect),
    /// Roster could not answer (the database).
    Failed(Error),
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        Self::Failed(e)
    }
}

/// A PKCE challenge or verifier: 43 to 128 characters of `[A-Za-z0-9-._~]` (RFC 7636 §4.1).
pub fn is_pkce_text(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// Checks a request: first who it is for and where errors may go, then the rest.
pub async fn check(db: &Db, params: Params) -> std::result::Result<AuthRequest, Refusal> {
    let client_id = params
        .get("client_id")
        .ok_or(Refusal::Page("oauth-no-app", None))?;
    let client = match clients::get(db, client_id).await {
        Ok(client) => client,
        Err(Error::NotFound(_)) => {
            return Err(Refusal::Page("oauth-unknown-app", None));
        }
        Err(e) => return Err(Refusal::Failed(e)),
    };
    let redirect_uri = params.get("redirect_uri").unwrap_or_default().to_owned();
    if !client.redirects_to(&redirect_uri) {
        return Err(Refusal::Page("oauth-foreign-redirect", Some(client.name)));
    }
    if params.repeated == Some("client_id") || params.repeated == Some("redirect_uri") {
        return Err(Refusal::Page("oauth-repeated", None));
    }
    let state = params.get("state").map(str::to_owned);
    let refuse = |error: &'static str, description: &str| {
        Refusal::Redirect(ErrorRedirect {
            redirect_uri: redirect_uri.clone(),
            error,
            description: description.to_owned(),
            state: state
                .clone()
                .filter(|s| s.len() <= MAX_STATE)
                .map(|s| s.chars().take(MAX_STATE).collect()),
        })
    };
    if let Some(name) = params.repeated {
        return Err(refuse(
            "invalid_request",
            &format!("`{name}` is sent more than once"),
        ));
    }
    if state.as_ref().is_some_and(|s| s.len() > MAX_STATE) {
        return Err(refuse(
            "invalid_request",
            &format!("`state` is longer than {MAX_STATE} bytes"),
        ));
    }
    if params.get("request").is_some() {
        return Err(refuse(
            "request_not_supported",
            "request objects are not supported",
        ));
    }
    if params.get("request_uri").is_some() {
        return Err(refuse(
            "request_uri_not_supported",
            "request objects are not supported",
        ));
    }
    match params.get("response_type") {
        Some("code") => {}
        None => return Err(refuse("invalid_request", "`response_type` is missing")),
        Some(_) => {
            return Err(refuse(
                "unsupported_response_type",
                "only the authorization code flow (`response_type=code`) is supported",
            ));
        }
    }
    if params.get("response_mode").is_some_and(|m| m != "query") {
        return Err(refuse(
            "invalid_request",
            "only `response_mode=query` is supported",
        ));
    }
    let scopes = Scopes::parse(params.get("scope").unwrap_or_default());
    if !scopes.has(scopes::OPENID) {
        return Err(refuse("invalid_scope", "the `openid` scope is required"));
    }
    let code_challenge = params.get("code_challenge").map(str::to_owned);
    match (params.get("code_challenge_method"), &code_challenge) {
        (_, None) if client.is_public() => {
            return Err(refuse(
                "invalid_request",
                "a public app must use PKCE (`code_challenge`, method S256)",
            ));
        }
        (Some(_), None) => {
            return Err(refuse(
                "invalid_request",
                "`code_challenge_method` without `code_challenge`",
            ));
        }
        (Some("S256"), Some(_)) => {}
        (None | Some(_), Some(_)) => {
            return Err(refuse(
                "invalid_request",
                "`code_challenge_method` must be S256 (`plain` is refused)",
            ));
        }
        (None, None) => {}
    }
    if code_challenge.as_deref().is_some_and(|c| !is_pkce_text(c)) {
        return Err(refuse(
            "invalid_request",
            "`code_challenge` must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~",
        ));
    }
    let nonce = params.get("nonce").map(str::to_owned);
    if nonce.as_ref().is_some_and(|n| n.len() > MAX_NONCE) {
        return Err(refuse(
            "invalid_request",
            &format!("`nonce` is longer than {MAX_NONCE} bytes"),
        ));
    }
    let mut prompt = Prompt::default();
    for value in params.get("prompt").unwrap_or_default().split(' ') {
        match value {
            "" => {}
            "none" => prompt.none = true,
            "login" => prompt.login = true,
            "consent" => prompt.consent = true,
            "select_account" => prompt.select_account = true,
            other => {
                return Err(refuse(
                    "invalid_request",
                    &format!("unknown `prompt` value `{other}`"),
                ));
            }
        }
    }
    if prompt.none && (prompt.login || prompt.consent || prompt.select_account) {
        return Err(refuse(
            "invalid_request",
            "`prompt=none` cannot be combined with another value",
        ));
    }
    let max_age = match params.get("max_age") {
        None => None,
        Some(text) => match text.parse::<i64>() {
            Ok(seconds) if seconds >= 0 => Some(seconds),
            _ => {
                return Err(refuse(
                    "invalid_request",
                    "`max_age` must be a whole number of seconds",
                ));
            }
        },
    };
    let hint = |name: &str| -> std::result::Result<Option<String>, Refusal> {
        match params.get(name) {
            Some(text) if text.len() > MAX_HINT => Err(refuse(
                "invalid_request",
                &format!("`{name}` is longer than {MAX_HINT} bytes"),
            )),
            other => Ok(other.map(str::to_owned)),
        }
    };
    let login_hint = hint("login_hint")?;
    let account_hint = hint("account_hint")?;
    let auth_after = params
        .get("roster_auth_after")
        .and_then(|t| t.parse::<i64>().ok());
    Ok(AuthRequest {
        client,
        redirect_uri,
        scopes,
        state,
        nonce,
        code_challenge,
        prompt,
        max_age,
        login_hint,
        account_hint,
        auth_after,
        params,
    })
}
