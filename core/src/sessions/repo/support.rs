//! SQL of support sign-ins: the record the user sees on `/me`, and the user's allowance.

use sqlx::AnyConnection;

use crate::error::Result;

/// A support sign-in as `/me` lists it (times in unix milliseconds).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct SupportSignIn {
    /// The staff member who signed in as the user.
    pub staff_email: String,
    pub started_at: i64,
    /// When it ends (or ended) at the latest.
    pub ends_at: i64,
    /// When it was ended before its deadline (End now, the staff member signing out, …).
    pub ended_at: Option<i64>,
}

pub async fn insert(
    conn: &mut AnyConnection,
    (id, user_id, session_id): (&str, &str, &str),
    staff_email: &str,
    (started_at, ends_at): (i64, i64),
) -> Result<()> {
    sqlx::query(
        "INSERT INTO support_sign_ins (id, user_id, session_id, staff_email, started_at, ends_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_owned())
    .bind(user_id.to_owned())
    .bind(session_id.to_owned())
    .bind(staff_email.to_owned())
    .bind(started_at)
    .bind(ends_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the sign-ins of these sessions ended at `now` (those not ended already).
pub async fn ended(conn: &mut AnyConnection, session_ids: &[String], now: i64) -> Result<()> {
    for id in session_ids {
        sqlx::query(
            "UPDATE support_sign_ins SET ended_at = $2 \
             WHERE session_id = $1 AND ended_at IS NULL AND ends_at > $2",
        )
        .bind(id.clone())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The user's support sign-ins, newest first (at most `limit`).
pub async fn of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    limit: i64,
) -> Result<Vec<SupportSignIn>> {
    Ok(sqlx::query_as(
        "SELECT staff_email, started_at, ends_at, ended_at FROM support_sign_ins \
         WHERE user_id = $1 ORDER BY started_at DESC, id DESC LIMIT CAST($2 AS BIGINT)",
    )
    .bind(user_id.to_owned())
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Until when the user allows a support sign-in, if they ever did.
pub async fn allowed_until(conn: &mut AnyConnection, user_id: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT allowed_until FROM support_consents WHERE user_id = $1")
            .bind(user_id.to_owned())
            .fetch_optional(conn)
            .await?,
    )
}

/// Records the user's allowance until `until` (replacing an earlier one).
pub async fn allow(conn: &mut AnyConnection, user_id: &str, now: i64, until: i64) -> Result<()> {
    sqlx::query("DELETE FROM support_consents WHERE user_id = $1")
        .bind(user_id.to_owned())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO support_consents (user_id, allowed_at, allowed_until) VALUES ($1, $2, $3)",
    )
    .bind(user_id.to_owned())
    .bind(now)
    .bind(until)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the user's allowance; whether there was one.
pub async fn withdraw(conn: &mut AnyConnection, user_id: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM support_consents WHERE user_id = $1")
        .bind(user_id.to_owned())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes one support sign-in's session of the user; whether there was one.
pub async fn delete_one(conn: &mut AnyConnection, user_id: &str, session_id: &str) -> Result<bool> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE id = $1 AND user_id = $2 AND support_staff_id IS NOT NULL",
    )
    .bind(session_id.to_owned())
    .bind(user_id.to_owned())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
