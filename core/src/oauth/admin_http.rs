//! Admin API routes of the apps that sign people in with Roster (`roster admin oauth-client` on
//! the command line): list and read (any staff role), register, rotate a secret and remove
//! (administrators: each use case asks for `op::Change`). A secret is shown once.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::clients::{self, Client, NewClient};
use super::keys::Alg;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_apps, create_app))
        .routes(routes!(get_app, remove_app))
        .routes(routes!(rotate_app_secret))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppPage {
    #[schema(value_type = Vec<Object>)]
    items: Vec<Client>,
    /// Always null: every app fits one page.
    next_cursor: Option<String>,
}

/// The registered apps (never their secrets).
#[utoipa::path(get, path = "/api/v1/admin/oauth-clients", tag = "admin",
    responses((status = 200, body = AppPage), (status = 401, body = Problem)))]
async fn list_apps(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<ApiJson<AppPage>, ApiError> {
    Ok(ApiJson(AppPage {
        items: clients::list(&state.db).await?,
        next_cursor: None,
    }))
}

/// One app.
#[utoipa::path(get, path = "/api/v1/admin/oauth-clients/{client_id}", tag = "admin",
    params(("client_id" = String, Path)),
    responses((status = 200, body = Object), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_app(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(client_id): ApiPath<String>,
) -> Result<ApiJson<Client>, ApiError> {
    Ok(ApiJson(clients::get(&state.db, &client_id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAppRequest {
    /// Shown to people on the consent page: 1 to 80 characters, unique.
    #[schema(min_length = 1, max_length = 80)]
    name: String,
    /// Where it may send people back after sign-in (matched exactly): https, http on 127.0.0.1
    /// or [::1] (any port), or for a public app a private-use scheme with a dot. At most 10.
    #[schema(min_items = 1, max_items = 10)]
    redirect_uris: Vec<String>,
    /// A native or single-page app: no secret, PKCE required.
    #[serde(default)]
    public: bool,
    /// The provider's own app: no consent page.
    #[serde(default)]
    trusted: bool,
    #[serde(default)]
    #[schema(max_items = 10)]
    post_logout_redirect_uris: Vec<String>,
    backchannel_logout_uri: Option<String>,
    logo_uri: Option<String>,
    /// `RS256` (the default) or `ES256`.
    #[schema(value_type = Option<String>)]
    id_token_alg: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApp {
    #[schema(value_type = Object)]
    app: Client,
    /// A confidential app's secret, shown this once (null for a public app).
    client_secret: Option<String>,
}

/// Register an app; a confidential app's secret is in the answer, once.
#[utoipa::path(post, path = "/api/v1/admin/oauth-clients", tag = "admin",
    request_body = CreateAppRequest,
    responses((status = 201, body = CreatedApp),
        (status = 401, body = Problem),
        (status = 403, description = "`forbidden`: a support token", body = Problem),
        (status = 409, description = "`conflict`: an app has this name", body = Problem),
        (status = 422, body = Problem)))]
async fn create_app(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    request: Result<ApiJson<CreateAppRequest>, ApiError>,
) -> Result<(StatusCode, ApiJson<CreatedApp>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let id_token_alg = match request.id_token_alg.as_deref() {
        None => Alg::Rs256,
        Some(text) => Alg::parse(&text.to_ascii_uppercase()).ok_or_else(|| {
            crate::error::Error::Validation("`id_token_alg` is RS256 or ES256".to_owned())
        })?,
    };
    let new = NewClient {
        name: request.name,
        redirect_uris: request.redirect_uris,
        public: request.public,
        trusted: request.trusted,
        post_logout_redirect_uris: request.post_logout_redirect_uris,
        backchannel_logout_uri: request.backchannel_logout_uri,
        logo_uri: request.logo_uri,
        id_token_alg,
    };
    let (app, client_secret) = clients::create(&state.db, by, state.clock.now_ms(), new).await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(CreatedApp { app, client_secret }),
    ))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotateRequest {
    /// How long the old secret keeps working, in seconds (a day unless told; 0 for a leaked one).
    #[schema(minimum = 0, maximum = 2_592_000)]
    grace_seconds: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    /// The new secret, shown this once.
    client_secret: String,
}

/// A new secret for a confidential app (shown once); the old one works through the grace period.
#[utoipa::path(post, path = "/api/v1/admin/oauth-clients/{client_id}/rotate-secret", tag = "admin",
    params(("client_id" = String, Path)), request_body = RotateRequest,
    responses((status = 200, body = RotatedSecret),
        (status = 401, body = Problem),
        (status = 403, description = "`forbidden`: a support token", body = Problem),
        (status = 404, body = Problem),
        (status = 422, description = "A public app, or a grace beyond 30 days", body = Problem)))]
async fn rotate_app_secret(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(client_id): ApiPath<String>,
    request: Result<ApiJson<RotateRequest>, ApiError>,
) -> Result<ApiJson<RotatedSecret>, ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiJson(request) = request?;
    let seconds = request.grace_seconds.unwrap_or(24 * 60 * 60);
    if seconds > 2_592_000 {
        return Err(crate::error::Error::Validation(
            "`grace_seconds` is at most 30 days (2592000)".to_owned(),
        )
        .into());
    }
    let client_secret = clients::rotate_secret(
        &state.db,
        by,
        state.clock.now_ms(),
        &client_id,
        Duration::from_secs(seconds),
    )
    .await?;
    Ok(ApiJson(RotatedSecret { client_secret }))
}

/// Remove an app: its tokens, consents and queued logouts go with it.
#[utoipa::path(delete, path = "/api/v1/admin/oauth-clients/{client_id}", tag = "admin",
    params(("client_id" = String, Path)),
    responses((status = 204),
        (status = 401, body = Problem),
        (status = 403, description = "`forbidden`: a support token", body = Problem),
        (status = 404, body = Problem)))]
async fn remove_app(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(client_id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    clients::remove(&state.db, by, state.clock.now_ms(), &client_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
