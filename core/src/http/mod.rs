//! The HTTP layer: merges each domain's routes, adds the cross-cutting middleware, and does nothing
//! else. Handlers live beside their domain; this module never touches the database.

pub mod assets;
pub mod auth;
pub mod csrf;
pub mod docs;
pub mod forms;
pub mod frame;
pub mod health;
pub mod input;
pub mod middleware;
pub mod openapi;
pub mod page_access;
mod page_headers;
pub mod pages;
pub mod paging;
pub mod problem;
mod strict_json;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tower::ServiceBuilder;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use openapi::ApiDoc;

use crate::state::AppState;
use problem::ApiError;

/// What every request passes through, outermost first, with `$innermost` next to the handler:
/// its id, its span and log line, its metrics, the id echoed back, a panic answered as a problem
/// document, and the body's size limit.
macro_rules! frame {
    ($max_body:expr, $innermost:expr) => {
        ServiceBuilder::new()
            .layer(middleware::set_request_id())
            .layer(middleware::trace())
            .layer(frame::RecordMetrics)
            .layer(middleware::propagate_request_id())
            .layer(middleware::catch_panic())
            .layer(tower_http::limit::RequestBodyLimitLayer::new($max_body))
            .layer(DefaultBodyLimit::max($max_body))
            .layer($innermost)
    };
}

/// The whole application as served: the router, with what runs around the routing.
pub type App = frame::AfterRouting<Router>;

/// The whole application as a tower service, ready to serve or to drive in-process.
pub fn router(state: AppState) -> Result<App, anyhow::Error> {
    let (routes, generated) = api().split_for_parts();
    // The document as served, built before the rest: the tree it is made from goes at once.
    let docs = docs::routes(&openapi::document(&generated)?)?;
    drop(generated);
    let max_body = state.settings.server.max_body_bytes;
    let pages = Router::new()
        .merge(crate::sessions::pages::routes())
        .merge(crate::sessions::passkey_pages::routes())
        .merge(crate::passkeys::pages::routes())
        .merge(crate::users::pages::routes())
        .merge(crate::users::me_pages::routes())
        .merge(crate::users::me_totp_pages::routes())
        .merge(crate::accounts::pages::routes())
        .merge(crate::contacts::pages::routes())
        .merge(crate::memberships::pages::routes())
        .merge(crate::invitations::pages::routes())
        .merge(crate::invitations::owner_pages::routes())
        .merge(crate::admin_area::routes())
        .merge(crate::accounts::admin_pages::routes())
        .merge(crate::memberships::admin_pages::routes())
        .merge(crate::invitations::admin_pages::routes())
        .merge(crate::contacts::admin_pages::routes())
        .merge(crate::audit::admin_pages::routes())
        .merge(crate::users::admin_pages::routes())
        .merge(crate::mail::admin_pages::routes())
        .merge(crate::plugins::admin_pages::routes())
        .merge(crate::staff::admin_pages::routes())
        .merge(crate::staff::passkey_pages::routes())
        .merge(crate::staff::login_as_pages::routes())
        .merge(crate::sessions::support_pages::routes())
        .merge(crate::oauth::pages::routes())
        .merge(crate::oauth::logout_pages::routes())
        .merge(crate::oauth::admin_pages::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::page_guard,
        ));
    // Every route gets the frame once, in one layer call: each `layer` call on a router boxes each
    // route again (a clone and a future allocated per request). The API's routes take their
    // cross-site guard inside the same stack.
    let api = routes.layer(frame!(max_body, frame::ApiGuard::new(state.clone())));
    let rest = Router::new()
        .merge(docs)
        .merge(assets::routes())
        .merge(pages)
        .merge(crate::oauth::logout_pages::app_post_routes())
        .merge(crate::whmcs_api::routes())
        .fallback(not_found)
        .layer(frame!(max_body, tower::layer::util::Identity::new()));
    let app = api.merge(rest).with_state(state.clone());
    Ok(frame::AfterRouting::new(state, app))
}

async fn not_found() -> ApiError {
    input::not_found()
}

/// Every documented route: each domain's `routes()` is merged here.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::routes())
        .merge(crate::sessions::http::routes())
        .merge(crate::users::http::routes())
        .merge(crate::users::second_factor_http::routes())
        .merge(crate::users::admin_http::routes())
        .merge(crate::accounts::http::routes())
        .merge(crate::accounts::admin_http::routes())
        .merge(crate::memberships::http::routes())
        .merge(crate::memberships::admin_http::routes())
        .merge(crate::contacts::http::routes())
        .merge(crate::invitations::http::routes())
        .merge(crate::invitations::admin_http::routes())
        .merge(crate::audit::http::routes())
        .merge(crate::plugins::admin_http::routes())
        .merge(crate::staff::credentials::admin_http::routes())
        .merge(crate::settings::admin_http::routes())
        .merge(crate::mail::admin_http::routes())
        .merge(crate::oauth::http::routes())
        .merge(crate::oauth::me_http::routes())
        .merge(crate::sessions::support_http::routes())
        .merge(crate::passkeys::http::routes())
        .merge(crate::oauth::admin_http::routes())
}

/// The OpenAPI document as served (for tools that want it without a server).
pub fn openapi() -> Result<serde_json::Value, serde_json::Error> {
    openapi::document(&api().split_for_parts().1)
}
