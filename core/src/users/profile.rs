//! Changing a user's profile: the user's own change (name, language, email, password, security
//! question) and staff's (name, language, email, status, verification). Both take the name and
//! language as one [`ProfileFields`], checked by one rule, and record one `user.updated`.

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::links::normalize_answer;
use super::repo::{self, UserRow};
use super::{Email, ProfileFields, User, UserStatus};
use crate::audit::{self, Acting, Context, Event};
use crate::error::{Error, Result};
use crate::events;
use crate::sessions;
use crate::staff::roles::op;
use crate::state::AppState;

/// Changes to the user's own profile. Password, email and security-question changes need the
/// current password.
#[derive(Debug, Default)]
pub struct SelfUpdate {
    pub profile: ProfileFields,
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
        ctx.refuse_support("change the email address, password or security question")?;
        let missing = "current_password is required to change email, password or security question";
        let current = update.current_password.as_ref();
        super::proof::check(state, &before, session_id, current, missing).await?;
    }
    let mut change = update.profile.change()?;
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
            let question = super::fields::trimmed_within(question, 200).unwrap_or_default();
            if question.is_empty() {
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
    // What protects the person (a new password, address or question) is bounded by its proof;
    // the rest shares the budget of cheap changes.
    if !sensitive {
        crate::audit::budget::spend(&state.db, ctx, now).await?;
    }
    let mut tx = state.db.begin().await?;
    repo::update_profile(&mut tx, user_id, &change, now).await?;
    if let Some(hash) = &new_hash {
        repo::set_password_hash(&mut tx, user_id, hash, now).await?;
        sessions::end_all_for_user(&mut tx, user_id, Some(session_id), now).await?;
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
    let password_changed = new_hash.is_some();
    record_update(&mut tx, ctx, now, (&before, &after), password_changed).await?;
    let taken = match &new_mailbox {
        Some(email) => super::email_change::request_in(&mut tx, state, &before, email).await?,
        None => false,
    };
    if new_hash.is_some() {
        crate::mail::outbox::enqueue(
            &mut tx,
            now,
            after.recipient(&state.settings),
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

/// Records `user.updated` (audit and domain event) with the profile before and after.
async fn record_update(
    tx: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    (before, after): (&UserRow, &UserRow),
    password_changed: bool,
) -> Result<()> {
    let user_id = after.id.as_str();
    let (was, is) = (
        profile_json(before, password_changed),
        profile_json(after, password_changed),
    );
    audit::record_change(
        tx,
        ctx,
        now,
        Event::user("user.updated", user_id).change(was.clone(), is.clone()),
        events::kind::USER_UPDATED,
        json!({ "user_id": user_id, "before": was, "after": is }),
    )
    .await
}

/// The audited view of a profile: no hash, no secret; `password_changed` marks a password change.
pub(super) fn profile_json(row: &UserRow, password_changed: bool) -> serde_json::Value {
    let mut value = json!({
        "email": row.email, "first_name": row.first_name, "last_name": row.last_name,
        "language": row.language, "time_zone": row.time_zone, "status": row.status,
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
    pub profile: ProfileFields,
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
    let mut change = update.profile.change()?;
    change.status = update.status;
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
        sessions::end_all_for_user(&mut tx, user_id, None, now).await?;
    }
    let after = repo::get(&mut tx, user_id).await?;
    record_update(&mut tx, ctx, now, (&before, &after), false).await?;
    tx.commit().await?;
    after.to_user()
}
