//! The user use cases: each checks its input, changes state in one transaction with its audit
//! event, then sends its mail.

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::repo::{self, NewUserRow, ProfileChange, UserRow};
use super::tokens::{self, Purpose};
use super::totp::{self, Enrolment};
use super::{Email, User, UserStatus, parse_language, parse_name};
use crate::audit::{self, Context, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_backup_code, new_id, new_token, normalize_backup_code};
use crate::error::{Error, Result};
use crate::events;
use crate::sessions;
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
pub async fn create_by_admin(state: &AppState, ctx: &Context, new: NewUser) -> Result<User> {
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

/// Emails a verification link for the user's current address.
pub async fn send_verification(state: &AppState, user: &UserRow) -> Result<()> {
    let expiry = state.settings.auth.email_verification_expiry;
    send_link(
        state,
        user,
        Purpose::VerifyEmail,
        expiry,
        "verify-email",
        "/verify-email",
    )
    .await
}

/// Emails a new user made without a password the link to choose one.
pub async fn send_set_password(state: &AppState, user: &UserRow) -> Result<()> {
    send_password_link(state, user, "set-password").await
}

/// Emails a password link: `password-reset` (asked for) or `set-password` (new admin-made user).
async fn send_password_link(state: &AppState, user: &UserRow, template: &str) -> Result<()> {
    let expiry = state.settings.auth.password_reset_expiry;
    send_link(
        state,
        user,
        Purpose::PasswordReset,
        expiry,
        template,
        "/reset-password",
    )
    .await
}

/// Makes a one-time token (voiding older ones of its kind) and mails `template` with its link,
/// `{public_url}{page}/{token}`.
async fn send_link(
    state: &AppState,
    user: &UserRow,
    purpose: Purpose,
    expiry: std::time::Duration,
    template: &str,
    page: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    tokens::void_all(&mut conn, purpose, &user.id, now).await?;
    let token = tokens::create(
        &mut conn,
        purpose,
        &user.id,
        &user.email,
        now,
        now + ms(expiry),
    )
    .await?;
    state.mailer.send_later(
        &user.email,
        template,
        json!({
            "first_name": user.first_name,
            "link": state.settings.server.public_url.join(&format!("{page}/{token}")),
            "expires_in": humantime::format_duration(expiry).to_string(),
        }),
    );
    Ok(())
}

/// Uses an email-verification link.
pub async fn verify_email(state: &AppState, ctx: &Context, token: &str) -> Result<User> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let (user_id, email) = tokens::consume(&mut tx, Purpose::VerifyEmail, token, now)
        .await?
        .ok_or(Error::InvalidToken)?;
    // A link sent to an address the user has since changed verifies nothing.
    if !repo::mark_email_verified(&mut tx, &user_id, &email, now).await? {
        return Err(Error::InvalidToken);
    }
    let ctx = Context {
        actor: audit::Actor::User(user_id.clone()),
        ..ctx.clone()
    };
    audit::record(
        &mut tx,
        &ctx,
        now,
        Event::user("user.email_verified", &user_id).after(json!({ "email": email })),
    )
    .await?;
    let row = repo::get(&mut tx, &user_id).await?;
    tx.commit().await?;
    row.to_user()
}

/// Starts a password reset. Never says whether the address has a user: the caller answers 202 at
/// once and this work happens in the background.
pub fn request_password_reset(state: &AppState, email: &str) {
    mail_reset_link_if_user(state, email, "password-reset");
}

