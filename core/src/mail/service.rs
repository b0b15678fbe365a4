//! What staff do with the outbox (the admin API and the admin area alike): list the messages in
//! a state, and give a failed one another go, audited as `mail.retried`.

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::{self, Acting, Event};
use crate::error::{Error, Result};
use crate::staff::roles::op;
use crate::state::AppState;

/// A message as the admin API shows it (never its values: they hold one-time links).
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: String,
    pub recipient: String,
    pub template: String,
    /// `pending`, `sent` or `failed`.
    pub state: String,
    pub attempts: i64,
    /// When the next attempt is due (unix ms), while pending.
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

/// Messages in `state`, oldest first, after the id `after`, at most `limit`.
pub async fn list(
    state: &AppState,
    wanted: &str,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<OutboxMessage>> {
    use crate::db::conditions::{Arg, Conditions};
    let mut conditions = Conditions::default();
    conditions.add("state = ?", [Arg::Text(wanted.to_owned())]);
    if let Some(after) = after {
        conditions.add("id > ?", [Arg::Text(after.to_owned())]);
    }
    let limit = conditions.limit(limit);
    let sql = format!(
        "SELECT id, recipient, template, state, attempts, next_attempt_at, last_error, \
         created_at, sent_at FROM mail_outbox{} ORDER BY id LIMIT {limit}",
        conditions.sql()
    );
    let mut conn = state.db.pool().acquire().await?;
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    Ok(conditions.bind(query).fetch_all(&mut *conn).await?)
}

/// Puts a failed message back in line, now, with its attempts counted afresh (audited).
pub async fn retry(state: &AppState, ctx: impl Acting<'_, op::Change>, id: &str) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let found: Option<(String, String, String)> = sqlx::query_as(
        "SELECT recipient, template, values_json FROM mail_outbox WHERE id = $1 AND state = 'failed'",
    )
    .bind(id.to_owned())
    .fetch_optional(&mut *tx)
    .await?;
    let (recipient, template, values) = found.ok_or(Error::NotFound("failed message"))?;
    if values == "null" {
        return Err(Error::Conflict(
            "its one-time link has expired: the person asks for a new one (or staff send one)"
                .to_owned(),
        ));
    }
    sqlx::query(
        "UPDATE mail_outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, \
         claimed_by = NULL, claimed_until = NULL WHERE id = $2",
    )
    .bind(now)
    .bind(id.to_owned())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::general("mail.retried")
            .after(json!({ "id": id, "to": recipient, "template": template })),
    )
    .await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}
