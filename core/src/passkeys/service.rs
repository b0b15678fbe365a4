//! A user's passkeys: registering one (a ceremony in two calls), listing, renaming, removing.
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
use super::{CEREMONIES_PER_MINUTE, MAX_PER_USER, Passkey, checked_name, relying_party};
use crate::audit::{self, Context, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::sessions::{Authenticated, Subject};
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

/// The passkeys of `owner_id` (a user's or a staff member's, by `subject`), oldest first.
pub async fn list(state: &AppState, subject: Subject, owner_id: &str) -> Result<Vec<Passkey>> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(repo::of_owner(&mut conn, subject, owner_id)
        .await?
        .iter()
        .map(PasskeyRow::view)
        .collect())
}

/// How many passkeys `owner_id` holds (in the caller's transaction).
pub(crate) async fn held(
    conn: &mut sqlx::AnyConnection,
    subject: Subject,
    owner_id: &str,
) -> Result<usize> {
    Ok(repo::of_owner(conn, subject, owner_id).await?.len())
}

/// An audit event about `owner_id`'s passkeys: on the user's record, or (a staff member's) on
/// the general log.
fn event<'a>(subject: Subject, action: &'a str, owner_id: &'a str) -> Event<'a> {
    match subject {
        Subject::User => Event::user(action, owner_id),
        Subject::Staff => Event::general(action),
    }
}

/// Renames one of `owner_id`'s passkeys. `not_found` for anyone else's.
pub async fn rename(
    state: &AppState,
    ctx: &Context,
    (subject, owner_id): (Subject, &str),
    id: &str,
    name: &str,
) -> Result<Passkey> {
    ctx.refuse_support("change the user's passkeys")?;
    let name = checked_name(name)?;
    let now = state.clock.now_ms();
    crate::audit::budget::spend(&state.db, ctx, now).await?;
    let mut tx = state.db.begin().await?;
    if !repo::rename(&mut tx, subject, owner_id, id, &name).await? {
        return Err(Error::NotFound("passkey"));
    }
    let event =
        event(subject, "passkey.renamed", owner_id).after(json!({ "id": id, "name": name }));
    audit::record(&mut tx, ctx, now, event).await?;
    let renamed = repo::of_owner(&mut tx, subject, owner_id)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(Error::NotFound("passkey"))?;
    tx.commit().await?;
    Ok(renamed.view())
}

/// Removes one of `owner_id`'s passkeys: it signs nobody in any more. `not_found` for anyone
/// else's. Audited as `passkey.removed`. `keep_one`: the holder has no other way in (a staff
/// member whose only second factor is a passkey): the last one is refused (`conflict`). A user
/// without a password keeps their last one the same way; a user without TOTP loses their backup
/// codes with their last passkey.
pub async fn remove(
    state: &AppState,
    ctx: &Context,
    (subject, owner_id): (Subject, &str),
    id: &str,
    keep_one: bool,
) -> Result<()> {
    ctx.refuse_support("change the user's passkeys")?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    // A user's row is locked first: dropping the password checks for a passkey under the same lock.
    let user = match subject {
        Subject::User => Some(crate::users::proof::ways_in(&mut tx, owner_id).await?),
        Subject::Staff => None,
    };
    let keep_one = keep_one || user.is_some_and(|ways| !ways.password);
    let held = repo::of_owner(&mut tx, subject, owner_id).await?;
    if !held.iter().any(|p| p.id == id) {
        return Err(Error::NotFound("passkey"));
    }
    if keep_one && held.len() == 1 {
        return Err(Error::Conflict(
            "this is your last passkey and your only way to sign in: add another one first"
                .to_owned(),
        ));
    }
    if !repo::remove(&mut tx, subject, owner_id, id).await? {
        return Err(Error::NotFound("passkey"));
    }
    if held.len() == 1 && user.is_some_and(|ways| !ways.totp) {
        // The backup codes stood in for the passkeys: with none left, neither do they.
        crate::users::proof::forget_backup_codes(&mut tx, owner_id).await?;
    }
    let event = event(subject, "passkey.removed", owner_id).before(json!({ "id": id }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes every passkey of `owner_id` (in the caller's transaction): a staff member's setup link
/// replaces their ways in.
pub(crate) async fn forget_all(
    conn: &mut sqlx::AnyConnection,
    subject: Subject,
    owner_id: &str,
) -> Result<u64> {
    repo::remove_all(conn, subject, owner_id).await
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
