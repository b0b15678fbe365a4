//! Sessions: what a login gives. A session token is 256 random bits handed out once (as a bearer
//! token and an HttpOnly cookie) and stored as its SHA-256. A session ends on logout, after
//! `auth.session_idle` without use, `auth.session_absolute` after login, when the user is disabled,
//! and (all of them) when the password is reset.

pub mod challenge;
pub mod devices;
pub mod http;
pub mod mailbox;
pub mod pages;
pub mod repo;

use secrecy::SecretString;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::{self, Actor, Context, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::ratelimit;
use crate::state::AppState;
use crate::users::{self, User, repo as users_repo};

/// A request's authenticated user.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub session_id: String,
    pub user_id: String,
}

/// A session as its owner sees it.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct SessionInfo {
    pub id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

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
    user: &users_repo::UserRow,
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
    users::service::check_second_factor(
        state,
        user,
        attempt.totp_code.as_deref(),
        attempt.backup_code.as_deref(),
    )
    .await
}

/// Counts a sign-in's outcome for `/metrics` (`roster_logins_total{area="client"}`); a password
/// step that asks for a code is not an outcome yet.
pub(crate) fn counted<T>(result: Result<T>) -> Result<T> {
    match &result {
        Ok(_) => crate::stats::login("client", "success"),
        Err(Error::SecondFactorRequired | Error::EmailCodeRequired) => {}
        Err(e) => crate::stats::login("client", crate::stats::login_failure(e)),
    }
    result
}

