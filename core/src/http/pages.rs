//! Server-rendered pages: minijinja templates built into the binary (`core/templates/pages/`),
//! one layout with the provider's branding (`[ui]`) and the navigation, one stylesheet served by
//! Roster (`/assets/roster.css`), no script. Every page answers with `Referrer-Policy: no-referrer`
//! (some URLs hold one-time tokens), a Content-Security-Policy that allows only Roster's own
//! stylesheet and images (and the logo's origin), no framing (`X-Frame-Options: DENY`) and
//! `nosniff`.
//!
//! A handler takes a [`Chrome`] (what every page shows: branding, who is signed in, the form
//! token) and renders with it. Signed-in pages take a [`SignedIn`] instead, which sends a browser
//! without a session to `/login?next=…`.

use std::sync::OnceLock;

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::auth::{CurrentUser, SESSION_COOKIE, cookie_value};
use super::csrf::CsrfToken;
use crate::error::Error;
use crate::sessions::Authenticated;
use crate::state::AppState;

/// Each template, by name, compiled into the binary.
macro_rules! templates {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/pages/", $name)))),+]
    };
}

const TEMPLATES: &[(&str, &str)] = templates![
    "layout.html",
    "macros.html",
    "message.html",
    "verify-email.html",
    "reset-password.html",
    "invite.html",
    "login.html",
    "login-code.html",
    "signup.html",
    "forgot-password.html",
    "accounts.html",
    "account.html",
    "contact.html",
    "leave.html",
    "users.html",
    "remove-user.html",
    "me.html",
    "totp-enrol.html",
    "backup-codes.html",
];

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "page template does not compile");
            }
        }
        env.add_filter("datetime", datetime);
        env.add_filter("urlencode", |text: &str| encode(text));
        env
    })
}

/// `{{ ms | datetime }}`: unix milliseconds as `2026-12-02 17:35 UTC`; empty for none.
fn datetime(value: Option<i64>) -> String {
    let Some(ms) = value.and_then(|v| u64::try_from(v).ok()) else {
        return String::new();
    };
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms);
    let text = humantime::format_rfc3339_seconds(time).to_string();
    format!("{} UTC", text.replace('T', " ").get(..16).unwrap_or(&text))
}

/// The signed-in user as the header shows them.
#[derive(Debug, Clone, Serialize)]
pub struct NavUser {
    pub name: String,
    pub email: String,
}

/// What every page shows besides its own content: the provider's branding, who is signed in, and
/// the token its forms carry. Built from the request; never refuses.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub csrf: String,
    pub user: Option<NavUser>,
    pub auth: Option<Authenticated>,
    state: AppState,
}

impl FromRequestParts<AppState> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Ok(CsrfToken(csrf)) = CsrfToken::from_request_parts(parts, state).await;
        // Pages read the session from the cookie only (a bearer token is for the API).
        let auth = match cookie_value(&parts.headers, SESSION_COOKIE) {
            Some(token) => crate::sessions::authenticate(state, &token).await.ok(),
            None => None,
        };
        let user = match &auth {
            Some(auth) => crate::users::service::get(state, &auth.user_id)
                .await
                .ok()
                .map(|u| NavUser {
                    name: format!("{} {}", u.first_name, u.last_name),
                    email: u.email,
                }),
            None => None,
        };
        Ok(Self {
            csrf,
            user,
            auth,
            state: state.clone(),
        })
    }
}

impl Chrome {
    /// The chrome of a page answered before the request was understood (no user, no form token).
    pub fn anonymous(state: &AppState) -> Self {
        Self {
            csrf: String::new(),
            user: None,
            auth: None,
            state: state.clone(),
        }
    }

