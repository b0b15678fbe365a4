//! Staff sessions: 256 random bits in the `roster_staff` cookie (path `/admin`), stored as their
//! SHA-256 in `staff_sessions` — a table no client-area lookup reads, so a staff cookie never opens
//! the client area and a user's session never opens `/admin`. They end on sign-out, after
//! `auth.session_idle` without use, `auth.session_absolute` after sign-in, and when the member is
//! disabled, removed or sets up new credentials; the support sign-ins a member started end with
//! the session they came from, or with all of the member's.

use sqlx::AnyConnection;

use super::{Role, repo};
use crate::audit::{Actor, Context};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::state::AppState;

/// The staff member behind a request.
#[derive(Debug, Clone)]
pub struct StaffIdentity {
    pub session_id: String,
    pub staff_id: String,
    pub email: String,
    pub role: Role,
    /// Their own language (a tag) and time zone (an IANA name), each empty when not chosen.
    pub language: String,
    pub time_zone: String,
}

impl StaffIdentity {
    /// The audit context of this member's request.
    pub fn context(&self, ip: Option<String>) -> Context {
        Context {
            actor: Actor::Staff {
                email: self.email.clone(),
                role: self.role,
            },
            ip,
            support: None,
        }
    }
}

/// Starts a session for a member who passed both sign-in steps; answers its token.
pub(crate) async fn start(
    conn: &mut AnyConnection,
    state: &AppState,
    staff_id: &str,
    ip: Option<String>,
    user_agent: Option<String>,
) -> Result<String> {
    let now = state.clock.now_ms();
    let token = new_token()?;
    let session = repo::NewSession {
        id: &new_id(),
        token_hash: &hash_token(&token),
        staff_id,
        now,
        expires_at: now + ms(state.settings.auth.session_absolute),
        ip,
        user_agent,
    };
    repo::insert_session(conn, session).await?;
    Ok(token)
}

/// The active member a session token belongs to, while the session lasts.
pub async fn authenticate(state: &AppState, token: &str) -> Result<StaffIdentity> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = repo::session_by_token_hash(&mut conn, &hash_token(token)).await?;
    let Some(found) = found else {
        return Err(Error::Unauthenticated);
    };
    let idle = ms(state.settings.auth.session_idle);
    if found.expires_at <= now
        || found.last_seen_at + idle <= now
        || found.member.status != "active"
    {
        let mut tx = state.db.begin().await?;
        repo::delete_session(&mut tx, &found.session_id).await?;
        crate::sessions::support::end_for_staff(&mut tx, &found.session_id, false, now).await?;
        tx.commit().await?;
        return Err(Error::Unauthenticated);
    }
    // Touched at most once a minute, as users' sessions are.
    if now - found.last_seen_at > 60_000 {
        repo::touch_session(&mut conn, &found.session_id, now).await?;
    }
    Ok(StaffIdentity {
        session_id: found.session_id,
        staff_id: found.member.id,
        email: found.member.email,
        role: Role::parse(&found.member.role),
        language: found.member.language,
        time_zone: found.member.time_zone,
    })
}

/// Ends one session (signing out), and the support sign-ins started from it.
pub async fn end(state: &AppState, identity: &StaffIdentity) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    repo::delete_session(&mut tx, &identity.session_id).await?;
    crate::sessions::support::end_for_staff(&mut tx, &identity.session_id, false, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session of a member, and every support sign-in they started.
pub(crate) async fn end_all(conn: &mut AnyConnection, staff_id: &str, now: i64) -> Result<()> {
    repo::delete_sessions_of(conn, staff_id).await?;
    crate::sessions::support::end_for_staff(conn, staff_id, true, now).await
}

/// Deletes ended sessions and used setup links (the sign-in challenges are
/// `crate::sessions::challenge`'s); answers how many went.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    repo::sweep(conn, now).await
}
