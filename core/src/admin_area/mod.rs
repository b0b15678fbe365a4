//! The admin area (DESIGN.md §2 "Pages"): server-rendered pages under `/admin` for staff members,
//! on the same domain functions as the admin API, behind the same page layer as the client area
//! (CSRF tokens bound to the staff session, origin checks, CSP; `http::csrf`, `http::pages`).
//!
//! - [`AdminChrome`]: an admin page open to anyone (sign-in, the setup link), in the browser's
//!   language (the picker's cookie, `Accept-Language`, `ui.default_language`).
//! - [`StaffPage`]: a signed-in staff member, or off to `/admin/login?next=…`, in the member's
//!   own language and time zone when they chose them (`staff::preferences`). What their role
//!   may do is decided by each use case the page calls ([`crate::audit::Acting`]), as for the
//!   admin API and the WHMCS API: a `support` member's post of a change gets the 403 page
//!   ([`refused`]).
//!
//! The admin area keeps the frame: these extractors, the refusal page, the notices after a form,
//! the client tabs' heading, sign-in and the fallback for an unknown path. Each page lives beside
//! its noun (`accounts::admin_pages`, `memberships::admin_pages`, `invitations::admin_pages`,
//! `contacts::admin_pages`, `audit::admin_pages`, `users::admin_pages`, `mail::admin_pages`,
//! `plugins::admin_pages`, `staff::admin_pages`); the router merges them.
//!
//! The client area never reads the staff cookie and the admin area never reads the user's: a
//! client cookie opens no admin page and a staff cookie no client-area page.

mod setup;
mod sign_in;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;

use crate::error::Error;
use crate::http::auth::cookie_value;
use crate::http::forms::{encode, explain};
use crate::http::pages::{Chrome, NavStaff};
use crate::staff::roles::Operation;
use crate::staff::sessions::{self, StaffIdentity};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(sign_in::routes())
        .merge(setup::routes())
        .route("/admin/{*rest}", axum::routing::get(unknown))
}

/// A client as the heading of its tabs shows it (Summary, Users, Invitations, Contacts, Audit).
pub fn client_row(account: &crate::accounts::Account) -> Value {
    minijinja::context! {
        name => account.display_name(),
        ..Value::from(minijinja::value::Serde(account))
    }
}

/// The client `id` as its tabs' heading shows it, or the refusal page.
pub async fn client_heading(
    state: &AppState,
    page: &StaffPage,
    id: &str,
) -> Result<Value, Response> {
    match crate::accounts::service::get(state, id).await {
        Ok(account) => Ok(client_row(&account)),
        Err(e) => Err(refused(&page.chrome, e)),
    }
}

/// An admin path that names no page: in the member's own language when they are signed in.
async fn unknown(page: Result<StaffPage, Response>, AdminChrome(chrome): AdminChrome) -> Response {
    match page {
        Ok(page) => page.chrome.not_found(),
        Err(_) => chrome.not_found(),
    }
}

/// An admin-area page open to anyone: the chrome without a client-area user.
#[derive(Debug, Clone)]
pub struct AdminChrome(pub Chrome);

impl FromRequestParts<AppState> for AdminChrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let mut chrome = Chrome::for_session(parts, state, None).await;
        chrome.admin_area = true;
        Ok(Self(chrome))
    }
}

/// A signed-in staff member on an admin page (see the module's text).
#[derive(Debug, Clone)]
pub struct StaffPage {
    pub chrome: Chrome,
    pub staff: StaffIdentity,
    pub ip: Option<String>,
}

impl FromRequestParts<AppState> for StaffPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ok(AdminChrome(mut chrome)) = AdminChrome::from_request_parts(parts, state).await;
        // The input rule (`http::input`) for the pages' paths and queries: an id or a search with
        // a control character names nothing.
        if crate::http::input::check_path(parts, state).await.is_err() {
            return Err(chrome.not_found());
        }
        let query = parts.uri.query().unwrap_or_default();
        if url::form_urlencoded::parse(query.as_bytes()).any(|(k, v)| {
            crate::http::input::has_control(&k) || crate::http::input::has_control(&v)
        }) {
            return Err(chrome.say(
                StatusCode::UNPROCESSABLE_ENTITY,
                "admin-search-unreadable",
                "admin-search-unreadable-text",
                &[],
            ));
        }
        let identity = match cookie_value(
            &parts.headers,
            crate::http::auth::STAFF_SESSION_COOKIE,
            &state.settings,
        ) {
            Some(token) => sessions::authenticate(state, &token).await,
            None => Err(Error::Unauthenticated),
        };
        let staff = match identity {
            Ok(staff) => staff,
            Err(Error::Unauthenticated) => return Err(to_login(parts)),
            Err(e) => return Err(chrome.failed(e)),
        };
        // The member's own language and time zone, when they chose them; else the browser's
        // language (as before sign-in) and the provider's zone.
        if let Some(tag) =
            crate::i18n::from_profile(&staff.language).filter(|t| state.messages.has(t))
        {
            chrome.lang = tag;
        }
        if !staff.time_zone.is_empty() {
            chrome.time_zone = staff.time_zone.clone();
        }
        chrome.staff = Some(NavStaff {
            email: staff.email.clone(),
            role: staff.role.as_str().to_owned(),
            may_change: staff.role.may(Operation::Change),
            may_sign_in_as: crate::staff::login_as::offered(&state.settings, staff.role),
        });
        let Ok(crate::http::auth::ClientIp(ip)) =
            crate::http::auth::ClientIp::from_request_parts(parts, state).await;
        Ok(Self { chrome, staff, ip })
    }
}

