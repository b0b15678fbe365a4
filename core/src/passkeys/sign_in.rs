//! Signing in with a passkey alone: a discoverable credential, so no email is typed. The passkey
//! is both factors (a key the person holds, unlocked by their PIN or biometrics: user
//! verification required), and the session is made as a password's is
//! (`sessions::with_passkey`: the same limits, status rules and `before-login` hooks).
//!
//! - Beginning needs nobody signed in; every begun ceremony is a row, so they count against the
//!   per-IP sign-in limit (`passkey:ip:<ip>`, `auth.rate_limit.per_ip` in its window).
//! - Every way an answer can fail (an unknown ceremony, an unknown or removed passkey, a user
//!   handle that does not match, a bad signature, no user verification, a counter that went
//!   backwards) is `invalid_credentials`, as a wrong password is. A counter that went backwards
//!   means the key may have been cloned: audited as `passkey.clone_suspected`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use webauthn_rs::prelude::{DiscoverableAuthentication, PublicKeyCredential, WebauthnError};

use super::ceremony::{self, Bound, Kind};
use super::relying_party;
use super::repo;
use super::service::{Began, clone_suspected, credential_of, record_use, user_handle};
use crate::audit::Context;
use crate::error::{Error, Result};
use crate::sessions::{SignedIn, Subject};
use crate::state::AppState;

/// Begins a sign-in: the options for `navigator.credentials.get()` (no credentials listed: the
/// authenticator offers the person's own) and the ceremony token.
pub async fn begin(state: &AppState, ip: Option<&str>) -> Result<Began> {
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    if let Some(ip) = ip {
        let limits = &state.settings.auth.rate_limit;
        crate::ratelimit::hit(
            state.db.pool(),
            &format!("passkey:ip:{ip}"),
            limits.per_ip,
            limits.per_ip_window,
            now,
        )
        .await?;
    }
    let (options, authentication) = rp
        .start_discoverable_authentication()
        .map_err(|e| Error::internal(format!("passkey sign-in: {e}")))?;
    let mut conn = state.db.pool().acquire().await?;
    let token =
        ceremony::open(&mut conn, Kind::SignIn, Bound::ANYONE, &authentication, now).await?;
    let options = serde_json::to_value(&options)
        .map_err(|e| Error::internal(format!("passkey options: {e}")))?;
    Ok(Began {
        ceremony: token,
        options,
    })
}

/// Where a sign-in comes from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The browser's device cookie, if it sent one.
    pub device: Option<String>,
}

/// Finishes a sign-in with the authenticator's answer (`credential`, WebAuthn's
/// `AuthenticationResponseJSON`, with its `userHandle`): a session for the passkey's user.
pub async fn finish(
    state: &AppState,
    ceremony: &str,
    credential: Value,
    from: Source,
) -> Result<SignedIn> {
    let done = finish_uncounted(state, ceremony, credential, from).await;
    crate::sessions::counted(crate::stats::Method::Passkey, done)
}

async fn finish_uncounted(
    state: &AppState,
    ceremony: &str,
    credential: Value,
    from: Source,
) -> Result<SignedIn> {
    let answer: PublicKeyCredential = serde_json::from_value(credential).map_err(|e| {
        Error::Validation(format!(
            "`credential` is not a WebAuthn authentication response: {e}"
        ))
    })?;
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let authentication: DiscoverableAuthentication =
        ceremony::take(&mut conn, Kind::SignIn, Bound::ANYONE, ceremony, now)
            .await?
            .ok_or(Error::InvalidCredentials)?;
    let (handle, credential_id) = rp
        .identify_discoverable_authentication(&answer)
        .map_err(|_| Error::InvalidCredentials)?;
    let row = repo::by_credential_id(
        &mut conn,
        Subject::User,
        &URL_SAFE_NO_PAD.encode(credential_id),
    )
    .await?
    .filter(|row| user_handle(&row.owner_id) == handle)
    .ok_or(Error::InvalidCredentials)?;
    drop(conn);
    let key = credential_of(&row)?;
    let result = match rp.finish_discoverable_authentication_v2(&answer, authentication, &key) {
        Ok(result) if result.user_verified() => result,
        Ok(_) => return Err(Error::InvalidCredentials),
        Err(WebauthnError::CredentialPossibleCompromise) => {
            let ctx = Context {
                actor: crate::audit::Actor::User(row.owner_id.clone()),
                ip: from.ip.clone(),
                support: None,
            };
            clone_suspected(state, &ctx, Subject::User, &row).await?;
            return Err(Error::InvalidCredentials);
        }
        Err(_) => return Err(Error::InvalidCredentials),
    };
    record_use(state, Subject::User, &row, key, &result).await?;
    crate::sessions::with_passkey(
        state,
        &row.owner_id,
        from.ip,
        from.user_agent,
        from.device.as_deref(),
    )
    .await
}
