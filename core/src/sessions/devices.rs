//! Device cookies (OWASP's "Slow down online guessing attacks with device cookies"). The per-email
//! sign-in limit protects a login from guessing, but a stranger who keeps guessing keeps its
//! owner out too. So a browser that has signed in as a login gets a device cookie (256 random
//! bits; only the SHA-256 is stored, with the login it belongs to, for [`LIFETIME`]). A sign-in
//! attempt on that login's address from a browser holding it counts against a bucket of the
//! device's own, with the same limit, instead of the address's: the owner keeps getting in while
//! the stranger stays limited, and a stolen device cookie still guesses no faster than the limit.
//! The per-IP limit applies to everyone.

use std::time::Duration;

use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::Result;
use crate::state::AppState;

/// How long a device stays known after its last sign-in.
pub const LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// Whose device: a client-area user's or a staff member's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    User,
    Staff,
}

impl Subject {
    fn kind(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Staff => "staff",
        }
    }

    /// The normalized email of the device's login, if the device is known and not expired.
    fn email_query(self) -> &'static str {
        match self {
            Self::User => {
                "SELECT u.email_normalized FROM trusted_devices d JOIN users u ON u.id = d.subject_id \
                 WHERE d.token_hash = $1 AND d.subject_kind = 'user' AND d.expires_at > $2"
            }
            Self::Staff => {
                "SELECT s.email_normalized FROM trusted_devices d JOIN staff s ON s.id = d.subject_id \
                 WHERE d.token_hash = $1 AND d.subject_kind = 'staff' AND d.expires_at > $2"
            }
        }
    }
}

/// The rate-limit bucket a sign-in attempt on `email` counts against: the device's own when the
/// browser presents a device cookie of the login that has this address, `email_bucket` otherwise.
pub async fn limit_bucket(
    state: &AppState,
    subject: Subject,
    presented: Option<&str>,
    email: &str,
    email_bucket: String,
) -> Result<String> {
    let Some(token) = presented else {
        return Ok(email_bucket);
    };
    let hash = hash_token(token);
    let owner: Option<String> = sqlx::query_scalar(subject.email_query())
        .bind(hash.clone())
        .bind(state.clock.now_ms())
        .fetch_optional(state.db.pool())
        .await?;
    Ok(match owner {
        Some(owner) if owner == crate::users::normalize_email(email) => {
            format!("login:device:{hash}")
        }
        _ => email_bucket,
    })
}

/// After a successful sign-in of `subject_id`: the device cookie's value to set, a new one unless
/// the browser presented a known one of this login (then its lifetime starts again).
pub async fn remember(
    state: &AppState,
    subject: Subject,
    subject_id: &str,
    presented: Option<&str>,
) -> Result<Option<String>> {
    let now = state.clock.now_ms();
    let pool = state.db.pool();
    if let Some(token) = presented {
        let renewed = sqlx::query(
            "UPDATE trusted_devices SET expires_at = $1 \
             WHERE token_hash = $2 AND subject_kind = $3 AND subject_id = $4 AND expires_at > $5",
        )
        .bind(now + ms(LIFETIME))
        .bind(hash_token(token))
        .bind(subject.kind())
        .bind(subject_id.to_owned())
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected();
        if renewed > 0 {
            return Ok(None);
        }
    }
    let token = new_token()?;
    sqlx::query(
        "INSERT INTO trusted_devices (token_hash, subject_kind, subject_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(subject.kind())
    .bind(subject_id.to_owned())
    .bind(now)
    .bind(now + ms(LIFETIME))
    .execute(pool)
    .await?;
    Ok(Some(token))
}

/// Deletes expired devices; returns how many went.
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM trusted_devices WHERE expires_at < $1")
            .bind(now)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
