//! The setup link: a new staff member (or one given a new link) chooses a password and enrols a
//! second factor: the TOTP secret made with the link, proven with a code, or (with
//! `staff.require_passkey`) a passkey. Using the link replaces any earlier password, TOTP secret
//! and passkeys, and ends the member's sessions.

use secrecy::SecretString;
use serde_json::Value;

use super::{Staff, repo, sessions};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::passkeys::service::{self as passkeys, Began, Holder};
use crate::passkeys::{Bound, Passkey};
use crate::sessions::Subject;
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

/// Who the link is for and, under `staff.require_passkey`, the ceremony that creates their
/// passkey (bound to the link; at most ten a minute per member).
pub async fn preview_passkey(state: &AppState, token: &str) -> Result<(Staff, Began)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let link = link(&mut conn, token, now).await?;
    let member = repo::get(&mut conn, &link.staff_id).await?;
    drop(conn);
    let hash = hash_token(token);
    let holder = Holder {
        subject: Subject::Staff,
        id: &member.id,
        email: &member.email,
        display: &member.email,
        bound_to: &hash,
        replacing: true,
    };
    let began = passkeys::begin_for(state, &holder).await?;
    Ok((member.to_staff(), began))
}

/// Sets the member's password and TOTP secret from the link, once the code proves the
/// authenticator holds the secret; the link is used up. Refused (`forbidden`) under
/// `staff.require_passkey`: the link enrols a passkey then.
pub async fn complete(
    state: &AppState,
    token: &str,
    password: &SecretString,
    code: &str,
    ip: Option<String>,
) -> Result<Staff> {
    if state.settings.staff.require_passkey {
        return Err(Error::Forbidden(
            "staff sign in with a passkey here: open the link again to create one".to_owned(),
        ));
    }
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
    let totp = Some((found.totp_secret.as_str(), step));
    repo::set_credentials(&mut tx, &member.id, &hash, totp, now).await?;
    passkeys::forget_all(&mut tx, Subject::Staff, &member.id).await?;
    sessions::end_all(&mut tx, &member.id, now).await?;
    super::audit_own(&mut tx, &member, ip, now, "staff.set_up").await?;
    let after = repo::get(&mut tx, &member.id).await?.to_staff();
    tx.commit().await?;
    Ok(after)
}

/// A passkey the browser made for a setup link: the ceremony, a name, and the answer.
#[derive(Debug)]
pub struct NewPasskey<'a> {
    pub ceremony: &'a str,
    pub name: &'a str,
    pub credential: Value,
}

/// Sets the member's password and first passkey from the link (no TOTP secret), once the
/// browser's answer verifies; the link is used up.
pub async fn complete_with_passkey(
    state: &AppState,
    token: &str,
    password: &SecretString,
    passkey: NewPasskey<'_>,
    ip: Option<String>,
) -> Result<(Staff, Passkey)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = link(&mut conn, token, now).await?;
    let member = repo::get(&mut conn, &found.staff_id).await?;
    drop(conn);
    state.passwords.check_policy(password, &[&member.email])?;
    let link_hash = hash_token(token);
    let bound = Bound::by(Subject::Staff, &member.id, &link_hash);
    let NewPasskey {
        ceremony,
        name,
        credential,
    } = passkey;
    let row = passkeys::verify_registration(state, bound, ceremony, name, credential).await?;
    let hash = state.passwords.hash(password).await?;

    let mut tx = state.db.begin().await?;
    if !repo::use_link(&mut tx, &link_hash).await? {
        return Err(Error::InvalidToken);
    }
    repo::set_credentials(&mut tx, &member.id, &hash, None, now).await?;
    passkeys::forget_all(&mut tx, Subject::Staff, &member.id).await?;
    passkeys::keep(&mut tx, Subject::Staff, &row).await?;
    sessions::end_all(&mut tx, &member.id, now).await?;
    super::audit_own(&mut tx, &member, ip, now, "staff.set_up").await?;
    let after = repo::get(&mut tx, &member.id).await?.to_staff();
    tx.commit().await?;
    Ok((after, row.view()))
}
