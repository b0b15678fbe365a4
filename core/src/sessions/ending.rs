//! How a session ends: signing out, one ended from the user's list (never by support signed in as
//! them), one replaced by a new sign-in of the same browser, and every session of a user at once
//! (a new password, a reset, a disabled user); each takes the tokens apps got from it along.

use serde_json::json;

use super::{Authenticated, SessionInfo, authenticate, repo};
use crate::audit::{self, Context, Event};
use crate::error::{Error, Result};
use crate::state::AppState;

/// Ends one session of the user (logout, or revoking one from the session list), and with it the
/// tokens apps got from it (which are told: `oauth::logout`).
pub async fn end(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    session_id: &str,
    action: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::delete_for_user(&mut tx, user_id, session_id).await? {
        return Err(Error::NotFound("session"));
    }
    crate::oauth::logout::sessions_ended(&mut tx, &[session_id.to_owned()], now).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user(action, user_id).after(json!({ "session_id": session_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends one of the user's sessions from their session list (another device, say): only the user
/// themself, never support signed in as them.
pub async fn revoke(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    session_id: &str,
) -> Result<()> {
    ctx.refuse_support("end the user's sessions")?;
    end(state, ctx, user_id, session_id, "user.session_revoked").await
}

/// Ends the session a browser held before it signed in again as the same user (`old_token`, its
/// session cookie): signing in again with a passkey — the way a login without a password confirms
/// a change — replaces the browser's session instead of leaving an orphan behind. Nothing for
/// another user's session, or none.
pub async fn replaced(state: &AppState, old_token: &str, user_id: &str) -> Result<()> {
    let Ok(old) = authenticate(state, old_token).await else {
        return Ok(());
    };
    if old.user_id != user_id {
        return Ok(());
    }
    let ctx = Context {
        actor: audit::Actor::User(user_id.to_owned()),
        ip: None,
        support: None,
    };
    end(
        state,
        &ctx,
        user_id,
        &old.session_id,
        "user.session_replaced",
    )
    .await
}

/// Ends the session a request came with (signing out).
pub async fn log_out(state: &AppState, ctx: &Context, auth: &Authenticated) -> Result<()> {
    end(
        state,
        ctx,
        &auth.user_id,
        &auth.session_id,
        "user.logged_out",
    )
    .await
}

pub async fn list(state: &AppState, user_id: &str) -> Result<Vec<SessionInfo>> {
    let mut conn = state.db.pool().acquire().await?;
    repo::list_for_user(&mut conn, user_id, state.clock.now_ms()).await
}

/// Ends every session of a user, except `keep` when given, inside the caller's transaction (a
/// password change keeps the session that made it; a reset or a disabled user keeps none), and
/// with them the tokens apps got from them (which are told: `oauth::logout`); returns how many
/// ended.
pub async fn end_all_for_user(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    keep: Option<&str>,
    now: i64,
) -> Result<u64> {
    let ended = repo::delete_all_for_user(conn, user_id, keep).await?;
    crate::oauth::logout::sessions_ended(conn, &ended, now).await?;
    Ok(u64::try_from(ended.len()).unwrap_or(u64::MAX))
}
