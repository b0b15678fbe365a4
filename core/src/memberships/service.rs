//! Membership use cases: the accounts a user reaches, an account's users, permissions, removal,
//! leaving and direct association (admin). Ownership transfer is `super::transfer`.

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::repo::{self, MemberRow};
use super::{Manager, Member};
use crate::accounts::{Account, steps as accounts_steps};
use crate::audit::Acting;
use crate::audit::{self, Actor, Context, Event};
use crate::error::{Error, Result};
use crate::events;
use crate::sessions::MembershipView;
use crate::staff::roles::op;
use crate::state::AppState;
use crate::users::steps as users_steps;

/// One of the accounts a user can reach.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyAccount {
    pub account: Account,
    pub is_owner: bool,
    /// Every permission for the owner; the granted ones otherwise.
    pub permissions: Vec<String>,
}

/// One page of the accounts the session's user reaches (`limit` of them after the account id
/// `after`), with one query.
pub async fn my_accounts(
    state: &AppState,
    token: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<MyAccount>> {
    let (auth, accounts) =
        crate::sessions::authenticate_with_accounts(state, token, after, limit).await?;
    Ok(accounts
        .into_iter()
        .map(|(account, permissions)| {
            let is_owner = account.owner_user_id == auth.user_id;
            MyAccount {
                permissions: if is_owner {
                    state.catalog.all_keys()
                } else {
                    crate::permissions::decode(&permissions)
                },
                account,
                is_owner,
            }
        })
        .collect())
}

fn member(state: &AppState, row: MemberRow) -> Member {
    let is_owner = row.is_owner == 1;
    Member {
        permissions: if is_owner {
            state.catalog.all_keys()
        } else {
            crate::permissions::decode(&row.permissions)
        },
        user_id: row.user_id,
        email: row.email,
        first_name: row.first_name,
        last_name: row.last_name,
        is_owner,
        totp_enabled: row.totp_enabled == 1,
        last_login_at: row.last_login_at,
        added_at: row.created_at,
    }
}

/// The accounts a user reaches (the first `limit`, by id), with the owner flag and their
/// permissions: what staff see on the user's page.
pub async fn reached_by(state: &AppState, user_id: &str, limit: i64) -> Result<Vec<MyAccount>> {
    let mut conn = state.db.pool().acquire().await?;
    let found = accounts_steps::reached_by(&mut conn, user_id, limit).await?;
    Ok(found
        .into_iter()
        .map(|r| {
            let is_owner = r.account.owner_user_id == user_id;
            MyAccount {
                permissions: if is_owner {
                    state.catalog.all_keys()
                } else {
                    crate::permissions::decode(&r.permissions)
                },
                account: r.account,
                is_owner,
            }
        })
        .collect())
}

/// `user_id`'s access to one account today, with the account (none when they no longer reach
/// it, or it is gone): what an OpenID Connect token's `roster_account` claim says.
pub async fn one_reached_by(
    state: &AppState,
    user_id: &str,
    account_id: &str,
) -> Result<Option<MyAccount>> {
    let mut conn = state.db.pool().acquire().await?;
    let Some(row) = super::steps::get(&mut conn, account_id, user_id).await? else {
        return Ok(None);
    };
    let account = match accounts_steps::get(&mut conn, account_id).await {
        Ok(account) => account,
        Err(Error::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let is_owner = account.owner_user_id == user_id;
    Ok(Some(MyAccount {
        permissions: if is_owner {
            state.catalog.all_keys()
        } else {
            crate::permissions::decode(&row.permissions)
        },
        account,
        is_owner,
    }))
}

/// The account's users, for its manager.
pub async fn list_members(state: &AppState, by: Manager<'_>) -> Result<Vec<Member>> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let mut conn = state.db.pool().acquire().await?;
    accounts_steps::get(&mut conn, account_id).await?;
    Ok(repo::list_for_account(&mut conn, account_id)
        .await?
        .into_iter()
        .map(|row| member(state, row))
        .collect())
}

/// Refuses a client-area user what only staff (or the server itself) do (rule 6).
pub(super) fn staff_only<'a>(ctx: &'a Context, why: &str) -> Result<&'a Context> {
    match ctx.actor {
        Actor::User(_) => Err(Error::Forbidden(why.to_owned())),
        _ => Ok(ctx),
    }
}

/// A member as the confirmation page before a change (removing them, making them owner) shows
/// them: only to who may make the change.
pub async fn member_for_change(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: Manager<'_>,
    user_id: &str,
) -> Result<Member> {
    ctx.admitted()?;
    find_member(state, by, user_id).await
}

/// One member of the account, for its manager (the owner with every permission); `not_found`
/// when the user is not a member.
pub async fn find_member(state: &AppState, by: Manager<'_>, user_id: &str) -> Result<Member> {
    by.authorise(state)?;
    let mut conn = state.db.pool().acquire().await?;
    let row = repo::member(&mut conn, by.account_id(), user_id).await?;
    Ok(member(state, row))
}

/// Sets a member's permissions. The owner's cannot be changed (rule 3).
pub async fn set_permissions(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: Manager<'_>,
    user_id: &str,
    permissions: &[String],
) -> Result<Member> {
    let ctx = ctx.admitted()?.context();
    by.authorise(state)?;
    let account_id = by.account_id();
    let permissions = state.catalog.parse_set(permissions)?;
    let now = state.clock.now_ms();
    crate::audit::budget::spend(&state.db, ctx, now).await?;
    let mut tx = state.db.begin().await?;
    accounts_steps::lock(&mut tx, account_id).await?;
    let current = repo::get(&mut tx, account_id, user_id)
        .await?
        .ok_or(Error::NotFound("member"))?;
    if current.is_owner == 1 {
        return Err(Error::OwnerPermissionsFixed);
    }
    repo::set_permissions(&mut tx, account_id, user_id, &permissions).await?;
    let before = crate::permissions::decode(&current.permissions);
    let event = Event::member("membership.permissions_changed", account_id, user_id).change(
        json!({ "permissions": before }),
        json!({ "permissions": permissions }),
    );
    let payload = json!({
        "account_id": account_id, "user_id": user_id, "before": before, "after": permissions,
    });
    audit::record_change(
        &mut tx,
        ctx,
        now,
        event,
        events::kind::PERMISSIONS_CHANGED,
        payload,
    )
    .await?;
    let row = repo::member(&mut tx, account_id, user_id).await?;
    tx.commit().await?;
    Ok(member(state, row))
}

/// Removes a user's access to an account (rule 8): at once, for every session of theirs. The owner
/// cannot be removed (rule 3); the user and their other accounts are untouched. A member removing
/// themself leaves (allowed whatever their permissions and `user_management.enabled`); removing
/// anyone else is user management.
pub async fn remove(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: Manager<'_>,
    user_id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let leaving = by.is_self(user_id);
    let action = if leaving {
        "membership.left"
    } else {
        by.authorise(state)?;
        "membership.removed"
    };
    let account_id = by.account_id();
    // Judged first, outside any transaction; the removal's preconditions are checked again below.
    {
        let mut conn = state.db.pool().acquire().await?;
        removable(&mut conn, account_id, user_id).await?;
    }
    state
        .plugins
        .before_user_removal(ctx, account_id, user_id, leaving)
        .await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    accounts_steps::lock(&mut tx, account_id).await?;
    let current = removable(&mut tx, account_id, user_id).await?;
    if !repo::delete_non_owner(&mut tx, account_id, user_id).await? {
        // Ownership moved to this user since the read above.
        return Err(Error::OwnerCannotBeRemoved);
    }
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::member(action, account_id, user_id).change(
            json!({ "permissions": crate::permissions::decode(&current.permissions) }),
            json!(null),
        ),
        events::kind::USER_REMOVED,
        json!({ "account_id": account_id, "user_id": user_id, "reason": action }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The membership to remove: `not_found` when there is none, refused for the owner (rule 3).
async fn removable(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<repo::MembershipRow> {
    let current = repo::get(conn, account_id, user_id)
        .await?
        .ok_or(Error::NotFound("member"))?;
    if current.is_owner == 1 {
        return Err(Error::OwnerCannotBeRemoved);
    }
    Ok(current)
}

/// Gives an existing user access directly (admin API; the client area invites instead).
pub async fn associate(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    account_id: &str,
    user_id: &str,
    permissions: &[String],
) -> Result<Member> {
    let ctx = staff_only(
        ctx.admitted()?.context(),
        "an owner invites users; only staff add them directly",
    )?;
    let permissions = state.catalog.parse_set(permissions)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    accounts_steps::lock(&mut tx, account_id).await?;
    let user = users_steps::get(&mut tx, user_id).await?;
    if repo::get(&mut tx, account_id, user_id).await?.is_some() {
        return Err(Error::AlreadyMember);
    }
    repo::insert(
        &mut tx,
        account_id,
        &user.id,
        &permissions,
        (ctx.actor.kind(), ctx.actor.id()),
        now,
    )
    .await
    .map_err(|e| {
        if e.is_unique_violation() {
            Error::AlreadyMember
        } else {
            e
        }
    })?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::member("membership.added", account_id, user_id)
            .after(json!({ "permissions": permissions })),
        events::kind::USER_ADDED,
        json!({ "account_id": account_id, "user_id": user_id, "permissions": permissions }),
    )
    .await?;
    let row = repo::member(&mut tx, account_id, user_id).await?;
    tx.commit().await?;
    Ok(member(state, row))
}

/// [`associate`] with the user named by their email address (the admin area's form): an address
/// with no user is refused with a hint to invite them instead.
pub async fn associate_by_email(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    account_id: &str,
    email: &str,
    permissions: &[String],
) -> Result<Member> {
    let ctx = ctx.admitted()?;
    let user = match crate::users::service::by_email(state, email).await {
        Ok(user) => user,
        Err(Error::NotFound(_)) => {
            return Err(Error::Validation(format!(
                "no user has the email address `{}`: invite them instead",
                email.trim()
            )));
        }
        Err(e) => return Err(e),
    };
    associate(state, ctx, account_id, &user.id, permissions).await
}

/// `GET /authz/check`: may a user with this membership (if any) do `permission`? Answers
/// `(allowed, is_owner)`; an unknown permission key is an error, not a "no".
pub fn check(
    state: &AppState,
    membership: Option<MembershipView>,
    permission: &str,
) -> Result<(bool, bool)> {
    if !state.catalog.contains(permission) {
        return Err(Error::Validation(format!(
            "unknown permission `{permission}`"
        )));
    }
    Ok(match membership {
        Some(m) if m.is_owner => (true, true),
        Some(m) => (
            crate::permissions::decode(&m.permissions)
                .iter()
                .any(|p| p == permission),
            false,
        ),
        None => (false, false),
    })
}
