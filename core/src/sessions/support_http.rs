//! Support sign-ins over the API, for the signed-in user (the same use cases as "Support
//! sign-ins" on `/me`): `GET /api/v1/me/support` reads the past sign-ins and the allowance;
//! `PUT /api/v1/me/support/allowance` allows support to sign in for a day and `DELETE` withdraws it
//! (`support.login_as = "with_consent"` only).

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::support::{self, Overview};
use crate::http::auth::{ClientIp, CurrentUser};
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(overview))
        .routes(routes!(allow, withdraw))
}

/// The signed-in user's support sign-ins (who, from, until; the last 20) and, where the server
/// asks first, until when they allow one.
#[utoipa::path(get, path = "/api/v1/me/support", tag = "me",
    responses((status = 200, body = Overview), (status = 401, body = Problem)))]
async fn overview(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<ApiJson<Overview>, ApiError> {
    Ok(ApiJson(support::overview(&state, &user.0.user_id).await?))
}

#[derive(Debug, Serialize, ToSchema)]
struct Allowance {
    /// Until when support may sign in as the user (unix ms).
    allowed_until: i64,
}

/// Allows support to sign in as the signed-in user for a day (`support.login_as =
/// "with_consent"`; otherwise 409). Support signed in as the user may not (403
/// `support_sign_in_restricted`); at most 10 changes an hour (429).
#[utoipa::path(put, path = "/api/v1/me/support/allowance", tag = "me",
    responses((status = 200, body = Allowance), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 409, body = Problem)))]
async fn allow(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
) -> Result<ApiJson<Allowance>, ApiError> {
    let ctx = user.context(&ip);
    let allowed_until = support::allow(&state, &ctx, &user.0.user_id).await?;
    Ok(ApiJson(Allowance { allowed_until }))
}

/// Withdraws the allowance (support sign-ins already running go on until they end).
#[utoipa::path(delete, path = "/api/v1/me/support/allowance", tag = "me",
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem)))]
async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    support::withdraw(&state, &ctx, &user.0.user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
