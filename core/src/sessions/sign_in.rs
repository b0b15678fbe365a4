//! Signing in with a password: the rate limits (per IP; per address, or per known browser), the
//! password (the same work whether or not the address has a user), the second factor (TOTP, a
//! backup code, or a code mailed to a user who must prove the mailbox), and the session with the
//! browser remembered. The pages' two-step flow (`challenge`) shares every check.

use secrecy::SecretString;

use super::{Via, devices, mailbox, start};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::ratelimit;
use crate::state::AppState;
use crate::stats::Method;
use crate::users::second_factor;
use crate::users::{self, User, steps as users_steps};

/// A login attempt.
#[derive(Debug)]
pub struct Login {
    pub email: String,
    pub password: SecretString,
    pub totp_code: Option<String>,
    pub backup_code: Option<String>,
    /// The code mailed at sign-in, for a user who must prove the mailbox (`mailbox`).
    pub email_code: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The browser's device cookie, if it sent one (`devices`).
    pub device: Option<String>,
}

/// A completed sign-in.
#[derive(Debug)]
pub struct SignedIn {
    /// The session token.
    pub token: String,
    pub user: User,
    /// A device cookie to give the browser (`devices`): `None` when it already holds this login's.
    pub device: Option<String>,
}

/// Logs a user in: rate limits first (atomically, before any work), then the password (the same
/// work whether or not the email has a user), then the second factor; returns the new token.
pub async fn login(state: &AppState, attempt: Login) -> Result<SignedIn> {
    counted(
        Method::Password,
        async {
            let checked = check_password(state, &attempt).await?;
            second_factor(state, &checked.user, &attempt).await?;
            finish(
                state,
                checked,
                attempt.ip.clone(),
                attempt.user_agent.clone(),
                attempt.device.as_deref(),
            )
            .await
        }
        .await,
    )
}

/// The second factor of a one-call sign-in: for a user who must prove the mailbox, the mailed
/// code (the first call mails one and answers `second_factor_required`); otherwise a TOTP or
/// backup code when TOTP is on.
async fn second_factor(
    state: &AppState,
    user: &users_steps::UserRow,
    attempt: &Login,
) -> Result<()> {
    if mailbox::required(user) {
        return match attempt.email_code.as_deref() {
            Some(code) => mailbox::check_any(state, &user.id, code).await,
            None => {
                mailbox::send(state, user).await?;
                Err(Error::EmailCodeRequired)
            }
        };
    }
    second_factor::check_second_factor(
        state,
        user,
        attempt.totp_code.as_deref(),
        attempt.backup_code.as_deref(),
    )
    .await
}

/// Counts a sign-in's outcome for `/metrics` (`roster_logins_total{area="client"}`); a password
/// step that asks for a code is not an outcome yet.
pub(crate) fn counted<T>(method: Method, result: Result<T>) -> Result<T> {
    match &result {
        Ok(_) => crate::stats::login("client", method, "success"),
        Err(Error::SecondFactorRequired | Error::EmailCodeRequired) => {}
        Err(e) => crate::stats::login("client", method, crate::stats::login_failure(e)),
    }
    result
}

/// A user whose password was right, on the way to a session.
pub(crate) struct Checked {
    pub user: users_steps::UserRow,
    /// Whether the stored hash was upgraded on the way.
    pub rehashed: bool,
    /// The sign-in limit's bucket this attempt counted against (the address's, or a known
    /// device's), cleared once signed in.
    pub email_bucket: String,
}

/// The per-email login rate-limit bucket.
pub(crate) fn email_bucket(email: &str) -> String {
    format!("login:email:{}", hash_token(&users::normalize_email(email)))
}

/// Counts one proof asked inside a session (the current password, a TOTP or backup code) against
/// the user's sign-in limit, before it is checked: a stolen session tests passwords and codes no
/// faster than a stranger at the login form. Refused with `rate_limited` past
/// `auth.rate_limit.per_email` in its window. Not cleared by a right answer (only a sign-in clears
/// it), so guesses and right answers cannot be interleaved to reset the count.
pub(crate) async fn count_proof(state: &AppState, email: &str) -> Result<()> {
    count_in(state, &email_bucket(email)).await
}

/// One attempt against a per-email sign-in `bucket` (a user's, or a staff member's), with the
/// limit `auth.rate_limit.per_email` in its window.
pub(crate) async fn count_in(state: &AppState, bucket: &str) -> Result<()> {
    let limits = &state.settings.auth.rate_limit;
    ratelimit::hit(
        state.db.pool(),
        bucket,
        limits.per_email,
        limits.per_email_window,
        state.clock.now_ms(),
    )
    .await
}

