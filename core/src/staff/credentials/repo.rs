//! SQL of staff credentials (`admin_tokens`, both kinds).

use sqlx::AnyConnection;

use super::AdminToken;
use crate::error::{Error, Result};

const COLUMNS: &str = "id, name, kind, role, identifier, created_at, last_used_at, revoked_at";

pub struct NewCredential<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub role: &'a str,
    pub identifier: Option<&'a str>,
    pub token_hash: &'a str,
}

pub async fn insert(conn: &mut AnyConnection, new: &NewCredential<'_>, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO admin_tokens (id, name, kind, role, identifier, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new.id.to_owned())
    .bind(new.name.to_owned())
    .bind(new.kind.to_owned())
    .bind(new.role.to_owned())
    .bind(new.identifier.map(str::to_owned))
    .bind(new.token_hash.to_owned())
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
        .ok_or(Error::NotFound("credential"))
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
    live_by(conn, "token_hash", token_hash).await
}

pub async fn live_by_identifier(
    conn: &mut AnyConnection,
    identifier: &str,
) -> Result<Option<AdminToken>> {
    live_by(conn, "identifier", identifier).await
}

pub async fn live_by_name(conn: &mut AnyConnection, name: &str) -> Result<Option<AdminToken>> {
    live_by(conn, "name", name).await
}

async fn live_by(
    conn: &mut AnyConnection,
    column: &'static str,
    value: &str,
) -> Result<Option<AdminToken>> {
    let sql =
        format!("SELECT {COLUMNS} FROM admin_tokens WHERE {column} = $1 AND revoked_at IS NULL");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(value.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// The stored SHA-256 of a credential's secret.
pub async fn hash_of(conn: &mut AnyConnection, id: &str) -> Result<String> {
    Ok(
        sqlx::query_scalar("SELECT token_hash FROM admin_tokens WHERE id = $1")
            .bind(id.to_owned())
            .fetch_one(conn)
            .await?,
    )
}

pub async fn touch(conn: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE admin_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn revoke(conn: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE admin_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .bind(id.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}
