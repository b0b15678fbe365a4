//! SQL of device cookies (`trusted_devices`; `super::super::devices` says what they are for).

use sqlx::AnyConnection;

use crate::error::Result;
use crate::sessions::Subject;

/// The normalized email of the login a live device cookie (by hash) belongs to.
pub async fn owner_email(
    conn: &mut AnyConnection,
    subject: Subject,
    hash: &str,
    now: i64,
) -> Result<Option<String>> {
    let sql = match subject {
        Subject::User => {
            "SELECT u.email_normalized FROM trusted_devices d JOIN users u ON u.id = d.subject_id \
             WHERE d.token_hash = $1 AND d.subject_kind = 'user' AND d.expires_at > $2"
        }
        Subject::Staff => {
            "SELECT s.email_normalized FROM trusted_devices d JOIN staff s ON s.id = d.subject_id \
             WHERE d.token_hash = $1 AND d.subject_kind = 'staff' AND d.expires_at > $2"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(hash.to_owned())
        .bind(now)
        .fetch_optional(conn)
        .await?)
}

/// Gives a live device of `subject_id` a new expiry; false when there is none by that hash.
pub async fn renew(
    conn: &mut AnyConnection,
    subject: Subject,
    subject_id: &str,
    hash: &str,
    now: i64,
    until: i64,
) -> Result<bool> {
    let renewed = sqlx::query(
        "UPDATE trusted_devices SET expires_at = $1 \
         WHERE token_hash = $2 AND subject_kind = $3 AND subject_id = $4 AND expires_at > $5",
    )
    .bind(until)
    .bind(hash.to_owned())
    .bind(subject.kind())
    .bind(subject_id.to_owned())
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(renewed > 0)
}

pub async fn insert(
    conn: &mut AnyConnection,
    subject: Subject,
    subject_id: &str,
    hash: &str,
    now: i64,
    until: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO trusted_devices (token_hash, subject_kind, subject_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash.to_owned())
    .bind(subject.kind())
    .bind(subject_id.to_owned())
    .bind(now)
    .bind(until)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_expired(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM trusted_devices WHERE expires_at < $1")
            .bind(now)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
