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
    let (kind, actor_id, on_behalf_of) = ctx.recorded();
    sqlx::query(
        "INSERT INTO audit_events \
         (id, occurred_at, actor_kind, actor_id, action, account_id, user_id, ip, before_json, after_json, \
          on_behalf_of) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(new_id())
    .bind(now_ms)
    .bind(kind)
    .bind(actor_id.map(str::to_owned))
    .bind(event.action.to_owned())
    .bind(event.account_id.map(str::to_owned))
    .bind(event.user_id.map(str::to_owned))
    .bind(ctx.ip.clone())
    .bind(event.before.map(|v| v.to_string()))
    .bind(event.after.map(|v| v.to_string()))
    .bind(on_behalf_of.map(str::to_owned))
    .execute(conn)
    .await?;
    Ok(())
}

/// One audit event as the admin API shows it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: String,
    pub occurred_at: i64,
    /// `user`, `admin`, `plugin` or `system`.
    pub actor_kind: String,
    /// The user id, the admin token's name or the plugin's name.
    pub actor_id: Option<String>,
    pub action: String,
    pub account_id: Option<String>,
    pub user_id: Option<String>,
    pub ip: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// In a support sign-in: the user the staff member (`actor_id`) acted for.
    pub on_behalf_of: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    occurred_at: i64,
    actor_kind: String,
    actor_id: Option<String>,
    action: String,
    account_id: Option<String>,
    user_id: Option<String>,
    ip: Option<String>,
    before_json: Option<String>,
    after_json: Option<String>,
    on_behalf_of: Option<String>,
}

/// What to list: each given field narrows the result.
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub account_id: Option<String>,
    pub user_id: Option<String>,
    pub action: Option<String>,
    /// Who did it: a staff member's email, a token's or plugin's name, a user's id.
    pub actor_id: Option<String>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// Newest first: the page starts before this id.
    pub before_id: Option<String>,
    pub limit: i64,
}

pub async fn list(conn: &mut AnyConnection, f: &AuditFilter) -> Result<Vec<AuditRecord>> {
    use crate::db::conditions::{Arg, Conditions};
    let mut conditions = Conditions::default();
    let text = |v: &Option<String>| v.clone().map(Arg::Text);
    for (clause, value) in [
        ("account_id = ?", text(&f.account_id)),
        ("user_id = ?", text(&f.user_id)),
        ("action = ?", text(&f.action)),
        ("actor_id = ?", text(&f.actor_id)),
        ("occurred_at >= ?", f.since.map(Arg::Int)),
        ("occurred_at < ?", f.until.map(Arg::Int)),
        ("id < ?", text(&f.before_id)),
    ] {
        if let Some(value) = value {
            conditions.add(clause, [value]);
        }
    }
    let limit = conditions.limit(f.limit);
    let sql = format!(
        "SELECT id, occurred_at, actor_kind, actor_id, action, account_id, user_id, ip, before_json, \
         after_json, on_behalf_of FROM audit_events{} ORDER BY id DESC LIMIT {limit}",
        conditions.sql()
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    let rows: Vec<Row> = conditions.bind(query).fetch_all(conn).await?;
    let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    Ok(rows
        .into_iter()
        .map(|r| AuditRecord {
            id: r.id,
            occurred_at: r.occurred_at,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id,
            action: r.action,
            account_id: r.account_id,
            user_id: r.user_id,
            ip: r.ip,
            before: parse(r.before_json),
            after: parse(r.after_json),
            on_behalf_of: r.on_behalf_of,
        })
        .collect())
}
