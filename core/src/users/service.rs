//! The user use cases: each checks its input, changes state in one transaction with its audit
//! event, then sends its mail.

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::repo::{self, NewUserRow, ProfileChange, UserRow};
use super::{Email, User, UserStatus, parse_language, parse_name};
use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::crypto::{new_id, new_token};
use crate::error::{Error, Result};
use crate::events;
use crate::sessions;
use crate::staff::roles::op;
use crate::state::AppState;

use super::links::send_password_link;
use super::links::{normalize_answer, send_verification};
use super::second_factor::check_current_password;

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
    let language = parse_language(new.language.as_deref().unwrap_or("en"))?;
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

/// Changes to the user's own profile. Password, email and security-question changes need the
/// current password.
#[derive(Debug, Default)]
pub struct SelfUpdate {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Option<String>,
    pub email: Option<String>,
    pub password: Option<SecretString>,
    pub current_password: Option<SecretString>,
    /// `Some(None)` removes the question; `Some(Some((q, a)))` sets it.
    pub security_question: Option<Option<(String, SecretString)>>,
}

/// Updates the signed-in user. A new email address takes effect from a link sent to it, and the
/// answer does not say whether it already has a login; a new password ends the user's other
/// sessions. Each proof of the current password counts against the sign-in limit.
pub async fn update_self(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    session_id: &str,
    update: SelfUpdate,
) -> Result<User> {
    let mut conn = state.db.pool().acquire().await?;
    let before = repo::get(&mut conn, user_id).await?;
    drop(conn);
    let sensitive =
        update.email.is_some() || update.password.is_some() || update.security_question.is_some();
    if sensitive {
        let current = update.current_password.as_ref().ok_or_else(|| {
            Error::Validation(
                "current_password is required to change email, password or security question"
                    .to_owned(),
            )
        })?;
        check_current_password(state, &before, current).await?;
    }
    let mut change = ProfileChange {
        first_name: update
            .first_name
            .as_deref()
            .map(|n| parse_name("first_name", n))
            .transpose()?,
        last_name: update
            .last_name
            .as_deref()
            .map(|n| parse_name("last_name", n))
            .transpose()?,
        language: update.language.as_deref().map(parse_language).transpose()?,
        ..ProfileChange::default()
    };
    // Another mailbox waits for its link (`email_change`); the same one in another case is
    // just written.
    let mut new_mailbox = None;
    if let Some(email) = &update.email {
        let email = Email::parse(email)?;
        if email.normalized() != super::normalize_email(&before.email) {
            super::email_change::count(state, user_id).await?;
            new_mailbox = Some(email);
        } else if email.as_str() != before.email {
            change.email = Some((email.as_str().to_owned(), email.normalized()));
        }
    }
    let new_hash = match &update.password {
        Some(password) => {
            state.passwords.check_policy(
                password,
                &[&before.email, &before.first_name, &before.last_name],
            )?;
            Some(state.passwords.hash(password).await?)
        }
        None => None,
    };
    let question = match &update.security_question {
        Some(Some((question, answer))) => {
            let question = question.trim();
            if question.is_empty() || question.chars().count() > 200 {
                return Err(Error::Validation(
                    "security_question must be 1 to 200 characters".to_owned(),
                ));
            }
            let normalized = normalize_answer(answer.expose_secret());
            if normalized.chars().count() < 2 {
                return Err(Error::Validation(
                    "security_answer must be at least 2 characters".to_owned(),
                ));
            }
            let hash = state
                .passwords
                .hash(&SecretString::from(normalized))
                .await?;
            Some(Some((question.to_owned(), hash)))
        }
        Some(None) => Some(None),
        None => None,
    };

    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    repo::update_profile(&mut tx, user_id, &change, now).await?;
    if let Some(hash) = &new_hash {
        repo::set_password_hash(&mut tx, user_id, hash, now).await?;
        sessions::repo::delete_all_for_user(&mut tx, user_id, Some(session_id)).await?;
    }
    if let Some(question) = &question {
        repo::set_security_question(
            &mut tx,
            user_id,
            question.as_ref().map(|(q, h)| (q.as_str(), h.as_str())),
            now,
        )
        .await?;
    }
    let after = repo::get(&mut tx, user_id).await?;
    let (was, is) = (
        profile_json(&before, new_hash.is_some()),
        profile_json(&after, new_hash.is_some()),
    );
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::user("user.updated", user_id).change(was.clone(), is.clone()),
        events::kind::USER_UPDATED,
        json!({ "user_id": user_id, "before": was, "after": is }),
    )
    .await?;
    let taken = match &new_mailbox {
        Some(email) => super::email_change::request_in(&mut tx, state, &before, email).await?,
        None => false,
    };
    if new_hash.is_some() {
        crate::mail::outbox::enqueue(
            &mut tx,
            now,
            &after.email,
            "password-changed",
            json!({ "first_name": after.first_name }),
        )
        .await?;
    }
    tx.commit().await?;
    if let Some(email) = new_mailbox.filter(|_| taken) {
        super::email_change::notify_taken(state, &email);
    }
    state.mailer.wake();
    after.to_user()
}

