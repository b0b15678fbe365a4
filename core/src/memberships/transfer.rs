//! Ownership transfer (staff only, rule 6): judged by the plugins, then written atomically with
//! the owner checked again.

use serde_json::json;

use super::repo;
use super::service::staff_only;
use crate::accounts::{Account, steps as accounts_steps};
use crate::audit::{self, Acting, Event};
use crate::error::{Error, Result};
use crate::events;
use crate::staff::roles::op;
use crate::state::AppState;
use crate::users::steps as users_steps;

/// Moves ownership (admin API only, rule 6), atomically: the new owner gains ownership (and access,
/// if they had none); the previous owner stays a member with every permission, unless
/// `keep_previous_owner` is false.
pub async fn transfer_ownership(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    account_id: &str,
    new_owner: &str,
    keep_previous_owner: bool,
) -> Result<Account> {
    let ctx = staff_only(
        ctx.admitted()?.context(),
        "only staff can move an account's ownership",
    )?;
    // Judged first, outside any transaction, then written with the owner checked again: when it
    // changed meanwhile, the plugins judge the request again with the new one.
    let mut judgements = 1;
    let (mut tx, previous) = loop {
        let judged = {
            let mut conn = state.db.pool().acquire().await?;
            match transferable(&mut conn, account_id, new_owner).await? {
                Transfer::Done(account) => return Ok(*account),
                Transfer::From(previous) => previous,
            }
        };
        state
            .plugins
            .before_ownership_transfer(ctx, account_id, &judged, new_owner, keep_previous_owner)
            .await?;
        let mut tx = state.db.begin().await?;
        accounts_steps::lock(&mut tx, account_id).await?;
        // A deletion of the new owner in flight commits first: they are then not found.
        users_steps::lock(&mut tx, new_owner).await?;
        match transferable(&mut tx, account_id, new_owner).await? {
            Transfer::Done(account) => return Ok(*account),
            Transfer::From(previous) if previous == judged => break (tx, previous),
            Transfer::From(_) if judgements < crate::plugins::JUDGEMENTS => judgements += 1,
            Transfer::From(_) => {
                return Err(Error::Conflict(
                    "the owner changed meanwhile; read the account and try again".to_owned(),
                ));
            }
        }
    };
    let now = state.clock.now_ms();
    if repo::get(&mut tx, account_id, new_owner).await?.is_none() {
        repo::insert(
            &mut tx,
            account_id,
            new_owner,
            &[],
            (ctx.actor.kind(), ctx.actor.id()),
            now,
        )
        .await?;
    }
    if !accounts_steps::set_owner(&mut tx, account_id, &previous, new_owner, now).await? {
        return Err(Error::Conflict(
            "the owner changed meanwhile; read the account and try again".to_owned(),
        ));
    }
    if keep_previous_owner {
        repo::set_permissions(&mut tx, account_id, &previous, &state.catalog.all_keys()).await?;
    } else {
        repo::delete_non_owner(&mut tx, account_id, &previous).await?;
    }
    let event = Event::member("account.ownership_changed", account_id, new_owner).change(
        json!({ "owner_user_id": previous }),
        json!({ "owner_user_id": new_owner, "previous_owner_kept": keep_previous_owner }),
    );
    let payload = json!({
        "account_id": account_id, "previous_owner": previous, "new_owner": new_owner,
        "previous_owner_kept": keep_previous_owner,
    });
    audit::record_change(
        &mut tx,
        ctx,
        now,
        event,
        events::kind::OWNERSHIP_CHANGED,
        payload,
    )
    .await?;
    let account = accounts_steps::get(&mut tx, account_id).await?;
    tx.commit().await?;
    Ok(account)
}

/// Where a transfer stands: nothing to do (the user owns the account already), or from whom.
enum Transfer {
    Done(Box<Account>),
    From(String),
}

/// Checks a transfer's preconditions: the account exists and the new owner is an active user.
async fn transferable(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    new_owner: &str,
) -> Result<Transfer> {
    let account = accounts_steps::get(&mut *conn, account_id).await?;
    if account.owner_user_id == new_owner {
        return Ok(Transfer::Done(Box::new(account)));
    }
    if !users_steps::get(conn, new_owner).await?.is_active() {
        return Err(Error::Validation(
            "the new owner must be an active user".to_owned(),
        ));
    }
    Ok(Transfer::From(account.owner_user_id))
}
