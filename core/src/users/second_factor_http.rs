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
        .routes(routes!(drop_password))
}

/// The proof that starting two-factor enrolment asks for.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EnrolTotpRequest {
    /// The current password: a stolen session cannot put its own authenticator on the login. May
    /// be left out by a session that signed in with a passkey in the last five minutes.
    #[schema(value_type = Option<String>, format = Password)]
    current_password: Option<SecretString>,
}

/// Start two-factor enrolment, proven with the current password (or a passkey sign-in of this
/// session in the last five minutes): a secret, its `otpauth://` URI and a QR code. Nothing
/// changes until it is confirmed with a code. Wrong passwords count against the user's sign-in
/// limit (`rate_limited` past it).
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "me", request_body = EnrolTotpRequest,
    responses((status = 200, body = Enrolment),
        (status = 401, description = "`invalid_credentials`: the current password is wrong", body = Problem),
        (status = 403, description = "`recent_sign_in_required`: a login without a password signs in with a passkey again first", body = Problem),
        (status = 409, description = "Already on", body = Problem)))]
async fn enrol_totp(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<EnrolTotpRequest>,
) -> Result<ApiJson<Enrolment>, ApiError> {
    Ok(ApiJson(
        second_factor::enrol_totp(&state, &user.0, request.current_password.as_ref()).await?,
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

/// New backup codes: the old ones stop working. For a login with a second factor — TOTP on, or a
/// passkey (the path keeps its first name). Proven with the password, a current code, or a
/// passkey sign-in of this session in the last five minutes.
#[utoipa::path(post, path = "/api/v1/me/totp/backup-codes", tag = "me", request_body = DisableTotpRequest,
    responses((status = 200, body = BackupCodes), (status = 401, body = Problem),
        (status = 403, description = "`recent_sign_in_required`", body = Problem),
        (status = 409, description = "Neither TOTP nor a passkey", body = Problem)))]
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
        &user.0,
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
        &user.0,
        request.password.as_ref(),
        request.code.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The proof dropping the password asks for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DropPasswordRequest {
    /// The current password, or leave it out in a session that signed in with a passkey in the
    /// last five minutes.
    #[schema(value_type = Option<String>, format = Password)]
    current_password: Option<SecretString>,
}

/// Drop the password: from now on this login signs in with a passkey alone, and recovers with a
/// backup code and a reset link (which then asks for the code). Needs a passkey and unused backup
/// codes; ends the user's other sessions. A new password can be set again later
/// (`PATCH /api/v1/me` with `password`, proven with a recent passkey sign-in).
#[utoipa::path(delete, path = "/api/v1/me/password", tag = "me", request_body = DropPasswordRequest,
    responses((status = 204, description = "Dropped"),
        (status = 401, description = "`invalid_credentials`: the current password is wrong", body = Problem),
        (status = 409, description = "`conflict`: no passkey, no unused backup code, or no password to drop", body = Problem),
        (status = 422, description = "`validation_failed`: no proof given", body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem)))]
async fn drop_password(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<DropPasswordRequest>,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    let password = request.current_password.as_ref();
    super::proof::drop_password(&state, &ctx, &user.0, password).await?;
    Ok(StatusCode::NO_CONTENT)
}
