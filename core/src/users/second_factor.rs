//! The second factor: TOTP enrolment and confirmation, the one-time backup codes, checking a code
//! at login, turning it off.

use secrecy::SecretString;
use serde_json::json;

use super::proof;
use super::repo::{self, UserRow};
use super::totp::{self, Enrolment};
use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::crypto::{hash_token, new_backup_code, normalize_backup_code};
use crate::error::{Error, Result};
use crate::sessions::{Authenticated, Subject};
use crate::staff::roles::op;
use crate::state::AppState;

/// Starts TOTP enrolment: a new pending secret, shown once. Takes effect only when confirmed. The
/// user proves it is them ([`proof::check`]: the current password, or a recent passkey sign-in),
/// so a stolen session cannot put its own authenticator on the login.
pub async fn enrol_totp(
    state: &AppState,
    auth: &Authenticated,
    current_password: Option<&SecretString>,
) -> Result<Enrolment> {
    auth.refuse_support("change the user's second factor")?;
    let user_id = auth.user_id.as_str();
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.totp_secret.is_some() {
        return Err(Error::Conflict(
            "two-factor authentication is already on; turn it off first".to_owned(),
        ));
    }
    let missing = "current_password is required to turn on two-factor authentication";
    proof::check(state, &user, &auth.session_id, current_password, missing).await?;
    let mut conn = state.db.pool().acquire().await?;
    let (secret, enrolment) =
        totp::start_enrolment(&user.email, &state.settings.auth.totp_issuer).await?;
    repo::set_pending_totp(&mut conn, user_id, &secret, state.clock.now_ms()).await?;
    Ok(enrolment)
}

/// Confirms enrolment with a code from the app; returns the 10 one-time backup codes (shown once).
pub async fn confirm_totp(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    code: &str,
) -> Result<Vec<String>> {
    ctx.refuse_support("change the user's second factor")?;
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.totp_pending_secret.is_none() {
        return Err(Error::Conflict(
            "no enrolment in progress: start with POST /api/v1/me/totp".to_owned(),
        ));
    }
    crate::sessions::count_proof(state, &user.email).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let user = repo::get(&mut tx, user_id).await?;
    let secret = user.totp_pending_secret.clone().ok_or_else(|| {
        Error::Conflict("no enrolment in progress: start with POST /api/v1/me/totp".to_owned())
    })?;
    let step = totp::check(&secret, code, state.clock.now_secs())
        .await?
        .ok_or(Error::InvalidSecondFactor)?;
    if !repo::enable_totp(&mut tx, user_id, &secret, step, now).await? {
        return Err(Error::Conflict(
            "the enrolment changed; start again".to_owned(),
        ));
    }
    let codes = new_backup_codes(&mut tx, user_id).await?;
    audit::record(&mut tx, ctx, now, Event::user("user.totp_enabled", user_id)).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Checks a second factor for a user with TOTP on: a TOTP code (each time step once) or an unused
/// backup code (each once).
pub async fn check_second_factor(
    state: &AppState,
    user: &UserRow,
    totp_code: Option<&str>,
    backup_code: Option<&str>,
) -> Result<()> {
    if user.totp_secret.is_none() {
        return Ok(());
    }
    let mut conn = state.db.pool().acquire().await?;
    take_code(state, &mut conn, user, totp_code, backup_code).await
}

/// One typed code as the TOTP code it looks like (six digits) or else a backup code.
pub fn split_code(code: &str) -> (Option<&str>, Option<&str>) {
    let code = code.trim();
    let is_totp = code.chars().filter(|c| !c.is_whitespace()).count() == 6
        && code
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace());
    if is_totp {
        (Some(code), None)
    } else {
        (None, Some(code))
    }
}

/// Takes one code of `user` (in the caller's transaction, so that a later refusal gives it back):
/// a TOTP code (TOTP on; each time step once) or an unused backup code (each once).
/// `second_factor_required` when neither is given, `invalid_second_factor` when it is wrong.
pub(crate) async fn take_code(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user: &UserRow,
    totp_code: Option<&str>,
    backup_code: Option<&str>,
) -> Result<()> {
    let taken = match (totp_code, &user.totp_secret, backup_code) {
        (Some(code), Some(secret), _) => {
            match totp::check(secret, code, state.clock.now_secs()).await? {
                Some(step) => repo::accept_totp_step(conn, &user.id, step).await?,
                None => false,
            }
        }
        (_, _, Some(code)) => {
            let hash = hash_token(&normalize_backup_code(code));
            repo::use_backup_code(conn, &user.id, &hash, state.clock.now_ms()).await?
        }
        (Some(_), None, None) => false,
        (None, _, None) => return Err(Error::SecondFactorRequired),
    };
    if taken {
        Ok(())
    } else {
        Err(Error::InvalidSecondFactor)
    }
}

