//! The pages behind the emailed links: `/verify-email/{token}` and `/reset-password/{token}`.
//! Opening a link changes nothing (mail scanners open links); the button on the page does.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::service;
use crate::error::Error;
use crate::http::auth::{ClientIp, anonymous};
use crate::http::csrf::CsrfToken;
use crate::http::pages::{failed, message, render, sentence};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verify-email/{token}", get(verify_page).post(verify))
        .route("/reset-password/{token}", get(reset_page).post(reset))
}

const INVALID: &str = "This link is invalid or has expired. Ask for a new one.";

async fn verify_page(csrf: CsrfToken) -> Response {
    render(
        StatusCode::OK,
        "verify-email.html",
        minijinja::context! { csrf => csrf.0 },
    )
}

async fn verify(
    State(state): State<AppState>,
    ip: ClientIp,
    Path(token): Path<String>,
) -> Response {
    match service::verify_email(&state, &anonymous(&ip), &token).await {
        Ok(_) => message(
            StatusCode::OK,
            "Email address verified",
            "Thank you: your email address is verified.",
        ),
        Err(Error::InvalidToken) => message(StatusCode::BAD_REQUEST, "Link not valid", INVALID),
        Err(e) => failed(e),
    }
}

async fn reset_page(
    State(state): State<AppState>,
    csrf: CsrfToken,
    Path(token): Path<String>,
) -> Response {
    match service::password_reset_info(&state, &token).await {
        Ok(info) => reset_form(&state, &csrf, StatusCode::OK, info.security_question, None),
        Err(Error::InvalidToken) => message(StatusCode::BAD_REQUEST, "Link not valid", INVALID),
        Err(e) => failed(e),
    }
}

fn reset_form(
    state: &AppState,
    csrf: &CsrfToken,
    status: StatusCode,
    question: Option<String>,
    error: Option<String>,
) -> Response {
    render(
        status,
        "reset-password.html",
        minijinja::context! {
            security_question => question,
            error => error,
            min_length => state.settings.auth.password.min_length,
            csrf => &csrf.0,
        },
    )
}

#[derive(Deserialize)]
struct ResetForm {
    password: SecretString,
    password_confirm: SecretString,
    security_answer: Option<SecretString>,
}

async fn reset(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> Response {
    let question = match service::password_reset_info(&state, &token).await {
        Ok(info) => info.security_question,
        Err(Error::InvalidToken) => {
            return message(StatusCode::BAD_REQUEST, "Link not valid", INVALID);
        }
        Err(e) => return failed(e),
    };
    if form.password.expose_secret() != form.password_confirm.expose_secret() {
        let error = Some("The two passwords differ.".to_owned());
        return reset_form(
            &state,
            &csrf,
            StatusCode::UNPROCESSABLE_ENTITY,
            question,
            error,
        );
    }
    let answer = form
        .security_answer
        .filter(|a| !a.expose_secret().is_empty());
    match service::confirm_password_reset(
        &state,
        &anonymous(&ip),
        &token,
        &form.password,
        answer.as_ref(),
    )
    .await
    {
        Ok(()) => message(
            StatusCode::OK,
            "Password changed",
            "Your new password is set. Every other session was signed out; log in again with it.",
        ),
        Err(Error::InvalidToken) => message(StatusCode::BAD_REQUEST, "Link not valid", INVALID),
        Err(
            e @ (Error::WeakPassword(_)
            | Error::SecurityAnswerRequired { .. }
            | Error::RateLimited { .. }),
        ) => reset_form(
            &state,
            &csrf,
            StatusCode::UNPROCESSABLE_ENTITY,
            question,
            Some(sentence(&e)),
        ),
        Err(e) => failed(e),
    }
}
