//! Client-area routes of contacts (the `contacts` permission).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Contact, ContactInput};
use crate::http::auth::{ClientIp, CurrentUser};
use crate::http::json::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::memberships::service::access_with;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_contacts, create_contact))
        .routes(routes!(get_contact, update_contact, delete_contact))
}

const PERMISSION: &str = "contacts";

/// The account's contacts.
#[utoipa::path(get, path = "/api/v1/accounts/{id}/contacts", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Vec<Contact>), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn list_contacts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<ApiJson<Vec<Contact>>, ApiError> {
    access_with(&state, &user.0.user_id, &id, PERMISSION).await?;
    Ok(ApiJson(super::list(&state, &id).await?))
}

/// Add a contact.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/contacts", tag = "accounts", params(("id" = String, Path)),
    request_body = ContactInput,
    responses((status = 201, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn create_contact(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ContactInput>,
) -> Result<(StatusCode, ApiJson<Contact>), ApiError> {
    access_with(&state, &user.0.user_id, &id, PERMISSION).await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(super::create(&state, &user.context(&ip), &id, input).await?),
    ))
}

/// Read a contact.
#[utoipa::path(get, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)),
    responses((status = 200, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn get_contact(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, contact_id)): Path<(String, String)>,
) -> Result<ApiJson<Contact>, ApiError> {
    access_with(&state, &user.0.user_id, &id, PERMISSION).await?;
    Ok(ApiJson(super::get(&state, &id, &contact_id).await?))
}

/// Change a contact.
#[utoipa::path(patch, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)), request_body = ContactInput,
    responses((status = 200, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_contact(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    Path((id, contact_id)): Path<(String, String)>,
    ApiJson(input): ApiJson<ContactInput>,
) -> Result<ApiJson<Contact>, ApiError> {
    access_with(&state, &user.0.user_id, &id, PERMISSION).await?;
    Ok(ApiJson(
        super::update(&state, &user.context(&ip), &id, &contact_id, input).await?,
    ))
}

/// Delete a contact.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)),
    responses((status = 204, description = "Deleted"), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn delete_contact(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    Path((id, contact_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    access_with(&state, &user.0.user_id, &id, PERMISSION).await?;
    super::delete(&state, &user.context(&ip), &id, &contact_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
