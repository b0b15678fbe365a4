//! Plugins in the admin area, `/admin/plugins`: each loaded plugin with its hooks, capabilities,
//! counters and after-hook delivery, its parked events with a retry button, and reload. The same
//! view and the same audited actions as the admin API (`plugins::service`); only administrators act.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form};
use crate::http::forms::encode;
use crate::state::AppState;

/// Parked events listed per plugin.
const PARKED_SHOWN: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/plugins", get(plugins_page))
        .route("/admin/plugins/{name}/reload", post(reload))
        .route("/admin/plugins/{name}/parked/{seq}/retry", post(retry))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
    plugin: Option<String>,
}

async fn plugins_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<DoneQuery>,
) -> Response {
    let name = q.plugin.clone().unwrap_or_default();
    let plugin = [("plugin", name.as_str())];
    let notice = match q.done.as_deref() {
        Some("reloaded") => Some(page.chrome.text("admin-done-plugin-reloaded", &plugin)),
        Some("delivered") => Some(page.chrome.text("admin-done-plugin-delivered", &plugin)),
        _ => None,
    };
    show(&state, &page, StatusCode::OK, notice, None).await
}

async fn show(
    state: &AppState,
    page: &StaffPage,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let mut plugins = Vec::new();
    for plugin in state.plugins.loaded().iter() {
        let view = match crate::plugins::service::view(state, plugin).await {
            Ok(view) => view,
            Err(e) => return page.chrome.failed(e),
        };
        let parked = match state.plugins.parked(plugin.name(), PARKED_SHOWN).await {
            Ok(parked) => parked,
            Err(e) => return page.chrome.failed(e),
        };
        plugins.push(context! {
            parked => minijinja::value::Serde(&parked),
            ..Value::from(minijinja::value::Serde(&view))
        });
    }
    page.chrome.render(
        status,
        "admin/plugins.html",
        context! { plugins, notice, error },
    )
}

async fn reload(
    State(state): State<AppState>,
    page: StaffPage,
    Path(name): Path<String>,
) -> Response {
    let result = crate::plugins::service::reload(&state, &page.context(), &name)
        .await
        .map(|_| format!("/admin/plugins?done=reloaded&plugin={}", encode(&name)));
    after_form(&page, "plugin", result, |status, text| {
        show(&state, &page, status, None, Some(text))
    })
    .await
}

async fn retry(
    State(state): State<AppState>,
    page: StaffPage,
    Path((name, seq)): Path<(String, i64)>,
) -> Response {
    let result = crate::plugins::service::retry_parked(&state, &page.context(), &name, seq).await;
    if let Ok(Some(error)) = &result {
        let args = [("plugin", name.as_str()), ("error", error.as_str())];
        let text = page.chrome.text("admin-plugin-failed-again", &args);
        return show(&state, &page, StatusCode::BAD_GATEWAY, None, Some(text)).await;
    }
    let result = result.map(|_| format!("/admin/plugins?done=delivered&plugin={}", encode(&name)));
    after_form(&page, "plugin", result, |status, text| {
        show(&state, &page, status, None, Some(text))
    })
    .await
}
