//! Signing in in two steps, as the pages do: the password first, then (for a user with TOTP on)
//! a code, or one of their passkeys in its place. Between the two the browser holds a sign-in challenge ([`super::challenge`], the same
//! as staff's). The API's one-call login ([`super::login`]) and this flow share every check: rate
//! limits, the password, verification, the second factor, the `before-login` hook.

use super::Login;
use super::Subject;
use super::challenge::{self, LIFETIME};
use crate::audit::{Actor, Context};
use crate::error::{Error, Result};
use crate::passkeys::{self, service::Began};
use crate::ratelimit;
use crate::state::AppState;
use crate::stats::Method;
use crate::users::second_factor;
use crate::users::steps as users_steps;

/// Where a first step leads.
#[derive(Debug)]
pub enum FirstStep {
    /// Signed in.
    SignedIn(Box<super::SignedIn>),
    /// The password was right; a TOTP or backup code must follow, with this challenge.
    SecondFactor(String),
    /// The password was right; the code just mailed must follow, with this challenge
    /// (`super::mailbox`).
    MailCode(String),
}

/// Checks the password (as [`super::login`] does) and signs in, or, for a user with TOTP on and no
/// code given, answers a challenge for [`second_step`].
pub async fn first_step(state: &AppState, attempt: Login) -> Result<FirstStep> {
    let step = first_step_uncounted(state, attempt).await;
    match &step {
        Ok(FirstStep::SecondFactor(_) | FirstStep::MailCode(_)) => {}
        Ok(FirstStep::SignedIn(_)) => crate::stats::login("client", Method::Password, "success"),
        Err(e) => crate::stats::login("client", Method::Password, crate::stats::login_failure(e)),
    }
    step
}

async fn first_step_uncounted(state: &AppState, attempt: Login) -> Result<FirstStep> {
    let ip = attempt.ip.clone();
    let user_agent = attempt.user_agent.clone();
    let device = attempt.device.as_deref();
    let checked = super::check_password(state, &attempt).await?;
    if super::mailbox::required(&checked.user) {
        let token = super::mailbox::send(state, &checked.user).await?;
        return Ok(FirstStep::MailCode(token));
    }
    match second_factor::check_second_factor(
        state,
        &checked.user,
        attempt.totp_code.as_deref(),
        attempt.backup_code.as_deref(),
    )
    .await
    {
        Ok(()) => {
            let signed_in = super::finish(state, checked, ip, user_agent, device).await?;
            Ok(FirstStep::SignedIn(Box::new(signed_in)))
        }
        Err(Error::SecondFactorRequired) => {
            let now = state.clock.now_ms();
            let mut conn = state.db.pool().acquire().await?;
            let user_id = &checked.user.id;
            let token =
                challenge::issue(&mut conn, Subject::User, user_id, now, LIFETIME, None).await?;
            Ok(FirstStep::SecondFactor(token))
        }
        Err(e) => Err(e),
    }
}

