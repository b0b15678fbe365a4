//! What other nouns' use cases do with memberships inside their own transaction: an account's
//! creation adds its owner, an accepted invitation its member, the import both (docs/architecture.md,
//! "Layout and dependencies": a noun's use cases call another noun's use cases, never its repo).

use sqlx::AnyConnection;

use super::repo;
use crate::error::Result;

pub use super::repo::{MemberRow, MembershipRow};

/// Gives `user_id` access to `account_id` with `permissions` (keys the caller has checked against
/// the catalog), added by `added_by` (`(kind, id)`, as the audit names actors).
pub async fn add(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
    permissions: &[String],
    added_by: (&str, Option<&str>),
    now: i64,
) -> Result<()> {
    repo::insert(conn, account_id, user_id, permissions, added_by, now).await
}

/// Replaces a member's permission set; false when `user_id` is not a member.
pub async fn set_permissions(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
    permissions: &[String],
) -> Result<bool> {
    repo::set_permissions(conn, account_id, user_id, permissions).await
}

/// `user_id`'s access to `account_id`, if any.
pub async fn get(
    conn: &mut AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<Option<MembershipRow>> {
    repo::get(conn, account_id, user_id).await
}

/// The account's members, with their users' public fields.
pub async fn list_for_account(
    conn: &mut AnyConnection,
    account_id: &str,
) -> Result<Vec<MemberRow>> {
    repo::list_for_account(conn, account_id).await
}

/// How many accounts `user_id` reaches (owned or not).
pub async fn count_for_user(conn: &mut AnyConnection, user_id: &str) -> Result<i64> {
    repo::count_for_user(conn, user_id).await
}
