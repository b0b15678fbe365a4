//! SQL of the audit log.

use sqlx::AnyConnection;

use super::{Context, Event};
use crate::crypto::new_id;
use crate::error::Result;

/// Writes one event (call it inside the transaction of the change it records).
pub async fn record(
    conn: &mut AnyConnection,
    ctx: &Context,
    now_ms: i64,
    event: Event<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_events \
         (id, occurred_at, actor_kind, actor_id, action, account_id, user_id, ip, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(new_id())
    .bind(now_ms)
    .bind(ctx.actor.kind())
    .bind(ctx.actor.id().map(str::to_owned))
    .bind(event.action.to_owned())
    .bind(event.account_id.map(str::to_owned))
    .bind(event.user_id.map(str::to_owned))
    .bind(ctx.ip.clone())
    .bind(event.before.map(|v| v.to_string()))
    .bind(event.after.map(|v| v.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}
