//! Routes: log in, log out, and the user's own sessions.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Login, SessionInfo, SignedIn};
use crate::http::auth::{
    ClientIp, CurrentUser, DeviceCookie, UserAgent, clear_session_cookie, device_cookie,
    session_cookie,
};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::passkeys::{self, service::Began};
use crate::state::AppState;
use crate::users::User;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(passkey_options))
        .routes(routes!(passkey_login))
        .routes(routes!(logout))
        .routes(routes!(list_sessions))
        .routes(routes!(revoke_session))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    email: String,
    #[schema(value_type = String, format = Password)]
    password: SecretString,
    /// The 6-digit code of the authenticator app, for users with two-factor authentication.
    totp_code: Option<String>,
    /// Or one of the one-time backup codes.
    backup_code: Option<String>,
    /// The 6-digit code mailed at sign-in to a user whose second factor could not be carried
    /// over from WHMCS (until they enrol one): the first call without it mails the code and
    /// answers `second_factor_required`.
    email_code: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// The session token: send it as `Authorization: Bearer <token>`. Browsers get it as the
    /// `roster_session` cookie too.
    pub token: String,
    pub user: User,
}

/// Log in with email and password (and the second factor when the user has one).
///
/// Wrong email and wrong password give the same answer. Too many attempts from one IP, or on one
/// email address, answer `rate_limited` with `Retry-After`.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; sets the session cookie", body = LoginResponse),
        (status = 401, description = "`invalid_credentials`, `second_factor_required` or `invalid_second_factor`", body = Problem),
        (status = 403, description = "`email_not_verified` (when verification is required)", body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem),
    ))]
async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let signed_in = super::login(
        &state,
        Login {
            email: request.email,
            password: request.password,
            totp_code: request.totp_code,
            backup_code: request.backup_code,
            email_code: request.email_code,
            ip: ip.0,
            user_agent: user_agent.0,
            device,
        },
    )
    .await?;
    signed_in_answer(&state, signed_in)
}

/// A completed sign-in as the API answers it: the token and the user, the session cookie, and
/// the device cookie when the browser gets one.
fn signed_in_answer(state: &AppState, signed_in: SignedIn) -> Result<Response, ApiError> {
    let cookie = session_cookie(&signed_in.token, &state.settings)?;
    let mut response = (
        [(header::SET_COOKIE, cookie)],
        ApiJson(LoginResponse {
            token: signed_in.token,
            user: signed_in.user,
        }),
    )
        .into_response();
    if let Some(device) = device_cookie(
        crate::http::auth::DEVICE_COOKIE,
        "/",
        signed_in.device.as_deref(),
        &state.settings,
    ) {
        response.headers_mut().append(header::SET_COOKIE, device);
    }
    Ok(response)
}

/// Begin signing in with a passkey (no email typed): the options for
/// `navigator.credentials.get()` and the `ceremony` token that finishes it, once, within five
/// minutes. Counted against the per-address sign-in limit.
#[utoipa::path(post, path = "/api/v1/auth/passkey/options", tag = "auth",
    responses((status = 200, body = Began),
        (status = 409, description = "`conflict`: passkeys cannot work with this server's public URL", body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem)))]
async fn passkey_options(
    State(state): State<AppState>,
    ip: ClientIp,
) -> Result<ApiJson<Began>, ApiError> {
    Ok(ApiJson(
        passkeys::sign_in::begin(&state, ip.0.as_deref()).await?,
    ))
}

/// The authenticator's answer to a passkey sign-in.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasskeyLoginRequest {
    /// The token `POST /api/v1/auth/passkey/options` answered.
    ceremony: String,
    /// The `PublicKeyCredential` that `navigator.credentials.get()` gave, as JSON
    /// (`AuthenticationResponseJSON`, with `response.userHandle`; base64url).
    #[schema(value_type = Object)]
    credential: serde_json::Value,
}

/// Sign in with a passkey: a session, answered as a password sign-in is. A passkey is both
/// factors (user verification required). Every failure is `invalid_credentials`.
#[utoipa::path(post, path = "/api/v1/auth/passkey", tag = "auth",
    request_body = PasskeyLoginRequest,
    responses((status = 200, body = LoginResponse, description = "Signed in; sets the session cookie"),
        (status = 401, description = "`invalid_credentials`", body = Problem),
        (status = 403, description = "`email_not_verified`, or `vetoed_by_plugin`", body = Problem),
        (status = 422, body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem)))]
async fn passkey_login(
    State(state): State<AppState>,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    ApiJson(request): ApiJson<PasskeyLoginRequest>,
) -> Result<Response, ApiError> {
    let source = passkeys::sign_in::Source {
        ip: ip.0,
        user_agent: user_agent.0,
        device,
    };
    let signed_in =
        passkeys::sign_in::finish(&state, &request.ceremony, request.credential, source).await?;
    signed_in_answer(&state, signed_in)
}

/// End the current session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Logged out; clears the cookie"), (status = 401, body = Problem)))]
async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
) -> Result<Response, ApiError> {
    let ctx = user.context(&ip);
    super::log_out(&state, &ctx, &user.0).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_session_cookie(&state.settings))],
    )
        .into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    #[serde(flatten)]
    session: SessionInfo,
    /// Whether this is the session making the request.
    current: bool,
}

/// The signed-in user's sessions.
#[utoipa::path(get, path = "/api/v1/me/sessions", tag = "me",
    responses((status = 200, body = Vec<SessionView>), (status = 401, body = Problem)))]
async fn list_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<ApiJson<Vec<SessionView>>, ApiError> {
    let sessions = super::list(&state, &user.0.user_id).await?;
    Ok(ApiJson(
        sessions
            .into_iter()
            .map(|session| SessionView {
                current: session.id == user.0.session_id,
                session,
            })
            .collect(),
    ))
}

/// End one of the signed-in user's sessions (another device, say).
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", tag = "me",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 204, description = "Ended"), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn revoke_session(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    super::revoke(&state, &ctx, &user.0.user_id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
