//! Device cookies (OWASP's "Slow down online guessing attacks with device cookies"). The per-email
//! sign-in limit protects a login from guessing, but a stranger who keeps guessing keeps its
//! owner out too. So a browser that has signed in as a login gets a device cookie (256 random
//! bits; only the SHA-256 is stored, with the login it belongs to, for [`LIFETIME`]). A sign-in
//! attempt on that login's address from a browser holding it counts against a bucket of the
//! device's own, with the same limit, instead of the address's: the owner keeps getting in while
//! the stranger stays limited, and a stolen device cookie still guesses no faster than the limit.
//! The per-IP limit applies to everyone.

use std::time::Duration;

use super::Subject;
use super::repo::devices as repo;
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::Result;
use crate::state::AppState;

/// How long a device stays known after its last sign-in.
pub const LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

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
    let mut conn = state.db.pool().acquire().await?;
    let owner = repo::owner_email(&mut conn, subject, &hash, state.clock.now_ms()).await?;
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
    let until = now + ms(LIFETIME);
    let mut conn = state.db.pool().acquire().await?;
    let renewed = match presented {
        Some(token) => {
            let hash = hash_token(token);
            repo::renew(&mut conn, subject, subject_id, &hash, now, until).await?
        }
        None => false,
    };
    if renewed {
        return Ok(None);
    }
    let token = new_token()?;
    repo::insert(
        &mut conn,
        subject,
        subject_id,
        &hash_token(&token),
        now,
        until,
    )
    .await?;
    Ok(Some(token))
}

/// Deletes expired devices; returns how many went.
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    repo::delete_expired(conn, now).await
}
