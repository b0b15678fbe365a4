//! One-time links sent by email: email verification, password reset and an email change (sent to
//! the new address, whose `email` the token carries). Only the token's hash is
//! stored; a token is good once, until it expires, and only for the address it was sent to.

use sqlx::AnyConnection;

use crate::crypto::{hash_token, new_token};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    PasswordReset,
    ChangeEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::PasswordReset => "password_reset",
            Self::ChangeEmail => "change_email",
        }
    }
}

/// Creates a token for `user_id`/`email`, valid until `expires_at`; returns the token itself.
pub async fn create(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: &str,
    email: &str,
    now: i64,
    expires_at: i64,
) -> Result<String> {
    let token = new_token()?;
    sqlx::query(
        "INSERT INTO user_tokens (token_hash, user_id, purpose, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash_token(&token))
    .bind(user_id.to_owned())
    .bind(purpose.as_str())
    .bind(email.to_owned())
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(token)
}

/// A valid (unused, unexpired) token's user id and email, without using it.
pub async fn peek(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token: &str,
    now: i64,
) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT user_id, email FROM user_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(hash_token(token))
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// Uses a valid token: only the first caller gets its user id and email.
pub async fn consume(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token: &str,
    now: i64,
) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "UPDATE user_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
         RETURNING user_id, email",
    )
    .bind(hash_token(token))
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// Voids every unused token of a kind for a user (a newer link replaces older ones).
pub async fn void_all(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE user_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
        .bind(user_id.to_owned())
        .bind(purpose.as_str())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the links that expired or were used before `before` (the sweeper's part); returns how
/// many.
pub async fn sweep(conn: &mut AnyConnection, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM user_tokens WHERE expires_at < $1 OR used_at < $1")
        .bind(before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
