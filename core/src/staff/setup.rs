//! The setup link: a new staff member (or one given a new link) chooses a password and enrols the
//! TOTP secret made with the link, proving it with a code. Using the link replaces any earlier
//! password and secret and ends the member's sessions.

use secrecy::SecretString;

use super::{Staff, sessions};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::users::totp::{self, Enrolment};

#[derive(sqlx::FromRow)]
struct Link {
    staff_id: String,
    totp_secret: String,
}

async fn link(conn: &mut sqlx::AnyConnection, token: &str, now: i64) -> Result<Link> {
    sqlx::query_as(
        "SELECT staff_id, totp_secret FROM staff_setup_links \
         WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(now)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::InvalidToken)
}

/// Who the link is for and the authenticator enrolment it shows (secret, URI, QR code).
pub async fn preview(state: &AppState, token: &str) -> Result<(Staff, Enrolment)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let link = link(&mut conn, token, now).await?;
    let member = super::row(&mut conn, &link.staff_id).await?;
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
    let member = super::row(&mut conn, &found.staff_id).await?;
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
    let used = sqlx::query("DELETE FROM staff_setup_links WHERE token_hash = $1")
        .bind(hash_token(token))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if used == 0 {
        return Err(Error::InvalidToken);
    }
    sqlx::query(
        "UPDATE staff SET password_hash = $1, totp_secret = $2, totp_last_step = $3, \
         updated_at = $4 WHERE id = $5",
    )
    .bind(hash)
    .bind(found.totp_secret)
    .bind(step)
    .bind(now)
    .bind(member.id.clone())
    .execute(&mut *tx)
    .await?;
    sessions::end_all(&mut tx, &member.id).await?;
    super::audit_own(&mut tx, &member, ip, now, "staff.set_up").await?;
    let after = super::row(&mut tx, &member.id).await?.to_staff();
    tx.commit().await?;
    Ok(after)
}
