//! A user's passkeys: registering one (a ceremony in two calls), listing, renaming, removing.
//!
//! - Registering begins with the current password (a stolen session cannot add its own way in;
//!   wrong passwords count against the sign-in limit), at most [`CEREMONIES_PER_MINUTE`] per user,
//!   and is finished by the same session within [`CEREMONY_LIFE`], once. The passkey must verify
//!   its user (a PIN or biometrics: user verification required) and be discoverable (it can sign
//!   in without an email typed). Attestation is not asked for (`none`).
//! - A user holds at most [`MAX_PER_USER`]; a credential is registered once across all users.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use secrecy::SecretString;
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use webauthn_rs::prelude::{
    CredentialID, Passkey as Credential, PasskeyRegistration, RegisterPublicKeyCredential, Uuid,
};

use super::ceremony::{self, Kind};
use super::repo::{self, PasskeyRow};
use super::{CEREMONIES_PER_MINUTE, MAX_PER_USER, Passkey, checked_name, relying_party};
use crate::audit::{self, Context, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::sessions::Authenticated;
use crate::state::AppState;

/// A ceremony begun: what the browser (or program) passes to WebAuthn, and the token that
/// finishes it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Began {
    /// Sent back with the answer; works once, for five minutes, for whoever began it.
    pub ceremony: String,
    /// `PublicKeyCredentialCreationOptions` (or `…RequestOptions`) as WebAuthn's JSON: pass its
    /// `publicKey` to `navigator.credentials.create()` (or `.get()`).
    #[schema(value_type = Object)]
    pub options: Value,
}

/// The WebAuthn user handle of a user: derived from their id (stable, and no personal data).
pub(super) fn user_handle(user_id: &str) -> Uuid {
    let digest = Sha256::digest(user_id.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::from_bytes(bytes)
}

fn credential_of(row: &PasskeyRow) -> Result<Credential> {
    serde_json::from_str(&row.credential)
        .map_err(|e| Error::internal(format!("passkey {} cannot be read: {e}", row.id)))
}

/// Begins registering a passkey for the signed-in user, proven with their current password.
pub async fn begin_registration(
    state: &AppState,
    auth: &Authenticated,
    current_password: &SecretString,
) -> Result<Began> {
    let rp = relying_party(&state.settings)?;
    crate::users::second_factor::prove_password(state, &auth.user_id, current_password).await?;
    let now = state.clock.now_ms();
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("passkey:ceremony:{}", auth.user_id),
        CEREMONIES_PER_MINUTE,
        std::time::Duration::from_secs(60),
        now,
    )
    .await?;
    let user = crate::users::service::get(state, &auth.user_id).await?;
    let mut conn = state.db.pool().acquire().await?;
    let held = repo::of_user(&mut conn, &auth.user_id).await?;
    if held.len() >= MAX_PER_USER {
        return Err(Error::Conflict(format!(
            "a login holds at most {MAX_PER_USER} passkeys; remove one first"
        )));
    }
    let exclude: Vec<CredentialID> = held
        .iter()
        .map(credential_of)
        .collect::<Result<Vec<_>>>()?
        .iter()
        .map(|c| c.cred_id().clone())
        .collect();
    let display = format!("{} {}", user.first_name, user.last_name);
    let display = match display.trim() {
        "" => user.email.as_str(),
        name => name,
    };
    let (options, registration) = rp
        .start_passkey_registration(user_handle(&user.id), &user.email, display, Some(exclude))
        .map_err(|e| Error::internal(format!("passkey registration: {e}")))?;
    let token = ceremony::open(&mut conn, Kind::Register, Some(auth), &registration, now).await?;
    let mut options = serde_json::to_value(&options)
        .map_err(|e| Error::internal(format!("passkey options: {e}")))?;
    // Discoverable: the passkey must sign in without an email typed.
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = json!("required");
        selection["requireResidentKey"] = json!(true);
    }
    Ok(Began {
        ceremony: token,
        options,
    })
}

/// Finishes a registration with the authenticator's answer (`credential`, WebAuthn's
/// `RegistrationResponseJSON`); the passkey is named `name`. Audited as `passkey.added`.
pub async fn finish_registration(
    state: &AppState,
    ctx: &Context,
    auth: &Authenticated,
    ceremony: &str,
    name: &str,
    credential: Value,
) -> Result<Passkey> {
    let name = checked_name(name)?;
    let answer: RegisterPublicKeyCredential = serde_json::from_value(credential).map_err(|e| {
        Error::Validation(format!(
            "`credential` is not a WebAuthn registration response: {e}"
        ))
    })?;
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let registration: PasskeyRegistration =
        ceremony::take(&mut conn, Kind::Register, Some(auth), ceremony, now)
            .await?
            .ok_or_else(|| {
                Error::Validation(
                    "`ceremony` is unknown, used or expired; begin the registration again"
                        .to_owned(),
                )
            })?;
    drop(conn);
    let key = rp
        .finish_passkey_registration(&answer, &registration)
        .map_err(|e| Error::Validation(format!("the passkey was not accepted: {e}")))?;
    let credential_id = URL_SAFE_NO_PAD.encode(key.cred_id());
    let credential = serde_json::to_value(&key)
        .map_err(|e| Error::internal(format!("passkey credential: {e}")))?;
    let backup_eligible = credential
        .pointer("/cred/backup_eligible")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let credential = credential.to_string();
    let row = PasskeyRow {
        id: new_id(),
        user_id: auth.user_id.clone(),
        credential_id,
        name,
        credential,
        aaguid: None,
        backup_eligible: i64::from(backup_eligible),
        sign_count: 0,
        created_at: now,
        last_used_at: None,
    };
    let mut tx = state.db.begin().await?;
    if repo::of_user(&mut tx, &auth.user_id).await?.len() >= MAX_PER_USER {
        return Err(Error::Conflict(format!(
            "a login holds at most {MAX_PER_USER} passkeys; remove one first"
        )));
    }
    repo::insert(&mut tx, &row).await.map_err(|e| {
        if e.is_unique_violation() {
            Error::Conflict("this passkey is registered already".to_owned())
        } else {
            e
        }
    })?;
    let event = Event::user("passkey.added", &auth.user_id)
        .after(json!({ "id": row.id, "name": row.name }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(row.view())
}

/// The user's passkeys, oldest first.
pub async fn list(state: &AppState, user_id: &str) -> Result<Vec<Passkey>> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(repo::of_user(&mut conn, user_id)
        .await?
        .iter()
        .map(PasskeyRow::view)
        .collect())
}

/// Renames one of the user's passkeys. `not_found` for anyone else's.
pub async fn rename(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    id: &str,
    name: &str,
) -> Result<Passkey> {
    let name = checked_name(name)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::rename(&mut tx, user_id, id, &name).await? {
        return Err(Error::NotFound("passkey"));
    }
    let event = Event::user("passkey.renamed", user_id).after(json!({ "id": id, "name": name }));
    audit::record(&mut tx, ctx, now, event).await?;
    let renamed = repo::of_user(&mut tx, user_id)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(Error::NotFound("passkey"))?;
    tx.commit().await?;
    Ok(renamed.view())
}

/// Removes one of the user's passkeys: it signs nobody in any more. `not_found` for anyone
/// else's. Audited as `passkey.removed`.
pub async fn remove(state: &AppState, ctx: &Context, user_id: &str, id: &str) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::remove(&mut tx, user_id, id).await? {
        return Err(Error::NotFound("passkey"));
    }
    let event = Event::user("passkey.removed", user_id).before(json!({ "id": id }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets the ceremonies that were never finished (the sweeper's).
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    repo::sweep(conn, now).await
}