/// A user whose password was right, on the way to a session.
pub(crate) struct Checked {
    pub user: users_repo::UserRow,
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
    let limits = &state.settings.auth.rate_limit;
    ratelimit::hit(
        state.db.pool(),
        &email_bucket(email),
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
        devices::Subject::User,
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
    let user = users_repo::by_email(&mut conn, &normalized).await?;
    drop(conn);
    let verified = state
        .passwords
        .verify(
            &attempt.password,
            user.as_ref().map(|u| u.password_hash.as_str()),
        )
        .await?;
    let user = match user {
        Some(user) if verified.ok && user.is_active() => user,
        _ => return Err(Error::InvalidCredentials),
    };
    if state.settings.auth.require_email_verification && user.email_verified_at.is_none() {
        return Err(Error::EmailNotVerified);
    }
    let rehashed = if verified.needs_rehash {
        let hash = state.passwords.hash(&attempt.password).await?;
        let mut conn = pool.acquire().await?;
        users_repo::set_password_hash(&mut conn, &user.id, &hash, now).await?;
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

/// The second half of every login, once every factor was checked: the session (after the
/// `before-login` hooks), the counted attempts cleared, and the browser's device remembered.
pub(crate) async fn finish(
    state: &AppState,
    checked: Checked,
    ip: Option<String>,
    user_agent: Option<String>,
    device: Option<&str>,
) -> Result<SignedIn> {
    let via = Via::Login {
        email: &checked.user.email,
        password_rehashed: checked.rehashed,
    };
    let token = start(state, &checked.user.id, ip, user_agent, via).await?;
    let pool = state.db.pool();
    ratelimit::clear(pool, &checked.email_bucket).await?;
    let device = devices::remember(state, devices::Subject::User, &checked.user.id, device).await?;
    let mut conn = pool.acquire().await?;
    let fresh = users_repo::get(&mut conn, &checked.user.id).await?;
    Ok(SignedIn {
        token,
        user: fresh.to_user()?,
        device,
    })
}

/// How a session comes about.
#[derive(Debug, Clone, Copy)]
pub enum Via<'a> {
    /// A password login (the `before-login` plugin hooks run); `password_rehashed` when the
    /// stored hash was upgraded on the way.
    Login {
        email: &'a str,
        password_rehashed: bool,
    },
    /// Right after sign-up (directly or through an invitation link).
    SignUp,
}

/// Rule: with `auth.require_email_verification`, no session before the address is verified,
/// however the user got here (login, sign-up, sign-up through an invitation link).
async fn refuse_unverified(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
) -> Result<()> {
    if state.settings.auth.require_email_verification
        && users_repo::get(conn, user_id)
            .await?
            .email_verified_at
            .is_none()
    {
        return Err(Error::EmailNotVerified);
    }
    Ok(())
}

/// Opens a session for a user who proved who they are (login, or sign-up); returns its token.
/// Refused with `email_not_verified` while verification is required and missing.
pub async fn start(
    state: &AppState,
    user_id: &str,
    ip: Option<String>,
    user_agent: Option<String>,
    via: Via<'_>,
) -> Result<String> {
    // Judged first, outside any transaction; the verification rule is checked again inside it.
    {
        let mut conn = state.db.pool().acquire().await?;
        refuse_unverified(state, &mut conn, user_id).await?;
    }
    let password_rehashed = match via {
        Via::Login {
            email,
            password_rehashed,
        } => {
            let ctx = Context {
                actor: Actor::User(user_id.to_owned()),
                ip: ip.clone(),
            };
            state
                .plugins
                .before_login(&ctx, user_id, email, user_agent.as_deref())
                .await?;
            password_rehashed
        }
        Via::SignUp => false,
    };
    let now = state.clock.now_ms();
    let token = new_token()?;
    let expires_at = now + ms(state.settings.auth.session_absolute);
    let mut tx = state.db.begin().await?;
    refuse_unverified(state, &mut tx, user_id).await?;
    repo::insert(
        &mut tx,
        &repo::NewSession {
            id: &new_id(),
            token_hash: &hash_token(&token),
            user_id,
            now,
            expires_at,
            ip: ip.as_deref(),
            user_agent: user_agent.as_deref(),
        },
    )
    .await?;
    users_repo::record_login(&mut tx, user_id, ip.as_deref(), now).await?;
    let ctx = Context {
        actor: Actor::User(user_id.to_owned()),
        ip,
    };
    let payload = json!({ "user_id": user_id, "ip": ctx.ip });
    audit::record_change(
        &mut tx,
        &ctx,
        now,
        Event::user("user.logged_in", user_id)
            .after(json!({ "password_rehashed": password_rehashed })),
        crate::events::kind::LOGIN,
        payload,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The session a token belongs to, if it is still good; touches its last use.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Authenticated> {
    let mut conn = state.db.pool().acquire().await?;
    let found = repo::by_token_hash(&mut conn, &hash_token(token)).await?;
    still_good(state, &mut conn, found).await
}

/// A user's membership of one account, as read together with their session.
#[derive(Debug, Clone)]
pub struct MembershipView {
    pub is_owner: bool,
    /// The stored permission set (JSON); ignored for the owner.
    pub permissions: String,
    pub last_login_at: Option<i64>,
}

/// [`authenticate`] and the user's membership of `account_id`, in one query: account-scoped
/// requests cost one database round trip before their own work.
pub async fn authenticate_for_account(
    state: &AppState,
    token: &str,
    account_id: &str,
) -> Result<(Authenticated, Option<MembershipView>)> {
    let mut conn = state.db.pool().acquire().await?;
    let found =
        repo::by_token_hash_with_membership(&mut conn, &hash_token(token), account_id).await?;
    let view = found.as_ref().and_then(|f| {
        f.permissions.as_ref().map(|permissions| MembershipView {
            is_owner: f.owner_user_id.as_deref() == Some(f.session.user_id.as_str()),
            permissions: permissions.clone(),
            last_login_at: f.member_last_login_at,
        })
    });
    let auth = still_good(state, &mut conn, found.map(|f| f.session)).await?;
    Ok((auth, view))
}

/// [`authenticate`] and every account the user reaches, with the stored permission sets, in one
/// query (for `GET /me/accounts`).
pub async fn authenticate_with_accounts(
    state: &AppState,
    token: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<(Authenticated, Vec<(crate::accounts::Account, String)>)> {
    let mut conn = state.db.pool().acquire().await?;
    let rows = repo::by_token_hash_with_accounts(
        &mut conn,
        &hash_token(token),
        after.unwrap_or_default(),
        i64::from(limit),
    )
    .await?;
    let accounts = rows
        .iter()
        .filter_map(repo::FoundSessionWithAccount::account)
        .collect();
    let session = rows.into_iter().next().map(|row| row.session);
    let auth = still_good(state, &mut conn, session).await?;
    Ok((auth, accounts))
}

/// Checks a found session's lifetimes: an ended one is deleted and refused; a used one is touched
/// (at most once a minute: writing on every request would serialise readers on SQLite).
async fn still_good(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    found: Option<repo::FoundSession>,
) -> Result<Authenticated> {
    let Some(found) = found else {
        return Err(Error::Unauthenticated);
    };
    let now = state.clock.now_ms();
    let idle = ms(state.settings.auth.session_idle);
    if found.expires_at <= now || found.last_seen_at + idle <= now {
        repo::delete(conn, &found.id).await?;
        return Err(Error::Unauthenticated);
    }
    if now - found.last_seen_at > 60_000 {
        repo::touch(conn, &found.id, now).await?;
    }
    Ok(Authenticated {
        session_id: found.id,
        user_id: found.user_id,
    })
}

/// Ends one session of the user (logout, or revoking one from the session list).
pub async fn end(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    session_id: &str,
    action: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::delete_for_user(&mut tx, user_id, session_id).await? {
        return Err(Error::NotFound("session"));
    }
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user(action, user_id).after(json!({ "session_id": session_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends the session a request came with (signing out).
pub async fn log_out(state: &AppState, ctx: &Context, auth: &Authenticated) -> Result<()> {
    end(
        state,
        ctx,
        &auth.user_id,
        &auth.session_id,
        "user.logged_out",
    )
    .await
}

pub async fn list(state: &AppState, user_id: &str) -> Result<Vec<SessionInfo>> {
    let mut conn = state.db.pool().acquire().await?;
    repo::list_for_user(&mut conn, user_id, state.clock.now_ms()).await
}
