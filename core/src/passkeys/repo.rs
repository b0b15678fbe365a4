//! SQL of passkeys and their ceremonies (migration 0017).

use sqlx::AnyConnection;

use super::Passkey;
use crate::error::Result;

/// A passkey's row.
#[derive(Debug, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: String,
    pub user_id: String,
    pub credential_id: String,
    pub name: String,
    /// The library's credential, as JSON.
    pub credential: String,
    pub aaguid: Option<String>,
    pub backup_eligible: i64,
    pub sign_count: i64,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

impl PasskeyRow {
    pub fn view(&self) -> Passkey {
        Passkey {
            id: self.id.clone(),
            name: self.name.clone(),
            aaguid: self.aaguid.clone(),
            synced: self.backup_eligible == 1,
            created_at: self.created_at,
            last_used_at: self.last_used_at,
        }
    }
}

pub async fn of_user(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<PasskeyRow>> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, credential_id, name, credential, aaguid, backup_eligible, \
         sign_count, created_at, last_used_at FROM passkeys WHERE user_id = $1 \
         ORDER BY created_at, id",
    )
    .bind(user_id.to_owned())
    .fetch_all(conn)
    .await?)
}

/// The passkey with this credential id (base64url), whoever holds it.
pub async fn by_credential_id(
    conn: &mut AnyConnection,
    credential_id: &str,
) -> Result<Option<PasskeyRow>> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, credential_id, name, credential, aaguid, backup_eligible, \
         sign_count, created_at, last_used_at FROM passkeys WHERE credential_id = $1",
    )
    .bind(credential_id.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// Records a sign-in with the passkey: its credential as updated (counter, backup state), when.
pub async fn used(
    conn: &mut AnyConnection,
    id: &str,
    credential: &str,
    sign_count: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE passkeys SET credential = $1, sign_count = $2, last_used_at = $3 WHERE id = $4",
    )
    .bind(credential.to_owned())
    .bind(sign_count)
    .bind(now)
    .bind(id.to_owned())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert(conn: &mut AnyConnection, row: &PasskeyRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO passkeys (id, user_id, credential_id, name, credential, aaguid, \
         backup_eligible, sign_count, created_at, last_used_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(row.id.clone())
    .bind(row.user_id.clone())
    .bind(row.credential_id.clone())
    .bind(row.name.clone())
    .bind(row.credential.clone())
    .bind(row.aaguid.clone())
    .bind(row.backup_eligible)
    .bind(row.sign_count)
    .bind(row.created_at)
    .bind(row.last_used_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Renames the user's passkey; false when they have none with that id.
pub async fn rename(conn: &mut AnyConnection, user_id: &str, id: &str, name: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE passkeys SET name = $1 WHERE id = $2 AND user_id = $3")
        .bind(name.to_owned())
        .bind(id.to_owned())
        .bind(user_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the user's passkey; false when they have none with that id.
pub async fn remove(conn: &mut AnyConnection, user_id: &str, id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id.to_owned())
        .bind(user_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A ceremony in progress.
#[derive(Debug, sqlx::FromRow)]
pub struct CeremonyRow {
    pub token_hash: String,
    pub kind: String,
    pub user_id: Option<String>,
    pub session_id: Option<String>,
    pub state: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn begin(conn: &mut AnyConnection, row: &CeremonyRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO passkey_ceremonies \
         (token_hash, kind, user_id, session_id, state, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(row.token_hash.clone())
    .bind(row.kind.clone())
    .bind(row.user_id.clone())
    .bind(row.session_id.clone())
    .bind(row.state.clone())
    .bind(row.created_at)
    .bind(row.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the ceremony (deleting it: it works once), if it exists; expired or not, the caller
/// checks.
pub async fn take(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<CeremonyRow>> {
    Ok(sqlx::query_as(
        "DELETE FROM passkey_ceremonies WHERE token_hash = $1 \
         RETURNING token_hash, kind, user_id, session_id, state, created_at, expires_at",
    )
    .bind(token_hash.to_owned())
    .fetch_optional(conn)
    .await?)
}

/// Forgets ceremonies that ended before `now`.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at < $1")
            .bind(now)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
