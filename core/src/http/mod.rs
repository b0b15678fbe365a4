//! The HTTP layer: merges each domain's routes, adds the cross-cutting middleware, and does nothing
//! else. Handlers live beside their domain; this module never touches the database.

pub mod auth;
pub mod csrf;
pub mod docs;
pub mod health;
pub mod input;
pub mod middleware;
pub mod pages;
pub mod paging;
pub mod problem;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tower::ServiceBuilder;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;
use problem::{ApiError, Code};

/// The document's fixed parts; paths are collected from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Roster API",
        description = "Users, accounts, ownership, permissions and invitations for a hosting platform."
    ),
    tags(
        (name = "operations", description = "Health and readiness probes"),
        (name = "auth", description = "Sign-up, login, email verification, password reset"),
        (name = "me", description = "The signed-in user: profile, sessions, second factor"),
        (name = "accounts", description = "Accounts, their users and permissions (client area)"),
        (name = "invitations", description = "Invitations: the owner's, and the invitee's link"),
        (name = "admin", description = "The admin API (admin bearer token)"),
    ),
    modifiers(&Security)
)]
struct ApiDoc;

/// Declares the two bearer schemes: session tokens and admin tokens.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A session token from login (or the roster_session cookie)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "admin",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An admin token from `roster admin token create`"))
                    .build(),
            ),
        );
    }
}

/// The whole application as an axum router, ready to serve or to drive in-process.
pub fn router(state: AppState) -> Result<Router, anyhow::Error> {
    let (routes, openapi) = api().split_for_parts();
    let max_body = state.settings.server.max_body_bytes;
    let plugins = state.plugins.clone();
    let pages = Router::new()
        .merge(crate::users::pages::routes())
        .merge(crate::invitations::pages::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::page_guard,
        ));
    let app = routes
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::api_guard,
        ))
        .merge(docs::routes(&openapi)?)
        .merge(pages)
        .fallback(not_found)
        .layer(
            ServiceBuilder::new()
                .layer(middleware::set_request_id())
                .layer(middleware::trace())
                .layer(middleware::propagate_request_id())
                .layer(middleware::catch_panic())
                .layer(tower_http::limit::RequestBodyLimitLayer::new(max_body))
                .layer(DefaultBodyLimit::max(max_body)),
        )
        .with_state(state);
    // Outside the routing, so that it sees every final response.
    Ok(Router::new()
        .fallback_service(app)
        .layer(axum::middleware::from_fn(
            middleware::problem_for_bare_errors,
        ))
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let plugins = plugins.clone();
                async move {
                    // A request that may have committed events wakes after-hook delivery at once
                    // (other replicas find the events at their next poll).
                    let writes = !request.method().is_safe();
                    let response = next.run(request).await;
                    if writes && response.status().is_success() {
                        plugins.notify_committed();
                    }
                    response
                }
            },
        )))
}

async fn not_found() -> ApiError {
    ApiError::new(Code::NotFound).with_detail("no such resource")
}

/// Every documented route: each domain's `routes()` is merged here.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::routes())
        .merge(crate::sessions::http::routes())
        .merge(crate::users::http::routes())
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
}

/// The generated OpenAPI document (for tools that want it without a server).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().split_for_parts().1
}
