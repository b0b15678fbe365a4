//! SQL of Sign in with Roster: keys and apps here (`oauth_signing_keys`, `oauth_clients`), what a
//! sign-in gives an app in [`grants`] (consents, codes, tokens).

pub mod grants;
pub mod logout;

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

/// An app as stored (its URI lists as JSON text).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub consent: String,
    pub redirect_uris: String,
    pub post_logout_redirect_uris: String,
    pub backchannel_logout_uri: Option<String>,
    pub logo_uri: Option<String>,
    pub id_token_alg: String,
    pub previous_secret_until: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const CLIENT_COLUMNS: &str = "id, name, kind, consent, redirect_uris, post_logout_redirect_uris, \
     backchannel_logout_uri, logo_uri, id_token_alg, previous_secret_until, created_at, updated_at";

/// A new app's row and its secret's hash (none for a public app).
pub async fn insert_client(
    conn: &mut AnyConnection,
    row: &ClientRow,
    secret_hash: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO oauth_clients (id, name, kind, consent, secret_hash, redirect_uris, \
           post_logout_redirect_uris, backchannel_logout_uri, logo_uri, id_token_alg, created_at, \
           updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(row.id.clone())
    .bind(row.name.clone())
    .bind(row.kind.clone())
    .bind(row.consent.clone())
    .bind(secret_hash.map(str::to_owned))
    .bind(row.redirect_uris.clone())
    .bind(row.post_logout_redirect_uris.clone())
    .bind(row.backchannel_logout_uri.clone())
    .bind(row.logo_uri.clone())
    .bind(row.id_token_alg.clone())
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn client(conn: &mut AnyConnection, id: &str) -> Result<Option<ClientRow>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM oauth_clients WHERE id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?)
}

pub async fn clients(conn: &mut AnyConnection) -> Result<Vec<ClientRow>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM oauth_clients ORDER BY name");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?)
}

/// The stored hashes of an app's secret and of the one before it (with when that one stops).
pub async fn secret_hashes(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<(Option<String>, Option<String>, Option<i64>)>> {
    Ok(sqlx::query_as(
        "SELECT secret_hash, previous_secret_hash, previous_secret_until FROM oauth_clients \
         WHERE id = $1",
    )
    .bind(id.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// A new secret; the current one becomes the previous one until `previous_until`.
pub async fn rotate_secret(
    conn: &mut AnyConnection,
    id: &str,
    secret_hash: &str,
    previous_until: i64,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE oauth_clients SET previous_secret_hash = secret_hash, previous_secret_until = $3, \
           secret_hash = $2, updated_at = $4 \
         WHERE id = $1 AND kind = 'confidential'",
    )
    .bind(id.to_owned())
    .bind(secret_hash.to_owned())
    .bind(previous_until)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_client(conn: &mut AnyConnection, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM oauth_clients WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