/// Turns TOTP off for the signed-in user, who proves it with the password, a current code or a
/// recent passkey sign-in. Their backup codes stay while they hold a passkey.
pub async fn disable_totp(
    state: &AppState,
    ctx: &Context,
    auth: &Authenticated,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<()> {
    prove(state, auth, password, code).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let ways = proof::ways_in(&mut tx, &auth.user_id).await?;
    let was_on = repo::clear_totp(&mut tx, &auth.user_id, now).await?;
    if ways.passkeys == 0 {
        repo::forget_backup_codes(&mut tx, &auth.user_id).await?;
    }
    if was_on {
        let event = Event::user("user.totp_disabled", &auth.user_id);
        audit::record(&mut tx, ctx, now, event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Clears every second factor of a user (staff, for someone who lost their phone and their
/// passkeys): TOTP, backup codes and passkeys. They can enrol again; a user without a password
/// then gets back in with a reset link alone (docs/architecture.md, "Recovery").
pub async fn clear_totp(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    user_id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let ways = proof::ways_in(&mut tx, user_id).await?;
    let was_on = repo::clear_totp(&mut tx, user_id, now).await?;
    repo::forget_backup_codes(&mut tx, user_id).await?;
    let passkeys = crate::passkeys::service::forget_all(&mut tx, Subject::User, user_id).await?;
    if was_on || ways.passkeys > 0 {
        let event = Event::user("user.totp_cleared", user_id)
            .before(json!({ "totp": was_on, "passkeys": passkeys }));
        audit::record(&mut tx, ctx, now, event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Ten new one-time backup codes for the user, replacing every earlier one; only their hashes are
/// stored.
async fn new_backup_codes(conn: &mut sqlx::AnyConnection, user_id: &str) -> Result<Vec<String>> {
    let codes = (0..10)
        .map(|_| new_backup_code())
        .collect::<Result<Vec<_>>>()?;
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| hash_token(&normalize_backup_code(c)))
        .collect();
    repo::replace_backup_codes(conn, user_id, &hashes).await?;
    Ok(codes)
}

/// Replaces the backup codes of a user with a second factor — TOTP on, or a passkey — (the old
/// ones stop working); the user proves it is them with the password, a current code or a recent
/// passkey sign-in. Returns the new codes, shown once.
pub async fn regenerate_backup_codes(
    state: &AppState,
    ctx: &Context,
    auth: &Authenticated,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<Vec<String>> {
    prove(state, auth, password, code).await?;
    let user_id = auth.user_id.as_str();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let ways = proof::ways_in(&mut tx, user_id).await?;
    if !ways.totp && ways.passkeys == 0 {
        return Err(Error::Conflict(
            "backup codes stand in for a second factor: turn on two-factor authentication or \
             add a passkey first"
                .to_owned(),
        ));
    }
    let codes = new_backup_codes(&mut tx, user_id).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.backup_codes_regenerated", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(codes)
}

/// The signed-in user proves a change to their second factor with the password, a current TOTP
/// code (TOTP on), or a recent passkey sign-in ([`proof::check`]).
async fn prove(
    state: &AppState,
    auth: &Authenticated,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, &auth.user_id).await?;
    drop(conn);
    match (password, code) {
        (None, Some(code)) if user.totp_secret.is_some() => {
            crate::sessions::count_proof(state, &user.email).await?;
            check_second_factor(state, &user, Some(code), None).await
        }
        (None, Some(_)) => Err(Error::Conflict(
            "two-factor authentication is not on: there is no code to give".to_owned(),
        )),
        (password, _) => {
            let missing = "give the password or a current code";
            proof::check(state, &user, &auth.session_id, password, missing).await
        }
    }
}

/// The signed-in user's current password, asked before a sensitive change: counted against the
/// user's sign-in limit first (`rate_limited` past it), then checked (`invalid_credentials`).
pub async fn check_current_password(
    state: &AppState,
    user: &UserRow,
    password: &SecretString,
) -> Result<()> {
    crate::sessions::count_proof(state, &user.email).await?;
    if state
        .passwords
        .verify(password, Some(&user.password_hash))
        .await?
        .ok
    {
        Ok(())
    } else {
        Err(Error::InvalidCredentials)
    }
}

/// How many of the user's backup codes are still unused.
pub async fn unused_backup_codes(state: &AppState, user_id: &str) -> Result<i64> {
    let mut conn = state.db.pool().acquire().await?;
    repo::unused_backup_codes(&mut conn, user_id).await
}

/// The enrolment in progress (its secret and QR code again), if one is.
pub async fn pending_enrolment(state: &AppState, user_id: &str) -> Result<Option<Enrolment>> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    let Some(secret) = user.totp_pending_secret else {
        return Ok(None);
    };
    let issuer = state.settings.auth.totp_issuer.clone();
    tokio::task::spawn_blocking(move || {
        let generator = totp::totp(&secret, &user.email, &issuer)?;
        totp::enrolment(&generator).map(Some)
    })
    .await
    .map_err(|e| Error::internal(format!("TOTP task: {e}")))?
}
