//! The OpenAPI 3.1 document, generated from the handlers, and a plain HTML page that reads it.
//!
//! The page is rendered on the server from the same document (no script, no CDN), so it works
//! offline and behind any firewall.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use utoipa::openapi::OpenApi;

use crate::state::AppState;

const PAGE: &str = include_str!("../../templates/api-docs.html");

/// Routes serving `doc`: `/api/v1/openapi.json` and the human page `/api/v1/docs`. Both are
/// rendered once, here, and served from memory.
pub fn routes(doc: &OpenApi) -> Result<Router<AppState>, anyhow::Error> {
    let json: Arc<str> = doc.to_pretty_json()?.into();
    let value: serde_json::Value = serde_json::from_str(&json)?;
    let page: Arc<str> = render_page(&value)?.into();
    Ok(Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    json.to_string(),
                )
                    .into_response()
            }),
        )
        .route(
            "/api/v1/docs",
            get(move || async move { Html(page.to_string()) }),
        ))
}

const METHODS: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

/// One operation as the page lists it.
#[derive(serde::Serialize)]
struct Operation {
    method: String,
    path: String,
    summary: String,
    description: String,
    tags: Vec<String>,
    responses: Vec<(String, String)>,
}

fn render_page(doc: &serde_json::Value) -> Result<String, anyhow::Error> {
    let mut operations = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) {
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let text = |key: &str| {
                    op.get(key)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_owned()
                };
                let responses = op
                    .get("responses")
                    .and_then(|r| r.as_object())
                    .map(|r| {
                        r.iter()
                            .map(|(status, resp)| {
                                let description = resp
                                    .get("description")
                                    .and_then(|d| d.as_str())
                                    .unwrap_or("")
                                    .to_owned();
                                (status.clone(), description)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let tags = op
                    .get("tags")
                    .and_then(|t| t.as_array())
                    .map(|t| {
                        t.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                operations.push(Operation {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: text("summary"),
                    description: text("description"),
                    tags,
                    responses,
                });
            }
        }
    }
    let mut env = minijinja::Environment::new();
    env.add_template("api-docs.html", PAGE)?;
    let page = env
        .get_template("api-docs.html")?
        .render(minijinja::context! {
            title => doc.pointer("/info/title").and_then(|v| v.as_str()).unwrap_or("API"),
            version => doc.pointer("/info/version").and_then(|v| v.as_str()).unwrap_or(""),
            description => doc.pointer("/info/description").and_then(|v| v.as_str()).unwrap_or(""),
            openapi => doc.get("openapi").and_then(|v| v.as_str()).unwrap_or(""),
            operations => minijinja::value::Serde(&operations),
        })?;
    Ok(page)
}