/// The second step: a TOTP code (six digits) or a backup code for the challenge's user. Each
/// attempt counts against the user's login rate limit; a wrong code leaves the challenge usable
/// (until the limit or its lifetime ends it), a right one uses it up. An unknown or expired
/// challenge is `unauthorized` (sign in again).
pub async fn second_step(
    state: &AppState,
    token: &str,
    code: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<super::SignedIn> {
    let step = second_step_uncounted(state, token, code, ip, user_agent, device).await;
    super::counted(Method::Password, step)
}

async fn second_step_uncounted(
    state: &AppState,
    token: &str,
    code: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<super::SignedIn> {
    let (found, user, email_bucket) = counted_attempt(state, token, device).await?;
    let code = code.trim();
    if let Some(expected) = found.mail_code_hash {
        if !super::mailbox::matches(&expected, code) {
            return Err(Error::InvalidSecondFactor);
        }
        return use_challenge(
            state,
            found.hash,
            checked(user, email_bucket),
            None,
            (ip, user_agent, device),
        )
        .await;
    }
    let (totp, backup) = second_factor::split_code(code);
    second_factor::check_second_factor(state, &user, totp, backup).await?;
    use_challenge(
        state,
        found.hash,
        checked(user, email_bucket),
        None,
        (ip, user_agent, device),
    )
    .await
}

/// A second step's attempt on the challenge `token`: the live challenge, its user (active), and
/// the sign-in limit's bucket the attempt counted against.
async fn counted_attempt(
    state: &AppState,
    token: &str,
    device: Option<&str>,
) -> Result<(challenge::Found, users_steps::UserRow, String)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = challenge::find(&mut conn, Subject::User, token, now).await?;
    let user = users_steps::get(&mut conn, &found.subject_id).await?;
    drop(conn);
    let limits = &state.settings.auth.rate_limit;
    let email_bucket = super::devices::limit_bucket(
        state,
        Subject::User,
        device,
        &user.email,
        super::email_bucket(&user.email),
    )
    .await?;
    ratelimit::hit(
        state.db.pool(),
        &email_bucket,
        limits.per_email,
        limits.per_email_window,
        now,
    )
    .await?;
    if !user.is_active() {
        return Err(Error::Unauthenticated);
    }
    Ok((found, user, email_bucket))
}

/// The second step with a passkey instead of a code: the options for the challenge's user (their
/// passkeys), bound to the challenge. Not for a challenge that waits for a mailed code.
pub async fn passkey_options(state: &AppState, token: &str) -> Result<Began> {
    passkeys::second_factor::begin_for_challenge(state, Subject::User, token).await
}

/// Whether the user of the live challenge `token` holds a passkey (the second step's page offers
/// it then).
pub async fn holds_passkeys(state: &AppState, token: &str) -> bool {
    passkeys::second_factor::offered(state, Subject::User, token).await
}

/// The second step answered with a passkey (a ceremony begun by [`passkey_options`]): counted as
/// a code is, and signs in as a right code does.
pub async fn second_step_with_passkey(
    state: &AppState,
    token: &str,
    (ceremony, credential): (&str, serde_json::Value),
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<super::SignedIn> {
    super::counted(
        Method::PasswordAndPasskey,
        async {
            let (found, user, email_bucket) = counted_attempt(state, token, device).await?;
            if found.mail_code_hash.is_some() {
                return Err(Error::InvalidSecondFactor);
            }
            let ctx = Context {
                actor: Actor::User(user.id.clone()),
                ip: ip.clone(),
                support: None,
            };
            let holder = (Subject::User, user.id.as_str());
            passkeys::second_factor::check(state, &ctx, holder, &found.hash, ceremony, credential)
                .await?;
            use_challenge(
                state,
                found.hash,
                checked(user, email_bucket),
                Some(PASSWORD_AND_PASSKEY_AMR),
                (ip, user_agent, device),
            )
            .await
        }
        .await,
    )
}

/// A user whose password was right, on to the challenge's end.
fn checked(user: users_steps::UserRow, email_bucket: String) -> super::Checked {
    super::Checked {
        user,
        rehashed: false,
        email_bucket,
    }
}

/// How a password and then a passkey proved the person (RFC 8176): a password, a hardware-bound
/// key and a user verification test on it.
const PASSWORD_AND_PASSKEY_AMR: &str = "pwd hwk user mfa";

/// A right second step: the challenge is used up (once: a raced second use is `unauthorized`)
/// and the sign-in finishes, with `amr` when it is not the password's and a code's.
async fn use_challenge(
    state: &AppState,
    hash: String,
    checked: super::Checked,
    amr: Option<&str>,
    (ip, user_agent, device): (Option<String>, Option<String>, Option<&str>),
) -> Result<super::SignedIn> {
    let mut conn = state.db.pool().acquire().await?;
    let used = challenge::use_up(&mut conn, Subject::User, &hash).await?;
    drop(conn);
    if !used {
        return Err(Error::Unauthenticated);
    }
    match amr {
        Some(amr) => super::finish_as(state, checked, amr, ip, user_agent, device).await,
        None => super::finish(state, checked, ip, user_agent, device).await,
    }
}
