//! The signed-in user's passkeys in the API: the registration ceremony as JSON (begin, then finish
//! with the authenticator's answer), and listing, renaming and removing.

use axum::extract::State;
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Passkey;
use super::service::{self, Began};
use crate::http::auth::{ClientIp, CurrentUser};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::sessions::Subject;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_passkeys, finish_registration))
        .routes(routes!(begin_registration))
        .routes(routes!(rename_passkey, remove_passkey))
}

/// The signed-in user's passkeys, oldest first.
#[utoipa::path(get, path = "/api/v1/me/passkeys", tag = "me",
    responses((status = 200, body = Vec<Passkey>), (status = 401, body = Problem)))]
async fn list_passkeys(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<ApiJson<Vec<Passkey>>, ApiError> {
    Ok(ApiJson(
        service::list(&state, Subject::User, &user.0.user_id).await?,
    ))
}

/// The proof that beginning a registration asks for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BeginRegistration {
    /// The current password: a stolen session cannot add its own passkey. May be left out by a
    /// session that signed in with a passkey in the last five minutes (the only way for a login
    /// without a password).
    #[schema(value_type = Option<String>, format = Password)]
    current_password: Option<SecretString>,
}

/// Begin registering a passkey: the options for `navigator.credentials.create()` (user
/// verification required, a discoverable credential, no attestation) and the `ceremony` token
/// that finishes it, once, within five minutes, from this session. Wrong passwords count against
/// the sign-in limit.
#[utoipa::path(post, path = "/api/v1/me/passkeys/registration", tag = "me",
    request_body = BeginRegistration,
    responses((status = 200, body = Began),
        (status = 401, description = "`invalid_credentials`: the current password is wrong", body = Problem),
        (status = 403, description = "`recent_sign_in_required`: a login without a password signs in with a passkey again first", body = Problem),
        (status = 409, description = "`conflict`: twenty passkeys already, or passkeys cannot work with this server's public URL", body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem)))]
async fn begin_registration(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<BeginRegistration>,
) -> Result<ApiJson<Began>, ApiError> {
    Ok(ApiJson(
        service::begin_registration(&state, &user.0, request.current_password.as_ref()).await?,
    ))
}

/// The authenticator's answer to a registration.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinishRegistration {
    /// The token `POST /api/v1/me/passkeys/registration` answered.
    ceremony: String,
    /// A name to know it by ("MacBook"), 1 to 64 characters.
    name: String,
    /// The `PublicKeyCredential` that `navigator.credentials.create()` gave, as JSON
    /// (`RegistrationResponseJSON`: `id`, `rawId`, `type`, `response.clientDataJSON`,
    /// `response.attestationObject`, base64url).
    #[schema(value_type = Object)]
    credential: Value,
}

/// Finish registering a passkey with the authenticator's answer: the passkey, named. Audited.
#[utoipa::path(post, path = "/api/v1/me/passkeys", tag = "me",
    request_body = FinishRegistration,
    responses((status = 201, body = Passkey),
        (status = 401, body = Problem),
        (status = 409, description = "`conflict`: registered already, or twenty passkeys already", body = Problem),
        (status = 422, description = "`validation_failed`: an unknown, used or expired ceremony, or an answer that does not verify (another origin, no user verification)", body = Problem)))]
async fn finish_registration(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<FinishRegistration>,
) -> Result<(StatusCode, ApiJson<Passkey>), ApiError> {
    let ctx = user.context(&ip);
    let passkey = service::finish_registration(
        &state,
        &ctx,
        &user.0,
        &request.ceremony,
        &request.name,
        request.credential,
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(passkey)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenamePasskey {
    /// 1 to 64 characters.
    name: String,
}

/// Rename one of the signed-in user's passkeys.
#[utoipa::path(patch, path = "/api/v1/me/passkeys/{id}", tag = "me",
    params(("id" = String, Path)), request_body = RenamePasskey,
    responses((status = 200, body = Passkey), (status = 401, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn rename_passkey(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<RenamePasskey>,
) -> Result<ApiJson<Passkey>, ApiError> {
    let ctx = user.context(&ip);
    Ok(ApiJson(
        service::rename(
            &state,
            &ctx,
            (Subject::User, &user.0.user_id),
            &id,
            &request.name,
        )
        .await?,
    ))
}

/// Remove one of the signed-in user's passkeys: it signs nobody in any more.
#[utoipa::path(delete, path = "/api/v1/me/passkeys/{id}", tag = "me",
    params(("id" = String, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn remove_passkey(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    service::remove(&state, &ctx, (Subject::User, &user.0.user_id), &id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}
