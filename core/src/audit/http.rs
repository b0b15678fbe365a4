//! `GET /api/v1/admin/audit`: the audit log, newest first, filtered.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{AuditFilter, AuditRecord};
use crate::http::auth::Admin;
use crate::http::input::{ApiJson, ApiQuery};
use crate::http::paging::{PageQuery, page};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_audit))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    account: Option<String>,
    user: Option<String>,
    /// An action such as `account.ownership_changed`.
    action: Option<String>,
    /// Who did it: a staff member's email, an admin token's or a plugin's name, a user's id.
    actor: Option<String>,
    /// From this time on (unix ms, inclusive).
    since: Option<i64>,
    /// Before this time (unix ms).
    until: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    items: Vec<AuditRecord>,
    next_cursor: Option<String>,
}

/// The audit log, newest first.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(AuditQuery, PageQuery),
    responses((status = 200, body = AuditPage), (status = 401, body = Problem)))]
async fn list_audit(
    State(state): State<AppState>,
    _admin: Admin,
    ApiQuery(q): ApiQuery<AuditQuery>,
    ApiQuery(paging): ApiQuery<PageQuery>,
) -> Result<ApiJson<AuditPage>, ApiError> {
    let limit = paging.limit()?;
    let filter = AuditFilter {
        account_id: q.account,
        user_id: q.user,
        action: q.action,
        actor_id: q.actor,
        since: q.since,
        until: q.until,
        before_id: paging.after()?,
        limit: i64::from(limit) + 1,
    };
    let records = super::search(&state.db, &filter).await?;
    let (items, next_cursor) = page(records, limit, |r| r.id.as_str());
    Ok(ApiJson(AuditPage { items, next_cursor }))
}
