//! SQL of sessions.

pub mod challenges;
pub mod devices;
pub mod support;

use std::sync::LazyLock;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::SessionInfo;
use crate::accounts::{JOINED_COLUMNS, Joined};
use crate::error::Result;

#[derive(Debug)]
pub struct NewSession<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub user_id: &'a str,
    pub now: i64,
    pub expires_at: i64,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    /// RFC 8176 values, space separated.
    pub amr: &'a str,
    /// A support sign-in's staff member: id, email, role, and their staff session.
    pub support: Option<[&'a str; 4]>,
}

pub async fn insert(conn: &mut AnyConnection, s: &NewSession<'_>) -> Result<()> {
    let support = |i: usize| s.support.map(|by| by[i].to_owned());
    sqlx::query(
        "INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, ip, \
           user_agent, amr, support_staff_id, support_staff_email, support_staff_role, \
           support_staff_session_id) \
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(s.id.to_owned())
    .bind(s.token_hash.to_owned())
    .bind(s.user_id.to_owned())
    .bind(s.now)
    .bind(s.expires_at)
    .bind(s.ip.map(str::to_owned))
    .bind(
        s.user_agent
            .map(|ua| ua.chars().take(300).collect::<String>()),
    )
    .bind(s.amr.to_owned())
    .bind(support(0))
    .bind(support(1))
    .bind(support(2))
    .bind(support(3))
    .execute(conn)
    .await?;
    Ok(())
}

/// A session's start and how its person signed in.
pub async fn sign_in_facts(
    conn: &mut AnyConnection,
    session_id: &str,
) -> Result<Option<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT created_at, amr FROM sessions WHERE id = $1")
            .bind(session_id.to_owned())
            .fetch_optional(conn)
            .await?,
    )
}

/// A session as every session read selects it: these seven columns first, in this order.
#[derive(Debug)]
pub struct FoundSession {
    pub id: String,
    pub user_id: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// A support sign-in's staff member (id, email, role), empty otherwise.
    pub support_staff_id: Option<String>,
    pub support_staff_email: Option<String>,
    pub support_staff_role: Option<String>,
}

/// The columns of [`FoundSession`], which every session read selects first.
const SESSION_COLUMNS: usize = 7;

/// Read by position, not by name: these reads run on every authenticated request, and through the
/// `Any` driver a lookup by name hashes and compares each column's name again for every row
/// (docs/benchmarks.md, "The request frame without boxes").
impl<'r> sqlx::FromRow<'r, AnyRow> for FoundSession {
    fn from_row(row: &'r AnyRow) -> std::result::Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get(0)?,
            user_id: row.try_get(1)?,
            last_seen_at: row.try_get(2)?,
            expires_at: row.try_get(3)?,
            support_staff_id: row.try_get(4)?,
            support_staff_email: row.try_get(5)?,
            support_staff_role: row.try_get(6)?,
        })
    }
}

/// The session for a token hash, only while its user is active.
pub async fn by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<FoundSession>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.support_staff_id, \
           s.support_staff_email, s.support_staff_role FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND u.status = 'active'",
    )
    .bind(token_hash.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// A session with the user's membership of one account (NULLs when not a member).
#[derive(Debug)]
pub struct FoundSessionWithMembership {
    pub session: FoundSession,
    pub owner_user_id: Option<String>,
    pub permissions: Option<String>,
    pub member_last_login_at: Option<i64>,
}

/// By position, as [`FoundSession`]: the session's columns, then these three.
impl<'r> sqlx::FromRow<'r, AnyRow> for FoundSessionWithMembership {
    fn from_row(row: &'r AnyRow) -> std::result::Result<Self, sqlx::Error> {
        Ok(Self {
            session: FoundSession::from_row(row)?,
            owner_user_id: row.try_get(SESSION_COLUMNS)?,
            permissions: row.try_get(SESSION_COLUMNS + 1)?,
            member_last_login_at: row.try_get(SESSION_COLUMNS + 2)?,
        })
    }
}

pub async fn by_token_hash_with_membership(
    conn: &mut AnyConnection,
    token_hash: &str,
    account_id: &str,
) -> Result<Option<FoundSessionWithMembership>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.support_staff_id, \
           s.support_staff_email, s.support_staff_role, a.owner_user_id, m.permissions, \
           m.last_login_at AS member_last_login_at \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN memberships m ON m.user_id = s.user_id AND m.account_id = $2 \
         LEFT JOIN accounts a ON a.id = m.account_id \
         WHERE s.token_hash = $1 AND u.status = 'active'",
    )
    .bind(token_hash.to_owned())
    .bind(account_id.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// A session with one of its user's accounts per row (no account on the single row of a user
/// without accounts).
#[derive(Debug, sqlx::FromRow)]
pub struct FoundSessionWithAccount {
    #[sqlx(flatten)]
    pub session: FoundSession,
    #[sqlx(flatten)]
    pub account: Joined,
    pub permissions: Option<String>,
}

/// `GET /me/accounts`' one query, built once.
static WITH_ACCOUNTS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.support_staff_id, \
           s.support_staff_email, s.support_staff_role, {JOINED_COLUMNS}, m.permissions \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN memberships m ON m.user_id = s.user_id AND m.account_id > $2 \
         LEFT JOIN accounts a ON a.id = m.account_id \
         WHERE s.token_hash = $1 AND u.status = 'active' \
         ORDER BY m.account_id LIMIT CAST($3 AS BIGINT)"
    )
});

