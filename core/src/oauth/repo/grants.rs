//! SQL of what a sign-in gives an app: `oauth_consents`, `oauth_codes`, `oauth_tokens`.

use sqlx::AnyConnection;

use crate::error::Result;

/// The scopes a person allowed an app, if they did.
pub async fn consent(
    conn: &mut AnyConnection,
    user_id: &str,
    client_id: &str,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT scopes FROM oauth_consents WHERE user_id = $1 AND client_id = $2",
    )
    .bind(user_id.to_owned())
    .bind(client_id.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// Records (or widens) a consent.
pub async fn save_consent(
    conn: &mut AnyConnection,
    user_id: &str,
    client_id: &str,
    scopes: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO oauth_consents (user_id, client_id, scopes, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (user_id, client_id) DO UPDATE SET scopes = $3, updated_at = $4",
    )
    .bind(user_id.to_owned())
    .bind(client_id.to_owned())
    .bind(scopes.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// An app a person allowed, or that holds live tokens of theirs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AppRow {
    pub client_id: String,
    pub name: String,
    pub logo_uri: Option<String>,
    /// The scopes allowed (empty for a trusted app, which is never asked).
    pub scopes: String,
    pub since: i64,
}

/// The apps a person allowed and the apps holding live tokens of theirs, by name.
pub async fn apps_of(conn: &mut AnyConnection, user_id: &str, now: i64) -> Result<Vec<AppRow>> {
    Ok(sqlx::query_as(
        "SELECT c.id AS client_id, c.name, c.logo_uri, COALESCE(k.scopes, '') AS scopes,            COALESCE(k.created_at, t.since) AS since          FROM oauth_clients c          LEFT JOIN oauth_consents k ON k.client_id = c.id AND k.user_id = $1          LEFT JOIN (SELECT client_id, MIN(created_at) AS since FROM oauth_tokens                     WHERE user_id = $1 AND expires_at > $2 GROUP BY client_id) t            ON t.client_id = c.id          WHERE k.user_id IS NOT NULL OR t.client_id IS NOT NULL          ORDER BY c.name",
    )
    .bind(user_id.to_owned())
    .bind(now)
    .fetch_all(conn)
    .await?)
}

/// Forgets a person's consent to an app and deletes every code and token the app holds of
/// theirs; false when there was nothing.
pub async fn withdraw(conn: &mut AnyConnection, user_id: &str, client_id: &str) -> Result<bool> {
    let mut gone = 0;
    for table in ["oauth_consents", "oauth_tokens", "oauth_codes"] {
        gone += sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE user_id = $1 AND client_id = $2"
        )))
        .bind(user_id.to_owned())
        .bind(client_id.to_owned())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    Ok(gone > 0)
}

/// An authorization code as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CodeRow {
    pub code_hash: String,
    pub grant_id: String,
    pub client_id: String,
    pub user_id: String,
    pub session_id: String,
    pub account_id: Option<String>,
    pub scopes: String,
    pub redirect_uri: String,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub auth_time: i64,
    pub amr: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

const CODE_COLUMNS: &str = "code_hash, grant_id, client_id, user_id, session_id, account_id, \
     scopes, redirect_uri, nonce, code_challenge, auth_time, amr, created_at, expires_at, used_at";

