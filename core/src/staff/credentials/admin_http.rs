//! Admin API routes of WHMCS API credentials: list, create (the secret shown once), revoke.
//! Creating and revoking need an administrator's token (the `Admin` extractor's role check).

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{AdminToken, Kind, NewApiCredential, Role};
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_api_credentials, create_api_credential))
        .routes(routes!(revoke_api_credential))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialPage {
    items: Vec<AdminToken>,
    /// Always null: every credential fits one page.
    next_cursor: Option<String>,
}

/// List WHMCS API credentials, live and revoked (never their secrets).
#[utoipa::path(get, path = "/api/v1/admin/api-credentials", tag = "admin",
    responses((status = 200, body = CredentialPage)))]
async fn list_api_credentials(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<ApiJson<CredentialPage>, ApiError> {
    let items = super::list(&state.db)
        .await?
        .into_iter()
        .filter(|t| t.kind == Kind::ApiCredential.as_str())
        .collect();
    Ok(ApiJson(CredentialPage {
        items,
        next_cursor: None,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateCredentialRequest {
    /// Who or what uses it: 1-64 letters, digits and `- _ . @` (spaces around it are dropped).
    #[schema(pattern = "^\\s*[A-Za-z0-9._@-]{1,64}\\s*$")]
    name: String,
    /// `administrator` (the default) or `support`.
    role: Option<Role>,
}

/// Create a WHMCS API credential: the identifier and the secret, shown once.
#[utoipa::path(post, path = "/api/v1/admin/api-credentials", tag = "admin",
    request_body = CreateCredentialRequest,
    responses((status = 201, body = NewApiCredential),
        (status = 403, description = "`forbidden`: a support token", body = Problem),
        (status = 409, description = "`conflict`: a live credential has this name", body = Problem),
        (status = 422, body = Problem)))]
async fn create_api_credential(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    request: Result<ApiJson<CreateCredentialRequest>, ApiError>,
) -> Result<(StatusCode, ApiJson<NewApiCredential>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let new = super::create_api_credential(
        &state.db,
        by,
        state.clock.now_ms(),
        &request.name,
        request.role.unwrap_or(Role::Administrator),
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(new)))
}

/// Revoke a WHMCS API credential: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/admin/api-credentials/{id}", tag = "admin",
    params(("id" = String, Path)),
    responses((status = 200, body = AdminToken),
        (status = 403, description = "`forbidden`: a support token", body = Problem),
        (status = 404, description = "no live credential has this id", body = Problem)))]
async fn revoke_api_credential(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<ApiJson<AdminToken>, ApiError> {
    let revoked = super::revoke_by_id(
        &state.db,
        &admin.context(&ip),
        state.clock.now_ms(),
        Kind::ApiCredential,
        &id,
    )
    .await?;
    Ok(ApiJson(revoked))
}
