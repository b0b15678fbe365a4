//! Staff sign-in, in two steps like the client area's: the password, then a second factor
//! (always: it is mandatory for staff): a TOTP code or one of their passkeys, and only a passkey
//! with `staff.require_passkey`. Rate-limited like client login — per IP and per email, counted before
//! any work, with the `auth.rate_limit` settings but buckets of their own — and uniform: an
//! unknown email, a wrong password, a disabled member and one who has not used their setup link
//! all get the same answer after the same password work.

use secrecy::SecretString;

use super::sessions;
use crate::audit::{Actor, Context};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::passkeys::{self, service::Began};
use crate::ratelimit;
use crate::sessions::challenge;
use crate::sessions::{Subject, devices};
use crate::staff::roles::Role;
use crate::state::AppState;
use crate::stats::Method;
use crate::users::totp;

/// How long the second step may wait: the sign-in challenge is the client area's
/// (`crate::sessions::challenge`).
pub use crate::sessions::challenge::LIFETIME as CHALLENGE_LIFETIME;

fn email_bucket(email: &str) -> String {
    format!(
        "staff-login:email:{}",
        hash_token(&crate::users::normalize_email(email))
    )
}

/// Counts one proof asked inside a staff session (the current password before a passkey is
/// added) against the member's sign-in limit, before it is checked.
pub(super) async fn count_proof(state: &AppState, email: &str) -> Result<()> {
    crate::sessions::count_in(state, &email_bucket(email)).await
}

/// The first step: answers a challenge for [`second_step`] when the password is right.
pub async fn first_step(
    state: &AppState,
    email: &str,
    password: &SecretString,
    ip: Option<&str>,
    device: Option<&str>,
) -> Result<String> {
    let step = password_step(state, email, password, ip, device).await;
    if let Err(e) = &step {
        crate::stats::login("staff", Method::Password, crate::stats::login_failure(e));
    }
    step
}

async fn password_step(
    state: &AppState,
    email: &str,
    password: &SecretString,
    ip: Option<&str>,
    device: Option<&str>,
) -> Result<String> {
    let limits = &state.settings.auth.rate_limit;
    let now = state.clock.now_ms();
    let pool = state.db.pool();
    if let Some(ip) = ip {
        let bucket = format!("staff-login:ip:{ip}");
        ratelimit::hit(pool, &bucket, limits.per_ip, limits.per_ip_window, now).await?;
    }
    let bucket = limit_bucket(state, device, email).await?;
    ratelimit::hit(
        pool,
        &bucket,
        limits.per_email,
        limits.per_email_window,
        now,
    )
    .await?;
    let mut conn = pool.acquire().await?;
    let member = super::repo::by_email(&mut conn, email).await?;
    drop(conn);
    let verified = state
        .passwords
        .verify(
            password,
            member.as_ref().and_then(|m| m.password_hash.as_deref()),
        )
        .await?;
    let member = match member {
        Some(m) if verified.ok && m.status == "active" => m,
        _ => return Err(Error::InvalidCredentials),
    };
    let mut conn = pool.acquire().await?;
    challenge::issue(
        &mut conn,
        Subject::Staff,
        &member.id,
        now,
        CHALLENGE_LIFETIME,
        None,
    )
    .await
}

