//! SQL of Sign in with Roster (`oauth_signing_keys`).

use sqlx::AnyConnection;

use crate::error::Result;

/// A signing key as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KeyRow {
    pub kid: String,
    pub alg: String,
    pub generation: i64,
    pub private_pem: String,
    pub created_at: i64,
    pub signs_from: i64,
}

const KEY_COLUMNS: &str = "kid, alg, generation, private_pem, created_at, signs_from";

/// Every key of every algorithm, oldest generation first.
pub async fn keys(conn: &mut AnyConnection) -> Result<Vec<KeyRow>> {
    let sql = format!("SELECT {KEY_COLUMNS} FROM oauth_signing_keys ORDER BY alg, generation");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?)
}

/// The newest generation of `alg`, if any.
pub async fn latest_generation(conn: &mut AnyConnection, alg: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT MAX(generation) FROM oauth_signing_keys WHERE alg = $1")
            .bind(alg.to_owned())
            .fetch_one(conn)
            .await?,
    )
}

/// Inserts a key unless its algorithm already has this generation (another replica made it
/// first); whether this one went in.
pub async fn insert_key(conn: &mut AnyConnection, key: &KeyRow) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO oauth_signing_keys (kid, alg, generation, private_pem, created_at, signs_from) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (alg, generation) DO NOTHING",
    )
    .bind(key.kid.clone())
    .bind(key.alg.clone())
    .bind(key.generation)
    .bind(key.private_pem.clone())
    .bind(key.created_at)
    .bind(key.signs_from)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the keys of `alg` older than `generation` (gone from the JWKS for good).
pub async fn delete_older(conn: &mut AnyConnection, alg: &str, generation: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM oauth_signing_keys WHERE alg = $1 AND generation < $2")
            .bind(alg.to_owned())
            .bind(generation)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
