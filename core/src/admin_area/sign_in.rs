//! Staff sign-in (`/admin/login`: the password, then `/admin/login/code`: a TOTP code or a
//! passkey) and signing out. The domain steps are `staff::sign_in`; the cookies live under
//! `/admin` only. The setup link is `super::setup`.

use axum::Form;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::context;
use secrecy::SecretString;
use serde::Deserialize;

use super::{AdminChrome, StaffPage, admin_next};
use crate::error::Error;
use crate::http::auth::{
    ClientIp, StaffDeviceCookie, UserAgent, cookie_value, device_cookie, set_cookie_at,
};
use crate::http::forms::{encode, explain, see_other};
use crate::http::pages::{Chrome, with_script};
use crate::http::problem::{ApiError, json_or_problem};
use crate::staff::{self, sessions};
use crate::state::AppState;

/// The cookie that holds a sign-in's challenge between its two steps.
const CHALLENGE_COOKIE: &str = "roster_staff_login";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/login", get(login_page).post(login))
        .route("/admin/login/code", get(code_page).post(code))
        .route("/admin/login/passkey/options", post(passkey_options))
        .route("/admin/login/passkey", post(passkey))
        .route("/admin/logout", post(logout))
}

async fn home(_page: StaffPage) -> Response {
    see_other("/admin/clients")
}

#[derive(Debug, Default, Deserialize)]
struct NextQuery {
    next: Option<String>,
    done: Option<String>,
}

async fn login_page(AdminChrome(chrome): AdminChrome, Query(q): Query<NextQuery>) -> Response {
    let next = admin_next(q.next.as_deref());
    let notice = match q.done.as_deref() {
        Some("setup") => Some(chrome.text("admin-login-done-setup", &[])),
        Some("out") => Some(chrome.text("admin-login-done-out", &[])),
        _ => None,
    };
    show_login(&chrome, StatusCode::OK, &next, "", None, notice.as_deref())
}

fn show_login(
    chrome: &Chrome,
    status: StatusCode,
    next: &str,
    email: &str,
    error: Option<String>,
    notice: Option<&str>,
) -> Response {
    chrome.render(
        status,
        "admin/login.html",
        context! { next, email, error, notice },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: SecretString,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    StaffDeviceCookie(device): StaffDeviceCookie,
    ip: ClientIp,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = admin_next(form.next.as_deref());
    let step = staff::sign_in::first_step(
        &state,
        &form.email,
        &form.password,
        ip.0.as_deref(),
        device.as_deref(),
    );
    match step.await {
        Ok(challenge) => {
            let lifetime = staff::sign_in::CHALLENGE_LIFETIME.as_secs();
            let mut response = see_other(&format!("/admin/login/code?next={}", encode(&next)));
            if let Some(cookie) = set_cookie_at(
                "/admin",
                CHALLENGE_COOKIE,
                &challenge,
                Some(lifetime),
                &state.settings,
            ) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => show_login(&chrome, status, &next, &form.email, Some(text), None),
            Err(e) => chrome.failed(e),
        },
    }
}

async fn code_page(
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    let next = admin_next(q.next.as_deref());
    if cookie_value(&headers, CHALLENGE_COOKIE, &chrome.state().settings).is_none() {
        return see_other(&format!("/admin/login?next={}", encode(&next)));
    }
    show_code(&chrome, &headers, StatusCode::OK, &next, None).await
}

/// The second step's page: a code form (unless `staff.require_passkey`), and a passkey button for
/// a member who holds one.
async fn show_code(
    chrome: &Chrome,
    headers: &HeaderMap,
    status: StatusCode,
    next: &str,
    error: Option<String>,
) -> Response {
    let state = chrome.state();
    let passkey = match cookie_value(headers, CHALLENGE_COOKIE, &state.settings) {
        Some(token) => staff::sign_in::holds_passkeys(state, &token).await,
        None => false,
    };
    let codes = !state.settings.staff.require_passkey;
    let response = chrome.render(
        status,
        "admin/login-code.html",
        context! { next, error, passkey, codes },
    );
    if passkey {
        with_script(response, true)
    } else {
        response
    }
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
    next: Option<String>,
}

async fn code(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    StaffDeviceCookie(device): StaffDeviceCookie,
    Form(form): Form<CodeForm>,
) -> Response {
    let next = admin_next(form.next.as_deref());
    let Some(challenge) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return expired(&chrome, &next);
    };
    let step = staff::sign_in::second_step(
        &state,
        &challenge,
        &form.code,
        ip.0,
        user_agent.0,
        device.as_deref(),
    );
    match step.await {
        Ok((token, new_device)) => signed_in(&state, &token, new_device.as_deref(), &next),
        Err(Error::Unauthenticated) => expired(&chrome, &next),
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => show_code(&chrome, &headers, status, &next, Some(text)).await,
            Err(e) => chrome.failed(e),
        },
    }
}