/// The audited view of a profile: no hash, no secret; `password_changed` marks a password change.
fn profile_json(row: &UserRow, password_changed: bool) -> serde_json::Value {
    let mut value = json!({
        "email": row.email, "first_name": row.first_name, "last_name": row.last_name,
        "language": row.language, "status": row.status,
        "email_verified": row.email_verified_at.is_some(),
        "security_question": row.security_question,
    });
    if password_changed {
        value["password_changed"] = json!(true);
    }
    value
}

/// An admin's change to a user.
#[derive(Debug, Default)]
pub struct AdminUpdate {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Option<String>,
    pub email: Option<String>,
    pub status: Option<UserStatus>,
    pub email_verified: Option<bool>,
}

/// Updates a user as an admin. Disabling ends every session of the user at once.
pub async fn admin_update(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    user_id: &str,
    update: AdminUpdate,
) -> Result<User> {
    let ctx = ctx.admitted()?.context();
    let now = state.clock.now_ms();
    let mut change = ProfileChange {
        first_name: update
            .first_name
            .as_deref()
            .map(|n| parse_name("first_name", n))
            .transpose()?,
        last_name: update
            .last_name
            .as_deref()
            .map(|n| parse_name("last_name", n))
            .transpose()?,
        language: update.language.as_deref().map(parse_language).transpose()?,
        status: update.status,
        ..ProfileChange::default()
    };
    let mut tx = state.db.begin().await?;
    let before = repo::get(&mut tx, user_id).await?;
    if let Some(email) = &update.email {
        let email = Email::parse(email)?;
        if email.as_str() != before.email {
            change.email = Some((email.as_str().to_owned(), email.normalized()));
            change.email_verified_at = Some(None);
        }
    }
    match update.email_verified {
        Some(true) if before.email_verified_at.is_none() || change.email.is_some() => {
            change.email_verified_at = Some(Some(now));
        }
        Some(false) => change.email_verified_at = Some(None),
        _ => {}
    }
    repo::update_profile(&mut tx, user_id, &change, now).await?;
    if update.status == Some(UserStatus::Disabled) {
        sessions::repo::delete_all_for_user(&mut tx, user_id, None).await?;
    }
    let after = repo::get(&mut tx, user_id).await?;
    let (was, is) = (profile_json(&before, false), profile_json(&after, false));
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::user("user.updated", user_id).change(was.clone(), is.clone()),
        events::kind::USER_UPDATED,
        json!({ "user_id": user_id, "before": was, "after": is }),
    )
    .await?;
    tx.commit().await?;
    after.to_user()
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
    let before = repo::get(tx, user_id).await?;
    let owned = crate::accounts::repo::count_owned_by(tx, user_id).await?;
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