/// Counts one self-service sign-up attempt from `ip` (and, through an invitation link, on that
/// link): refused with `rate_limited` past `auth.rate_limit.signup_per_ip` in its window. Counted
/// before anything is checked, so whether an address has a login can be asked only this often.
pub async fn count_signup(state: &AppState, ip: Option<&str>, link: Option<&str>) -> Result<()> {
    let limits = &state.settings.auth.rate_limit;
    let now = state.clock.now_ms();
    let mut buckets = vec![format!("signup:ip:{}", ip.unwrap_or("-"))];
    if let Some(token) = link {
        buckets.push(format!("signup:link:{}", hash_token(token)));
    }
    for bucket in buckets {
        crate::ratelimit::hit(
            state.db.pool(),
            &bucket,
            limits.signup_per_ip,
            limits.signup_per_ip_window,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Tells the user who owns `email` that someone tried to sign up with it, with a reset link (for
/// the uniform sign-up answer: the caller answers as for a new address).
pub fn notify_signup_attempt(state: &AppState, email: &str) {
    mail_reset_link_if_user(state, email, "signup-attempt");
}

/// In the background: mails `template` with a password-reset link to the active user who owns
/// `email`, if there is one, at most 5 times per address per hour.
fn mail_reset_link_if_user(state: &AppState, email: &str, template: &'static str) {
    let background = state.clone();
    let normalized = super::normalize_email(email);
    state.mailer.spawn(async move {
        if let Err(e) = send_reset_if_user(&background, &normalized, template).await {
            tracing::warn!(error = %e, template, "mail to an existing user failed");
        }
    });
}

async fn send_reset_if_user(state: &AppState, normalized: &str, template: &str) -> Result<()> {
    let now = state.clock.now_ms();
    // At most 5 reset mails per address per hour, silently: the answer stays the same.
    let bucket = format!("reset:email:{}", hash_token(normalized));
    if crate::ratelimit::hit(
        state.db.pool(),
        &bucket,
        5,
        std::time::Duration::from_secs(3600),
        now,
    )
    .await
    .is_err()
    {
        return Ok(());
    }
    let mut conn = state.db.pool().acquire().await?;
    let Some(user) = repo::by_email(&mut conn, normalized).await? else {
        return Ok(());
    };
    drop(conn);
    if user.is_active() {
        send_password_link(state, &user, template).await?;
    }
    Ok(())
}

/// Sends a reset link on an admin's request (202 whatever the outcome of delivery).
pub async fn admin_send_password_reset(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    audit::record(
        &mut conn,
        ctx,
        state.clock.now_ms(),
        Event::user("user.password_reset_sent", user_id),
    )
    .await?;
    drop(conn);
    send_password_link(state, &user, "password-reset").await
}

/// What the reset form needs to show for a valid link.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ResetInfo {
    /// The user's security question, when one is set: its answer is needed to reset.
    pub security_question: Option<String>,
}

pub async fn password_reset_info(state: &AppState, token: &str) -> Result<ResetInfo> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let (user_id, _) = tokens::peek(&mut conn, Purpose::PasswordReset, token, now)
        .await?
        .ok_or(Error::InvalidToken)?;
    let user = repo::get(&mut conn, &user_id).await?;
    Ok(ResetInfo {
        security_question: user.security_question,
    })
}

/// Sets a new password from a reset link: ends every session of the user.
pub async fn confirm_password_reset(
    state: &AppState,
    ctx: &Context,
    token: &str,
    password: &SecretString,
    security_answer: Option<&SecretString>,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let (user_id, email) = tokens::peek(&mut conn, Purpose::PasswordReset, token, now)
        .await?
        .ok_or(Error::InvalidToken)?;
    let user = repo::get(&mut conn, &user_id).await?;
    drop(conn);
    if let (Some(question), Some(answer_hash)) =
        (&user.security_question, &user.security_answer_hash)
    {
        // Five tries per link, then the link must be asked for again.
        let bucket = format!("reset:answer:{}", hash_token(token));
        crate::ratelimit::hit(
            state.db.pool(),
            &bucket,
            5,
            state.settings.auth.password_reset_expiry,
            now,
        )
        .await?;
        let given =
            security_answer.map(|a| SecretString::from(normalize_answer(a.expose_secret())));
        let ok = match given {
            Some(answer) => state.passwords.verify(&answer, Some(answer_hash)).await?.ok,
            None => false,
        };
        if !ok {
            return Err(Error::SecurityAnswerRequired {
                question: question.clone(),
            });
        }
    }
    state
        .passwords
        .check_policy(password, &[&user.email, &user.first_name, &user.last_name])?;
    let hash = state.passwords.hash(password).await?;
    let mut tx = state.db.begin().await?;
    if tokens::consume(&mut tx, Purpose::PasswordReset, token, now)
        .await?
        .is_none()
    {
        return Err(Error::InvalidToken);
    }
    repo::set_password_hash(&mut tx, &user_id, &hash, now).await?;
    // The link proved the user reads this address.
    repo::mark_email_verified(&mut tx, &user_id, &email, now).await?;
    tokens::void_all(&mut tx, Purpose::PasswordReset, &user_id, now).await?;
    let ended = sessions::repo::delete_all_for_user(&mut tx, &user_id, None).await?;
    let ctx = Context {
        actor: audit::Actor::User(user_id.clone()),
        ..ctx.clone()
    };
    audit::record(
        &mut tx,
        &ctx,
        now,
        Event::user("user.password_reset", &user_id).after(json!({ "sessions_ended": ended })),
    )
    .await?;
    tx.commit().await?;
    state.mailer.send_later(
        &user.email,
        "password-changed",
        json!({ "first_name": user.first_name }),
    );
    Ok(())
}

fn normalize_answer(answer: &str) -> String {
    answer
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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

/// Updates the signed-in user. A new email restarts verification; a new password ends the user's
/// other sessions.
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
        if !state
            .passwords
            .verify(current, Some(&before.password_hash))
            .await?
            .ok
        {
            return Err(Error::InvalidCredentials);
        }
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
    if let Some(email) = &update.email {
        let email = Email::parse(email)?;
        if email.as_str() != before.email {
            change.email = Some((email.as_str().to_owned(), email.normalized()));
            change.email_verified_at = Some(None);
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
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.updated", user_id).change(
            profile_json(&before, new_hash.is_some()),
            profile_json(&after, new_hash.is_some()),
        ),
    )
    .await?;
    tx.commit().await?;
    if change.email.is_some() {
        send_verification(state, &after).await?;
    }
    if new_hash.is_some() {
        state.mailer.send_later(
            &after.email,
            "password-changed",
            json!({ "first_name": after.first_name }),
        );
    }
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
    ctx: &Context,
    user_id: &str,
    update: AdminUpdate,
) -> Result<User> {
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
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.updated", user_id)
            .change(profile_json(&before, false), profile_json(&after, false)),
    )
    .await?;
    tx.commit().await?;
    after.to_user()
}

/// Deletes a user: refused while they own an account (`user_owns_accounts`; the schema refuses it
/// too). Their memberships of other accounts go with them.
pub async fn admin_delete(state: &AppState, ctx: &Context, user_id: &str) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let before = repo::get(&mut tx, user_id).await?;
    let owned = crate::accounts::repo::count_owned_by(&mut tx, user_id).await?;
    if owned > 0 {
        return Err(Error::UserOwnsAccounts(owned));
    }
    repo::delete(&mut tx, user_id).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.deleted", user_id).change(profile_json(&before, false), json!(null)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// --- second factor ---------------------------------------------------------------------------

/// Starts TOTP enrolment: a new pending secret, shown once. Takes effect only when confirmed.
pub async fn enrol_totp(state: &AppState, user_id: &str) -> Result<Enrolment> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    if user.totp_secret.is_some() {
        return Err(Error::Conflict(
            "two-factor authentication is already on; turn it off first".to_owned(),
        ));
    }
    let (secret, enrolment) =
        totp::start_enrolment(&user.email, &state.settings.auth.totp_issuer).await?;
    repo::set_pending_totp(&mut conn, user_id, &secret, state.clock.now_ms()).await?;
    Ok(enrolment)
}

