//! SQL of a user's second factor: the TOTP secret and its last used step, the backup codes, and
//! the row lock that changes to a login's ways in take first.

use sqlx::AnyConnection;

use crate::error::Result;

pub async fn set_pending_totp(
    conn: &mut AnyConnection,
    id: &str,
    secret: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE users SET totp_pending_secret = $2, updated_at = $3 WHERE id = $1")
        .bind(id.to_owned())
        .bind(secret.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Turns the pending secret on, if it is still the one the code was checked against.
pub async fn enable_totp(
    conn: &mut AnyConnection,
    id: &str,
    secret: &str,
    step: i64,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, \
           totp_enabled_at = $3, totp_last_step = $4, totp_reenrol_at = NULL, updated_at = $3 \
         WHERE id = $1 AND totp_pending_secret = $2 AND totp_secret IS NULL",
    )
    .bind(id.to_owned())
    .bind(secret.to_owned())
    .bind(now)
    .bind(step)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Accepts a TOTP time step once: true only for the first caller with a step newer than the last.
pub async fn accept_totp_step(conn: &mut AnyConnection, id: &str, step: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = $2 \
         WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(id.to_owned())
    .bind(step)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn clear_totp(conn: &mut AnyConnection, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, \
           totp_last_step = NULL, updated_at = $2 \
         WHERE id = $1 AND (totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL)",
    )
    .bind(id.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn forget_backup_codes(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM user_backup_codes WHERE user_id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// How many of the user's backup codes are still unused.
pub async fn unused_backup_codes(conn: &mut AnyConnection, id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_backup_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(id.to_owned())
    .fetch_one(conn)
    .await?)
}

/// Takes the user's row for the rest of the transaction (a write lock on both databases), so that
/// two changes to the user's ways in cannot both pass a check the other undoes.
pub async fn lock(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn replace_backup_codes(
    conn: &mut AnyConnection,
    id: &str,
    hashes: &[String],
) -> Result<()> {
    sqlx::query("DELETE FROM user_backup_codes WHERE user_id = $1")
        .bind(id.to_owned())
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        sqlx::query("INSERT INTO user_backup_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(id.to_owned())
            .bind(hash.clone())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Uses a backup code once: true only for the first caller.
pub async fn use_backup_code(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE user_backup_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(id.to_owned())
    .bind(hash.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