/// `GET /me/accounts`: the session for a token hash (of an active user) and one page of its user's
/// accounts (ids after `after`, at most `limit`; `""` starts at the first), in one query. A session
/// whose user reaches no account on that page still comes back, as one row without an account.
pub async fn by_token_hash_with_accounts(
    conn: &mut AnyConnection,
    token_hash: &str,
    after: &str,
    limit: i64,
) -> Result<Vec<FoundSessionWithAccount>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(WITH_ACCOUNTS.as_str()))
        .bind(token_hash.to_owned())
        .bind(after.to_owned())
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

pub async fn touch(conn: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1")
        .bind(id.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_for_user(conn: &mut AnyConnection, user_id: &str, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
        .bind(id.to_owned())
        .bind(user_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every session of a user, except `keep` when given; returns the ids of those that ended.
pub async fn delete_all_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: Option<&str>,
) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR id <> $2) RETURNING id",
    )
    .bind(user_id.to_owned())
    .bind(keep.map(str::to_owned))
    .fetch_all(conn)
    .await?)
}

/// Ends a user's own sessions beyond the `keep` most recently used (support sign-ins are neither
/// counted nor ended); returns the ids ended.
pub async fn delete_beyond(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: i64,
) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "DELETE FROM sessions WHERE user_id = $1 AND support_staff_id IS NULL AND id NOT IN \
           (SELECT id FROM sessions WHERE user_id = $1 AND support_staff_id IS NULL \
            ORDER BY last_seen_at DESC, id DESC LIMIT CAST($2 AS BIGINT)) \
         RETURNING id",
    )
    .bind(user_id.to_owned())
    .bind(keep)
    .fetch_all(conn)
    .await?)
}

pub async fn list_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    now: i64,
) -> Result<Vec<SessionInfo>> {
    Ok(sqlx::query_as(
        "SELECT id, created_at, last_seen_at, expires_at, ip, user_agent, \
           support_staff_email AS support_staff FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC",
    )
    .bind(user_id.to_owned())
    .bind(now)
    .fetch_all(conn)
    .await?)
}

/// Ends the support sign-ins that came from a staff session (the staff member signed out), or
/// every one of a staff member (`by_member`: disabled, removed, new credentials); answers the ids.
pub async fn delete_support(
    conn: &mut AnyConnection,
    staff: &str,
    by_member: bool,
) -> Result<Vec<String>> {
    let sql = if by_member {
        "DELETE FROM sessions WHERE support_staff_id = $1 RETURNING id"
    } else {
        "DELETE FROM sessions WHERE support_staff_session_id = $1 RETURNING id"
    };
    Ok(sqlx::query_scalar(sql)
        .bind(staff.to_owned())
        .fetch_all(conn)
        .await?)
}

/// Removes sessions that ended (background sweeper).
pub async fn sweep(conn: &mut AnyConnection, now: i64, idle_ms: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(now - idle_ms)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
