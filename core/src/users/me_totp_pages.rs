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
use secrecy::SecretString;
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
    current_password: Option<SecretString>,
}

async fn enrol(
    State(state): State<AppState>,
    page: SignedIn,
    Form(form): Form<EnrolForm>,
) -> Response {
    let password = crate::http::forms::given(form.current_password.as_ref());
    let enrolment = second_factor::enrol_totp(&state, &page.user.0, password).await;
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
        Ok(codes) => backup_codes(&page, &codes, true, true),
        Err(Error::InvalidSecondFactor) => {
            // The same pending secret, shown again to try another code.
            match second_factor::pending_enrolment(&state, &page.user.0.user_id).await {
                Ok(Some(e)) => enrolment_page(
                    &page,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &e.secret,
                    &e.qr_png,
                    &e.otpauth_uri,
                    Some(page.chrome.text("totp-wrong-code", &[])),
                ),
                Ok(None) => see_other("/me#totp"),
                Err(e) => page.chrome.failed(e),
            }
        }
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

/// The backup codes, shown once, with a plain-text download. `totp`: they stand in for TOTP
/// codes (else for lost passkeys, with a reset link).
fn backup_codes(page: &SignedIn, codes: &[String], first: bool, totp: bool) -> Response {
    let chrome = &page.chrome;
    let heading = chrome.text(
        "codes-file",
        &[
            ("product", chrome.state().settings.ui.product_name.trim()),
            (
                "email",
                chrome
                    .user
                    .as_ref()
                    .map(|u| u.email.as_str())
                    .unwrap_or_default(),
            ),
        ],
    );
    let each = chrome.text(
        if totp {
            "codes-file-totp"
        } else {
            "codes-file-passkeys"
        },
        &[],
    );
    let text = format!("{heading}\n{each}\n\n{}\n", codes.join("\n"));
    let download = format!(
        "data:text/plain;charset=utf-8,{}",
        crate::http::forms::encode(&text).replace('+', "%20")
    );
    page.chrome.render(
        StatusCode::OK,
        "backup-codes.html",
        context! { codes => codes.to_vec(), download, first, totp },
    )
}

#[derive(Deserialize)]
struct ProveForm {
    password: Option<SecretString>,
    code: Option<String>,
    /// The section of `/me` the form is in (`passkeys` for the backup codes of a login without
    /// TOTP), where a refusal is shown.
    section: Option<String>,
}

impl ProveForm {
    fn parts(&self) -> (Option<&SecretString>, Option<&str>) {
        (
            crate::http::forms::given(self.password.as_ref()),
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
    let passkeys = form.section.as_deref() == Some("passkeys");
    match second_factor::regenerate_backup_codes(&state, &ctx, &page.user.0, password, code).await {
        Ok(codes) => backup_codes(&page, &codes, false, !passkeys),
        Err(e) if passkeys => refused_in(&state, &page, "passkeys", e).await,
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
    match second_factor::disable_totp(&state, &ctx, &page.user.0, password, code).await {
        Ok(()) => see_other("/me?done=totp-off#totp"),
        Err(e) => totp_refused(&state, &page, e).await,
    }
}

/// `/me` with the reason next to the two-factor section.
async fn totp_refused(state: &AppState, page: &SignedIn, error: Error) -> Response {
    refused_in(state, page, "totp", error).await
}

/// `/me` with the reason next to `section`.
async fn refused_in(
    state: &AppState,
    page: &SignedIn,
    section: &'static str,
    error: Error,
) -> Response {
    match explain(&page.chrome, error) {
        Ok((status, text)) => {
            let outcome = Outcome {
                status: Some(status),
                error: Some((section, text)),
                ..Outcome::default()
            };
            show(state, page, outcome, None).await
        }
        Err(e) => page.chrome.failed(e),
    }
}
