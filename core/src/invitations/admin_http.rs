//! Admin API routes of invitations: as the owner's, sent as staff.

use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Invitation;
use super::InviteRequest;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::memberships::Manager;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_invitations, create_invitation))
        .routes(routes!(cancel_invitation))
        .routes(routes!(resend_invitation))
}

/// Pending invitations of an account.
#[utoipa::path(get, path = "/api/v1/admin/accounts/{id}/invitations", tag = "admin", params(("id" = String, Path)),
    responses((status = 200, body = Vec<Invitation>), (status = 404, body = Problem)))]
async fn list_invitations(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<Vec<Invitation>>, ApiError> {
    Ok(ApiJson(
        super::service::list_pending(&state, Manager::Staff { account_id: &id }).await?,
    ))
}

/// Invite an email address to an account, as staff (works with user management off).
#[utoipa::path(post, path = "/api/v1/admin/accounts/{id}/invitations", tag = "admin", params(("id" = String, Path)),
    request_body = InviteRequest,
    responses((status = 201, body = Invitation), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn create_invitation(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<InviteRequest>,
) -> Result<(StatusCode, ApiJson<Invitation>), ApiError> {
    let invitation = super::service::invite(
        &state,
        &admin.context(&ip),
        Manager::Staff { account_id: &id },
        &request.email,
        &request.permissions,
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(invitation)))
}

/// Cancel a pending invitation.
#[utoipa::path(delete, path = "/api/v1/admin/accounts/{id}/invitations/{invitation_id}", tag = "admin",
    params(("id" = String, Path), ("invitation_id" = String, Path)),
    responses((status = 204, description = "Cancelled"), (status = 404, body = Problem), (status = 410, body = Problem)))]
async fn cancel_invitation(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath((id, invitation_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    super::service::cancel(
        &state,
        &admin.context(&ip),
        Manager::Staff { account_id: &id },
        &invitation_id,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send a new link: the old one stops working.
#[utoipa::path(post, path = "/api/v1/admin/accounts/{id}/invitations/{invitation_id}/resend", tag = "admin",
    params(("id" = String, Path), ("invitation_id" = String, Path)),
    responses((status = 200, body = Invitation), (status = 404, body = Problem), (status = 410, body = Problem), (status = 429, body = Problem)))]
async fn resend_invitation(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath((id, invitation_id)): ApiPath<(String, String)>,
) -> Result<ApiJson<Invitation>, ApiError> {
    Ok(ApiJson(
        super::service::resend(
            &state,
            &admin.context(&ip),
            Manager::Staff { account_id: &id },
            &invitation_id,
        )
        .await?,
    ))
}
