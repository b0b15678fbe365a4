//! The emailed links of a user's way in: email verification, password reset (with the security
//! question), the set-password link of a user made without one, and the note to an address that
//! tried to sign up again. Each link is a one-time token (`super::repo::tokens`).

use serde_json::json;

use super::User;
use super::repo::tokens::{self, Purpose};
use super::repo::{self, UserRow};
use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::clock::ms;
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::staff::roles::op;
use crate::state::AppState;

/// Emails a verification link for the user's current address.
pub async fn send_verification(state: &AppState, user: &UserRow) -> Result<()> {
    let mut tx = state.db.begin().await?;
    verification_in(&mut tx, state, user).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// Sends the user a new verification link (the old one stops working), unless their address is
/// verified already.
pub async fn resend_verification(state: &AppState, user_id: &str) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    let user = repo::get(&mut conn, user_id).await?;
    drop(conn);
    if user.email_verified_at.is_none() {
        send_verification(state, &user).await?;
    }
    Ok(())
}

/// Emails a new user made without a password the link to choose one.
pub async fn send_set_password(state: &AppState, user: &UserRow) -> Result<()> {
    send_password_link(state, user, "set-password").await
}

/// Emails a password link: `password-reset` (asked for) or `set-password` (new admin-made user).
pub(super) async fn send_password_link(
    state: &AppState,
    user: &UserRow,
    template: &str,
) -> Result<()> {
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
    let mut tx = state.db.begin().await?;
    link_in(&mut tx, state, user, purpose, expiry, template, page).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// [`send_link`] in the caller's transaction: the token and the message (in the outbox) are
/// written with the change, or not at all.
async fn link_in(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    user: &UserRow,
    purpose: Purpose,
    expiry: std::time::Duration,
    template: &str,
    page: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    tokens::void_all(conn, purpose, &user.id, now).await?;
    let token = tokens::create(conn, purpose, &user.id, &user.email, now, now + ms(expiry)).await?;
    let values = json!({
        "first_name": user.first_name,
        "link": state.settings.server.public_url.join(&format!("{page}/{token}")),
        "expires_in_seconds": expiry.as_secs(),
    });
    let expires_at = Some(now + ms(expiry));
    let to = user.recipient(&state.settings);
    crate::mail::outbox::enqueue_expiring(conn, now, to, template, values, expires_at).await
}

/// The email-verification link for `user`, in the caller's transaction (an email change).
pub(super) async fn verification_in(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    user: &UserRow,
) -> Result<()> {
    let expiry = state.settings.auth.email_verification_expiry;
    link_in(
        conn,
        state,
        user,
        Purpose::VerifyEmail,
        expiry,
        "verify-email",
        "/verify-email",
    )
    .await
}

/// Uses an emailed address link: a verification link, or an email-change link sent to the new
/// address (`super::email_change`).
pub async fn verify_email(state: &AppState, ctx: &Context, token: &str) -> Result<User> {
    match verify_address(state, ctx, token).await {
        Err(Error::InvalidToken) => super::email_change::confirm(state, ctx, token)
            .await?
            .ok_or(Error::InvalidToken),
        other => other,
    }
}

/// Uses an email-verification link.
async fn verify_address(state: &AppState, ctx: &Context, token: &str) -> Result<User> {
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

/// Tells the user who owns `email` (if any) with `template`, carrying a reset link, in the
/// background: for an answer that must not say whether the address has a login.
pub(super) fn notify_existing_user(state: &AppState, email: &str, template: &'static str) {
    mail_reset_link_if_user(state, email, template);
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
    ctx: impl Acting<'_, op::PasswordResetLink>,
    user_id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
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

pub fn normalize_answer(answer: &str) -> String {
    answer
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Deletes the links that expired or were used before `before` (the sweeper's part; every check
/// looks at the time itself); returns how many.
pub async fn sweep(conn: &mut sqlx::AnyConnection, before: i64) -> Result<u64> {
    tokens::sweep(conn, before).await
}
