//! Admin API for plugins: what is loaded and how it behaves, reload, and parked after-events.

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Loaded;
use super::repo::Parked;
use super::service::{PluginView, view};
use crate::error::Error;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath, ApiQuery};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_plugins))
        .routes(routes!(get_plugin))
        .routes(routes!(reload_plugin))
        .routes(routes!(list_parked))
        .routes(routes!(retry_parked))
}

fn find(state: &AppState, name: &str) -> Result<std::sync::Arc<Loaded>, ApiError> {
    state
        .plugins
        .get(name)
        .ok_or_else(|| Error::NotFound("plugin").into())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PluginList {
    items: Vec<PluginView>,
}

/// The loaded plugins, in the order their hooks run.
#[utoipa::path(get, path = "/api/v1/admin/plugins", tag = "admin",
    responses((status = 200, body = PluginList), (status = 401, body = Problem)))]
async fn list_plugins(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<ApiJson<PluginList>, ApiError> {
    let mut items = Vec::new();
    for plugin in state.plugins.loaded().iter() {
        items.push(view(&state, plugin).await?);
    }
    Ok(ApiJson(PluginList { items }))
}

/// One plugin.
#[utoipa::path(get, path = "/api/v1/admin/plugins/{name}", tag = "admin",
    params(("name" = String, Path)),
    responses((status = 200, body = PluginView), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_plugin(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(name): ApiPath<String>,
) -> Result<ApiJson<PluginView>, ApiError> {
    let plugin = find(&state, &name)?;
    Ok(ApiJson(view(&state, &plugin).await?))
}

/// Loads the plugin's files again and swaps the new version in atomically (calls in flight finish
/// on the old one). A version that does not load leaves the old one running: 422 `plugin_invalid`
/// says why.
#[utoipa::path(post, path = "/api/v1/admin/plugins/{name}/reload", tag = "admin",
    params(("name" = String, Path)),
    responses((status = 200, body = PluginView), (status = 401, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn reload_plugin(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(name): ApiPath<String>,
) -> Result<ApiJson<PluginView>, ApiError> {
    let fresh = super::service::reload(&state, &admin.context(&ip), &name).await?;
    Ok(ApiJson(view(&state, &fresh).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParkedQuery {
    /// At most this many (default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParkedList {
    items: Vec<Parked>,
}

/// Events whose after-hook failed `plugins.queue.max_attempts` times, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/plugins/{name}/parked", tag = "admin",
    params(("name" = String, Path), ParkedQuery),
    responses((status = 200, body = ParkedList), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn list_parked(
    State(state): State<AppState>,
    _admin: Admin,
    ApiPath(name): ApiPath<String>,
    ApiQuery(q): ApiQuery<ParkedQuery>,
) -> Result<ApiJson<ParkedList>, ApiError> {
    find(&state, &name)?;
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(crate::error::Error::Validation("limit must be 1 to 1000".to_owned()).into());
    }
    Ok(ApiJson(ParkedList {
        items: state.plugins.parked(&name, limit).await?,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RetryResult {
    /// Whether the plugin took the event this time (it then leaves the parked list).
    delivered: bool,
    /// The plugin's error when it failed again.
    error: Option<String>,
}

/// Delivers a parked event again, now.
#[utoipa::path(post, path = "/api/v1/admin/plugins/{name}/parked/{seq}/retry", tag = "admin",
    params(("name" = String, Path), ("seq" = i64, Path)),
    responses((status = 200, body = RetryResult), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn retry_parked(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    path: Result<ApiPath<(String, i64)>, ApiError>,
) -> Result<(StatusCode, ApiJson<RetryResult>), ApiError> {
    let ctx = admin.context(&ip);
    let by = ctx.admit()?;
    let ApiPath((name, seq)) = path?;
    let error = super::service::retry_parked(&state, by, &name, seq).await?;
    Ok((
        StatusCode::OK,
        ApiJson(RetryResult {
            delivered: error.is_none(),
            error,
        }),
    ))
}
