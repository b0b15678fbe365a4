//! The user use cases: each checks its input, changes state in one transaction with its audit
//! event, then sends its mail.

use secrecy::SecretString;
use serde_json::json;

use super::links::{send_password_link, send_verification};
use super::profile::profile_json;
use super::repo::{self, NewUserRow, UserRow};
use super::{Email, User, parse_language, parse_name};
use crate::audit::{self, Acting, Context, Event};
use crate::crypto::{new_id, new_token};
use crate::error::{Error, Result};
use crate::events;
use crate::staff::roles::op;
use crate::state::AppState;

/// What it takes to create a user.
#[derive(Debug)]
pub struct NewUser {
    pub email: String,
    /// `None`: the user sets a password from an emailed link (admin-created users).
    pub password: Option<SecretString>,
    pub first_name: String,
    pub last_name: String,
    pub language: Option<String>,
}

/// Creates a user from the admin API. Without a password, the user gets a set-password link.
pub async fn create_by_admin(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    new: NewUser,
) -> Result<User> {
    let ctx = ctx.admitted()?.context();
    let has_password = new.password.is_some();
    let row = create(state, ctx, new, "user.created").await?;
    if has_password {
        send_verification(state, &row).await?;
    } else {
        send_password_link(state, &row, "set-password").await?;
    }
    row.to_user()
}

async fn create(state: &AppState, ctx: &Context, new: NewUser, action: &str) -> Result<UserRow> {
    let prepared = prepare(state, new).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let row = insert(&mut tx, ctx, now, &prepared, action).await?;
    tx.commit().await?;
    Ok(row)
}

/// A new user, checked and with the password hashed, ready to insert inside a transaction.
#[derive(Debug)]
pub struct PreparedUser {
    id: String,
    email: Email,
    first_name: String,
    last_name: String,
    language: String,
    password_hash: String,
}

impl PreparedUser {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn email(&self) -> &str {
        self.email.as_str()
    }
}

/// Checks a new user's fields and hashes the password (outside any transaction: argon2 is slow).
pub async fn prepare(state: &AppState, new: NewUser) -> Result<PreparedUser> {
    let email = Email::parse(&new.email)?;
    let first_name = parse_name("first_name", &new.first_name)?;
    let last_name = parse_name("last_name", &new.last_name)?;
    let language = parse_language(
        new.language
            .as_deref()
            .unwrap_or(&state.settings.ui.default_language),
    )?;
    let password = match new.password {
        Some(password) => {
            state
                .passwords
                .check_policy(&password, &[email.as_str(), &first_name, &last_name])?;
            password
        }
        // Nobody knows this one: the user chooses a password through the emailed link.
        None => SecretString::from(new_token()?),
    };
    Ok(PreparedUser {
        id: new_id(),
        password_hash: state.passwords.hash(&password).await?,
        email,
        first_name,
        last_name,
        language,
    })
}

/// Inserts a prepared user with its audit and domain events, in the caller's transaction.
pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    user: &PreparedUser,
    action: &str,
) -> Result<UserRow> {
    repo::insert(
        conn,
        &NewUserRow {
            id: &user.id,
            email: user.email.as_str(),
            email_normalized: &user.email.normalized(),
            first_name: &user.first_name,
            last_name: &user.last_name,
            language: &user.language,
            password_hash: &user.password_hash,
            email_verified_at: None,
            now,
        },
    )
    .await?;
    let profile = json!({
        "email": user.email.as_str(), "first_name": user.first_name,
        "last_name": user.last_name, "language": user.language,
    });
    audit::record_change(
        conn,
        ctx,
        now,
        Event::user(action, &user.id).after(profile.clone()),
        events::kind::USER_CREATED,
        json!({ "user_id": user.id, "user": profile }),
    )
    .await?;
    repo::get(conn, &user.id).await
}

/// Deletes a user: refused while they own an account (`user_owns_accounts`; the schema refuses it
/// too). Their memberships of other accounts go with them.
pub async fn admin_delete(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    user_id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    delete_in(&mut tx, ctx, now, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a user inside the caller's transaction, with its audit event: refused while they own
/// an account (rule 8).
pub async fn delete_in(
    tx: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    user_id: &str,
) -> Result<()> {
    // Counted after the user's row is ours: a transfer to them in flight commits first.
    repo::lock_for_delete(tx, user_id).await?;
    let before = repo::get(tx, user_id).await?;
    let owned = crate::accounts::steps::count_owned_by(tx, user_id).await?;
    if owned > 0 {
        return Err(Error::UserOwnsAccounts(owned));
    }
    repo::delete(tx, user_id).await?;
    let was = profile_json(&before, false);
    audit::record_change(
        tx,
        ctx,
        now,
        Event::user("user.deleted", user_id).change(was.clone(), json!(null)),
        events::kind::USER_DELETED,
        json!({ "user_id": user_id, "before": was }),
    )
    .await
}

/// The user row for an id (for handlers that need fresh data).
/// A user as the confirmation page before deleting them shows them: only to who may delete.
pub async fn for_deletion(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    user_id: &str,
) -> Result<User> {
    ctx.admitted()?;
    get(state, user_id).await
}

pub async fn get(state: &AppState, user_id: &str) -> Result<User> {
    let mut conn = state.db.pool().acquire().await?;
    repo::get(&mut conn, user_id).await?.to_user()
}

/// The user with this email address (any case), for staff (who may know who exists).
pub async fn by_email(state: &AppState, email: &str) -> Result<User> {
    let mut conn = state.db.pool().acquire().await?;
    repo::by_email(&mut conn, &super::normalize_email(email))
        .await?
        .ok_or(Error::NotFound("user"))?
        .to_user()
}

/// A page of users for the admin API.
pub async fn list(
    state: &AppState,
    search: Option<&str>,
    after_id: Option<&str>,
    limit: i64,
) -> Result<Vec<User>> {
    let mut conn = state.db.pool().acquire().await?;
    repo::list(&mut conn, search, after_id, limit)
        .await?
        .iter()
        .map(UserRow::to_user)
        .collect()
}
