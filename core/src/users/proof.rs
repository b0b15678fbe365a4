//! Proving it is you before a change to how a login signs in (a new email address or password, the
//! security question, TOTP, backup codes, a passkey, dropping the password), and the password
//! itself as a way in: a login may drop it once it holds a passkey and unused backup codes.
//!
//! The proof is the current password (counted against the sign-in limit), or a passkey sign-in
//! of this very session in the last [`RECENT_PASSKEY_MS`] (the only proof a login without a
//! password has: "sign in again with your passkey", as GitHub's sudo mode asks). A stolen session
//! older than that proves nothing.

use secrecy::SecretString;
use serde_json::json;

use super::repo::{self, UserRow};
use super::second_factor::check_current_password;
use crate::audit::{self, Context, Event};
use crate::error::{Error, Result};
use crate::passkeys;
use crate::sessions::{self, Authenticated, Subject};
use crate::state::AppState;

/// How long a passkey sign-in stands in for the current password: five minutes.
pub const RECENT_PASSKEY_MS: i64 = 5 * 60 * 1000;

/// Whether `session_id` signed in with a passkey (alone or after the password) in the last
/// [`RECENT_PASSKEY_MS`].
pub async fn recent_passkey_sign_in(state: &AppState, session_id: &str) -> Result<bool> {
    let Some(facts) = sessions::sign_in_facts(state, session_id).await? else {
        return Ok(false);
    };
    let fresh = state.clock.now_ms() - facts.auth_time <= RECENT_PASSKEY_MS;
    Ok(fresh && facts.amr.split(' ').any(|m| m == "hwk"))
}

/// The proof for a change by `user` in `session_id`: `password` when given, else a recent
/// passkey sign-in of the session. Without either: `validation` naming `missing` for a login with
/// a password, `recent_sign_in_required` for one without.
pub async fn check(
    state: &AppState,
    user: &UserRow,
    session_id: &str,
    password: Option<&SecretString>,
    missing: &str,
) -> Result<()> {
    if let Some(password) = password {
        return check_current_password(state, user, password).await;
    }
    if recent_passkey_sign_in(state, session_id).await? {
        return Ok(());
    }
    Err(if user.has_password() {
        Error::Validation(missing.to_owned())
    } else {
        Error::RecentSignInRequired
    })
}

/// [`check`] for the signed-in `auth`, whose row is read first: before a new way in is added (a
/// passkey), so that a stolen session cannot add its own.
pub async fn prove(
    state: &AppState,
    auth: &Authenticated,
    password: Option<&SecretString>,
    missing: &str,
) -> Result<()> {
    auth.refuse_support("change how the user signs in")?;
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, &auth.user_id).await?;
    drop(conn);
    check(state, &user, &auth.session_id, password, missing).await
}

/// What a login's ways in are, read with its row locked for the caller's transaction.
#[derive(Debug, Clone, Copy)]
pub struct WaysIn {
    pub password: bool,
    pub totp: bool,
    pub passkeys: usize,
    pub unused_backup_codes: i64,
}

pub(crate) async fn ways_in(conn: &mut sqlx::AnyConnection, user_id: &str) -> Result<WaysIn> {
    repo::lock(conn, user_id).await?;
    let user = repo::get(conn, user_id).await?;
    Ok(WaysIn {
        password: user.has_password(),
        totp: user.totp_secret.is_some(),
        passkeys: passkeys::service::held(conn, Subject::User, user_id).await?,
        unused_backup_codes: repo::unused_backup_codes(conn, user_id).await?,
    })
}

/// Drops the signed-in user's password: from now on they sign in with a passkey, and recover with
/// a backup code and a reset link. Needs a passkey and an unused backup code (`conflict`
/// otherwise), and the proof ([`check`]); ends the user's other sessions, as a new password does.
pub async fn drop_password(
    state: &AppState,
    ctx: &Context,
    auth: &Authenticated,
    password: Option<&SecretString>,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, &auth.user_id).await?;
    drop(conn);
    if !user.has_password() {
        return Err(Error::Conflict("your login has no password".to_owned()));
    }
    let missing = "current_password is required to drop the password";
    check(state, &user, &auth.session_id, password, missing).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let ways = ways_in(&mut tx, &auth.user_id).await?;
    if ways.passkeys == 0 {
        return Err(Error::Conflict(
            "add a passkey first: without a password, a passkey is how you sign in".to_owned(),
        ));
    }
    if ways.unused_backup_codes == 0 {
        return Err(Error::Conflict(
            "make backup codes first: they get you back in if you lose your passkeys".to_owned(),
        ));
    }
    repo::set_password_hash(&mut tx, &auth.user_id, "", now).await?;
    let ended =
        sessions::end_all_for_user(&mut tx, &auth.user_id, Some(&auth.session_id), now).await?;
    let event = Event::user("user.password_dropped", &auth.user_id)
        .after(json!({ "sessions_ended": ended }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets the user's backup codes (in the caller's transaction): their last second factor went.
pub(crate) async fn forget_backup_codes(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
) -> Result<()> {
    repo::forget_backup_codes(conn, user_id).await
}
