//! The sign-in challenge, one for users and staff: what the browser holds between the password and
//! the second factor. 256 random bits, stored as their SHA-256 with whose it is
//! (`login_challenges` for users, `staff_login_challenges` for staff), good until it expires
//! ([`LIFETIME`], or a mailed code's own) and for one successful second step. The flows around it
//! are the user's (`super::two_step`, `super::mailbox`) and the staff member's
//! (`crate::staff::sign_in`); what they share is here.

use std::time::Duration;

use sqlx::AnyConnection;

use super::Subject;
use super::repo::challenges as repo;
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::{Error, Result};

/// How long the second step may wait.
pub const LIFETIME: Duration = Duration::from_secs(5 * 60);

/// Stores a new challenge for `subject_id`, good for `lifetime`; for a user, with the hash of the
/// code mailed for it (`super::mailbox`). Answers the token to hand the browser.
pub async fn issue(
    conn: &mut AnyConnection,
    subject: Subject,
    subject_id: &str,
    now: i64,
    lifetime: Duration,
    mail_code_hash: Option<String>,
) -> Result<String> {
    let token = new_token()?;
    let expires_at = now + ms(lifetime);
    let hash = hash_token(&token);
    repo::insert(
        conn,
        subject,
        subject_id,
        &hash,
        now,
        expires_at,
        mail_code_hash,
    )
    .await?;
    Ok(token)
}

/// A live challenge, as its second step reads it.
#[derive(Debug)]
pub struct Found {
    /// The stored hash, to use the challenge up with.
    pub hash: String,
    /// Whose it is: a user's or a staff member's id.
    pub subject_id: String,
    /// The hash of the code mailed for it (users only).
    pub mail_code_hash: Option<String>,
}

/// The live challenge `token` names; `unauthorized` when there is none (unknown, used or expired:
/// sign in again).
pub async fn find(
    conn: &mut AnyConnection,
    subject: Subject,
    token: &str,
    now: i64,
) -> Result<Found> {
    let hash = hash_token(token);
    let found = repo::live(conn, subject, &hash, now).await?;
    let (subject_id, mail_code_hash) = found.ok_or(Error::Unauthenticated)?;
    Ok(Found {
        hash,
        subject_id,
        mail_code_hash,
    })
}

/// Uses the challenge up after a right second step; false when it was gone already (a raced
/// second use, which must not sign in twice).
pub async fn use_up(conn: &mut AnyConnection, subject: Subject, hash: &str) -> Result<bool> {
    repo::delete(conn, subject, hash).await
}

/// Deletes the expired challenges of both kinds; returns how many went.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    repo::delete_expired(conn, now).await
}
