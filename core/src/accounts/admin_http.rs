//! Admin API routes of accounts.

use axum::extract::State;
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, NewOwner};
use super::{Account, AccountProfile, AccountStatus};
use crate::error::Error;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath, ApiQuery};
use crate::http::paging::{PageQuery, page};
use crate::http::problem::{ApiError, Problem};
use crate::import::sources::{self, SourceRef};
use crate::memberships::Manager;
use crate::state::AppState;
use crate::users::service::NewUser;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_accounts, create_account))
        .routes(routes!(get_account, update_account))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountSearch {
    /// Matches company name and billing email (case-insensitive, anywhere), or the account's
    /// number (`1042` or `#1042`).
    search: Option<String>,
    /// Only accounts with this status.
    status: Option<AccountStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountPage {
    items: Vec<Account>,
    next_cursor: Option<String>,
}

/// List accounts.
#[utoipa::path(get, path = "/api/v1/admin/accounts", tag = "admin", params(AccountSearch, PageQuery),
    responses((status = 200, body = AccountPage), (status = 401, body = Problem)))]
async fn list_accounts(
    State(state): State<AppState>,
    _admin: Admin,
    ApiQuery(search): ApiQuery<AccountSearch>,
    ApiQuery(paging): ApiQuery<PageQuery>,
) -> Result<ApiJson<AccountPage>, ApiError> {
    let limit = paging.limit()?;
    let found = service::list(
        &state,
        search
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty()),
        search.status,
        paging.after()?.as_deref(),
        i64::from(limit) + 1,
    )
    .await?;
    let (items, next_cursor) = page(found, limit, |a| a.id.as_str());
    Ok(ApiJson(AccountPage { items, next_cursor }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateAccountRequest {
    /// An existing user who becomes the owner. Or give `email`, `first_name` and `last_name` (and
    /// optionally `password`) to create the owner: an email that has a user is `email_taken`.
    owner_user_id: Option<String>,
    #[schema(schema_with = crate::users::fields::email_or_null)]
    email: Option<String>,
    #[schema(schema_with = crate::users::fields::name_or_null)]
    first_name: Option<String>,
    #[schema(schema_with = crate::users::fields::name_or_null)]
    last_name: Option<String>,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
    /// Without one, the new owner is emailed a link to choose a password.
    #[schema(value_type = Option<String>, format = Password, min_length = 10, max_length = 256)]
    password: Option<SecretString>,
    /// The account's profile.
    #[serde(default)]
    account: AccountProfile,
}

/// Create an account with its owner (an existing user, or a new one).
#[utoipa::path(post, path = "/api/v1/admin/accounts", tag = "admin", request_body = CreateAccountRequest,
    responses((status = 201, body = Account), (status = 404, body = Problem), (status = 409, description = "`email_taken`", body = Problem), (status = 422, body = Problem)))]
async fn create_account(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    request: Result<ApiJson<CreateAccountRequest>, ApiError>,
) -> Result<(StatusCode, ApiJson<Account>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let owner = match (request.owner_user_id, request.email) {
        (Some(id), None) => NewOwner::Existing(id),
        (None, Some(email)) => NewOwner::New(NewUser {
            email,
            password: request.password,
            first_name: request.first_name.unwrap_or_default(),
            last_name: request.last_name.unwrap_or_default(),
            language: request.language,
        }),
        _ => {
            return Err(Error::Validation(
                "give owner_user_id, or the new owner's email, first_name and last_name".to_owned(),
            )
            .into());
        }
    };
    let account = service::admin_create(&state, by, owner, request.account).await?;
    Ok((StatusCode::CREATED, ApiJson(account)))
}

/// An account as staff see it: with where it was imported from.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminAccount {
    #[serde(flatten)]
    account: Account,
    /// The rows of another system (WHMCS) this account was imported from; empty if none.
    imported_from: Vec<SourceRef>,
}

/// Read an account.
#[utoipa::path(get, path = "/api/v1/admin/accounts/{id}", tag = "admin", params(("id" = String, Path)),
    responses((status = 200, body = AdminAccount), (status = 404, body = Problem)))]
async fn get_account(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<AdminAccount>, ApiError> {
    let account = service::get(&state, &id).await?;
    let imported_from = sources::of(&state.db, &account.id).await?;
    Ok(ApiJson(AdminAccount {
        account,
        imported_from,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateAccountRequest {
    /// `active`, `inactive` or `closed`.
    status: Option<AccountStatus>,
    #[serde(flatten)]
    profile: AccountProfile,
}

/// Update an account's profile or status (`closed` to close it).
#[utoipa::path(patch, path = "/api/v1/admin/accounts/{id}", tag = "admin", params(("id" = String, Path)),
    request_body = UpdateAccountRequest,
    responses((status = 200, body = Account), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_account(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    request: Result<ApiJson<UpdateAccountRequest>, ApiError>,
) -> Result<ApiJson<Account>, ApiError> {
    let ctx = admin.context(&ip);
    let admitted = ctx.admit()?;
    let ApiJson(request) = request?;
    let by = Manager::Staff { account_id: &id };
    Ok(ApiJson(
        service::update(&state, admitted, by, request.profile, request.status).await?,
    ))
}
