//! SQL of memberships: who reaches which account, with which permissions.

use sqlx::AnyConnection;

use crate::error::Result;
use crate::permissions::encode;

/// A user's access to one account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MembershipRow {
    pub account_id: String,
    pub user_id: String,
    pub permissions: String,
    pub is_owner: i64,
    pub created_at: i64,
    pub last_login_at: Option<i64>,
}

/// A member with the user's public fields, for the account's user list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub user_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub totp_enabled: i64,
    pub permissions: String,
    pub is_owner: i64,
    pub created_at: i64,
    pub last_login_at: Option<i64>,
}

pub async fn insert(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
    permissions: &[String],
    added_by: (&str, Option<&str>),
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, added_by_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account_id.to_owned())
    .bind(user_id.to_owned())
    .bind(encode(permissions))
    .bind(added_by.0.to_owned())
    .bind(added_by.1.map(str::to_owned))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<Option<MembershipRow>> {
    Ok(sqlx::query_as(
        "SELECT m.account_id, m.user_id, m.permissions, \
           CASE WHEN a.owner_user_id = m.user_id THEN 1 ELSE 0 END AS is_owner, \
           m.created_at, m.last_login_at \
         FROM memberships m JOIN accounts a ON a.id = m.account_id \
         WHERE m.account_id = $1 AND m.user_id = $2",
    )
    .bind(account_id.to_owned())
    .bind(user_id.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// The member columns, joined: `$1` is the account, `$2` one user (or NULL for all).
const MEMBERS: &str = "SELECT u.id AS user_id, u.email, u.first_name, u.last_name, \
       CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END AS totp_enabled, m.permissions, \
       CASE WHEN a.owner_user_id = m.user_id THEN 1 ELSE 0 END AS is_owner, \
       m.created_at, m.last_login_at \
     FROM memberships m JOIN users u ON u.id = m.user_id JOIN accounts a ON a.id = m.account_id \
     WHERE m.account_id = $1 AND ($2 IS NULL OR m.user_id = $2) ORDER BY m.created_at, u.id";

pub async fn list_for_account(
    conn: &mut AnyConnection,
    account_id: &str,
) -> Result<Vec<MemberRow>> {
    Ok(sqlx::query_as(MEMBERS)
        .bind(account_id.to_owned())
        .bind(None::<String>)
        .fetch_all(conn)
        .await?)
}

/// One member of an account, or `not_found`.
pub async fn member(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<MemberRow> {
    sqlx::query_as(MEMBERS)
        .bind(account_id.to_owned())
        .bind(Some(user_id.to_owned()))
        .fetch_optional(conn)
        .await?
        .ok_or(crate::error::Error::NotFound("member"))
}

pub async fn set_permissions(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
    permissions: &[String],
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET permissions = $3 WHERE account_id = $1 AND user_id = $2",
    )
    .bind(account_id.to_owned())
    .bind(user_id.to_owned())
    .bind(encode(permissions))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a membership, never the owner's (the owner is checked in the same statement).
pub async fn delete_non_owner(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "DELETE FROM memberships WHERE account_id = $1 AND user_id = $2 \
         AND user_id <> (SELECT owner_user_id FROM accounts WHERE id = $1)",
    )
    .bind(account_id.to_owned())
    .bind(user_id.to_owned())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn touch_login(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE memberships SET last_login_at = $3 WHERE account_id = $1 AND user_id = $2 \
         AND (last_login_at IS NULL OR last_login_at < $4)",
    )
    .bind(account_id.to_owned())
    .bind(user_id.to_owned())
    .bind(now)
    .bind(now - 60_000)
    .execute(conn)
    .await?;
    Ok(())
}

/// How many accounts `user_id` reaches (owned or not).
pub async fn count_for_user(conn: &mut AnyConnection, user_id: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE user_id = $1")
            .bind(user_id.to_owned())
            .fetch_one(conn)
            .await?,
    )
}
