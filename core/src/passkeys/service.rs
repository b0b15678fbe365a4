//! A user's passkeys: registering one (a ceremony in two calls); listing, renaming and removing
//! them is `manage.rs` (re-exported here).
//!
//! - Registering begins with the current password or a recent passkey sign-in (`users::proof`: a
//!   stolen session cannot add its own way in; wrong passwords count against the sign-in limit), at most [`CEREMONIES_PER_MINUTE`] per user,
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
    AuthenticationResult, CredentialID, Passkey as Credential, PasskeyRegistration,
    RegisterPublicKeyCredential, Uuid,
};

use super::ceremony::{self, Bound, Kind};
use super::repo::{self, PasskeyRow};
use super::{CEREMONIES_PER_MINUTE, MAX_PER_USER, Passkey, checked_name, event, relying_party};
use crate::audit::{self, Context, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::sessions::{Authenticated, Subject};
use crate::state::AppState;

pub(crate) use super::manage::{forget_all, held};
pub use super::manage::{list, remove, rename};

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

pub(super) fn credential_of(row: &PasskeyRow) -> Result<Credential> {
    serde_json::from_str(&row.credential)
        .map_err(|e| Error::internal(format!("passkey {} cannot be read: {e}", row.id)))
}

/// Who a new passkey is for, and what its ceremony is bound to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holder<'a> {
    pub subject: Subject,
    pub id: &'a str,
    /// Their email address: the passkey's account name in the browser's list.
    pub email: &'a str,
    /// The name the browser shows beside it.
    pub display: &'a str,
    /// What began the ceremony: a session id, or the hash of a setup link.
    pub bound_to: &'a str,
    /// The new passkey replaces every one they hold (a staff member's setup link): theirs are
    /// neither counted nor excluded.
    pub replacing: bool,
}

impl Holder<'_> {
    fn bound(&self) -> Bound<'_> {
        Bound::by(self.subject, self.id, self.bound_to)
    }
}

/// Begins registering a passkey for the signed-in user, proven with their current password (or a
/// recent passkey sign-in: `users::proof`).
pub async fn begin_registration(
    state: &AppState,
    auth: &Authenticated,
    current_password: Option<&SecretString>,
) -> Result<Began> {
    relying_party(&state.settings)?;
    let missing = "current_password is required to add a passkey";
    crate::users::proof::prove(state, auth, current_password, missing).await?;
    let user = crate::users::service::get(state, &auth.user_id).await?;
    let display = format!("{} {}", user.first_name, user.last_name);
    let display = match display.trim() {
        "" => user.email.as_str(),
        name => name,
    };
    let holder = Holder {
        subject: Subject::User,
        id: &auth.user_id,
        email: &user.email,
        display,
        bound_to: &auth.session_id,
        replacing: false,
    };
    begin_for(state, &holder).await
}

/// Begins registering a passkey for `holder`, who has proven who they are: the options (user
/// verification required, a discoverable credential, no attestation, none of their passkeys
/// again) and the ceremony. At most [`CEREMONIES_PER_MINUTE`] a minute and [`MAX_PER_USER`]
/// passkeys per holder.
pub(crate) async fn begin_for(state: &AppState, holder: &Holder<'_>) -> Result<Began> {
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("passkey:ceremony:{}", holder.id),
        CEREMONIES_PER_MINUTE,
        std::time::Duration::from_secs(60),
        now,
    )
    .await?;
    let mut conn = state.db.pool().acquire().await?;
    let held = if holder.replacing {
        Vec::new()
    } else {
        repo::of_owner(&mut conn, holder.subject, holder.id).await?
    };
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
    let (options, registration) = rp
        .start_passkey_registration(
            user_handle(holder.id),
            holder.email,
            holder.display,
            Some(exclude),
        )
        .map_err(|e| Error::internal(format!("passkey registration: {e}")))?;
    let token = ceremony::open(
        &mut conn,
        Kind::Register,
        holder.bound(),
        &registration,
        now,
    )
    .await?;
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
    ctx.refuse_support("change the user's passkeys")?;
    let bound = Bound::session(auth);
    let row = verify_registration(state, bound, ceremony, name, credential).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    keep(&mut tx, Subject::User, &row).await?;
    let event = Event::user("passkey.added", &auth.user_id)
        .after(json!({ "id": row.id, "name": row.name }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(row.view())
}

/// Checks the answer to the registration `ceremony` (begun for `bound`): the new passkey, named
/// `name`, not kept yet ([`keep`]).
pub(crate) async fn verify_registration(
    state: &AppState,
    bound: Bound<'_>,
    ceremony: &str,
    name: &str,
    credential: Value,
) -> Result<PasskeyRow> {
    let name = checked_name(name)?;
    let owner_id = bound
        .id
        .ok_or_else(|| Error::internal("a registration is always someone's"))?
        .to_owned();
    let answer: RegisterPublicKeyCredential = serde_json::from_value(credential).map_err(|e| {
        Error::Validation(format!(
            "`credential` is not a WebAuthn registration response: {e}"
        ))
    })?;
    let rp = relying_party(&state.settings)?;
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let registration: PasskeyRegistration =
        ceremony::take(&mut conn, Kind::Register, bound, ceremony, now)
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
    Ok(PasskeyRow {
        id: new_id(),
        owner_id,
        credential_id,
        name,
        credential: credential.to_string(),
        aaguid: super::aaguid::of_answer(&answer),
        backup_eligible: i64::from(backup_eligible),
        sign_count: 0,
        created_at: now,
        last_used_at: None,
    })
}

/// Keeps a verified passkey (in the caller's transaction): at most [`MAX_PER_USER`] per holder,
/// and a credential registered once.
pub(crate) async fn keep(
    conn: &mut sqlx::AnyConnection,
    subject: Subject,
    row: &PasskeyRow,
) -> Result<()> {
    if repo::of_owner(conn, subject, &row.owner_id).await?.len() >= MAX_PER_USER {
        return Err(Error::Conflict(format!(
            "a login holds at most {MAX_PER_USER} passkeys; remove one first"
        )));
    }
    repo::insert(conn, subject, row).await.map_err(|e| {
        if e.is_unique_violation() {
            Error::Conflict("this passkey is registered already".to_owned())
        } else {
            e
        }
    })
}

/// Keeps what a passkey's answer changed (its counter and backup state) and when it was used.
pub(super) async fn record_use(
    state: &AppState,
    subject: Subject,
    row: &PasskeyRow,
    mut key: Credential,
    result: &AuthenticationResult,
) -> Result<()> {
    key.update_credential(result);
    let stored = serde_json::to_string(&key)
        .map_err(|e| Error::internal(format!("passkey credential: {e}")))?;
    let mut conn = state.db.pool().acquire().await?;
    let count = i64::from(result.counter());
    repo::used(
        &mut conn,
        subject,
        &row.id,
        &stored,
        count,
        state.clock.now_ms(),
    )
    .await
}

/// A passkey whose counter went backwards (it may have been cloned): audited as
/// `passkey.clone_suspected` under `ctx`; the caller refuses the answer.
pub(super) async fn clone_suspected(
    state: &AppState,
    ctx: &Context,
    subject: Subject,
    row: &PasskeyRow,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let event = event(subject, "passkey.clone_suspected", &row.owner_id)
        .after(json!({ "id": row.id, "name": row.name }));
    audit::record(&mut conn, ctx, state.clock.now_ms(), event).await?;
    tracing::warn!(passkey = %row.id, "a passkey's counter went backwards: refused");
    Ok(())
}

/// Forgets the ceremonies that were never finished (the sweeper's).
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    repo::sweep(conn, now).await
}