pub async fn insert_code(conn: &mut AnyConnection, row: &CodeRow) -> Result<()> {
    let sql = format!(
        "INSERT INTO oauth_codes ({CODE_COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(row.code_hash.clone())
        .bind(row.grant_id.clone())
        .bind(row.client_id.clone())
        .bind(row.user_id.clone())
        .bind(row.session_id.clone())
        .bind(row.account_id.clone())
        .bind(row.scopes.clone())
        .bind(row.redirect_uri.clone())
        .bind(row.nonce.clone())
        .bind(row.code_challenge.clone())
        .bind(row.auth_time)
        .bind(row.amr.clone())
        .bind(row.created_at)
        .bind(row.expires_at)
        .bind(row.used_at)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn code(conn: &mut AnyConnection, code_hash: &str) -> Result<Option<CodeRow>> {
    let sql = format!("SELECT {CODE_COLUMNS} FROM oauth_codes WHERE code_hash = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(code_hash.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// Marks a code used; false when it already was (a replay, or a raced second use).
pub async fn use_code(conn: &mut AnyConnection, code_hash: &str, now: i64) -> Result<bool> {
    Ok(
        sqlx::query("UPDATE oauth_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL")
            .bind(code_hash.to_owned())
            .bind(now)
            .execute(conn)
            .await?
            .rows_affected()
            == 1,
    )
}

/// An access or refresh token as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub token_hash: String,
    /// `access` or `refresh`.
    pub kind: String,
    pub grant_id: String,
    pub client_id: String,
    pub user_id: String,
    pub session_id: String,
    pub account_id: Option<String>,
    pub scopes: String,
    pub auth_time: i64,
    pub amr: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

const TOKEN_COLUMNS: &str = "token_hash, kind, grant_id, client_id, user_id, session_id, \
     account_id, scopes, auth_time, amr, created_at, expires_at, used_at";

pub async fn insert_token(conn: &mut AnyConnection, row: &TokenRow) -> Result<()> {
    let sql = format!(
        "INSERT INTO oauth_tokens ({TOKEN_COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(row.token_hash.clone())
        .bind(row.kind.clone())
        .bind(row.grant_id.clone())
        .bind(row.client_id.clone())
        .bind(row.user_id.clone())
        .bind(row.session_id.clone())
        .bind(row.account_id.clone())
        .bind(row.scopes.clone())
        .bind(row.auth_time)
        .bind(row.amr.clone())
        .bind(row.created_at)
        .bind(row.expires_at)
        .bind(row.used_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// A token of `kind` by its hash, whatever its state (the caller judges expiry and use), only
/// while its user is active.
pub async fn token(
    conn: &mut AnyConnection,
    token_hash: &str,
    kind: &str,
) -> Result<Option<TokenRow>> {
    let sql = format!(
        "SELECT {TOKEN_COLUMNS} FROM oauth_tokens WHERE token_hash = $1 AND kind = $2 \
         AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_id AND u.status = 'active')"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(token_hash.to_owned())
        .bind(kind.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// An access token with its person's membership of the token's account (NULLs when no longer a
/// member), in one query: the authorisation check with an access token.
#[derive(Debug, sqlx::FromRow)]
pub struct AccessWithMembership {
    pub user_id: String,
    pub session_id: String,
    pub account_id: Option<String>,
    pub scopes: String,
    pub expires_at: i64,
    pub owner_user_id: Option<String>,
    pub permissions: Option<String>,
    pub member_last_login_at: Option<i64>,
}

pub async fn access_with_membership(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<AccessWithMembership>> {
    Ok(sqlx::query_as(
        "SELECT t.user_id, t.session_id, t.account_id, t.scopes, t.expires_at, a.owner_user_id,            m.permissions, m.last_login_at AS member_last_login_at          FROM oauth_tokens t JOIN users u ON u.id = t.user_id          LEFT JOIN memberships m ON m.user_id = t.user_id AND m.account_id = t.account_id          LEFT JOIN accounts a ON a.id = m.account_id          WHERE t.token_hash = $1 AND t.kind = 'access' AND u.status = 'active'",
    )
    .bind(token_hash.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// Deletes one token; false when there was none.
pub async fn delete_token(conn: &mut AnyConnection, token_hash: &str) -> Result<bool> {
    Ok(
        sqlx::query("DELETE FROM oauth_tokens WHERE token_hash = $1")
            .bind(token_hash.to_owned())
            .execute(conn)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Marks a refresh token used (rotated); false when it already was.
pub async fn use_refresh_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE oauth_tokens SET used_at = $2 \
         WHERE token_hash = $1 AND kind = 'refresh' AND used_at IS NULL",
    )
    .bind(token_hash.to_owned())
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Deletes every token of a grant (a replayed code or refresh token, a revocation); returns how
/// many went.
pub async fn delete_grant(conn: &mut AnyConnection, grant_id: &str) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM oauth_tokens WHERE grant_id = $1")
        .bind(grant_id.to_owned())
        .execute(conn)
        .await?
        .rows_affected())
}

/// How long a code is kept after it expired: a replay in that time still revokes what the
/// code's first use issued.
const CODE_KEPT_MS: i64 = 10 * 60 * 1000;

/// Deletes the codes and tokens that expired (the sweeper's part); returns how many went.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    let codes = sqlx::query("DELETE FROM oauth_codes WHERE expires_at <= $1")
        .bind(now - CODE_KEPT_MS)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    let tokens = sqlx::query("DELETE FROM oauth_tokens WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(codes + tokens)
}
