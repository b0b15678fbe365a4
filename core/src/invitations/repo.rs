//! SQL of invitations.

use sqlx::AnyConnection;

use crate::error::{Error, Result};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub email_normalized: String,
    pub permissions: String,
    #[sqlx(try_from = "String")]
    pub state: super::State,
    pub invited_by_kind: String,
    pub invited_by_name: String,
    pub created_at: i64,
    pub sent_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

const COLUMNS: &str = "id, account_id, email, email_normalized, permissions, state, invited_by_kind, \
     invited_by_name, created_at, sent_at, expires_at, accepted_at";

pub struct NewInvitation<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub permissions: &'a str,
    pub token_hash: &'a str,
    pub invited_by: (&'a str, Option<&'a str>),
    pub invited_by_name: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

/// Cancels the pending invitation of `email` to the account, if any (a new one replaces it).
pub async fn end_pending_for(
    conn: &mut AnyConnection,
    account_id: &str,
    email_normalized: &str,
    now: i64,
) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE invitations SET state = 'cancelled', ended_at = $3 \
         WHERE account_id = $1 AND email_normalized = $2 AND state = 'pending'",
    )
    .bind(account_id.to_owned())
    .bind(email_normalized.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

pub async fn insert(conn: &mut AnyConnection, i: &NewInvitation<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO invitations (id, account_id, email, email_normalized, permissions, token_hash, state, \
         invited_by_kind, invited_by_id, invited_by_name, created_at, sent_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10, $10, $11)",
    )
    .bind(i.id.to_owned())
    .bind(i.account_id.to_owned())
    .bind(i.email.to_owned())
    .bind(i.email_normalized.to_owned())
    .bind(i.permissions.to_owned())
    .bind(i.token_hash.to_owned())
    .bind(i.invited_by.0.to_owned())
    .bind(i.invited_by.1.map(str::to_owned))
    .bind(i.invited_by_name.to_owned())
    .bind(i.now)
    .bind(i.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, account_id: &str, id: &str) -> Result<InvitationRow> {
    let sql = format!("SELECT {COLUMNS} FROM invitations WHERE account_id = $1 AND id = $2");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id.to_owned())
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound("invitation"))
}

pub async fn by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<InvitationRow>> {
    let sql = format!("SELECT {COLUMNS} FROM invitations WHERE token_hash = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// Pending invitations of an account that have not expired, newest first.
pub async fn list_pending(
    conn: &mut AnyConnection,
    account_id: &str,
    now: i64,
) -> Result<Vec<InvitationRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invitations WHERE account_id = $1 AND state = 'pending' AND expires_at > $2 \
         ORDER BY created_at DESC, id DESC"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id.to_owned())
        .bind(now)
        .fetch_all(conn)
        .await?)
}

/// Every invitation of an account in any state, newest first, at most `limit`.
pub async fn list_recent(
    conn: &mut AnyConnection,
    account_id: &str,
    limit: i64,
) -> Result<Vec<InvitationRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invitations WHERE account_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT CAST($2 AS BIGINT)"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id.to_owned())
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// Moves a pending invitation to `cancelled`; false when it was no longer pending.
pub async fn cancel(conn: &mut AnyConnection, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE invitations SET state = 'cancelled', ended_at = $2 WHERE id = $1 AND state = 'pending'")
        .bind(id.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a pending invitation a new token and expiry; false when it was no longer pending.
pub async fn renew(
    conn: &mut AnyConnection,
    id: &str,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE invitations SET token_hash = $2, sent_at = $3, expires_at = $4 WHERE id = $1 AND state = 'pending'",
    )
    .bind(id.to_owned())
    .bind(token_hash.to_owned())
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims a pending, unexpired invitation for `user_id`: only the first caller wins.
pub async fn claim(conn: &mut AnyConnection, id: &str, user_id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE invitations SET state = 'accepted', accepted_at = $3, accepted_by = $2, ended_at = $3 \
         WHERE id = $1 AND state = 'pending' AND expires_at > $3",
    )
    .bind(id.to_owned())
    .bind(user_id.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks pending invitations past their expiry as `expired` (sweeper).
pub async fn expire(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    let done = sqlx::query("UPDATE invitations SET state = 'expired', ended_at = $1 WHERE state = 'pending' AND expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
