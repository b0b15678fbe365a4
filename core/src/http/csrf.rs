//! Cross-site request forgery: one layer for the API and one for the pages, both judging where a
//! state-changing request comes from in the same way ([`origin_of`]).
//!
//! - **API** ([`api_refusal`]): a request that is not `GET`/`HEAD`/`OPTIONS` and is authenticated
//!   by the session cookie (no bearer token) must come from Roster's own origin.
//!   A browser says so with `Origin`; without it (or with `Origin: null`), with `Sec-Fetch-Site`;
//!   without either, with `Referer`. A request none of them vouches for is refused with 403
//!   `cross_site_request` before the handler runs. Bearer-token calls are not affected: a browser
//!   never adds an `Authorization` header to another site's request.
//! - **Pages** ([`page_guard`]): every form `POST` carries a `csrf_token` field bound to the
//!   browser: derived from its session cookie when it has one (the staff session's under
//!   `/admin`, the user's elsewhere), otherwise from a `roster_csrf`
//!   cookie set on the first page it opens. A missing or wrong token, or a request from another
//!   origin, is refused with a 403 page and changes nothing. Pages send `Referrer-Policy:
//!   no-referrer`, so their forms arrive with `Origin: null` in some browsers: for pages, an origin
//!   nobody vouches for is left to the token; one that is known to be foreign is refused.
//!
//! Roster's own origin is `server.public_url`'s, or the request's `Host` (what the browser
//! connected to; a browser never lets a page set it for another site).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::auth::{SESSION_COOKIE, bearer_token, cookie_value, set_cookie};
use super::pages::CsrfToken;
use super::problem::{ApiError, Code};
use crate::state::AppState;

/// The cookie that binds a signed-out browser's forms.
pub const CSRF_COOKIE: &str = "roster_csrf";
/// The form field that carries the token.
pub const CSRF_FIELD: &str = "csrf_token";

/// Where a request says it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Roster's own origin.
    Same,
    /// Another site (or another origin of the same site).
    Foreign,
    /// No header tells (`Origin: null`, none sent).
    Unknown,
}

/// Judges `headers` against `public_url`: `Origin` first, then `Sec-Fetch-Site`, then `Referer`.
pub fn origin_of(headers: &HeaderMap, public_url: &str) -> Origin {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let own = |url: &str| -> Origin {
        match url::Url::parse(url) {
            Ok(url) if same_origin(&url, public_url, host) => Origin::Same,
            _ => Origin::Foreign,
        }
    };
    match headers.get(header::ORIGIN).map(HeaderValue::to_str) {
        Some(Ok("null")) | None => {}
        Some(Ok(origin)) => return own(origin),
        Some(Err(_)) => return Origin::Foreign,
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some("same-origin" | "none") => return Origin::Same,
        Some(_) => return Origin::Foreign,
        None => {}
    }
    match headers.get(header::REFERER).map(HeaderValue::to_str) {
        Some(Ok(referer)) => own(referer),
        Some(Err(_)) => Origin::Foreign,
        None => Origin::Unknown,
    }
}

fn same_origin(url: &url::Url, public_url: &str, host: Option<&str>) -> bool {
    let origin = url.origin();
    if url::Url::parse(public_url).is_ok_and(|own| own.origin() == origin) {
        return true;
    }
    // The Host the browser connected to, in whatever scheme (a TLS-terminating proxy in front).
    let Some(host) = host else { return false };
    let authority = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    };
    matches!(url.scheme(), "http" | "https") && authority.eq_ignore_ascii_case(host)
}

/// The API's guard ([`super::frame::ApiGuard`]): the refusal of a cookie-authenticated state
/// change that does not come from Roster; `None` lets the request through. A `GET`, `HEAD` or
/// `OPTIONS` is let through before any header is read.
pub fn api_refusal(state: &AppState, method: &Method, headers: &HeaderMap) -> Option<ApiError> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    // Authenticated the way `http::auth` would: a bearer token wins, and without one (another
    // scheme, like the Basic credentials a browser adds by itself for a proxy, is none) the cookie.
    let by_cookie = bearer_token(headers).is_none()
        && cookie_value(headers, SESSION_COOKIE, &state.settings).is_some();
    (by_cookie && origin_of(headers, state.settings.server.public_url.as_str()) != Origin::Same)
        .then(|| {
            ApiError::new(Code::CrossSiteRequest).with_detail(
                "a request with the session cookie must come from Roster's own pages; programs \
                 send `Authorization: Bearer <token>` instead",
            )
        })
}

/// The token bound to `binding` (a session token, or the `roster_csrf` cookie's value). One-way:
/// the page shows the token, never what it is derived from.
fn token_for(binding: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"roster-csrf\0");
    hash.update(binding.as_bytes());
    URL_SAFE_NO_PAD.encode(hash.finalize())
}

