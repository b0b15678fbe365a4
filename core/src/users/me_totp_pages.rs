//! `/me`'s two-factor forms: turning TOTP on (with the current password), confirming it with a
//! code, new backup codes, turning it off. A refusal shows `/me` with the reason next to the
//! section.

use axum::Form;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use minijinja::context;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::second_factor;
use super::views::{Outcome, current_password_named, show};
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{explain, see_other};
use crate::http::page_access::SignedIn;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/totp", post(enrol))
        .route("/me/totp/confirm", post(confirm))
        .route("/me/totp/backup-codes", post(regenerate))
        .route("/me/totp/disable", post(disable))
}

#[derive(Deserialize)]
struct EnrolForm {
    current_password: SecretString,
}

async fn enrol(
    State(state): State<AppState>,
    page: SignedIn,
    Form(form): Form<EnrolForm>,
) -> Response {
    let enrolment =
        second_factor::enrol_totp(&state, &page.user.0.user_id, &form.current_password).await;
    match current_password_named(enrolment) {
        Ok(enrolment) => enrolment_page(
            &page,
            StatusCode::OK,
            &enrolment.secret,
            &enrolment.qr_png,
            &enrolment.otpauth_uri,
            None,
        ),
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

fn enrolment_page(
    page: &SignedIn,
    status: StatusCode,
    secret: &str,
    qr: &str,
    uri: &str,
    error: Option<String>,
) -> Response {
    page.chrome.render(
        status,
        "totp-enrol.html",
        context! { secret, qr, uri, error },
    )
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
}

async fn confirm(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<CodeForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    match second_factor::confirm_totp(&state, &ctx, &page.user.0.user_id, &form.code).await {
        Ok(codes) => backup_codes(&page, &codes, true),
        Err(Error::InvalidSecondFactor) => {
            // The same pending secret, shown again to try another code.
            match second_factor::pending_enrolment(&state, &page.user.0.user_id).await {
                Ok(Some(e)) => enrolment_page(
                    &page,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &e.secret,
                    &e.qr_png,
                    &e.otpauth_uri,
                    Some(
                        "The code is wrong: check the time on your phone and try the next one."
                            .to_owned(),
                    ),
                ),
                Ok(None) => see_other("/me#totp"),
                Err(e) => page.chrome.failed(e),
            }
        }
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

/// The backup codes, shown once, with a plain-text download.
fn backup_codes(page: &SignedIn, codes: &[String], first: bool) -> Response {
    let text = format!(
        "Backup codes for {} ({})\nEach works once, in place of a code from your app.\n\n{}\n",
        page.chrome.state().settings.ui.product_name.trim(),
        page.chrome
            .user
            .as_ref()
            .map(|u| u.email.as_str())
            .unwrap_or_default(),
        codes.join("\n")
    );
    let download = format!(
        "data:text/plain;charset=utf-8,{}",
        crate::http::forms::encode(&text).replace('+', "%20")
    );
    page.chrome.render(
        StatusCode::OK,
        "backup-codes.html",
        context! { codes => codes.to_vec(), download, first },
    )
}

#[derive(Deserialize)]
struct ProveForm {
    password: Option<SecretString>,
    code: Option<String>,
}

impl ProveForm {
    fn parts(&self) -> (Option<&SecretString>, Option<&str>) {
        (
            self.password
                .as_ref()
                .filter(|p| !p.expose_secret().is_empty()),
            self.code
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty()),
        )
    }
}

async fn regenerate(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<ProveForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let (password, code) = form.parts();
    match second_factor::regenerate_backup_codes(&state, &ctx, &page.user.0.user_id, password, code)
        .await
    {
        Ok(codes) => backup_codes(&page, &codes, false),
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

async fn disable(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<ProveForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let (password, code) = form.parts();
    match second_factor::disable_totp(&state, &ctx, &page.user.0.user_id, password, code).await {
        Ok(()) => see_other("/me?done=totp-off#totp"),
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

/// `/me` with the reason next to the two-factor section.
async fn totp_refused(state: &AppState, page: &SignedIn, error: Error) -> Response {
    match explain(error) {
        Ok((status, text)) => {
            let outcome = Outcome {
                status: Some(status),
                error: Some(("totp", text)),
                ..Outcome::default()
            };
            show(state, page, outcome, None).await
        }
        Err(e) => page.chrome.failed(e),
    }
}
