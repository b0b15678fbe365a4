//! Signing in with a passkey on the pages: `/login`'s "Sign in with a passkey" (and the browser's
//! passkey autofill on its email field), and a passkey in place of the code at `/login/code`. The page's script asks `POST /login/passkey/options` for
//! a ceremony (a form post with the page's token, answered as JSON), lets the browser answer it,
//! and posts the answer to `POST /login/passkey`, which signs in as the password form does. The
//! same domain steps as the API's `POST /api/v1/auth/passkey` (`passkeys::sign_in`).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;

use super::two_step;
use super::views::{CHALLENGE_COOKIE, expired, show_code, show_login, signed_in};
use crate::error::Error;
use crate::http::auth::{ClientIp, DeviceCookie, SESSION_COOKIE, UserAgent, cookie_value};
use crate::http::forms::{explain, local_next};
use crate::http::pages::Chrome;
use crate::http::problem::{ApiError, json_or_problem};
use crate::passkeys::sign_in::{self, Source};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/passkey/options", post(options))
        .route("/login/passkey", post(finish))
        .route("/login/code/passkey/options", post(second_step_options))
        .route("/login/code/passkey", post(second_step))
}

/// A ceremony's options for the page's script, as the API answers them (errors as problem JSON).
async fn options(State(state): State<AppState>, ip: ClientIp) -> Response {
    json_or_problem(sign_in::begin(&state, ip.0.as_deref()).await)
}

#[derive(Deserialize)]
struct PasskeyForm {
    ceremony: String,
    /// The browser's answer, as WebAuthn's JSON.
    credential: String,
    next: Option<String>,
}

async fn finish(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    Form(form): Form<PasskeyForm>,
) -> Response {
    let next = local_next(form.next.as_deref());
    let from = Source {
        ip: ip.0,
        user_agent: user_agent.0,
        device,
    };
    let result = match serde_json::from_str(&form.credential) {
        Ok(credential) => sign_in::finish(&state, &form.ceremony, credential, from).await,
        Err(_) => Err(Error::InvalidCredentials),
    };
    match result {
        Ok(done) => {
            if let Some(old) = cookie_value(&headers, SESSION_COOKIE, &state.settings)
                && let Err(e) = crate::sessions::replaced(&state, &old, &done.user.id).await
            {
                tracing::warn!(error = %e, "ending the session a passkey sign-in replaced");
            }
            signed_in(&state, &done, &next)
        }
        Err(Error::InvalidCredentials) => {
            let text = chrome.text("login-passkey-unknown", &[]);
            show_login(&chrome, StatusCode::UNAUTHORIZED, &next, "", Some(text)).await
        }
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => show_login(&chrome, status, &next, "", Some(text)).await,
            Err(e) => chrome.failed(e),
        },
    }
}

/// The second step's ceremony, for the sign-in whose challenge the browser holds.
async fn second_step_options(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return ApiError::from(Error::Unauthenticated).into_response();
    };
    json_or_problem(two_step::passkey_options(&state, &token).await)
}

#[derive(Deserialize)]
struct SecondStepForm {
    ceremony: String,
    credential: String,
    next: Option<String>,
}

/// The second step answered with a passkey: signed in as with a right code.
async fn second_step(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    Form(form): Form<SecondStepForm>,
) -> Response {
    let next = local_next(form.next.as_deref());
    let Some(token) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return expired(&chrome, &next).await;
    };
    let Ok(credential) = serde_json::from_str(&form.credential) else {
        let text = chrome.text("code-passkey-unreadable", &[]);
        return show_code(
            &chrome,
            &headers,
            StatusCode::UNPROCESSABLE_ENTITY,
            &next,
            false,
            Some(text),
        )
        .await;
    };
    let answer = (form.ceremony.as_str(), credential);
    let step = two_step::second_step_with_passkey(
        &state,
        &token,
        answer,
        ip.0,
        user_agent.0,
        device.as_deref(),
    );
    match step.await {
        Ok(done) => signed_in(&state, &done, &next),
        Err(Error::Unauthenticated) => expired(&chrome, &next).await,
        Err(Error::InvalidSecondFactor) => {
            let text = chrome.text("code-passkey-not-confirmed", &[]);
            show_code(
                &chrome,
                &headers,
                StatusCode::UNAUTHORIZED,
                &next,
                false,
                Some(text),
            )
            .await
        }
        Err(e) => match explain(&chrome, e) {
            Ok((status, text)) => {
                show_code(&chrome, &headers, status, &next, false, Some(text)).await
            }
            Err(e) => chrome.failed(e),
        },
    }
}