/// The second step: a TOTP code for the challenge's member. Every attempt counts against the
/// member's email bucket; a wrong code leaves the challenge usable until the limit or its lifetime
/// ends it; a right one (never a code already used) starts a session, whose token is answered.
/// Answers the session token and, unless the browser already holds this member's, a new device
/// cookie (`sessions::devices`).
pub async fn second_step(
    state: &AppState,
    token: &str,
    code: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<(String, Option<String>)> {
    let step = code_step(state, token, code, ip, user_agent, device).await;
    match &step {
        Ok(_) => crate::stats::login("staff", Method::Password, "success"),
        Err(e) => crate::stats::login("staff", Method::Password, crate::stats::login_failure(e)),
    }
    step
}

async fn code_step(
    state: &AppState,
    token: &str,
    code: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<(String, Option<String>)> {
    let (found, member, bucket) = counted_attempt(state, token, device).await?;
    if state.settings.staff.require_passkey {
        return Err(Error::Forbidden(
            "codes are not accepted here: sign in with your passkey".to_owned(),
        ));
    }
    let Some(secret) = member.totp_secret.as_deref() else {
        return Err(Error::InvalidSecondFactor);
    };
    let now = state.clock.now_ms();
    let step = totp::check(secret, code, u64::try_from(now / 1000).unwrap_or_default())
        .await?
        .filter(|step| member.totp_last_step.is_none_or(|last| *step > last))
        .ok_or(Error::InvalidSecondFactor)?;
    let from = (ip, user_agent, device);
    finish(state, &found.hash, &member, Some(step), bucket, from).await
}

/// A second step's attempt on the challenge `token`: the live challenge, its member (active),
/// and the sign-in limit's bucket the attempt counted against.
async fn counted_attempt(
    state: &AppState,
    token: &str,
    device: Option<&str>,
) -> Result<(challenge::Found, super::repo::Row, String)> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let found = challenge::find(&mut conn, Subject::Staff, token, now).await?;
    let member = super::repo::get(&mut conn, &found.subject_id).await?;
    drop(conn);
    let limits = &state.settings.auth.rate_limit;
    let bucket = limit_bucket(state, device, &member.email).await?;
    ratelimit::hit(
        state.db.pool(),
        &bucket,
        limits.per_email,
        limits.per_email_window,
        now,
    )
    .await?;
    if member.status != "active" {
        return Err(Error::Unauthenticated);
    }
    Ok((found, member, bucket))
}

/// Whether the member of the live challenge `token` holds a passkey (the second step's page
/// offers it then).
pub async fn holds_passkeys(state: &AppState, token: &str) -> bool {
    passkeys::second_factor::offered(state, Subject::Staff, token).await
}

/// The second step with a passkey: the options for the challenge's member (their passkeys),
/// bound to the challenge.
pub async fn passkey_options(state: &AppState, token: &str) -> Result<Began> {
    passkeys::second_factor::begin_for_challenge(state, Subject::Staff, token).await
}

/// The second step answered with a passkey (begun by [`passkey_options`]): counted as a code is;
/// a right answer starts a session as a right code does.
pub async fn passkey_step(
    state: &AppState,
    token: &str,
    (ceremony, credential): (&str, serde_json::Value),
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<(String, Option<String>)> {
    let step = async {
        let (found, member, bucket) = counted_attempt(state, token, device).await?;
        let ctx = Context {
            actor: Actor::Staff {
                email: member.email.clone(),
                role: Role::parse(&member.role),
            },
            ip: ip.clone(),
            support: None,
        };
        let holder = (Subject::Staff, member.id.as_str());
        passkeys::second_factor::check(state, &ctx, holder, &found.hash, ceremony, credential)
            .await?;
        let from = (ip, user_agent, device);
        finish(state, &found.hash, &member, None, bucket, from).await
    };
    let step = step.await;
    match &step {
        Ok(_) => crate::stats::login("staff", Method::PasswordAndPasskey, "success"),
        Err(e) => crate::stats::login(
            "staff",
            Method::PasswordAndPasskey,
            crate::stats::login_failure(e),
        ),
    }
    step
}

/// A right second step: the challenge is used up (and a TOTP code's time step taken), atomically,
/// so that a raced second use signs in once; then the session, the audit and the device.
async fn finish(
    state: &AppState,
    challenge_hash: &str,
    member: &super::repo::Row,
    totp_step: Option<i64>,
    bucket: String,
    (ip, user_agent, device): (Option<String>, Option<String>, Option<&str>),
) -> Result<(String, Option<String>)> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let used = challenge::use_up(&mut tx, Subject::Staff, challenge_hash).await?;
    let taken = match totp_step {
        Some(step) => {
            super::repo::take_sign_in_step(&mut tx, &member.id, step, now, ip.clone()).await?
        }
        None => super::repo::signed_in(&mut tx, &member.id, now, ip.clone()).await?,
    };
    if !used || !taken {
        return Err(Error::InvalidSecondFactor);
    }
    let token = sessions::start(&mut tx, state, &member.id, ip.clone(), user_agent).await?;
    super::audit_own(&mut tx, member, ip, now, "staff.signed_in").await?;
    tx.commit().await?;
    ratelimit::clear(state.db.pool(), &bucket).await?;
    let device = devices::remember(state, Subject::Staff, &member.id, device).await?;
    Ok((token, device))
}

/// The sign-in limit's bucket for an attempt on `email`: a known device's own, else the address's.
async fn limit_bucket(state: &AppState, device: Option<&str>, email: &str) -> Result<String> {
    devices::limit_bucket(state, Subject::Staff, device, email, email_bucket(email)).await
}