    /// Renders page `name` with `values` (and the layout's own), answered with `status`.
    pub fn render(&self, status: StatusCode, name: &str, values: Value) -> Response {
        let ui = &self.state.settings.ui;
        let all = context! {
            ui => context! { product_name => ui.product_name.trim(), logo_url => ui.logo_url.clone() },
            me => minijinja::value::Serde(&self.user),
            csrf => self.csrf.clone(),
            ..values
        };
        let rendered = environment().get_template(name).and_then(|t| t.render(all));
        let response = match rendered {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(page = name, error = %e, "page failed to render");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Html("<h1>Something went wrong</h1>".to_owned()),
                )
                    .into_response()
            }
        };
        with_page_headers(response, self.state.settings.ui.logo_origin().as_deref())
    }

    /// A page with a heading and one message (an error's when `status` is 4xx).
    pub fn message(&self, status: StatusCode, heading: &str, message: &str) -> Response {
        self.render(
            status,
            "message.html",
            context! { heading, message, error => status.is_client_error() },
        )
    }

    /// The page for a server fault: a generic message; the cause goes to the log.
    pub fn failed(&self, error: Error) -> Response {
        tracing::error!(error = %error, "page request failed");
        self.message(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong",
            "Please try again later.",
        )
    }

    /// 404: nothing here, or nothing this user may see (the two look the same).
    pub fn not_found(&self) -> Response {
        self.message(
            StatusCode::NOT_FOUND,
            "Page not found",
            "There is nothing here, or you have no access to it.",
        )
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }
}

/// Adds the pages' security headers to a response.
pub fn with_page_headers(mut response: Response, logo_origin: Option<&str>) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // Only Roster's own stylesheet; images from Roster, `data:` (the 2FA QR code) and the logo's
    // server; forms post only back to Roster; no other site may frame a page (its buttons could
    // otherwise be clickjacked).
    let images = logo_origin.map(|o| format!(" {o}")).unwrap_or_default();
    let csp = format!(
        "default-src 'none'; style-src 'self'; img-src 'self' data:{images}; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A signed-in user on a page. Without a session the browser is sent to `/login`, which brings it
/// back here afterwards.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub chrome: Chrome,
    pub user: CurrentUser,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ok(chrome) =
            <Chrome as FromRequestParts<AppState>>::from_request_parts(parts, state).await;
        match chrome.auth.clone() {
            Some(auth) => Ok(Self {
                chrome,
                user: CurrentUser(auth),
            }),
            None => {
                let here = parts
                    .uri
                    .path_and_query()
                    .map_or("/accounts", |p| p.as_str());
                // After a form post, come back to the page (GET) it was on.
                let next = if parts.method == axum::http::Method::GET {
                    here
                } else {
                    parts.uri.path()
                };
                Err(Redirect::to(&format!("/login?next={}", encode(next))).into_response())
            }
        }
    }
}

impl OptionalFromRequestParts<AppState> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(
            <Self as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .ok(),
        )
    }
}

/// A signed-in user on a page of one of their accounts (the route's `{id}`), with their access to
/// it, checked as the API checks it. Someone without access gets the 404 page, as for an account
/// that does not exist.
#[derive(Debug, Clone)]
pub struct AccountPage {
    pub chrome: Chrome,
    pub user: CurrentUser,
    pub access: crate::memberships::Access,
}

impl FromRequestParts<AppState> for AccountPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedIn { chrome, user } =
            <SignedIn as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        let id = parts
            .uri
            .path()
            .strip_prefix("/accounts/")
            .and_then(|rest| rest.split('/').next())
            .map(|id| {
                url::form_urlencoded::parse(format!("id={id}").as_bytes())
                    .map(|(_, v)| v.into_owned())
                    .next()
                    .unwrap_or_default()
            })
            .filter(|id| !id.is_empty() && !super::input::has_control(id));
        let (Some(id), Some(token)) = (id, cookie_value(&parts.headers, SESSION_COOKIE)) else {
            return Err(chrome.not_found());
        };
        let found = async {
            let (auth, membership) =
                crate::sessions::authenticate_for_account(state, &token, &id).await?;
            crate::memberships::access(state, &auth.user_id, &id, membership).await
        }
        .await;
        match found {
            Ok(access) => Ok(Self {
                chrome,
                user,
                access,
            }),
            Err(Error::NotFound(_) | Error::Unauthenticated) => Err(chrome.not_found()),
            Err(e) => Err(chrome.failed(e)),
        }
    }
}

impl AccountPage {
    /// The page for a refusal that is not about a form's fields: nothing there, or nothing this
    /// user may see (the 404 page), or not allowed (the reason, with the API's status).
    pub fn refused(&self, error: Error) -> Response {
        match explain(error) {
            Ok((StatusCode::NOT_FOUND, _)) => self.chrome.not_found(),
            Ok((status, text)) => self.chrome.message(status, "Not allowed", &text),
            Err(e) => self.chrome.failed(e),
        }
    }
}

