//! What the sign-in pages show alike (`pages`, `passkey_pages`): the sign-in form, the second
//! step's, and the cookies and redirect of a finished sign-in.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use minijinja::context;

use crate::http::auth::{cookie_value, device_cookie, session_cookie, set_cookie};
use crate::http::forms::see_other;
use crate::http::pages::Chrome;
use crate::state::AppState;

/// The cookie that holds a sign-in's challenge between its two steps.
pub(super) const CHALLENGE_COOKIE: &str = "roster_login";

/// The sign-in form. On the way to an app (`next` is an authorization), the page lets its form's
/// redirects go on to the app's registered address (`oauth::authorize::return_address`).
pub(super) async fn show_login(
    chrome: &Chrome,
    status: StatusCode,
    next: &str,
    email: &str,
    error: Option<String>,
) -> Response {
    let response = chrome.render(
        status,
        "login.html",
        context! { next, email, error, notice => (next != "/accounts").then(|| chrome.text("login-to-continue", &[])) },
    );
    let response = crate::http::pages::with_script(response, true);
    with_app_target(chrome.state(), next, response).await
}

/// Allows a sign-in form's redirects to go on to the app `next` authorizes, if any.
pub(super) async fn with_app_target(state: &AppState, next: &str, response: Response) -> Response {
    let address = crate::oauth::authorize::return_address(state, next).await;
    match address.as_deref().and_then(crate::http::pages::csp_source) {
        Some(origin) => crate::http::pages::allow_sources(response, Some(&origin), None),
        None => response,
    }
}

/// The session cookie (and a new device cookie), and on to `next`.
pub(super) fn signed_in(state: &AppState, done: &super::SignedIn, next: &str) -> Response {
    let mut response = see_other(next);
    match session_cookie(&done.token, &state.settings) {
        Ok(cookie) => {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
        Err(e) => tracing::error!(error = %e, "session cookie"),
    }
    if let Some(device) = device_cookie(
        crate::http::auth::DEVICE_COOKIE,
        "/",
        done.device.as_deref(),
        &state.settings,
    ) {
        response.headers_mut().append(header::SET_COOKIE, device);
    }
    if let Some(gone) = set_cookie(CHALLENGE_COOKIE, "", Some(0), &state.settings) {
        response.headers_mut().append(header::SET_COOKIE, gone);
    }
    response
}

/// The second step's page (`mailed`: the code was emailed), with a passkey button for a user who
/// holds one (the challenge in the browser's cookie says whose sign-in it is).
pub(super) async fn show_code(
    chrome: &Chrome,
    headers: &HeaderMap,
    status: StatusCode,
    next: &str,
    mailed: bool,
    error: Option<String>,
) -> Response {
    let state = chrome.state();
    let passkey = match cookie_value(headers, CHALLENGE_COOKIE, &state.settings) {
        Some(token) if !mailed => super::two_step::holds_passkeys(state, &token).await,
        _ => false,
    };
    let response = chrome.render(
        status,
        "login-code.html",
        context! { next, mailed, error, passkey },
    );
    let response = if passkey {
        crate::http::pages::with_script(response, true)
    } else {
        response
    };
    with_app_target(state, next, response).await
}

/// The challenge is gone (expired, used, or never there): sign in again.
pub(super) async fn expired(chrome: &Chrome, next: &str) -> Response {
    show_login(
        chrome,
        StatusCode::UNAUTHORIZED,
        next,
        "",
        Some(chrome.text("login-expired", &[])),
    )
    .await
}
