//! The account use cases. Each change is one transaction with its audit and domain events.

use serde_json::json;
use sqlx::AnyConnection;

use super::{Account, AccountProfile, AccountStatus, repo};
use crate::audit::{self, Acting, Context, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::events;
use crate::memberships::{Manager, steps as memberships_steps};
use crate::staff::roles::op;
use crate::state::AppState;
use crate::users::links;
use crate::users::service::{NewUser, PreparedUser};
use crate::users::{User, service as users, steps as users_steps};

/// Creates an account owned by an existing user, with the owner's membership, in the caller's
/// transaction (rule 1).
pub async fn insert_with_owner(
    conn: &mut AnyConnection,
    state: &AppState,
    ctx: &Context,
    now: i64,
    owner_user_id: &str,
    owner_email: &str,
    profile: AccountProfile,
) -> Result<Account> {
    let profile = profile.validated()?;
    let id = new_id();
    let billing_email = profile
        .billing_email
        .clone()
        .unwrap_or_else(|| owner_email.to_owned());
    let currency = profile
        .currency
        .clone()
        .unwrap_or_else(|| state.settings.accounts.default_currency.clone());
    repo::insert(
        conn,
        &id,
        owner_user_id,
        &profile,
        &billing_email,
        &currency,
        now,
    )
    .await?;
    memberships_steps::add(
        conn,
        &id,
        owner_user_id,
        &[],
        (ctx.actor.kind(), ctx.actor.id()),
        now,
    )
    .await?;
    let account = repo::get(conn, &id).await?;
    let snapshot = serde_json::to_value(&account).unwrap_or_default();
    audit::record_change(
        conn,
        ctx,
        now,
        Event::member("account.created", &id, owner_user_id).after(snapshot.clone()),
        events::kind::ACCOUNT_CREATED,
        json!({ "account": snapshot }),
    )
    .await?;
    Ok(account)
}

/// Checkout: the signed-in user creates an account they own. Limited per user and per client
/// address (`accounts.create_per_user`, `accounts.create_per_ip` per `accounts.create_window`):
/// each account may send invitations, so a burst of accounts would multiply their limit.
pub async fn checkout(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    profile: AccountProfile,
) -> Result<Account> {
    let now = state.clock.now_ms();
    let limits = &state.settings.accounts;
    let profile = profile.validated()?;
    let mut buckets = vec![(
        format!("account-create:user:{user_id}"),
        limits.create_per_user,
    )];
    if let Some(ip) = &ctx.ip {
        buckets.push((format!("account-create:ip:{ip}"), limits.create_per_ip));
    }
    for (bucket, max) in buckets {
        crate::ratelimit::hit(state.db.pool(), &bucket, max, limits.create_window, now).await?;
    }
    let mut tx = state.db.begin().await?;
    let owner = users_steps::get(&mut tx, user_id).await?;
    let account =
        insert_with_owner(&mut tx, state, ctx, now, &owner.id, &owner.email, profile).await?;
    tx.commit().await?;
    Ok(account)
}

/// The sign-up's write: a new user and, unless `account` is `None`, an account they own, in one
/// transaction (then the verification mail).
async fn create_user_and_account(
    state: &AppState,
    ctx: &Context,
    new: NewUser,
    account: Option<AccountProfile>,
) -> Result<(User, Option<Account>)> {
    links::count_signup(state, ctx.ip.as_deref(), None).await?;
    let account = account.map(AccountProfile::validated).transpose()?;
    let prepared = users::prepare(state, new).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let row = users::insert(&mut tx, ctx, now, &prepared, "user.signed_up").await?;
    let account = match account {
        Some(profile) => {
            Some(insert_with_owner(&mut tx, state, ctx, now, &row.id, &row.email, profile).await?)
        }
        None => None,
    };
    tx.commit().await?;
    links::send_verification(state, &row).await?;
    Ok((row.to_user()?, account))
}

/// What a sign-up from outside (the API's `POST /signup`, the `/signup` page) comes to.
#[derive(Debug)]
pub enum SignedUp {
    /// Signed up and signed in: the user, their account (if one was asked for) and a session.
    SignedIn {
        user: Box<User>,
        account: Option<Box<Account>>,
        token: String,
    },
    /// With `auth.require_email_verification`: the next step is in an email, whether or not the
    /// address already had a login (its owner is told instead), so sign-up cannot be used to find
    /// out who has one.
    CheckMailbox,
}

/// Sign-up from outside, with the rules that decide what the answer may say:
/// [`create_user_and_account`], then a session, unless the address must be verified first.
pub async fn sign_up(
    state: &AppState,
    ctx: &Context,
    user_agent: Option<String>,
    new: NewUser,
    account: Option<AccountProfile>,
) -> Result<SignedUp> {
    let email = new.email.clone();
    let signed_up = create_user_and_account(state, ctx, new, account).await;
    if state.settings.auth.require_email_verification {
        return match signed_up {
            Ok(_) => Ok(SignedUp::CheckMailbox),
            Err(Error::EmailTaken) => {
                links::notify_signup_attempt(state, &email);
                Ok(SignedUp::CheckMailbox)
            }
            Err(e) => Err(e),
        };
    }
    let (user, account) = signed_up?;
    let token = crate::sessions::start(
        state,
        &user.id,
        ctx.ip.clone(),
        user_agent,
        crate::sessions::Via::SignUp,
    )
    .await?;
    Ok(SignedUp::SignedIn {
        user: Box::new(user),
        account: account.map(Box::new),
        token,
    })
}

/// Who owns a new account created from the admin API.
#[derive(Debug)]
pub enum NewOwner {
    /// An existing user becomes the owner.
    Existing(String),
    /// A new user is created from these details (an email that has a user is `email_taken`).
    New(NewUser),
}

/// Creates an account with its owner (staff).
pub async fn admin_create(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    owner: NewOwner,
    profile: AccountProfile,
) -> Result<Account> {
    let ctx = ctx.admitted()?.context();
    let profile = profile.validated()?;
    let prepared: Option<(PreparedUser, bool)> = match &owner {
        NewOwner::New(new) => {
            let has_password = new.password.is_some();
            let new = NewUser {
                email: new.email.clone(),
                password: new.password.clone(),
                first_name: new.first_name.clone(),
                last_name: new.last_name.clone(),
                language: new.language.clone(),
            };
            Some((users::prepare(state, new).await?, has_password))
        }
        NewOwner::Existing(_) => None,
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let (owner_row, new_user) = match (&owner, &prepared) {
        (NewOwner::Existing(user_id), _) => (users_steps::get(&mut tx, user_id).await?, None),
        (NewOwner::New(_), Some((prepared, has_password))) => {
            let row = users::insert(&mut tx, ctx, now, prepared, "user.created").await?;
            (row, Some(*has_password))
        }
        (NewOwner::New(_), None) => return Err(Error::internal("prepared owner missing")),
    };
    if !owner_row.is_active() {
        return Err(Error::Validation(
            "the owner must be an active user".to_owned(),
        ));
    }
    let account = insert_with_owner(
        &mut tx,
        state,
        ctx,
        now,
        &owner_row.id,
        &owner_row.email,
        profile,
    )
    .await?;
    tx.commit().await?;
    match new_user {
        Some(true) => links::send_verification(state, &owner_row).await?,
        Some(false) => links::send_set_password(state, &owner_row).await?,
        None => {}
    }
    Ok(account)
}

/// Deletes an account (staff only): its memberships, contacts and invitations go with it; every
/// user is kept, except, with `delete_users`, those who reached only this account and own none
/// (rule 8 holds: a user who owns another account is never deleted). One transaction, with the
/// audit and domain events. Returns the ids of the users deleted.
pub async fn admin_delete(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    account_id: &str,
    delete_users: bool,
) -> Result<Vec<String>> {
    let ctx = ctx.admitted()?.context();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    repo::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id).await?;
    let members: Vec<String> = crate::memberships::steps::list_for_account(&mut tx, account_id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    repo::delete(&mut tx, account_id).await?;
    let before_json = serde_json::to_value(&before).unwrap_or_default();
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("account.deleted", account_id).before(before_json.clone()),
        events::kind::ACCOUNT_DELETED,
        json!({ "before": before_json, "users": members }),
    )
    .await?;
    let mut deleted = Vec::new();
    if delete_users {
        for user_id in &members {
            let elsewhere = crate::memberships::steps::count_for_user(&mut tx, user_id).await?;
            let owns = repo::count_owned_by(&mut tx, user_id).await?;
            if elsewhere == 0 && owns == 0 {
                users::delete_in(&mut tx, ctx, now, user_id).await?;
                deleted.push(user_id.clone());
            }
        }
    }
    tx.commit().await?;
    Ok(deleted)
}

pub async fn get(state: &AppState, account_id: &str) -> Result<Account> {
    let mut conn = state.db.pool().acquire().await?;
    repo::get(&mut conn, account_id).await
}

/// Changes profile fields: a member who holds `profile`, or staff, who may also set `status`.
pub async fn update(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: Manager<'_>,
    profile: AccountProfile,
    status: Option<AccountStatus>,
) -> Result<Account> {
    let ctx = ctx.admitted()?.context();
    if let Manager::Member(access) = by {
        access.require("profile")?;
        if status.is_some() {
            return Err(Error::Forbidden(
                "only staff change an account's status".to_owned(),
            ));
        }
    }
    let account_id = by.account_id();
    let profile = profile.validated()?;
    let now = state.clock.now_ms();
    crate::audit::budget::spend(&state.db, ctx, now).await?;
    let mut tx = state.db.begin().await?;
    repo::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id).await?;
    repo::update(&mut tx, account_id, &profile, status, now).await?;
    let after = repo::get(&mut tx, account_id).await?;
    let (before_json, after_json) = (
        serde_json::to_value(&before).unwrap_or_default(),
        serde_json::to_value(&after).unwrap_or_default(),
    );
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("account.updated", account_id)
            .change(before_json.clone(), after_json.clone()),
        events::kind::ACCOUNT_UPDATED,
        json!({ "before": before_json, "after": after_json }),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn list(
    state: &AppState,
    search: Option<&str>,
    status: Option<AccountStatus>,
    after_id: Option<&str>,
    limit: i64,
) -> Result<Vec<Account>> {
    let mut conn = state.db.pool().acquire().await?;
    repo::list(&mut conn, search, status, after_id, limit).await
}
