//! A one-time code sent to the mailbox at sign-in. A user imported from WHMCS whose second factor
//! could not be carried over (another 2FA module, or a secret that does not decode: `import`
//! marks them `totp_reenrol_at`) would otherwise sign in with the imported password alone. Until
//! they enrol an authenticator again, the right password is followed by a 6-digit code mailed to
//! them, good for [`LIFETIME`] and once. Attempts count against the sign-in limit like any code.

use std::time::Duration;

use serde_json::json;

use super::Subject;
use super::repo::challenges as repo;
use crate::clock::ms;
use crate::crypto::{hash_token, new_digit_code};
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::users::steps::UserRow;

/// How long a mailed code works.
pub const LIFETIME: Duration = Duration::from_secs(10 * 60);

/// Whether `user` must prove the mailbox at sign-in.
pub fn required(user: &UserRow) -> bool {
    user.totp_reenrol_at.is_some() && user.totp_secret.is_none()
}

/// Mails a new code to `user` and stores a sign-in challenge for it; answers the challenge's
/// token (the pages' second step carries it; the API finds the challenge by the code).
pub async fn send(state: &AppState, user: &UserRow) -> Result<String> {
    let now = state.clock.now_ms();
    let code = new_digit_code()?;
    let mut tx = state.db.begin().await?;
    let mailed = Some(hash_token(&code));
    let token =
        super::challenge::issue(&mut tx, Subject::User, &user.id, now, LIFETIME, mailed).await?;
    let values = json!({
        "first_name": user.first_name,
        "code": code,
        "expires_in_seconds": LIFETIME.as_secs(),
    });
    let expires_at = Some(now + ms(LIFETIME));
    crate::mail::outbox::enqueue_expiring(
        &mut tx,
        now,
        user.recipient(&state.settings),
        "sign-in-code",
        values,
        expires_at,
    )
    .await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(token)
}

/// The API's second call: `code` against every live mailed code of the user; the right one is
/// used up (`invalid_second_factor` otherwise).
pub async fn check_any(state: &AppState, user_id: &str, code: &str) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let now = state.clock.now_ms();
    let used = repo::use_mailed_code(&mut conn, user_id, &hash_token(code.trim()), now).await?;
    if !used {
        return Err(Error::InvalidSecondFactor);
    }
    Ok(())
}

/// Whether `code` is the one mailed for a challenge whose stored hash is `expected`.
pub fn matches(expected: &str, code: &str) -> bool {
    hash_token(code.trim()) == expected
}
