//! The passkeys a person holds: listed, renamed, removed (never the last way in), forgotten all at
//! once (a staff member's setup link). Re-exported by `passkeys::service`.

use serde_json::json;

use super::repo::{self, PasskeyRow};
use super::{Passkey, checked_name, event};
use crate::audit::{self, Context};
use crate::error::{Error, Result};
use crate::sessions::Subject;
use crate::state::AppState;

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
