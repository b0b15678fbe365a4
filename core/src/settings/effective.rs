//! The effective settings as staff see them (`GET /api/v1/admin/settings`, the admin area's
//! Settings page): every value after files, environment and defaults, with secrets (passwords,
//! keys, the database URL's password) masked by their own `Serialize`.

use axum::extract::State;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Settings;
use crate::http::auth::Admin;
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

/// The settings as one JSON object (sections of keys), secrets masked.
pub fn masked(settings: &Settings) -> Value {
    serde_json::to_value(settings).unwrap_or(Value::Null)
}

/// The settings as `section.key = value` lines, in the order of the file's sections: what the
/// Settings page lists.
pub fn flattened(settings: &Settings) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, inner, out);
                }
            }
            Value::String(text) => out.push((prefix.to_owned(), text.clone())),
            other => out.push((prefix.to_owned(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk("", &masked(settings), &mut out);
    out
}

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_settings))
}

/// The effective settings, secrets masked as `***`.
#[utoipa::path(get, path = "/api/v1/admin/settings", tag = "admin",
    responses((status = 200, body = serde_json::Value, description = "Sections of settings, as in roster.toml"),
        (status = 401, body = Problem)))]
async fn get_settings(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<ApiJson<Value>, ApiError> {
    Ok(ApiJson(masked(&state.settings)))
}
