//! Client-area routes of memberships: my accounts, the owner's user management (rules 4 and 5),
//! leaving an account, and the authorization check for other services.

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, MyAccount};
use super::{Manager, Member, PermissionsRequest};
use crate::http::auth::{AccountUser, ClientIp, SessionToken};
use crate::http::input::{ApiJson, ApiPath, ApiQuery};
use crate::http::paging::{PageQuery, page};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_accounts))
        .routes(routes!(list_users))
        .routes(routes!(update_user, remove_user))
        .routes(routes!(authz_check))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyAccountsPage {
    items: Vec<MyAccount>,
    /// Pass as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

/// The accounts the signed-in user can reach, with `is_owner` and `permissions`, oldest account
/// first.
#[utoipa::path(get, path = "/api/v1/me/accounts", tag = "me", params(PageQuery),
    responses((status = 200, body = MyAccountsPage), (status = 401, body = Problem)))]
async fn my_accounts(
    State(state): State<AppState>,
    SessionToken(token): SessionToken,
    ApiQuery(paging): ApiQuery<PageQuery>,
) -> Result<ApiJson<MyAccountsPage>, ApiError> {
    let limit = paging.limit()?;
    let after = paging.after()?;
    let found = service::my_accounts(&state, &token, after.as_deref(), limit + 1).await?;
    let (items, next_cursor) = page(found, limit, |a| a.account.id.as_str());
    Ok(ApiJson(MyAccountsPage { items, next_cursor }))
}

/// The account's users (owner only).
#[utoipa::path(get, path = "/api/v1/accounts/{id}/users", tag = "accounts", params(("id" = String, Path)),
    responses(
        (status = 200, body = Vec<Member>),
        (status = 403, description = "`forbidden` (not the owner) or `user_management_disabled`", body = Problem),
        (status = 404, body = Problem),
    ))]
async fn list_users(
    State(state): State<AppState>,
    caller: AccountUser,
) -> Result<ApiJson<Vec<Member>>, ApiError> {
    Ok(ApiJson(
        service::list_members(&state, Manager::Member(&caller.access)).await?,
    ))
}

/// Set a user's permissions on the account (owner only; the owner's own cannot change).
#[utoipa::path(patch, path = "/api/v1/accounts/{id}/users/{user_id}", tag = "accounts",
    params(("id" = String, Path), ("user_id" = String, Path)), request_body = PermissionsRequest,
    responses(
        (status = 200, body = Member),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "`owner_permissions_fixed`", body = Problem),
        (status = 422, body = Problem),
    ))]
async fn update_user(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, user_id)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<PermissionsRequest>,
) -> Result<ApiJson<Member>, ApiError> {
    let ctx = caller.user.context(&ip);
    let by = Manager::Member(&caller.access);
    Ok(ApiJson(
        service::set_permissions(&state, &ctx, by, &user_id, &request.permissions).await?,
    ))
}

/// Remove a user from the account (owner), or leave it (any member, for themself). The owner
/// cannot be removed.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}/users/{user_id}", tag = "accounts",
    params(("id" = String, Path), ("user_id" = String, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "`owner_cannot_be_removed`", body = Problem),
    ))]
async fn remove_user(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, user_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let ctx = caller.user.context(&ip);
    service::remove(&state, &ctx, Manager::Member(&caller.access), &user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CheckQuery {
    account: String,
    permission: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CheckAnswer {
    allowed: bool,
    is_owner: bool,
}

/// For other services of the platform: may the bearer do `permission` on `account`? One database
/// query per call. The bearer is a session token, or an OpenID Connect access token of the
/// `account` scope (for its own account only: any other is answered `allowed: false`).
#[utoipa::path(get, path = "/api/v1/authz/check", tag = "accounts", params(CheckQuery),
    responses((status = 200, body = CheckAnswer), (status = 401, body = Problem), (status = 422, description = "Unknown permission", body = Problem)))]
async fn authz_check(
    State(state): State<AppState>,
    SessionToken(token): SessionToken,
    ApiQuery(q): ApiQuery<CheckQuery>,
) -> Result<ApiJson<CheckAnswer>, ApiError> {
    let (_, membership) = crate::oauth::bearer::bearer(&state, &token, Some(&q.account)).await?;
    let (allowed, is_owner) = service::check(&state, membership, &q.permission)?;
    Ok(ApiJson(CheckAnswer { allowed, is_owner }))
}
