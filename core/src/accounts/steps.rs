//! What other nouns' use cases do with accounts inside their own transaction (docs/architecture.md,
//! "Layout and dependencies": a noun's use cases call another noun's use cases, never its repo).

use sqlx::AnyConnection;

use super::{Account, repo};
use crate::error::Result;

pub use super::repo::Reached;

/// Takes the account's write lock for the rest of the transaction (on PostgreSQL a row lock; SQLite
/// writes one transaction at a time anyway); `not_found` without such an account. Every write on
/// an account takes it first, so that one account's writes, and their events, keep their order.
pub async fn lock(conn: &mut AnyConnection, id: &str) -> Result<()> {
    repo::lock(conn, id).await
}

/// The account, or `not_found`.
pub async fn get(conn: &mut AnyConnection, id: &str) -> Result<Account> {
    repo::get(conn, id).await
}

/// The accounts `user_id` reaches, by id, at most `limit`, each with the permission set stored
/// for the user there.
pub async fn reached_by(
    conn: &mut AnyConnection,
    user_id: &str,
    limit: i64,
) -> Result<Vec<Reached>> {
    repo::reached_by(conn, user_id, limit).await
}

/// How many accounts `user_id` owns.
pub async fn count_owned_by(conn: &mut AnyConnection, user_id: &str) -> Result<i64> {
    repo::count_owned_by(conn, user_id).await
}

/// Makes `to` the owner in place of `from` (the ownership transfer's write; the transfer itself
/// is `memberships::transfer`); false when the owner is no longer `from` (a concurrent transfer
/// won).
pub async fn set_owner(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    now: i64,
) -> Result<bool> {
    repo::set_owner(conn, id, from, to, now).await
}
