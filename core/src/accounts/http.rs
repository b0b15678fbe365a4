//! Client-area routes of accounts: checkout, read, update; and the permission catalog.

use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Account, AccountProfile, service};
use crate::http::auth::{AccountUser, ClientIp, CurrentUser};
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::memberships::Manager;
use crate::permissions::PermissionInfo;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(checkout))
        .routes(routes!(get_account, update_account))
        .routes(routes!(list_permissions))
}

/// Checkout: create a new account owned by the signed-in user.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = AccountProfile,
    responses((status = 201, body = Account), (status = 401, body = Problem), (status = 422, body = Problem)))]
async fn checkout(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(profile): ApiJson<AccountProfile>,
) -> Result<(StatusCode, ApiJson<Account>), ApiError> {
    let account = service::checkout(&state, &user.context(&ip), &user.0.user_id, profile).await?;
    Ok((StatusCode::CREATED, ApiJson(account)))
}

/// Read an account (any member).
#[utoipa::path(get, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Account), (status = 404, description = "No such account, or no access to it", body = Problem)))]
async fn get_account(
    State(state): State<AppState>,
    caller: AccountUser,
) -> Result<ApiJson<Account>, ApiError> {
    Ok(ApiJson(
        service::get(&state, &caller.access.account_id).await?,
    ))
}

/// Change the account's profile (needs `profile`).
#[utoipa::path(patch, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = String, Path)),
    request_body = AccountProfile,
    responses((status = 200, body = Account), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_account(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiJson(profile): ApiJson<AccountProfile>,
) -> Result<ApiJson<Account>, ApiError> {
    let ctx = caller.user.context(&ip);
    let by = Manager::from(&caller.access);
    Ok(ApiJson(
        service::update(&state, &ctx, by, profile, None).await?,
    ))
}

/// The permission catalog: the built-in keys and those plugins add, with their titles.
#[utoipa::path(get, path = "/api/v1/permissions", tag = "accounts",
    responses((status = 200, body = Vec<PermissionInfo>)))]
async fn list_permissions(State(state): State<AppState>) -> ApiJson<Vec<PermissionInfo>> {
    ApiJson(state.catalog.entries().to_vec())
}
