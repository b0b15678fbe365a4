//! Client-area routes of contacts (the `contacts` permission).

use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Contact, ContactInput};
use crate::http::auth::{AccountUser, ClientIp};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_contacts, create_contact))
        .routes(routes!(get_contact, update_contact, delete_contact))
}

/// The account's contacts.
#[utoipa::path(get, path = "/api/v1/accounts/{id}/contacts", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = Vec<Contact>), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn list_contacts(
    State(state): State<AppState>,
    caller: AccountUser,
) -> Result<ApiJson<Vec<Contact>>, ApiError> {
    Ok(ApiJson(super::service::list(&state, &caller.access).await?))
}

/// Add a contact (an account holds at most 100: the next answers 409 until one is deleted).
#[utoipa::path(post, path = "/api/v1/accounts/{id}/contacts", tag = "accounts", params(("id" = String, Path)),
    request_body = ContactInput,
    responses((status = 201, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`conflict`: the account holds 100 contacts", body = Problem), (status = 422, body = Problem)))]
async fn create_contact(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiJson(input): ApiJson<ContactInput>,
) -> Result<(StatusCode, ApiJson<Contact>), ApiError> {
    let ctx = caller.user.context(&ip);
    let contact = super::service::create(&state, &ctx, &caller.access, input).await?;
    Ok((StatusCode::CREATED, ApiJson(contact)))
}

/// Read a contact.
#[utoipa::path(get, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)),
    responses((status = 200, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn get_contact(
    State(state): State<AppState>,
    caller: AccountUser,
    ApiPath((_account_id, contact_id)): ApiPath<(String, String)>,
) -> Result<ApiJson<Contact>, ApiError> {
    Ok(ApiJson(
        super::service::get(&state, &caller.access, &contact_id).await?,
    ))
}

/// Change a contact.
#[utoipa::path(patch, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)), request_body = ContactInput,
    responses((status = 200, body = Contact), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_contact(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, contact_id)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<ContactInput>,
) -> Result<ApiJson<Contact>, ApiError> {
    let ctx = caller.user.context(&ip);
    Ok(ApiJson(
        super::service::update(&state, &ctx, &caller.access, &contact_id, input).await?,
    ))
}

/// Delete a contact.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}/contacts/{contact_id}", tag = "accounts",
    params(("id" = String, Path), ("contact_id" = String, Path)),
    responses((status = 204, description = "Deleted"), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn delete_contact(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, contact_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let ctx = caller.user.context(&ip);
    super::service::delete(&state, &ctx, &caller.access, &contact_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
