//! Client-area routes of invitations: the owner's (rules 4, 5) and the invitee's.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Accepted, Acceptor, Invitation, InvitationPreview, InviteRequest, SignedUp};
use crate::http::auth::{AccountUser, ClientIp, CurrentUser};
use crate::http::input::{ApiJson, ApiPath, OptionalJson};
use crate::http::problem::{ApiError, Problem};
use crate::memberships::Manager;
use crate::state::AppState;
use crate::users::service::NewUser;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_invitations, create_invitation))
        .routes(routes!(cancel_invitation))
        .routes(routes!(resend_invitation))
        .routes(routes!(preview))
        .routes(routes!(accept))
}

/// Pending invitations of the account (owner only).
#[utoipa::path(get, path = "/api/v1/accounts/{id}/invitations", tag = "invitations", params(("id" = String, Path)),
    responses((status = 200, body = Vec<Invitation>), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn list_invitations(
    State(state): State<AppState>,
    caller: AccountUser,
) -> Result<ApiJson<Vec<Invitation>>, ApiError> {
    Ok(ApiJson(
        super::service::list_pending(&state, Manager::Member(&caller.access)).await?,
    ))
}

/// Invite an email address (owner only). A pending invitation to the same address is replaced.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/invitations", tag = "invitations", params(("id" = String, Path)),
    request_body = InviteRequest,
    responses(
        (status = 201, body = Invitation),
        (status = 403, description = "`forbidden` or `user_management_disabled`", body = Problem),
        (status = 409, description = "`already_member`", body = Problem),
        (status = 422, body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem),
    ))]
async fn create_invitation(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<InviteRequest>,
) -> Result<(StatusCode, ApiJson<Invitation>), ApiError> {
    let ctx = caller.user.context(&ip);
    let invitation = super::service::invite(
        &state,
        &ctx,
        Manager::Member(&caller.access),
        &request.email,
        &request.permissions,
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(invitation)))
}

/// Cancel a pending invitation (owner only): its link stops working.
#[utoipa::path(delete, path = "/api/v1/accounts/{id}/invitations/{invitation_id}", tag = "invitations",
    params(("id" = String, Path), ("invitation_id" = String, Path)),
    responses((status = 204, description = "Cancelled"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 410, body = Problem)))]
async fn cancel_invitation(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, invitation_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    super::service::cancel(
        &state,
        &caller.user.context(&ip),
        Manager::Member(&caller.access),
        &invitation_id,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send a new link (owner only): the old link stops working, the expiry starts again.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/invitations/{invitation_id}/resend", tag = "invitations",
    params(("id" = String, Path), ("invitation_id" = String, Path)),
    responses((status = 200, body = Invitation), (status = 403, body = Problem), (status = 404, body = Problem), (status = 410, body = Problem), (status = 429, body = Problem)))]
async fn resend_invitation(
    State(state): State<AppState>,
    caller: AccountUser,
    ip: ClientIp,
    ApiPath((_account_id, invitation_id)): ApiPath<(String, String)>,
) -> Result<ApiJson<Invitation>, ApiError> {
    let ctx = caller.user.context(&ip);
    let by = Manager::Member(&caller.access);
    Ok(ApiJson(
        super::service::resend(&state, &ctx, by, &invitation_id).await?,
    ))
}

/// What the link shows to anyone holding it: the account's name, the inviter, expiry and state.
#[utoipa::path(get, path = "/api/v1/invitations/{token}", tag = "invitations", params(("token" = String, Path)),
    responses((status = 200, body = InvitationPreview), (status = 404, body = Problem)))]
async fn preview(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<ApiJson<InvitationPreview>, ApiError> {
    Ok(ApiJson(super::service::preview(&state, &token).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignupInput {
    #[schema(schema_with = crate::users::fields::email)]
    email: String,
    #[schema(value_type = String, format = Password, min_length = 10, max_length = 256)]
    password: SecretString,
    #[schema(schema_with = crate::users::fields::name)]
    first_name: String,
    #[schema(schema_with = crate::users::fields::name)]
    last_name: String,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct AcceptRequest {
    /// Accept as a new user created in the same call. Without it, the signed-in user accepts.
    signup: Option<SignupInput>,
}

/// What accepting by sign-up answers when `auth.require_email_verification` is on and the address
/// is not the invited one, whether or not it already had a login.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptPending {
    message: &'static str,
}

/// Accept the invitation as the signed-in user (no body, or `{}`), or with `{signup: {…}}` as a
/// new user.
///
/// Signing up with the invited address makes the membership at once (the link proved the
/// address). With `auth.require_email_verification`, signing up with another address answers
/// `202` and the same whether or not that address has a login (its owner gets an email instead),
/// as `POST /api/v1/signup` does; sign-ups are limited per client IP and per link.
#[utoipa::path(post, path = "/api/v1/invitations/{token}/accept", tag = "invitations", params(("token" = String, Path)),
    request_body = AcceptRequest,
    responses(
        (status = 200, body = Accepted),
        (status = 202, description = "With `auth.require_email_verification`, a sign-up with another address than the invited one: check the mailbox", body = AcceptPending),
        (status = 401, description = "No session and no sign-up", body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "`already_member`, or `email_taken` (the invited address, or any address without `auth.require_email_verification`)", body = Problem),
        (status = 410, description = "`invitation_used`, `invitation_cancelled` or `invitation_expired`", body = Problem),
    ))]
async fn accept(
    State(state): State<AppState>,
    ip: ClientIp,
    user: Option<CurrentUser>,
    ApiPath(token): ApiPath<String>,
    OptionalJson(request): OptionalJson<AcceptRequest>,
) -> Result<Response, ApiError> {
    let accepted = match (request.signup, user) {
        (Some(s), _) => {
            let new = NewUser {
                email: s.email,
                password: Some(s.password),
                first_name: s.first_name,
                last_name: s.last_name,
                language: s.language,
            };
            match super::accept_by_signup(&state, ip.0, &token, new).await? {
                SignedUp::Accepted(accepted) => *accepted,
                SignedUp::CheckMailbox => {
                    let body = AcceptPending {
                        message: "Check your mailbox: the next step is in the email we sent.",
                    };
                    return Ok((StatusCode::ACCEPTED, ApiJson(body)).into_response());
                }
            }
        }
        (None, Some(user)) => {
            super::accept(&state, ip.0, &token, Acceptor::Session(user.0)).await?
        }
        (None, None) => return Err(crate::error::Error::Unauthenticated.into()),
    };
    Ok(ApiJson(accepted).into_response())
}