impl StaffPage {
    /// The audit context of this member's request.
    pub fn context(&self) -> crate::audit::Context {
        self.staff.context(self.ip.clone())
    }

    pub fn render(&self, name: &str, values: Value) -> Response {
        self.chrome.render(StatusCode::OK, name, values)
    }
}

/// Off to `/admin/login`, which comes back here afterwards (a post is not replayed).
fn to_login(parts: &Parts) -> Response {
    let next = if parts.method == Method::GET {
        parts.uri.path_and_query().map_or("/admin", |p| p.as_str())
    } else {
        "/admin"
    };
    Redirect::to(&format!("/admin/login?next={}", encode(next))).into_response()
}

/// Where sign-in may land: a path of the admin area, else the client list.
fn admin_next(next: Option<&str>) -> String {
    match next {
        Some(next)
            if crate::http::pages::is_admin_path(
                next.split(['?', '#']).next().unwrap_or_default(),
            ) && !next.contains('\\')
                && !next.chars().any(char::is_control) =>
        {
            next.to_owned()
        }
        _ => "/admin/clients".to_owned(),
    }
}

/// A refusal as a page: 403 for the role, 404 for what is not there, else the reason.
pub fn refused(chrome: &Chrome, error: Error) -> Response {
    match error {
        Error::Forbidden(_) => chrome.say(
            StatusCode::FORBIDDEN,
            "page-not-allowed",
            "admin-not-allowed-text",
            &[],
        ),
        Error::NotFound(_) => chrome.not_found(),
        e => match explain(chrome, e) {
            Ok((status, text)) => {
                chrome.message(status, &chrome.text("admin-not-done", &[]), &text)
            }
            Err(e) => chrome.failed(e),
        },
    }
}

/// Where a form lands: `Ok(to)` with a 303 there; a refusal for the role, or for the page's own
/// `subject` not being there, as its own page (403, 404); any other refusal on the form's page
/// again (`again(status, sentence)`), next to what the person was doing.
pub async fn after_form<Fut>(
    page: &StaffPage,
    subject: &'static str,
    result: Result<String, Error>,
    again: impl FnOnce(StatusCode, String) -> Fut,
) -> Response
where
    Fut: std::future::Future<Output = Response>,
{
    match result {
        Ok(to) => crate::http::forms::see_other(&to),
        Err(e @ Error::Forbidden(_)) => refused(&page.chrome, e),
        Err(Error::NotFound(what)) if what == subject => page.chrome.not_found(),
        Err(e) => match explain(&page.chrome, e) {
            Ok((status, text)) => again(status, text).await,
            Err(e) => page.chrome.failed(e),
        },
    }
}

/// The `?done=` notices of a client's pages, by key (so that a link cannot make a page say
/// anything else), in the member's language.
pub fn done_notice(page: &StaffPage, key: Option<&str>) -> Option<String> {
    let id = match key? {
        "saved" => "admin-done-saved",
        "closed" => "admin-done-closed",
        "permissions" => "admin-done-permissions",
        "removed" => "admin-done-removed",
        "associated" => "admin-done-associated",
        "invited" => "admin-done-invited",
        "resent" => "admin-done-resent",
        "cancelled" => "admin-done-cancelled",
        "owner" => "admin-done-owner",
        _ => return None,
    };
    Some(page.chrome.text(id, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_lands_in_the_admin_area_only() {
        assert_eq!(
            admin_next(Some("/admin/users?search=x")),
            "/admin/users?search=x"
        );
        for foreign in [
            "/accounts",
            "//evil.example",
            "https://evil.example",
            "/administrator",
        ] {
            assert_eq!(admin_next(Some(foreign)), "/admin/clients", "{foreign}");
        }
    }
}
