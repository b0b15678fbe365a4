//! SQL of admin tokens.

use sqlx::AnyConnection;

use super::AdminToken;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, name, created_at, last_used_at, revoked_at";

pub async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    name: &str,
    token_hash: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO admin_tokens (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id.to_owned())
    .bind(name.to_owned())
    .bind(token_hash.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, id: &str) -> Result<AdminToken> {
    let sql = format!("SELECT {COLUMNS} FROM admin_tokens WHERE id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound("admin token"))
}

pub async fn list(conn: &mut AnyConnection) -> Result<Vec<AdminToken>> {
    let sql = format!("SELECT {COLUMNS} FROM admin_tokens ORDER BY created_at, id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?)
}

pub async fn live_by_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<AdminToken>> {
    let sql =
        format!("SELECT {COLUMNS} FROM admin_tokens WHERE token_hash = $1 AND revoked_at IS NULL");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash.to_owned())
        .fetch_optional(conn)
        .await?)
}

pub async fn touch(conn: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE admin_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn revoke(conn: &mut AnyConnection, name: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE admin_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
    )
    .bind(name.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
