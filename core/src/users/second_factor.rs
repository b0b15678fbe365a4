//! The second factor: TOTP enrolment and confirmation, the one-time backup codes, checking a code
//! at login, turning it off.

use secrecy::SecretString;

use super::repo::{self, UserRow};
use super::totp::{self, Enrolment};
use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::crypto::{hash_token, new_backup_code, normalize_backup_code};
use crate::error::{Error, Result};
use crate::staff::roles::op;
use crate::state::AppState;

/// Starts TOTP enrolment: a new pending secret, shown once. Takes effect only when confirmed. The
/// user proves it is them with the current password, so a stolen session cannot put its own
/// authenticator on the login.
pub async fn enrol_totp(
    state: &AppState,
    user_id: &str,
    current_password: &SecretString,
) -> Result<Enrolment> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.totp_secret.is_some() {
        return Err(Error::Conflict(
            "two-factor authentication is already on; turn it off first".to_owned(),
        ));
    }
    check_current_password(state, &user, current_password).await?;
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
    let Some(secret) = &user.totp_secret else {
        return Ok(());
    };
    let mut conn = state.db.pool().acquire().await?;
    if let Some(code) = totp_code {
        let step = totp::check(secret, code, state.clock.now_secs())
            .await?
            .ok_or(Error::InvalidSecondFactor)?;
        return if repo::accept_totp_step(&mut conn, &user.id, step).await? {
            Ok(())
        } else {
            Err(Error::InvalidSecondFactor)
        };
    }
    if let Some(code) = backup_code {
        let hash = hash_token(&normalize_backup_code(code));
        return if repo::use_backup_code(&mut conn, &user.id, &hash, state.clock.now_ms()).await? {
            Ok(())
        } else {
            Err(Error::InvalidSecondFactor)
        };
    }
    Err(Error::SecondFactorRequired)
}

/// Turns TOTP off for the signed-in user, who proves it with the password or a current code.
pub async fn disable_totp(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<()> {
    prove(state, user_id, password, code).await?;
    clear(state, ctx, user_id, "user.totp_disabled").await
}

/// Clears a user's second factor (staff: a lost phone); they can enrol again.
pub async fn clear_totp(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    user_id: &str,
) -> Result<()> {
    clear(
        state,
        ctx.admitted()?.context(),
        user_id,
        "user.totp_cleared",
    )
    .await
}

async fn clear(state: &AppState, ctx: &Context, user_id: &str, action: &str) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    repo::get(&mut tx, user_id).await?;
    let was_on = repo::clear_totp(&mut tx, user_id, now).await?;
    if was_on {
        audit::record(&mut tx, ctx, now, Event::user(action, user_id)).await?;
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

/// Replaces the backup codes of a user with TOTP on (the old ones stop working); the user proves
/// it is them with the password or a current code, as for turning TOTP off. Returns the new codes,
/// shown once.
pub async fn regenerate_backup_codes(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<Vec<String>> {
    prove(state, user_id, password, code).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
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

/// The signed-in user, who has TOTP on, proves a change to it with the password or a current
/// TOTP code.
async fn prove(
    state: &AppState,
    user_id: &str,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.totp_secret.is_none() {
        return Err(Error::Conflict(
            "two-factor authentication is not on".to_owned(),
        ));
    }
    match (password, code) {
        (Some(password), _) => check_current_password(state, &user, password).await,
        (None, Some(code)) => {
            crate::sessions::count_proof(state, &user.email).await?;
            check_second_factor(state, &user, Some(code), None).await
        }
        (None, None) => Err(Error::Validation(
            "give the password or a current code".to_owned(),
        )),
    }
}

/// Proves `user_id`'s current password (counted against the sign-in limit): asked before a new
/// way in is added (a passkey), so that a stolen session cannot add its own.
pub async fn prove_password(
    state: &AppState,
    user_id: &str,
    password: &SecretString,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    check_current_password(state, &user, password).await
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
