//! Liveness and readiness, for load balancers and orchestrators, and the management listener's
//! `/metrics` for Prometheus.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::input::ApiJson;
use super::problem::{ApiError, Code, Problem};
use crate::db::NotReady;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// The management listener (`metrics.bind`): `GET /metrics` and nothing else. It is not part of
/// the public API (not in the OpenAPI document, not on `server.bind`), so a reverse proxy that
/// forwards the public port cannot expose it.
pub fn management_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(metrics))
        .fallback(|| async { super::input::not_found() })
        .with_state(state)
}

/// Metrics in Prometheus's text format: requests, sign-ins, plugin calls, after-hook backlogs,
/// mail, the database pool (see `core/src/stats.rs` and the README).
async fn metrics(State(state): State<AppState>) -> impl axum::response::IntoResponse {
    let text = crate::stats::render(gauges(&state).await);
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
}

/// The process is up.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    status: &'static str,
}

/// The server can serve requests: its database answers and is fully migrated.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// Always `ready`.
    status: &'static str,
    /// `sqlite` or `postgres`.
    database: &'static str,
    /// How many schema migrations are applied.
    migrations: usize,
}

/// The gauges of what lives in the database and the pool, read now.
async fn gauges(state: &AppState) -> crate::stats::Gauges {
    let pool = state.db.pool();
    let idle = pool.num_idle();
    let size = usize::try_from(pool.size()).unwrap_or_default();
    let mut plugin_queues = Vec::new();
    for plugin in state.plugins.loaded().iter() {
        match state.plugins.queue_state(plugin.name()).await {
            Ok(Some(queue)) => plugin_queues.push((
                plugin.name().to_owned(),
                queue.backlog as f64,
                queue.parked as f64,
            )),
            Ok(None) => {}
            Err(e) => tracing::warn!(plugin = plugin.name(), error = %e, "metrics: queue state"),
        }
    }
    let outbox = match crate::mail::outbox::depth(state).await {
        Ok((pending, failed)) => Some((pending as f64, failed as f64)),
        Err(e) => {
            tracing::warn!(error = %e, "metrics: mail outbox");
            None
        }
    };
    crate::stats::Gauges {
        db_idle: idle,
        db_in_use: size.saturating_sub(idle),
        plugin_queues,
        outbox,
    }
}

/// Liveness: answers 200 while the process runs, whatever the database does.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The process is up", body = Health)))]
async fn healthz() -> ApiJson<Health> {
    ApiJson(Health { status: "ok" })
}

/// Readiness: 200 when the database is reachable and every migration is applied, else 503.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Readiness),
        (status = 503, description = "Not ready (`not_ready`)", body = Problem,
            content_type = "application/problem+json"),
    ))]
async fn readyz(State(state): State<AppState>) -> Result<ApiJson<Readiness>, ApiError> {
    match state.db.check_ready().await {
        Ok(migrations) => Ok(ApiJson(Readiness {
            status: "ready",
            database: state.db.backend().as_str(),
            migrations,
        })),
        Err(NotReady::Unreachable(cause)) => {
            tracing::warn!(error = %cause, "readiness check: database unreachable");
            Err(ApiError::new(Code::NotReady).with_detail("the database is unreachable"))
        }
        Err(pending @ NotReady::PendingMigrations(_)) => {
            Err(ApiError::new(Code::NotReady).with_detail(pending.to_string()))
        }
    }
}
