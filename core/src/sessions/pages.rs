//! Signing in and out on the pages: `/login` (the password, then for a user with TOTP on a code
//! or a backup code at `/login/code`; a passkey is `super::passkey_pages`) and `POST /logout`.
//! The same domain steps as the API's login ([`super::two_step`]); sign-in lands on the page
//! first asked for (`next`, a path on this server only).

use axum::Form;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use secrecy::SecretString;
use serde::Deserialize;

use super::Login;
use super::challenge;
use super::two_step::{self, FirstStep};
use super::views::{CHALLENGE_COOKIE, expired, show_code, show_login, signed_in};
use crate::http::auth::{
    ClientIp, DeviceCookie, UserAgent, clear_session_cookie, cookie_value, set_cookie,
};
use crate::http::forms::{explain, local_next, see_other};
use crate::http::page_access::SignedIn;
use crate::http::pages::Chrome;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/login", get(login_page).post(login))
        .route("/login/code", get(code_page).post(code))
        .route("/logout", post(logout))
}

/// `/`: the switcher for a signed-in user, sign-in otherwise.
async fn home(user: Option<SignedIn>) -> Response {
    see_other(if user.is_some() {
        "/accounts"
    } else {
        "/login"
    })
}

#[derive(Debug, Default, Deserialize)]
struct NextQuery {
    next: Option<String>,
    /// `mail`: the second step's code was emailed.
    by: Option<String>,
    /// The address to fill in (an app's `login_hint`).
    email: Option<String>,
    /// Sign in again even with a session (an app's `prompt=login` or `max_age`).
    again: Option<String>,
}

async fn login_page(chrome: Chrome, Query(q): Query<NextQuery>) -> Response {
    let next = local_next(q.next.as_deref());
    if chrome.auth.is_some() && q.again.is_none() {
        return see_other(&next);
    }
    let email = q.email.unwrap_or_default();
    show_login(&chrome, StatusCode::OK, &next, &email, None).await
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: SecretString,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = local_next(form.next.as_deref());
    let attempt = Login {
        email: form.email.clone(),
        password: form.password,
        totp_code: None,
        backup_code: None,
        email_code: None,
        ip: ip.0,
        user_agent: user_agent.0,
        device,
    };
    match two_step::first_step(&state, attempt).await {
        Ok(FirstStep::SignedIn(done)) => signed_in(&state, &done, &next),
        Ok(FirstStep::SecondFactor(token)) => {
            to_code_page(&state, &token, challenge::LIFETIME, &next, false)
        }
        Ok(FirstStep::MailCode(token)) => {
            to_code_page(&state, &token, super::mailbox::LIFETIME, &next, true)
        }
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => show_login(&chrome, status, &next, &form.email, Some(text)).await,
            Err(e) => chrome.failed(e),
        },
    }
}

/// On to the second step (`mailed`: the code was emailed), holding the challenge in a cookie.
fn to_code_page(
    state: &AppState,
    token: &str,
    lifetime: std::time::Duration,
    next: &str,
    mailed: bool,
) -> Response {
    let by = if mailed { "&by=mail" } else { "" };
    let mut response = see_other(&format!(
        "/login/code?next={}{by}",
        crate::http::forms::encode(next)
    ));
    if let Some(cookie) = set_cookie(
        CHALLENGE_COOKIE,
        token,
        Some(lifetime.as_secs()),
        &state.settings,
    ) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

async fn code_page(chrome: Chrome, headers: HeaderMap, Query(q): Query<NextQuery>) -> Response {
    let next = local_next(q.next.as_deref());
    if cookie_value(&headers, CHALLENGE_COOKIE, &chrome.state().settings).is_none() {
        return see_other(&format!(
            "/login?next={}",
            crate::http::forms::encode(&next)
        ));
    }
    let mailed = q.by.as_deref() == Some("mail");
    show_code(&chrome, &headers, StatusCode::OK, &next, mailed, None).await
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
    next: Option<String>,
    by: Option<String>,
}

async fn code(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    Form(form): Form<CodeForm>,
) -> Response {
    let next = local_next(form.next.as_deref());
    let Some(token) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return expired(&chrome, &next).await;
    };
    let step = two_step::second_step(
        &state,
        &token,
        &form.code,
        ip.0,
        user_agent.0,
        device.as_deref(),
    );
    match step.await {
        Ok(done) => signed_in(&state, &done, &next),
        Err(crate::error::Error::Unauthenticated) => expired(&chrome, &next).await,
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => {
                let mailed = form.by.as_deref() == Some("mail");
                show_code(&chrome, &headers, status, &next, mailed, Some(text)).await
            }
            Err(e) => chrome.failed(e),
        },
    }
}

async fn logout(State(state): State<AppState>, ip: ClientIp, user: Option<SignedIn>) -> Response {
    if let Some(SignedIn { chrome, user }) = user {
        let ctx = user.context(&ip);
        if let Err(e) = super::log_out(&state, &ctx, &user.0).await
            && !matches!(e, crate::error::Error::NotFound(_))
        {
            return chrome.failed(e);
        }
    }
    (
        [(header::SET_COOKIE, clear_session_cookie(&state.settings))],
        see_other("/login"),
    )
        .into_response()
}
