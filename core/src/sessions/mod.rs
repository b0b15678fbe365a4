//! Sessions: what a login gives. A session token is 256 random bits handed out once (as a bearer
//! token and an HttpOnly cookie) and stored as its SHA-256. A session ends on logout, after
//! `auth.session_idle` without use, `auth.session_absolute` after login, when the user is disabled,
//! and (all of them) when the password is reset.

pub mod challenge;
pub mod devices;
mod ending;
pub mod http;
pub mod mailbox;
pub mod pages;
pub mod passkey_pages;
mod repo;
mod sign_in;
pub mod support;
pub mod support_http;
pub mod support_pages;
pub mod two_step;
mod views;

pub use ending::{end, end_all_for_user, list, log_out, replaced, revoke};
pub(crate) use sign_in::{
    Checked, check_password, count_in, count_proof, counted, email_bucket, finish, finish_as,
};
pub use sign_in::{Login, SignedIn, login, validate_password, with_passkey};

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::{self, Actor, Context, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::users::steps as users_steps;

/// Whose sign-in: a client-area user's or a staff member's (their challenges and device cookies
/// are kept alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    User,
    Staff,
}

impl Subject {
    /// How the stores name it.
    pub(crate) fn kind(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Staff => "staff",
        }
    }
}

/// A request's authenticated user.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub session_id: String,
    pub user_id: String,
    /// When the session ends at the latest (unix ms).
    pub expires_at: i64,
    /// In a support sign-in, the staff member acting in this session.
    pub support: Option<crate::audit::SupportBy>,
}

impl Authenticated {
    /// Refuses what only the user themself may do when support signed in as them (see
    /// [`Context::refuse_support`]).
    pub fn refuse_support(&self, what: &'static str) -> Result<()> {
        match self.support {
            Some(_) => Err(Error::SupportRestricted(what)),
            None => Ok(()),
        }
    }

    /// The audit context of a request in this session: the user, with the staff member of a
    /// support sign-in.
    pub fn context(&self, ip: Option<String>) -> Context {
        Context {
            actor: Actor::User(self.user_id.clone()),
            ip,
            support: self.support.clone(),
        }
    }
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
    /// A support sign-in: the staff member signed in as the user (their email).
    pub support_staff: Option<String>,
}

/// How a session comes about.
#[derive(Debug, Clone, Copy)]
pub enum Via<'a> {
    /// A password login (the `before-login` plugin hooks run); `password_rehashed` when the
    /// stored hash was upgraded on the way.
    Login {
        email: &'a str,
        password_rehashed: bool,
        /// How the person proved who they are (RFC 8176 values, space separated).
        amr: &'a str,
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
        && users_steps::get(conn, user_id)
            .await?
            .email_verified_at
            .is_none()
    {
        return Err(Error::EmailNotVerified);
    }
    Ok(())
}

/// How many sessions of their own a user keeps at once: a new one beyond it ends the one used
/// least recently (and the tokens apps got from it). Someone holding the password cannot pile up
/// session rows from many addresses; a person with a browser on each of their devices never
/// notices. Support sign-ins are not counted.
pub const MAX_PER_USER: i64 = 50;

/// Opens a session for a user who proved who they are (login, or sign-up); returns its token.
/// Refused with `email_not_verified` while verification is required and missing. Beyond
/// [`MAX_PER_USER`], the least recently used session ends.
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
    let (password_rehashed, amr) = match via {
        Via::Login {
            email,
            password_rehashed,
            amr,
        } => {
            let ctx = Context {
                actor: Actor::User(user_id.to_owned()),
                ip: ip.clone(),
                support: None,
            };
            state
                .plugins
                .before_login(&ctx, user_id, email, user_agent.as_deref())
                .await?;
            (password_rehashed, amr)
        }
        Via::SignUp => (false, "pwd"),
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
            amr,
            support: None,
        },
    )
    .await?;
    let ended = repo::delete_beyond(&mut tx, user_id, MAX_PER_USER).await?;
    crate::oauth::logout::sessions_ended(&mut tx, &ended, now).await?;
    users_steps::record_login(&mut tx, user_id, ip.as_deref(), now).await?;
    let ctx = Context {
        actor: Actor::User(user_id.to_owned()),
        ip,
        support: None,
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

/// How and when a session's person signed in: what an ID token's `auth_time` and `amr` say.
#[derive(Debug, Clone)]
pub struct SignInFacts {
    /// Unix milliseconds.
    pub auth_time: i64,
    /// RFC 8176 values, space separated (`pwd`, `pwd otp mfa`).
    pub amr: String,
}

/// The sign-in facts of a session (none once it ended).
pub async fn sign_in_facts(state: &AppState, session_id: &str) -> Result<Option<SignInFacts>> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(repo::sign_in_facts(&mut conn, session_id)
        .await?
        .map(|(auth_time, amr)| SignInFacts { auth_time, amr }))
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
    let mut session = None;
    let mut accounts = Vec::with_capacity(rows.len());
    for row in rows {
        if let (Some(account), Some(permissions)) = (row.account.0, row.permissions) {
            accounts.push((account, permissions));
        }
        if session.is_none() {
            session = Some(row.session);
        }
    }
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
    let support = match (found.support_staff_id, found.support_staff_email) {
        (Some(staff_id), Some(email)) => Some(crate::audit::SupportBy {
            staff_id,
            email,
            role: crate::staff::Role::parse(found.support_staff_role.as_deref().unwrap_or("")),
        }),
        _ => None,
    };
    Ok(Authenticated {
        session_id: found.id,
        user_id: found.user_id,
        expires_at: found.expires_at,
        support,
    })
}

/// Deletes the sessions that expired or sat idle longer than `idle_ms` (the sweeper's part).
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64, idle_ms: i64) -> Result<u64> {
    repo::sweep(conn, now, idle_ms).await
}