/// The session cookie (and a new device cookie), the challenge gone, and on to `next`.
fn signed_in(state: &AppState, token: &str, new_device: Option<&str>, next: &str) -> Response {
    let mut response = see_other(next);
    let lifetime = state.settings.auth.session_absolute.as_secs();
    for cookie in [
        set_cookie_at(
            "/admin",
            crate::http::auth::STAFF_SESSION_COOKIE,
            token,
            Some(lifetime),
            &state.settings,
        ),
        set_cookie_at("/admin", CHALLENGE_COOKIE, "", Some(0), &state.settings),
        device_cookie(
            crate::http::auth::STAFF_DEVICE_COOKIE,
            "/admin",
            new_device,
            &state.settings,
        ),
    ]
    .into_iter()
    .flatten()
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// The second step's passkey ceremony, for the sign-in whose challenge the browser holds
/// (answered as JSON to the page's script).
async fn passkey_options(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(challenge) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return ApiError::from(Error::Unauthenticated).into_response();
    };
    json_or_problem(staff::sign_in::passkey_options(&state, &challenge).await)
}

#[derive(Deserialize)]
struct PasskeyForm {
    ceremony: String,
    credential: String,
    next: Option<String>,
}

/// The second step answered with a passkey.
async fn passkey(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    StaffDeviceCookie(device): StaffDeviceCookie,
    Form(form): Form<PasskeyForm>,
) -> Response {
    let next = admin_next(form.next.as_deref());
    let Some(challenge) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return expired(&chrome, &next);
    };
    let credential = serde_json::from_str(&form.credential).unwrap_or_default();
    let step = staff::sign_in::passkey_step(
        &state,
        &challenge,
        (&form.ceremony, credential),
        ip.0,
        user_agent.0,
        device.as_deref(),
    );
    match step.await {
        Ok((token, new_device)) => signed_in(&state, &token, new_device.as_deref(), &next),
        Err(Error::Unauthenticated) => expired(&chrome, &next),
        Err(Error::InvalidSecondFactor) => {
            let text = chrome.text("admin-passkey-not-confirmed", &[]);
            show_code(
                &chrome,
                &headers,
                StatusCode::UNAUTHORIZED,
                &next,
                Some(text),
            )
            .await
        }
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => show_code(&chrome, &headers, status, &next, Some(text)).await,
            Err(e) => chrome.failed(e),
        },
    }
}

fn expired(chrome: &Chrome, next: &str) -> Response {
    show_login(
        chrome,
        StatusCode::UNAUTHORIZED,
        next,
        "",
        Some(chrome.text("login-expired", &[])),
        None,
    )
}

async fn logout(State(state): State<AppState>, page: StaffPage) -> Response {
    if let Err(e) = sessions::end(&state, &page.staff).await {
        return page.chrome.failed(e);
    }
    let gone = set_cookie_at(
        "/admin",
        crate::http::auth::STAFF_SESSION_COOKIE,
        "",
        Some(0),
        &state.settings,
    );
    let mut response = see_other("/admin/login?done=out");
    if let Some(gone) = gone {
        response.headers_mut().append(header::SET_COOKIE, gone);
    }
    response
}
