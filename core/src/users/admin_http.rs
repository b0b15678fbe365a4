//! Admin API routes of users.

use axum::extract::State;
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ProfileFields;
use super::profile::{self, AdminUpdate};
use super::service::{self, NewUser};
use super::{User, UserStatus};
use super::{links, second_factor};
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath, ApiQuery};
use crate::http::paging::{PageQuery, page};
use crate::http::problem::{ApiError, Problem};
use crate::import::sources::{self, SourceRef};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user, delete_user))
        .routes(routes!(send_password_reset))
        .routes(routes!(clear_totp))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserSearch {
    /// Matches email, first name, last name (case-insensitive, anywhere in the text), or the
    /// user's number (`1042` or `#1042`).
    search: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    items: Vec<User>,
    /// Pass as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

/// List users, searching email and names.
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin",
    params(UserSearch, PageQuery),
    responses((status = 200, body = UserPage), (status = 401, body = Problem)))]
async fn list_users(
    State(state): State<AppState>,
    _admin: Admin,
    ApiQuery(search): ApiQuery<UserSearch>,
    ApiQuery(paging): ApiQuery<PageQuery>,
) -> Result<ApiJson<UserPage>, ApiError> {
    let limit = paging.limit()?;
    let users = service::list(
        &state,
        search
            .search
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(str::trim),
        paging.after()?.as_deref(),
        i64::from(limit) + 1,
    )
    .await?;
    let (items, next_cursor) = page(users, limit, |u| u.id.as_str());
    Ok(ApiJson(UserPage { items, next_cursor }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateUserRequest {
    #[schema(schema_with = crate::users::fields::email)]
    email: String,
    #[schema(schema_with = crate::users::fields::name)]
    first_name: String,
    #[schema(schema_with = crate::users::fields::name)]
    last_name: String,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
    /// Without a password, the user is emailed a link to choose one.
    #[schema(value_type = Option<String>, format = Password, min_length = 10, max_length = 256)]
    password: Option<SecretString>,
}

/// Create a user.
#[utoipa::path(post, path = "/api/v1/admin/users", tag = "admin", request_body = CreateUserRequest,
    responses((status = 201, body = User), (status = 409, description = "`email_taken`", body = Problem), (status = 422, body = Problem)))]
async fn create_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    request: Result<ApiJson<CreateUserRequest>, ApiError>,
) -> Result<(StatusCode, ApiJson<User>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let user = service::create_by_admin(
        &state,
        by,
        NewUser {
            email: request.email,
            password: request.password,
            first_name: request.first_name,
            last_name: request.last_name,
            language: request.language,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(user)))
}

/// A user as staff see it: with where it was imported from.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminUser {
    #[serde(flatten)]
    user: User,
    /// The rows of another system (WHMCS) this user was imported from or linked to (one email is
    /// one user); empty if none.
    imported_from: Vec<SourceRef>,
}

/// Read a user.
#[utoipa::path(get, path = "/api/v1/admin/users/{id}", tag = "admin",
    params(("id" = String, Path)),
    responses((status = 200, body = AdminUser), (status = 404, body = Problem)))]
async fn get_user(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<AdminUser>, ApiError> {
    let user = service::get(&state, &id).await?;
    let imported_from = sources::of(&state.db, &user.id).await?;
    Ok(ApiJson(AdminUser {
        user,
        imported_from,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateUserRequest {
    #[schema(schema_with = crate::users::fields::name_or_null)]
    first_name: Option<String>,
    #[schema(schema_with = crate::users::fields::name_or_null)]
    last_name: Option<String>,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
    #[schema(schema_with = crate::users::fields::time_zone_or_null)]
    time_zone: Option<String>,
    #[schema(schema_with = crate::users::fields::email_or_null)]
    email: Option<String>,
    /// `disabled` ends every session of the user at once and blocks login.
    status: Option<UserStatus>,
    /// Mark the email address verified (or not).
    email_verified: Option<bool>,
}

/// Update a user (including `status`).
#[utoipa::path(patch, path = "/api/v1/admin/users/{id}", tag = "admin", request_body = UpdateUserRequest,
    params(("id" = String, Path)),
    responses((status = 200, body = User), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    request: Result<ApiJson<UpdateUserRequest>, ApiError>,
) -> Result<ApiJson<User>, ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let update = AdminUpdate {
        profile: ProfileFields {
            first_name: request.first_name,
            last_name: request.last_name,
            language: request.language,
            time_zone: request.time_zone,
        },
        email: request.email,
        status: request.status,
        email_verified: request.email_verified,
    };
    Ok(ApiJson(
        profile::admin_update(&state, by, &id, update).await?,
    ))
}

/// Delete a user.
#[utoipa::path(delete, path = "/api/v1/admin/users/{id}", tag = "admin",
    params(("id" = String, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, body = Problem),
        (status = 409, description = "`user_owns_accounts`: transfer their accounts first", body = Problem),
    ))]
async fn delete_user(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    service::admin_delete(&state, admin.context(&ip).admit()?, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Email the user a password-reset link.
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/password-reset", tag = "admin",
    params(("id" = String, Path)),
    responses((status = 202, description = "Sent"), (status = 404, body = Problem)))]
async fn send_password_reset(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let ctx = admin.context(&ip);
    links::admin_send_password_reset(&state, ctx.admit()?, &id).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Clear the user's second factor (lost phone); they can enrol again.
#[utoipa::path(delete, path = "/api/v1/admin/users/{id}/totp", tag = "admin",
    params(("id" = String, Path)),
    responses((status = 204, description = "Cleared"), (status = 404, body = Problem)))]
async fn clear_totp(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    second_factor::clear_totp(&state, admin.context(&ip).admit()?, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
