//! Client-area routes of the second factor: TOTP enrolment (proven with the current password),
//! its confirmation, new backup codes, turning it off. Every proof counts against the user's
//! sign-in limit.

use axum::extract::State;
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::second_factor;
use super::totp::Enrolment;
use crate::http::auth::{ClientIp, CurrentUser};
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(enrol_totp, disable_totp))
        .routes(routes!(confirm_totp))
        .routes(routes!(regenerate_backup_codes))
}

/// The proof that starting two-factor enrolment asks for.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EnrolTotpRequest {
    /// The current password: a stolen session cannot put its own authenticator on the login.
    #[schema(value_type = String, format = Password)]
    current_password: SecretString,
}

/// Start two-factor enrolment, proven with the current password: a secret, its `otpauth://` URI
/// and a QR code. Nothing changes until it is confirmed with a code. Wrong passwords count against
/// the user's sign-in limit (`rate_limited` past it).
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "me", request_body = EnrolTotpRequest,
    responses((status = 200, body = Enrolment),
        (status = 401, description = "`invalid_credentials`: the current password is wrong", body = Problem),
        (status = 409, description = "Already on", body = Problem)))]
async fn enrol_totp(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<EnrolTotpRequest>,
) -> Result<ApiJson<Enrolment>, ApiError> {
    Ok(ApiJson(
        second_factor::enrol_totp(&state, &user.0.user_id, &request.current_password).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CodeRequest {
    code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BackupCodes {
    /// Ten one-time codes for when the authenticator is not at hand. Shown once.
    backup_codes: Vec<String>,
}

/// Confirm enrolment with a code from the authenticator app: two-factor authentication is on.
#[utoipa::path(post, path = "/api/v1/me/totp/confirm", tag = "me", request_body = CodeRequest,
    responses((status = 200, body = BackupCodes), (status = 401, description = "`invalid_second_factor`", body = Problem),
        (status = 409, description = "`conflict`: no enrolment in progress (start with `POST /api/v1/me/totp`)", body = Problem)))]
async fn confirm_totp(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<CodeRequest>,
) -> Result<ApiJson<BackupCodes>, ApiError> {
    let ctx = user.context(&ip);
    let backup_codes =
        second_factor::confirm_totp(&state, &ctx, &user.0.user_id, &request.code).await?;
    Ok(ApiJson(BackupCodes { backup_codes }))
}

/// New backup codes: the old ones stop working. Proven with the password or a current code.
#[utoipa::path(post, path = "/api/v1/me/totp/backup-codes", tag = "me", request_body = DisableTotpRequest,
    responses((status = 200, body = BackupCodes), (status = 401, body = Problem), (status = 409, description = "Two-factor authentication is off", body = Problem)))]
async fn regenerate_backup_codes(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<DisableTotpRequest>,
) -> Result<ApiJson<BackupCodes>, ApiError> {
    let ctx = user.context(&ip);
    let backup_codes = second_factor::regenerate_backup_codes(
        &state,
        &ctx,
        &user.0.user_id,
        request.password.as_ref(),
        request.code.as_deref(),
    )
    .await?;
    Ok(ApiJson(BackupCodes { backup_codes }))
}

/// The proof a second-factor change asks for: the password, or a current code.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DisableTotpRequest {
    /// The current password (or give `code`).
    #[schema(value_type = Option<String>, format = Password)]
    password: Option<SecretString>,
    code: Option<String>,
}

/// Turn two-factor authentication off, proven with the password or a current code.
#[utoipa::path(delete, path = "/api/v1/me/totp", tag = "me", request_body = DisableTotpRequest,
    responses((status = 204, description = "Off"), (status = 401, body = Problem), (status = 409, body = Problem)))]
async fn disable_totp(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<DisableTotpRequest>,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    second_factor::disable_totp(
        &state,
        &ctx,
        &user.0.user_id,
        request.password.as_ref(),
        request.code.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
