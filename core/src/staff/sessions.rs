//! Staff sessions: 256 random bits in the `roster_staff` cookie (path `/admin`), stored as their
//! SHA-256 in `staff_sessions` — a table no client-area lookup reads, so a staff cookie never opens
//! the client area and a user's session never opens `/admin`. They end on sign-out, after
//! `auth.session_idle` without use, `auth.session_absolute` after sign-in, and when the member is
//! disabled, removed or sets up new credentials.

use sqlx::AnyConnection;

use super::{Role, Row};
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
    sqlx::query(
        "INSERT INTO staff_sessions \
         (id, token_hash, staff_id, created_at, last_seen_at, expires_at, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(hash_token(&token))
    .bind(staff_id.to_owned())
    .bind(now)
    .bind(now + ms(state.settings.auth.session_absolute))
    .bind(ip)
    .bind(user_agent)
    .execute(conn)
    .await?;
    Ok(token)
}

#[derive(sqlx::FromRow)]
struct Found {
    session_id: String,
    expires_at: i64,
    last_seen_at: i64,
    #[sqlx(flatten)]
    member: Row,
}

/// The active member a session token belongs to, while the session lasts.
pub async fn authenticate(state: &AppState, token: &str) -> Result<StaffIdentity> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found: Option<Found> = sqlx::query_as(
        "SELECT ss.id AS session_id, ss.expires_at, ss.last_seen_at, s.id, s.email, s.role, \
                s.status, s.password_hash, s.totp_secret, s.totp_last_step, s.last_login_at, \
                s.last_login_ip, s.created_at \
         FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id WHERE ss.token_hash = $1",
    )
    .bind(hash_token(token))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(found) = found else {
        return Err(Error::Unauthenticated);
    };
    let idle = ms(state.settings.auth.session_idle);
    if found.expires_at <= now
        || found.last_seen_at + idle <= now
        || found.member.status != "active"
    {
        sqlx::query("DELETE FROM staff_sessions WHERE id = $1")
            .bind(found.session_id)
            .execute(&mut *conn)
            .await?;
        return Err(Error::Unauthenticated);
    }
    // Touched at most once a minute, as users' sessions are.
    if now - found.last_seen_at > 60_000 {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(found.session_id.clone())
            .execute(&mut *conn)
            .await?;
    }
    Ok(StaffIdentity {
        session_id: found.session_id,
        staff_id: found.member.id,
        email: found.member.email,
        role: Role::parse(&found.member.role),
    })
}

/// Ends one session (signing out).
pub async fn end(state: &AppState, identity: &StaffIdentity) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    sqlx::query("DELETE FROM staff_sessions WHERE id = $1")
        .bind(identity.session_id.clone())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of a member.
pub(crate) async fn end_all(conn: &mut AnyConnection, staff_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1")
        .bind(staff_id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes ended sessions and used setup links (the sign-in challenges are
/// `crate::sessions::challenge`'s); answers how many went.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    let mut gone = 0;
    for sql in [
        "DELETE FROM staff_sessions WHERE expires_at < $1",
        "DELETE FROM staff_setup_links WHERE expires_at < $1",
    ] {
        gone += sqlx::query(sql)
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(gone)
}
