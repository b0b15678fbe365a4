//! An account's invitations in every state — pending, expired, accepted, cancelled — for staff
//! (the admin area's Invitations tab). An expired one is shown as `expired` even before the
//! sweeper marks it.

use super::{Invitation, repo, view};
use crate::error::Result;
use crate::memberships::Manager;
use crate::state::AppState;

/// The newest `limit` invitations of the manager's account.
pub async fn list_recent(state: &AppState, by: Manager<'_>, limit: i64) -> Result<Vec<Invitation>> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    crate::accounts::steps::get(&mut conn, account_id).await?;
    Ok(repo::list_recent(&mut conn, account_id, limit)
        .await?
        .iter()
        .map(|r| view(r, now))
        .collect())
}
