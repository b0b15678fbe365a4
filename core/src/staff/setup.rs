//! The setup link: a new staff member (or one given a new link) chooses a password and enrols the
//! TOTP secret made with the link, proving it with a code. Using the link replaces any earlier
//! password and secret and ends the member's sessions.

use secrecy::SecretString;

use super::{Staff, repo, sessions};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::users::totp::{self, Enrolment};

async fn link(conn: &mut sqlx::AnyConnection, token: &str, now: i64) -> Result<repo::Link> {
    repo::live_link(conn, &hash_token(token), now)
        .await?
        .ok_or(Error::InvalidToken)
}

/// Who the link is for and the authenticator enrolment it shows (secret, URI, QR code).
pub async fn preview(state: &AppState, token: &str) -> Result<(Staff, Enrolment)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let link = link(&mut conn, token, now).await?;
    let member = repo::get(&mut conn, &link.staff_id).await?;
    drop(conn);
    let issuer = format!("{} admin", state.settings.ui.product_name.trim());
    let (secret, email) = (link.totp_secret, member.email.clone());
    let enrolment = tokio::task::spawn_blocking(move || {
        totp::enrolment(&totp::totp(&secret, &email, &issuer)?)
    })
    .await
    .map_err(|e| Error::internal(format!("TOTP task: {e}")))??;
    Ok((member.to_staff(), enrolment))
}

/// Sets the member's password and TOTP secret from the link, once the code proves the
/// authenticator holds the secret; the link is used up.
pub async fn complete(
    state: &AppState,
    token: &str,
    password: &SecretString,
    code: &str,
    ip: Option<String>,
) -> Result<Staff> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = link(&mut conn, token, now).await?;
    let member = repo::get(&mut conn, &found.staff_id).await?;
    drop(conn);
    state.passwords.check_policy(password, &[&member.email])?;
    let step = totp::check(
        &found.totp_secret,
        code,
        u64::try_from(now / 1000).unwrap_or_default(),
    )
    .await?
    .ok_or(Error::InvalidSecondFactor)?;
    let hash = state.passwords.hash(password).await?;

    let mut tx = state.db.begin().await?;
    if !repo::use_link(&mut tx, &hash_token(token)).await? {
        return Err(Error::InvalidToken);
    }
    let credentials = (hash.as_str(), found.totp_secret.as_str());
    repo::set_credentials(&mut tx, &member.id, credentials, step, now).await?;
    sessions::end_all(&mut tx, &member.id).await?;
    super::audit_own(&mut tx, &member, ip, now, "staff.set_up").await?;
    let after = repo::get(&mut tx, &member.id).await?.to_staff();
    tx.commit().await?;
    Ok(after)
}
