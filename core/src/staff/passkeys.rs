//! A staff member's own passkeys (the admin area's "Your sign-in" page): listing, adding one (the
//! current password first, counted against the staff sign-in limit, so a stolen session cannot
//! add its own way in), renaming and removing. A member whose passkeys are their only second
//! factor (no TOTP secret, or `staff.require_passkey`) cannot remove the last one.

use secrecy::SecretString;
use serde_json::{Value, json};

use super::repo;
use super::sessions::StaffIdentity;
use crate::audit::{self, Context, Event};
use crate::error::{Error, Result};
use crate::passkeys::service::{self as passkeys, Began, Holder};
use crate::passkeys::{Bound, Passkey};
use crate::sessions::Subject;
use crate::state::AppState;

/// The member's passkeys, oldest first, and whether they also have an authenticator app.
pub async fn list(state: &AppState, me: &StaffIdentity) -> Result<(Vec<Passkey>, bool)> {
    let mut conn = state.db.pool().acquire().await?;
    let member = repo::get(&mut conn, &me.staff_id).await?;
    drop(conn);
    let held = passkeys::list(state, Subject::Staff, &me.staff_id).await?;
    Ok((held, member.totp_secret.is_some()))
}

/// Begins adding a passkey, proven with the member's current password.
pub async fn begin(state: &AppState, me: &StaffIdentity, password: &SecretString) -> Result<Began> {
    crate::passkeys::relying_party(&state.settings)?;
    let mut conn = state.db.pool().acquire().await?;
    let member = repo::get(&mut conn, &me.staff_id).await?;
    drop(conn);
    super::sign_in::count_proof(state, &member.email).await?;
    let verified = state
        .passwords
        .verify(password, member.password_hash.as_deref())
        .await?;
    if !verified.ok {
        return Err(Error::InvalidCredentials);
    }
    let holder = Holder {
        subject: Subject::Staff,
        id: &me.staff_id,
        email: &member.email,
        display: &member.email,
        bound_to: &me.session_id,
        replacing: false,
    };
    passkeys::begin_for(state, &holder).await
}

/// Finishes adding a passkey with the browser's answer. Audited as `passkey.added`.
pub async fn finish(
    state: &AppState,
    ctx: &Context,
    me: &StaffIdentity,
    (ceremony, name): (&str, &str),
    credential: Value,
) -> Result<Passkey> {
    let bound = Bound::by(Subject::Staff, &me.staff_id, &me.session_id);
    let row = passkeys::verify_registration(state, bound, ceremony, name, credential).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    passkeys::keep(&mut tx, Subject::Staff, &row).await?;
    let event = Event::general("passkey.added").after(json!({ "id": row.id, "name": row.name }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(row.view())
}

pub async fn rename(
    state: &AppState,
    ctx: &Context,
    me: &StaffIdentity,
    id: &str,
    name: &str,
) -> Result<Passkey> {
    passkeys::rename(state, ctx, (Subject::Staff, &me.staff_id), id, name).await
}

/// Removes one of the member's passkeys; never the last one when passkeys are their only second
/// factor.
pub async fn remove(state: &AppState, ctx: &Context, me: &StaffIdentity, id: &str) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let member = repo::get(&mut conn, &me.staff_id).await?;
    drop(conn);
    let only_way = state.settings.staff.require_passkey || member.totp_secret.is_none();
    passkeys::remove(state, ctx, (Subject::Staff, &me.staff_id), id, only_way).await
}
