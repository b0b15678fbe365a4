//! Admin API route of the settings: the effective settings, secrets masked.

use axum::extract::State;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::effective::view;
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_settings))
}

/// The effective settings, secrets masked as `***` (administrators only).
#[utoipa::path(get, path = "/api/v1/admin/settings", tag = "admin",
    responses((status = 200, body = serde_json::Value, description = "Sections of settings, as in roster.toml"),
        (status = 401, body = Problem),
        (status = 403, description = "`forbidden`: the support role may not read the settings", body = Problem)))]
async fn get_settings(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
) -> Result<ApiJson<Value>, ApiError> {
    Ok(ApiJson(view(&state, &admin.context(&ip))?))
}
