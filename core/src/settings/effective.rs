//! The effective settings as staff see them (`GET /api/v1/admin/settings`, the admin area's
//! Settings page): every value after files, environment and defaults, with what can carry a secret
//! masked by its own `Serialize` (passwords, URLs' user info and query values, every plugin
//! setting). A plugin's manifest may declare some of its settings public: those are shown in
//! clear. Only administrators may read them (`Operation::ReadSettings`).

use axum::extract::State;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Settings;
use crate::admins::{Operation, Role};
use crate::error::Result;
use crate::http::auth::Admin;
use crate::http::input::ApiJson;
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

/// The settings as one JSON object (sections of keys), secrets masked.
pub fn masked(settings: &Settings) -> Value {
    serde_json::to_value(settings).unwrap_or(Value::Null)
}

/// The settings view for a staff member or token of `role`: administrators only; every secret
/// masked, the plugins' public settings in clear.
pub fn view(state: &AppState, role: Role) -> Result<Value> {
    role.require(Operation::ReadSettings)?;
    let mut view = masked(&state.settings);
    for plugin in state.plugins.loaded().iter() {
        let name = plugin.name();
        let Some(own) = state.settings.plugins.each.get(name) else {
            continue;
        };
        for key in &plugin.manifest.public_settings {
            if let (Some(value), Some(slot)) = (
                own.settings.get(key),
                view.pointer_mut(&format!("/plugins/{name}/settings/{}", pointer_escape(key))),
            ) {
                *slot = serde_json::to_value(value).unwrap_or(Value::Null);
            }
        }
    }
    Ok(view)
}

/// A key as one JSON Pointer segment.
fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The view as `section.key = value` lines, in the order of the file's sections: what the
/// Settings page lists.
pub fn flattened(view: &Value) -> Vec<(String, String)> {
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
    walk("", view, &mut out);
    out
}

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
) -> Result<ApiJson<Value>, ApiError> {
    Ok(ApiJson(view(&state, admin.0.role)?))
}
