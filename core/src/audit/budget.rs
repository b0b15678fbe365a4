//! The bound on changes a session can repeat cheaply: editing one's profile, an account's profile,
//! its contacts, a member's permissions, a passkey's name, a staff member's preferences. Each is an
//! audit row (and most a domain event for plugins), so a stolen session toggling a field in a loop
//! would grow the log without bound. What protects the person (a new password, two-factor
//! authentication, ending sessions) is bounded by its proofs instead and never by this, so a thief
//! who spends the budget cannot stop the owner locking them out.

use super::{Actor, Context};
use crate::error::Result;

/// Changes one user (in any of their sessions, support signed in as them included) or one staff
/// member in the admin area may make in an hour. A person at the pages never comes near it; a
/// script managing hundreds of members with a user's token spreads its work over hours (staff
/// automation uses admin tokens, which are not counted).
pub const CHANGES_PER_HOUR: u32 = 600;

/// Counts one change by `ctx`'s actor, before the change's transaction; past
/// [`CHANGES_PER_HOUR`] it is refused (429 `rate_limited`, with `Retry-After`) and nothing is
/// written. Admin tokens, WHMCS credentials, plugins and the server's own jobs are not counted.
pub async fn spend(db: &crate::db::Db, ctx: &Context, now: i64) -> Result<()> {
    let bucket = match &ctx.actor {
        Actor::User(id) => format!("changes:user:{id}"),
        Actor::Staff { email, .. } => format!("changes:staff:{email}"),
        _ => return Ok(()),
    };
    let hour = std::time::Duration::from_secs(3600);
    crate::ratelimit::hit(db.pool(), &bucket, CHANGES_PER_HOUR, hour, now).await
}
