//! A passkey as the second factor after a password, in place of a TOTP code: for a user whose
//! sign-in asks for one (TOTP on), and for staff (always asked; with `staff.require_passkey` the
//! only one taken). The ceremony is bound to the sign-in challenge the password step gave
//! (`sessions::challenge`), lists only the holder's own passkeys, and is answered once. Every way
//! an answer can fail is `invalid_second_factor`, as a wrong code is; a counter that went
//! backwards is audited (`passkey.clone_suspected`).

use serde_json::Value;
use webauthn_rs::prelude::{PasskeyAuthentication, PublicKeyCredential, WebauthnError};

use super::ceremony::{self, Bound, Kind};
use super::service::{Began, clone_suspected, credential_of, record_use};
use super::{CEREMONIES_PER_MINUTE, relying_party, repo};
use crate::audit::Context;
use crate::error::{Error, Result};
use crate::sessions::{Subject, challenge};
use crate::state::AppState;

/// Begins the second step with a passkey for `owner_id`, whose password was right and whose
/// sign-in challenge is `challenge` (its hash): the options (the holder's passkeys) and the
/// ceremony. `conflict` when they hold none; `rate_limited` past [`CEREMONIES_PER_MINUTE`] a
/// minute for the holder (shared with registration: a stolen challenge cannot mint ceremony rows).
pub(crate) async fn begin(
    state: &AppState,
    subject: Subject,
    owner_id: &str,
    challenge: &str,
) -> Result<Began> {
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("passkey:ceremony:{owner_id}"),
        CEREMONIES_PER_MINUTE,
        std::time::Duration::from_secs(60),
        now,
    )
    .await?;
    let mut conn = state.db.pool().acquire().await?;
    let held = repo::of_owner(&mut conn, subject, owner_id).await?;
    if held.is_empty() {
        return Err(Error::Conflict(
            "you have no passkey: use a code from your authenticator app".to_owned(),
        ));
    }
    let keys = held.iter().map(credential_of).collect::<Result<Vec<_>>>()?;
    let (options, authentication) = rp
        .start_passkey_authentication(&keys)
        .map_err(|e| Error::internal(format!("passkey second factor: {e}")))?;
    let bound = Bound::by(subject, owner_id, challenge);
    let token = ceremony::open(&mut conn, Kind::SecondFactor, bound, &authentication, now).await?;
    let options = serde_json::to_value(&options)
        .map_err(|e| Error::internal(format!("passkey options: {e}")))?;
    Ok(Began {
        ceremony: token,
        options,
    })
}

/// Whether the holder of the live sign-in challenge `token` holds a passkey (the second step's
/// page offers it then). False for anything that is not a live challenge.
pub(crate) async fn offered(state: &AppState, subject: Subject, token: &str) -> bool {
    let now = state.clock.now_ms();
    let Ok(mut conn) = state.db.pool().acquire().await else {
        return false;
    };
    let Ok(found) = challenge::find(&mut conn, subject, token, now).await else {
        return false;
    };
    repo::of_owner(&mut conn, subject, &found.subject_id)
        .await
        .is_ok_and(|held| !held.is_empty())
}

/// [`begin`] for the holder of the live sign-in challenge `token`. Not for a challenge that waits
/// for a mailed code (`conflict`).
pub(crate) async fn begin_for_challenge(
    state: &AppState,
    subject: Subject,
    token: &str,
) -> Result<Began> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = challenge::find(&mut conn, subject, token, now).await?;
    drop(conn);
    if found.mail_code_hash.is_some() {
        return Err(Error::Conflict(
            "this sign-in waits for the code we emailed".to_owned(),
        ));
    }
    begin(state, subject, &found.subject_id, &found.hash).await
}

/// Checks the answer to a second step begun with [`begin`] for the same holder and challenge.
/// `ctx` is who is signing in (for the audit of a cloned key).
pub(crate) async fn check(
    state: &AppState,
    ctx: &Context,
    (subject, owner_id): (Subject, &str),
    challenge: &str,
    ceremony: &str,
    credential: Value,
) -> Result<()> {
    let answer: PublicKeyCredential =
        serde_json::from_value(credential).map_err(|_| Error::InvalidSecondFactor)?;
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    let bound = Bound::by(subject, owner_id, challenge);
    let mut conn = state.db.pool().acquire().await?;
    let authentication: PasskeyAuthentication =
        ceremony::take(&mut conn, Kind::SecondFactor, bound, ceremony, now)
            .await?
            .ok_or(Error::InvalidSecondFactor)?;
    let held = repo::of_owner(&mut conn, subject, owner_id).await?;
    drop(conn);
    let row = held
        .into_iter()
        .find(|row| row.credential_id == answer.id)
        .ok_or(Error::InvalidSecondFactor)?;
    let key = credential_of(&row)?;
    let result = match rp.finish_passkey_authentication(&answer, &authentication) {
        Ok(result) => result,
        Err(WebauthnError::CredentialPossibleCompromise) => {
            clone_suspected(state, ctx, subject, &row).await?;
            return Err(Error::InvalidSecondFactor);
        }
        Err(_) => return Err(Error::InvalidSecondFactor),
    };
    record_use(state, subject, &row, key, &result).await
}
