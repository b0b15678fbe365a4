//! What other nouns' use cases do with users inside their own transaction: a sign-in reads the
//! user and records the login, an accepted invitation verifies the invited address
//! (docs/architecture.md, "Layout and dependencies": a noun's use cases call another noun's use
//! cases, never its repo).

use sqlx::AnyConnection;

use super::repo;
use crate::error::Result;

pub use super::repo::UserRow;

/// The user, secrets included (for the domain only), or `not_found`.
pub async fn get(conn: &mut AnyConnection, id: &str) -> Result<UserRow> {
    repo::get(conn, id).await
}

/// Takes the user's row for the rest of the caller's transaction: a change that makes the user
/// an owner waits for a deletion of theirs in flight, and then finds no user.
pub async fn lock(conn: &mut AnyConnection, id: &str) -> Result<()> {
    repo::lock(conn, id).await
}

/// The user with this normalized address, if any.
pub async fn by_email(conn: &mut AnyConnection, email_normalized: &str) -> Result<Option<UserRow>> {
    repo::by_email(conn, email_normalized).await
}

/// Marks `email` verified when it is still the user's address and not yet verified; false
/// otherwise.
pub async fn mark_email_verified(
    conn: &mut AnyConnection,
    id: &str,
    email: &str,
    now: i64,
) -> Result<bool> {
    repo::mark_email_verified(conn, id, email, now).await
}

/// Records a sign-in's time and address.
pub async fn record_login(
    conn: &mut AnyConnection,
    id: &str,
    ip: Option<&str>,
    now: i64,
) -> Result<()> {
    repo::record_login(conn, id, ip, now).await
}

/// Stores a new hash of the user's current password (a sign-in that found the old hash's
/// parameters out of date).
pub async fn rehash_password(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: i64,
) -> Result<()> {
    repo::set_password_hash(conn, id, hash, now).await
}
