//! Admin API routes of an account's users and of ownership.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::PermissionsRequest;
use super::service;
use super::{Manager, Member};
use crate::accounts::Account;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, add_user))
        .routes(routes!(update_user, remove_user))
        .routes(routes!(transfer_ownership))
}

/// The account's users.
#[utoipa::path(get, path = "/api/v1/admin/accounts/{id}/users", tag = "admin", params(("id" = String, Path)),
    responses((status = 200, body = Vec<Member>), (status = 404, body = Problem)))]
async fn list_users(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<Vec<Member>>, ApiError> {
    Ok(ApiJson(
        service::list_members(&state, Manager::Staff { account_id: &id }).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AddUserRequest {
    user_id: String,
    #[serde(default)]
    permissions: Vec<String>,
}

/// Give an existing user access to the account directly.
#[utoipa::path(post, path = "/api/v1/admin/accounts/{id}/users", tag = "admin", params(("id" = String, Path)),
    request_body = AddUserRequest,
    responses((status = 201, body = Member), (status = 404, body = Problem), (status = 409, description = "`already_member`", body = Problem), (status = 422, body = Problem)))]
async fn add_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    request: Result<ApiJson<AddUserRequest>, ApiError>,
) -> Result<(StatusCode, ApiJson<Member>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let member =
        service::associate(&state, by, &id, &request.user_id, &request.permissions).await?;
    Ok((StatusCode::CREATED, ApiJson(member)))
}

/// Set a user's permissions on the account.
#[utoipa::path(patch, path = "/api/v1/admin/accounts/{id}/users/{user_id}", tag = "admin",
    params(("id" = String, Path), ("user_id" = String, Path)), request_body = PermissionsRequest,
    responses((status = 200, body = Member), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath((id, user_id)): ApiPath<(String, String)>,
    request: Result<ApiJson<PermissionsRequest>, ApiError>,
) -> Result<ApiJson<Member>, ApiError> {
    let ctx = admin.context(&ip);
    let admitted = ctx.admit()?;
    let ApiJson(request) = request?;
    Ok(ApiJson(
        service::set_permissions(
            &state,
            admitted,
            Manager::Staff { account_id: &id },
            &user_id,
            &request.permissions,
        )
        .await?,
    ))
}

/// Remove a user from the account (never the owner: transfer ownership first).
#[utoipa::path(delete, path = "/api/v1/admin/accounts/{id}/users/{user_id}", tag = "admin",
    params(("id" = String, Path), ("user_id" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 404, body = Problem), (status = 409, description = "`owner_cannot_be_removed`", body = Problem)))]
async fn remove_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath((id, user_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let by = Manager::Staff { account_id: &id };
    service::remove(&state, admin.context(&ip).admit()?, by, &user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TransferRequest {
    user_id: String,
    /// Keep the previous owner as a member with every permission (default true).
    #[serde(default = "yes")]
    keep_previous_owner: bool,
}

fn yes() -> bool {
    true
}

/// Transfer ownership (admins only, atomically).
#[utoipa::path(post, path = "/api/v1/admin/accounts/{id}/owner", tag = "admin", params(("id" = String, Path)),
    request_body = TransferRequest,
    responses((status = 200, body = Account), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn transfer_ownership(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    request: Result<ApiJson<TransferRequest>, ApiError>,
) -> Result<ApiJson<Account>, ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    Ok(ApiJson(
        super::transfer::transfer_ownership(
            &state,
            by,
            &id,
            &request.user_id,
            request.keep_previous_owner,
        )
        .await?,
    ))
}