/// Confirms enrolment with a code from the app; returns the 10 one-time backup codes (shown once).
pub async fn confirm_totp(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    code: &str,
) -> Result<Vec<String>> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let user = repo::get(&mut tx, user_id).await?;
    let secret = user.totp_pending_secret.clone().ok_or_else(|| {
        Error::Conflict("no enrolment in progress: start with POST /api/v1/me/totp".to_owned())
    })?;
    let step = totp::check(&secret, code, state.clock.now_secs())
        .await?
        .ok_or(Error::InvalidSecondFactor)?;
    if !repo::enable_totp(&mut tx, user_id, &secret, step, now).await? {
        return Err(Error::Conflict(
            "the enrolment changed; start again".to_owned(),
        ));
    }
    let codes = (0..10)
        .map(|_| new_backup_code())
        .collect::<Result<Vec<_>>>()?;
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| hash_token(&normalize_backup_code(c)))
        .collect();
    repo::replace_backup_codes(&mut tx, user_id, &hashes).await?;
    audit::record(&mut tx, ctx, now, Event::user("user.totp_enabled", user_id)).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Checks a second factor for a user with TOTP on: a TOTP code (each time step once) or an unused
/// backup code (each once).
pub async fn check_second_factor(
    state: &AppState,
    user: &UserRow,
    totp_code: Option<&str>,
    backup_code: Option<&str>,
) -> Result<()> {
    let Some(secret) = &user.totp_secret else {
        return Ok(());
    };
    let mut conn = state.db.pool().acquire().await?;
    if let Some(code) = totp_code {
        let step = totp::check(secret, code, state.clock.now_secs())
            .await?
            .ok_or(Error::InvalidSecondFactor)?;
        return if repo::accept_totp_step(&mut conn, &user.id, step).await? {
            Ok(())
        } else {
            Err(Error::InvalidSecondFactor)
        };
    }
    if let Some(code) = backup_code {
        let hash = hash_token(&normalize_backup_code(code));
        return if repo::use_backup_code(&mut conn, &user.id, &hash, state.clock.now_ms()).await? {
            Ok(())
        } else {
            Err(Error::InvalidSecondFactor)
        };
    }
    Err(Error::SecondFactorRequired)
}

/// Turns TOTP off for the signed-in user, who proves it with the password or a current code.
pub async fn disable_totp(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    password: Option<&SecretString>,
    code: Option<&str>,
) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.totp_secret.is_none() {
        return Err(Error::Conflict(
            "two-factor authentication is not on".to_owned(),
        ));
    }
    match (password, code) {
        (Some(password), _) => {
            if !state
                .passwords
                .verify(password, Some(&user.password_hash))
                .await?
                .ok
            {
                return Err(Error::InvalidCredentials);
            }
        }
        (None, Some(code)) => check_second_factor(state, &user, Some(code), None).await?,
        (None, None) => {
            return Err(Error::Validation(
                "give the password or a current code".to_owned(),
            ));
        }
    }
    clear_totp(state, ctx, user_id, "user.totp_disabled").await
}

/// Clears a user's second factor (admin API, or the user via [`disable_totp`]).
pub async fn clear_totp(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    action: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    repo::get(&mut tx, user_id).await?;
    let was_on = repo::clear_totp(&mut tx, user_id, now).await?;
    if was_on {
        audit::record(&mut tx, ctx, now, Event::user(action, user_id)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The user row for an id (for handlers that need fresh data).
pub async fn get(state: &AppState, user_id: &str) -> Result<User> {
    let mut conn = state.db.pool().acquire().await?;
    repo::get(&mut conn, user_id).await?.to_user()
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