/// The first half of every login: rate limits, the password (the same work whether or not the
/// email has a user), the user's status and (when required) a verified email address.
pub(crate) async fn check_password(state: &AppState, attempt: &Login) -> Result<Checked> {
    let limits = &state.settings.auth.rate_limit;
    let now = state.clock.now_ms();
    let pool = state.db.pool();
    // Without an address (a password checked for another program, WHMCS's ValidateLogin) only the
    // per-email limit applies: the caller's address is not the person's.
    if let Some(ip) = &attempt.ip {
        let ip_bucket = format!("login:ip:{ip}");
        ratelimit::hit(pool, &ip_bucket, limits.per_ip, limits.per_ip_window, now).await?;
    }
    let normalized = users::normalize_email(&attempt.email);
    let email_bucket = devices::limit_bucket(
        state,
        super::Subject::User,
        attempt.device.as_deref(),
        &normalized,
        email_bucket(&normalized),
    )
    .await?;
    ratelimit::hit(
        pool,
        &email_bucket,
        limits.per_email,
        limits.per_email_window,
        now,
    )
    .await?;

    let mut conn = pool.acquire().await?;
    let user = users_steps::by_email(&mut conn, &normalized).await?;
    drop(conn);
    let verified = state
        .passwords
        .verify(
            &attempt.password,
            user.as_ref().map(|u| u.password_hash.as_str()),
        )
        .await?;
    let user = match user {
        Some(user) if verified.ok => user,
        _ => return Err(Error::InvalidCredentials),
    };
    may_sign_in(state, &user)?;
    let rehashed = if verified.needs_rehash {
        let hash = state.passwords.hash(&attempt.password).await?;
        let mut conn = pool.acquire().await?;
        users_steps::rehash_password(&mut conn, &user.id, &hash, now).await?;
        true
    } else {
        false
    };
    Ok(Checked {
        user,
        rehashed,
        email_bucket,
    })
}

/// Whether a user who proved who they are may have a session: an active login (anything else
/// answers as a wrong password would) and, when required, a verified address.
fn may_sign_in(state: &AppState, user: &users_steps::UserRow) -> Result<()> {
    if !user.is_active() {
        return Err(Error::InvalidCredentials);
    }
    if state.settings.auth.require_email_verification && user.email_verified_at.is_none() {
        return Err(Error::EmailNotVerified);
    }
    Ok(())
}

/// Checks a user's password for another program (WHMCS's ValidateLogin) without starting a
/// session: the login rate limits (per email; per address when `ip` is known), the user's status,
/// a verified address when required. A success clears the email's failed attempts.
pub async fn validate_password(
    state: &AppState,
    email: &str,
    password: SecretString,
    ip: Option<String>,
) -> Result<User> {
    let attempt = Login {
        email: email.to_owned(),
        password,
        totp_code: None,
        backup_code: None,
        email_code: None,
        ip,
        user_agent: None,
        device: None,
    };
    let checked = check_password(state, &attempt).await?;
    ratelimit::clear(state.db.pool(), &checked.email_bucket).await?;
    checked.user.to_user()
}

/// Signs in a user who proved themselves with a passkey (`passkeys::sign_in`): a key they hold,
/// unlocked by their PIN or biometrics, is both factors. The same per-IP limit as a password,
/// the same rules on the user's status and a verified address, the same `before-login` hooks;
/// the session's `amr` is `hwk user mfa`. Not counted for `/metrics` here: the passkey's own
/// sign-in counts the whole of it (`counted`).
pub async fn with_passkey(
    state: &AppState,
    user_id: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<SignedIn> {
    let limits = &state.settings.auth.rate_limit;
    if let Some(ip) = &ip {
        let bucket = format!("login:ip:{ip}");
        let now = state.clock.now_ms();
        ratelimit::hit(
            state.db.pool(),
            &bucket,
            limits.per_ip,
            limits.per_ip_window,
            now,
        )
        .await?;
    }
    let mut conn = state.db.pool().acquire().await?;
    let user = users_steps::get(&mut conn, user_id).await?;
    drop(conn);
    may_sign_in(state, &user)?;
    let checked = Checked {
        email_bucket: email_bucket(&user.email),
        user,
        rehashed: false,
    };
    finish_as(state, checked, PASSKEY_AMR, ip, user_agent, device).await
}

/// How a passkey sign-in proved the person (RFC 8176): a hardware-bound key, a user verification
/// test on it, so more than one factor.
const PASSKEY_AMR: &str = "hwk user mfa";

/// The second half of every login, once every factor was checked: the session (after the
/// `before-login` hooks), the counted attempts cleared, and the browser's device remembered.
pub(crate) async fn finish(
    state: &AppState,
    checked: Checked,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<SignedIn> {
    // Every factor the user has was checked on the way here (`check_second_factor`, the mailbox).
    let second_factor = checked.user.totp_secret.is_some() || mailbox::required(&checked.user);
    let amr = if second_factor { "pwd otp mfa" } else { "pwd" };
    finish_as(state, checked, amr, ip, user_agent, device).await
}

/// [`finish`], with how the person proved who they are (`amr`).
pub(crate) async fn finish_as(
    state: &AppState,
    checked: Checked,
    amr: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<SignedIn> {
    let via = Via::Login {
        email: &checked.user.email,
        password_rehashed: checked.rehashed,
        amr,
    };
    let token = start(state, &checked.user.id, ip, user_agent, via).await?;
    let pool = state.db.pool();
    ratelimit::clear(pool, &checked.email_bucket).await?;
    let device = devices::remember(state, super::Subject::User, &checked.user.id, device).await?;
    let mut conn = pool.acquire().await?;
    let fresh = users_steps::get(&mut conn, &checked.user.id).await?;
    Ok(SignedIn {
        token,
        user: fresh.to_user()?,
        device,
    })
}
