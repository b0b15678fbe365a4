//! SQL of passkeys (a user's in `passkeys`, migration 0017; a staff member's in `staff_passkeys`,
//! 0018: the same shape) and of their ceremonies.

use sqlx::{AnyConnection, AssertSqlSafe};

use super::Passkey;
use crate::error::Result;
use crate::sessions::Subject;

/// A passkey's row.
#[derive(Debug, sqlx::FromRow)]
pub struct PasskeyRow {
    pub id: String,
    /// The user's or the staff member's id.
    pub owner_id: String,
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
            model: self
                .aaguid
                .as_deref()
                .and_then(super::aaguid::model)
                .map(str::to_owned),
            synced: self.backup_eligible == 1,
            created_at: self.created_at,
            last_used_at: self.last_used_at,
        }
    }
}

/// The table of `subject`'s passkeys and its owner column.
fn table(subject: Subject) -> (&'static str, &'static str) {
    match subject {
        Subject::User => ("passkeys", "user_id"),
        Subject::Staff => ("staff_passkeys", "staff_id"),
    }
}

/// The columns of a [`PasskeyRow`], the owner's under its own name.
fn columns(subject: Subject) -> String {
    let (_, owner) = table(subject);
    format!(
        "id, {owner} AS owner_id, credential_id, name, credential, aaguid, backup_eligible, \
         sign_count, created_at, last_used_at"
    )
}

/// `owner_id`'s passkeys, oldest first.
pub async fn of_owner(
    conn: &mut AnyConnection,
    subject: Subject,
    owner_id: &str,
) -> Result<Vec<PasskeyRow>> {
    let (table, owner) = table(subject);
    let sql = format!(
        "SELECT {} FROM {table} WHERE {owner} = $1 ORDER BY created_at, id",
        columns(subject)
    );
    Ok(sqlx::query_as(AssertSqlSafe(sql))
        .bind(owner_id.to_owned())
        .fetch_all(conn)
        .await?)
}

/// The passkey with this credential id (base64url), whoever holds it.
pub async fn by_credential_id(
    conn: &mut AnyConnection,
    subject: Subject,
    credential_id: &str,
) -> Result<Option<PasskeyRow>> {
    let (table, _) = table(subject);
    let sql = format!(
        "SELECT {} FROM {table} WHERE credential_id = $1",
        columns(subject)
    );
    Ok(sqlx::query_as(AssertSqlSafe(sql))
        .bind(credential_id.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// Records a sign-in with the passkey: its credential as updated (counter, backup state), when.
pub async fn used(
    conn: &mut AnyConnection,
    subject: Subject,
    id: &str,
    credential: &str,
    sign_count: i64,
    now: i64,
) -> Result<()> {
    let (table, _) = table(subject);
    let sql = format!(
        "UPDATE {table} SET credential = $1, sign_count = $2, last_used_at = $3 WHERE id = $4"
    );
    sqlx::query(AssertSqlSafe(sql))
        .bind(credential.to_owned())
        .bind(sign_count)
        .bind(now)
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert(conn: &mut AnyConnection, subject: Subject, row: &PasskeyRow) -> Result<()> {
    let (table, owner) = table(subject);
    let sql = format!(
        "INSERT INTO {table} (id, {owner}, credential_id, name, credential, aaguid, \
         backup_eligible, sign_count, created_at, last_used_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    );
    sqlx::query(AssertSqlSafe(sql))
        .bind(row.id.clone())
        .bind(row.owner_id.clone())
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

/// Renames the owner's passkey; false when they have none with that id.
pub async fn rename(
    conn: &mut AnyConnection,
    subject: Subject,
    owner_id: &str,
    id: &str,
    name: &str,
) -> Result<bool> {
    let (table, owner) = table(subject);
    let sql = format!("UPDATE {table} SET name = $1 WHERE id = $2 AND {owner} = $3");
    let done = sqlx::query(AssertSqlSafe(sql))
        .bind(name.to_owned())
        .bind(id.to_owned())
        .bind(owner_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the owner's passkey; false when they have none with that id.
pub async fn remove(
    conn: &mut AnyConnection,
    subject: Subject,
    owner_id: &str,
    id: &str,
) -> Result<bool> {
    let (table, owner) = table(subject);
    let sql = format!("DELETE FROM {table} WHERE id = $1 AND {owner} = $2");
    let done = sqlx::query(AssertSqlSafe(sql))
        .bind(id.to_owned())
        .bind(owner_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes every passkey of the owner; answers how many went.
pub async fn remove_all(conn: &mut AnyConnection, subject: Subject, owner_id: &str) -> Result<u64> {
    let (table, owner) = table(subject);
    let sql = format!("DELETE FROM {table} WHERE {owner} = $1");
    let done = sqlx::query(AssertSqlSafe(sql))
        .bind(owner_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// A ceremony in progress.
#[derive(Debug, sqlx::FromRow)]
pub struct CeremonyRow {
    pub token_hash: String,
    pub kind: String,
    pub subject: String,
    pub subject_id: Option<String>,
    pub bound_to: Option<String>,
    pub state: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn begin(conn: &mut AnyConnection, row: &CeremonyRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO passkey_ceremonies \
         (token_hash, kind, subject, subject_id, bound_to, state, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(row.token_hash.clone())
    .bind(row.kind.clone())
    .bind(row.subject.clone())
    .bind(row.subject_id.clone())
    .bind(row.bound_to.clone())
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
         RETURNING token_hash, kind, subject, subject_id, bound_to, state, created_at, expires_at",
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