/// The pages' layer: gives each page its form token (setting the `roster_csrf` cookie for a browser
/// that has neither cookie yet) and refuses a `POST` without the right token or from another origin.
pub async fn page_guard(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    // The admin area's forms are bound to the staff session, the client area's to the user's.
    let session = if super::pages::is_admin_path(request.uri().path()) {
        super::auth::STAFF_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    };
    let binding = cookie_value(headers, session, &state.settings)
        .or_else(|| cookie_value(headers, CSRF_COOKIE, &state.settings));
    if request.method() == Method::POST {
        let Some(binding) = binding else {
            return refused(&state);
        };
        if origin_of(headers, state.settings.server.public_url.as_str()) == Origin::Foreign {
            return refused(&state);
        }
        let (parts, body) = request.into_parts();
        let max = state.settings.server.max_body_bytes;
        let Ok(bytes) = axum::body::to_bytes(body, max).await else {
            return refused(&state);
        };
        let sent = url::form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == CSRF_FIELD)
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default();
        let expected = token_for(&binding);
        if !bool::from(sent.as_bytes().ct_eq(expected.as_bytes())) {
            return refused(&state);
        }
        // The pages' share of the input rule (`http::input`): no control character in any field.
        if let Some((field, _)) = url::form_urlencoded::parse(&bytes)
            .find(|(key, value)| super::input::has_control(key) || super::input::has_control(value))
        {
            let field: String = field.chars().filter(|c| !c.is_control()).collect();
            return super::pages::Chrome::anonymous(&state).say(
                StatusCode::UNPROCESSABLE_ENTITY,
                "form-refused",
                "form-refused-control",
                &[("field", &field)],
            );
        }
        request = Request::from_parts(parts, axum::body::Body::from(bytes));
        request.extensions_mut().insert(CsrfToken(expected));
        return next.run(request).await;
    }
    let (binding, new_cookie) = match binding {
        Some(binding) => (binding, None),
        None => match crate::crypto::new_token() {
            Ok(fresh) => (fresh.clone(), Some(fresh)),
            Err(e) => return super::pages::Chrome::anonymous(&state).failed(e),
        },
    };
    request
        .extensions_mut()
        .insert(CsrfToken(token_for(&binding)));
    let mut response = next.run(request).await;
    if let Some(cookie) =
        new_cookie.and_then(|value| set_cookie(CSRF_COOKIE, &value, None, &state.settings))
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

fn refused(state: &AppState) -> Response {
    super::pages::Chrome::anonymous(state).say(
        StatusCode::FORBIDDEN,
        "form-refused",
        "form-refused-foreign",
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const OWN: &str = "https://roster.example";

    #[test]
    fn origin_decides_first() {
        let h = headers(&[("origin", "https://roster.example")]);
        assert_eq!(origin_of(&h, OWN), Origin::Same);
        let h = headers(&[
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
        // Another origin of the same site is foreign too (a customer's sibling subdomain).
        let h = headers(&[("origin", "https://shop.roster.example")]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
        let h = headers(&[("origin", "http://roster.example")]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
    }

    #[test]
    fn the_host_the_browser_reached_counts_as_own() {
        let h = headers(&[
            ("origin", "http://127.0.0.1:4000"),
            ("host", "127.0.0.1:4000"),
        ]);
        assert_eq!(origin_of(&h, OWN), Origin::Same);
        let h = headers(&[
            ("origin", "http://127.0.0.1:4001"),
            ("host", "127.0.0.1:4000"),
        ]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
    }

    #[test]
    fn without_origin_fetch_metadata_then_referer_decide() {
        let h = headers(&[("origin", "null"), ("sec-fetch-site", "same-origin")]);
        assert_eq!(origin_of(&h, OWN), Origin::Same);
        let h = headers(&[("sec-fetch-site", "same-site")]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
        let h = headers(&[("sec-fetch-site", "cross-site")]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
        let h = headers(&[("referer", "https://roster.example/accounts")]);
        assert_eq!(origin_of(&h, OWN), Origin::Same);
        let h = headers(&[("referer", "https://evil.example/roster.example")]);
        assert_eq!(origin_of(&h, OWN), Origin::Foreign);
        assert_eq!(
            origin_of(&headers(&[("origin", "null")]), OWN),
            Origin::Unknown
        );
        assert_eq!(origin_of(&HeaderMap::new(), OWN), Origin::Unknown);
    }

    #[test]
    fn tokens_are_bound_to_their_cookie() {
        assert_eq!(token_for("a"), token_for("a"));
        assert_ne!(token_for("a"), token_for("b"));
        assert_eq!(token_for("a").len(), 43);
    }
}
