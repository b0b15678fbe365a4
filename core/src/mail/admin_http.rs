//! Admin API of the mail outbox: messages waiting or given up, and a retry.

use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, OutboxMessage};
use crate::http::auth::{Admin, ClientIp};
use crate::http::input::{ApiJson, ApiPath, ApiQuery};
use crate::http::paging::{PageQuery, page};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_mail))
        .routes(routes!(retry_mail))
}

/// Which messages.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutboxState {
    /// Waiting to be sent (or for their next attempt).
    Pending,
    /// Given up after `mail.outbox.max_attempts`, or refused for good.
    #[default]
    Failed,
    /// Sent (kept for a day).
    Sent,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MailQuery {
    /// `failed` (the default), `pending` or `sent`.
    state: Option<OutboxState>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MailPage {
    items: Vec<OutboxMessage>,
    next_cursor: Option<String>,
}

/// The mail outbox: failed messages (or pending, or sent), oldest first. Never the messages'
/// contents: they hold one-time links.
#[utoipa::path(get, path = "/api/v1/admin/mail", tag = "admin", params(MailQuery, PageQuery),
    responses((status = 200, body = MailPage), (status = 401, body = Problem)))]
async fn list_mail(
    State(state): State<AppState>,
    _admin: Admin,
    ApiQuery(q): ApiQuery<MailQuery>,
    ApiQuery(paging): ApiQuery<PageQuery>,
) -> Result<ApiJson<MailPage>, ApiError> {
    let limit = paging.limit()?;
    let wanted = match q.state.unwrap_or_default() {
        OutboxState::Pending => "pending",
        OutboxState::Failed => "failed",
        OutboxState::Sent => "sent",
    };
    let found = service::list(
        &state,
        wanted,
        paging.after()?.as_deref(),
        i64::from(limit) + 1,
    )
    .await?;
    let (items, next_cursor) = page(found, limit, |m| m.id.as_str());
    Ok(ApiJson(MailPage { items, next_cursor }))
}

/// Puts a failed message back in line, to be sent now.
#[utoipa::path(post, path = "/api/v1/admin/mail/{id}/retry", tag = "admin",
    params(("id" = String, Path)),
    responses((status = 202, description = "Queued again"), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, description = "No failed message has this id", body = Problem)))]
async fn retry_mail(
    State(state): State<AppState>,
    admin: Admin,
    ip: ClientIp,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    service::retry(&state, &admin.context(&ip), &id).await?;
    Ok(StatusCode::ACCEPTED)
}
