//! The effective settings as staff see them (`GET /api/v1/admin/settings`, `settings::admin_http`;
//! the admin area's Settings page): every value after files, environment and defaults, with what can carry a secret
//! masked by its own `Serialize` (passwords, URLs' user info and query values, every plugin
//! setting). A plugin's manifest may declare some of its settings public: those are shown in
//! clear. Only administrators may read them (the use case names `op::ReadSettings`).

use serde_json::Value;

use super::Settings;
use crate::audit::Acting;
use crate::error::Result;
use crate::staff::roles::op;
use crate::state::AppState;

/// The settings as one JSON object (sections of keys), secrets masked.
pub fn masked(settings: &Settings) -> Value {
    serde_json::to_value(settings).unwrap_or(Value::Null)
}

/// The settings view for staff: administrators only; every secret masked, the plugins' public
/// settings in clear.
pub fn view<'a>(state: &AppState, ctx: impl Acting<'a, op::ReadSettings>) -> Result<Value> {
    ctx.admitted()?;
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