/// The first value of field `name` in a posted form read as pairs (empty when absent).
pub fn form_value(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Every value of a repeated field (checkboxes) in a posted form read as pairs.
pub fn form_values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Where to go after signing in: `next` when it is a path on this server (never another site:
/// `//evil.example` and `/\evil.example` are refused), else the account switcher.
pub fn local_next(next: Option<&str>) -> String {
    match next {
        Some(next)
            if next.starts_with('/')
                && !next.starts_with("//")
                && !next.contains('\\')
                && !next.chars().any(char::is_control) =>
        {
            next.to_owned()
        }
        _ => "/accounts".to_owned(),
    }
}

/// `303 See Other` to `to` (after a successful form post).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// An error's message as a sentence for a page ("The password is too weak."). A plugin's veto
/// shows the plugin's own message.
pub fn sentence(error: &Error) -> String {
    let text = match error {
        Error::VetoedByPlugin { message, .. } if !message.trim().is_empty() => message.clone(),
        Error::RateLimited { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60).max(1);
            let unit = if minutes == 1 { "minute" } else { "minutes" };
            format!("too many attempts: try again in {minutes} {unit}")
        }
        other => other.to_string(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let rest = chars.as_str();
            let end = if rest.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            format!("{}{rest}{end}", first.to_uppercase())
        }
        None => text,
    }
}

/// A form's refusal: its status, the errors next to their fields, and the form's own error.
pub type FieldRefusal = (
    StatusCode,
    std::collections::BTreeMap<String, String>,
    Option<String>,
);

/// Places a refusal next to its field: a validation message that names one of `fields` first (as
/// the domain's messages do: "first_name must be …"), a weak password, a taken email address. What
/// names no field is the form's error. Answers (status, errors by field, form error).
pub fn field_errors(error: Error, fields: &[&str]) -> Result<FieldRefusal, Error> {
    let field = match &error {
        Error::WeakPassword(_) => Some("password"),
        Error::EmailTaken => Some("email"),
        Error::Validation(message) => fields.iter().copied().find(|f| {
            message
                .strip_prefix(f)
                .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(':'))
                || (*f == "email" && message.contains("email address"))
        }),
        _ => None,
    }
    .filter(|f| fields.contains(f));
    let (status, text) = explain(error)?;
    let mut errors = std::collections::BTreeMap::new();
    match field {
        Some(field) => {
            errors.insert(field.to_owned(), text);
            Ok((
                status,
                errors,
                Some("Check the fields marked below.".to_owned()),
            ))
        }
        None => Ok((status, errors, Some(text))),
    }
}

/// A refusal a page shows next to the form: its status (the API's for the same error) and its
/// sentence. A server fault is handed back, for [`Chrome::failed`].
pub fn explain(error: Error) -> Result<(StatusCode, String), Error> {
    let fault = matches!(
        error,
        Error::Database(_) | Error::Migrate(_) | Error::Internal(_)
    ) && !(error.is_unique_violation() || error.is_foreign_key_violation());
    if fault {
        return Err(error);
    }
    let text = sentence(&error);
    let status = crate::http::problem::ApiError::from(error).code().status();
    Ok((status, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_compiles() {
        for (name, _) in TEMPLATES {
            assert!(environment().get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn next_stays_on_this_server() {
        assert_eq!(local_next(Some("/accounts/a1/users")), "/accounts/a1/users");
        assert_eq!(local_next(Some("/me?tab=2fa")), "/me?tab=2fa");
        for foreign in [
            "//evil.example/x",
            "/\\evil.example",
            "https://evil.example",
            "",
            "me",
        ] {
            assert_eq!(local_next(Some(foreign)), "/accounts", "{foreign}");
        }
        assert_eq!(local_next(None), "/accounts");
    }

    #[test]
    fn times_show_in_utc_to_the_minute() {
        assert_eq!(datetime(Some(1_796_233_500_000)), "2026-12-02 17:45 UTC");
        assert_eq!(datetime(None), "");
    }
}
