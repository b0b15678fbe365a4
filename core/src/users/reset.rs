//! Opening a password-reset link: what its form asks for (the security question, a second-factor
//! code) and setting the new password. Sending the links is `links`.

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::links::normalize_answer;
use super::repo::tokens::{self, Purpose};
use super::repo::{self, UserRow};
use crate::audit::{self, Context, Event};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::sessions;
use crate::state::AppState;

/// What the reset form needs to show for a valid link.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ResetInfo {
    /// The user's security question, when one is set: its answer is needed to reset.
    pub security_question: Option<String>,
    /// The login has a second factor (TOTP on, or unused backup codes): a code from the
    /// authenticator app or a backup code is needed to reset (`totp_code` or `backup_code`).
    pub second_factor_required: bool,
}

/// The codes a reset may be asked for ([`ResetInfo::second_factor_required`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct ResetCode<'a> {
    pub totp_code: Option<&'a str>,
    pub backup_code: Option<&'a str>,
}

/// Whether a reset of `user`'s password asks for a code: a mailbox alone must not undo a second
/// factor (TOTP on), nor put a password in front of a login that chose passkeys (backup codes).
async fn reset_needs_code(conn: &mut sqlx::AnyConnection, user: &UserRow) -> Result<bool> {
    Ok(user.totp_secret.is_some() || repo::unused_backup_codes(conn, &user.id).await? > 0)
}

pub async fn password_reset_info(state: &AppState, token: &str) -> Result<ResetInfo> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let (user_id, _) = tokens::peek(&mut conn, Purpose::PasswordReset, token, now)
        .await?
        .ok_or(Error::InvalidToken)?;
    let user = repo::get(&mut conn, &user_id).await?;
    Ok(ResetInfo {
        second_factor_required: reset_needs_code(&mut conn, &user).await?,
        security_question: user.security_question,
    })
}

/// Sets a new password from a reset link: ends every session of the user. The security answer
/// and a second-factor code are asked for where the login has them (five tries of each per link);
/// the code is taken only when the password is set.
pub async fn confirm_password_reset(
    state: &AppState,
    ctx: &Context,
    token: &str,
    password: &SecretString,
    security_answer: Option<&SecretString>,
    code: ResetCode<'_>,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let (user_id, email) = tokens::peek(&mut conn, Purpose::PasswordReset, token, now)
        .await?
        .ok_or(Error::InvalidToken)?;
    let user = repo::get(&mut conn, &user_id).await?;
    let needs_code = reset_needs_code(&mut conn, &user).await?;
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
    if needs_code {
        if code.totp_code.is_none() && code.backup_code.is_none() {
            return Err(Error::SecondFactorRequired);
        }
        let bucket = format!("reset:code:{}", hash_token(token));
        let window = state.settings.auth.password_reset_expiry;
        crate::ratelimit::hit(state.db.pool(), &bucket, 5, window, now).await?;
    }
    let hash = state.passwords.hash(password).await?;
    let mut tx = state.db.begin().await?;
    if tokens::consume(&mut tx, Purpose::PasswordReset, token, now)
        .await?
        .is_none()
    {
        return Err(Error::InvalidToken);
    }
    if needs_code {
        let (totp_code, backup_code) = (code.totp_code, code.backup_code);
        super::second_factor::take_code(state, &mut tx, &user, totp_code, backup_code).await?;
    }
    repo::set_password_hash(&mut tx, &user_id, &hash, now).await?;
    // The link proved the user reads this address.
    repo::mark_email_verified(&mut tx, &user_id, &email, now).await?;
    tokens::void_all(&mut tx, Purpose::PasswordReset, &user_id, now).await?;
    let ended = sessions::end_all_for_user(&mut tx, &user_id, None, now).await?;
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
    crate::mail::outbox::enqueue(
        &mut tx,
        now,
        user.recipient(&state.settings),
        "password-changed",
        json!({ "first_name": user.first_name }),
    )
    .await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}
