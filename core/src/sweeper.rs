//! Background clean-up of rows that no longer mean anything: ended sessions, used or expired email
//! links, expired device cookies, old rate-limit windows, expired OpenID Connect codes and tokens. Nothing depends on it for correctness (every check also looks at
//! the time); it only keeps the tables small. Safe on several replicas at once (plain deletes).

use std::time::Duration;

use crate::clock::ms;
use crate::error::Result;
use crate::state::AppState;

/// How often the sweep runs.
pub const INTERVAL: Duration = Duration::from_secs(5 * 60);
/// How long used or expired rows are kept (for support questions) before they go.
const KEEP: Duration = Duration::from_secs(24 * 60 * 60);

/// Runs one sweep; returns how many rows went.
pub async fn sweep_once(state: &AppState) -> Result<u64> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let sessions =
        crate::sessions::sweep(&mut conn, now, ms(state.settings.auth.session_idle)).await?;
    let links = crate::users::links::sweep(&mut conn, now - ms(KEEP)).await?;
    let challenges = crate::sessions::challenge::sweep(&mut conn, now).await?;
    let invitations = crate::invitations::service::expire_due(&mut conn, now).await?;
    let staff = crate::staff::sessions::sweep(&mut conn, now).await?;
    let devices = crate::sessions::devices::sweep(&mut conn, now).await?;
    let mail = crate::mail::outbox::sweep(&mut conn, now - ms(KEEP)).await?;
    let expired_links = crate::mail::outbox::expire(&mut conn, now).await?;
    let oauth = crate::oauth::tokens::sweep(&mut conn, now).await?
        + crate::oauth::logout::sweep(&mut conn, now - ms(KEEP)).await?;
    let ceremonies = crate::passkeys::service::sweep(&mut conn, now).await?;
    drop(conn);
    let windows = crate::ratelimit::sweep(state.db.pool(), now - ms(KEEP)).await?;
    Ok(sessions
        + links
        + challenges
        + invitations
        + staff
        + devices
        + mail
        + expired_links
        + oauth
        + ceremonies
        + windows)
}

/// Sweeps every [`INTERVAL`] until the task is dropped.
pub async fn run(state: AppState) {
    let mut ticker = tokio::time::interval(INTERVAL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match sweep_once(&state).await {
            Ok(0) => {}
            Ok(removed) => tracing::debug!(removed, "sweeper removed stale rows"),
            Err(e) => tracing::warn!(error = %e, "sweep failed"),
        }
    }
}
