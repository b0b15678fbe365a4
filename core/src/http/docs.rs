//! The OpenAPI 3.1 document at `/api/v1/openapi.json` and its reference page at `/api/v1/docs`:
//! Swagger UI (request and response schemas, examples, "try it out"), whose files are built into
//! the binary by `utoipa-swagger-ui`'s `vendored` feature, so the page works offline and behind any
//! firewall. The page loads only Roster's own files (its CSP says so).

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::state::AppState;

/// Where the reference page lives.
pub const DOCS_PATH: &str = "/api/v1/docs";
/// Where the document is served.
pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

/// Swagger UI's needs and nothing more: its own scripts, styles (some inline) and images, and
/// requests back to Roster ("try it out").
const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// Routes serving `doc` (the complete document, see `http::openapi`) and the reference page.
///
/// The document is kept as the bytes it is served as (a few hundred kilobytes), not as a JSON
/// tree to serialise on each request: the tree held 2 MB resident for good (docs/benchmarks.md,
/// "The resident set").
pub fn routes(doc: &serde_json::Value) -> Result<Router<AppState>, serde_json::Error> {
    let document = Bytes::from(serde_json::to_vec(doc)?);
    let served = get(move || {
        let document = document.clone();
        async move { ([(header::CONTENT_TYPE, "application/json")], document) }
    });
    let ui = SwaggerUi::new(DOCS_PATH).config(
        Config::new([OPENAPI_PATH])
            // No "explore another document" bar: this page documents this server.
            .use_base_layout()
            .try_it_out_enabled(true)
            .display_request_duration(true)
            .persist_authorization(false)
            .validator_url("none"),
    );
    Ok(Router::<AppState>::from(ui)
        .route(OPENAPI_PATH, served)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DOCS_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        )))
}
