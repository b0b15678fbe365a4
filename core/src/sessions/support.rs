//! Support signing in as a client (issue 28), the sessions' side: a session of the user's own,
//! marked with the staff member acting in it, lasting at most `support.login_as_duration`, ended
//! with the staff session it came from; and the record the user reads on `/me`. Who may start one
//! is `staff::login_as`.

use serde_json::json;

use super::repo;
pub use super::repo::support::SupportSignIn;
use crate::audit::{self, Context, Event, SupportBy};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::settings::LoginAs;
use crate::state::AppState;
use crate::users::steps as users_steps;

/// A support sign-in just started: the session's token (for the client area's cookie) and when it
/// ends at the latest (unix ms).
#[derive(Debug)]
pub struct Started {
    pub token: String,
    pub ends_at: i64,
}

/// Starts a support sign-in as `user_id` for the staff member `by`, from their staff session
/// `staff_session`. The caller checked who may ([`crate::staff::login_as`]); audited as
/// `user.support_sign_in_started` under the staff member, about the user.
pub(crate) async fn start(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    (by, staff_session): (&SupportBy, &str),
    user_agent: Option<String>,
) -> Result<Started> {
    let now = state.clock.now_ms();
    let ends_at = now + ms(state.settings.support.login_as_duration);
    let token = new_token()?;
    let session_id = new_id();
    let mut tx = state.db.begin().await?;
    repo::insert(
        &mut tx,
        &repo::NewSession {
            id: &session_id,
            token_hash: &hash_token(&token),
            user_id,
            now,
            expires_at: ends_at,
            ip: ctx.ip.as_deref(),
            user_agent: user_agent.as_deref(),
            amr: "support",
            support: Some([&by.staff_id, &by.email, by.role.as_str(), staff_session]),
        },
    )
    .await?;
    let record = (new_id(), user_id, session_id.as_str());
    let sign_in = (record.0.as_str(), record.1, record.2);
    repo::support::insert(&mut tx, sign_in, &by.email, (now, ends_at)).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.support_sign_in_started", user_id)
            .after(json!({ "staff": by.email, "ends_at": ends_at })),
    )
    .await?;
    if state.settings.support.login_as_email {
        let user = users_steps::get(&mut tx, user_id).await?;
        let zone = Some(user.time_zone.as_str())
            .filter(|z| !z.is_empty())
            .unwrap_or(&state.settings.ui.time_zone);
        let until = crate::i18n::time_of_day(zone, ends_at);
        let values = json!({ "first_name": user.first_name, "staff": by.email, "until": until });
        let to = user.recipient(&state.settings);
        crate::mail::outbox::enqueue(&mut tx, now, to, "support-sign-in", values).await?;
    }
    tx.commit().await?;
    state.mailer.wake();
    Ok(Started { token, ends_at })
}

/// Ends one support sign-in of the user from the admin area; `not_found` for any other session.
/// Audited as `user.support_sign_in_ended` under the staff member who ended it.
pub(crate) async fn end_one(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    session_id: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::support::delete_one(&mut tx, user_id, session_id).await? {
        return Err(crate::error::Error::NotFound("support sign-in"));
    }
    let ended = [session_id.to_owned()];
    repo::support::ended(&mut tx, &ended, now).await?;
    crate::oauth::logout::sessions_ended(&mut tx, &ended, now).await?;
    let event = Event::user("user.support_sign_in_ended", user_id)
        .after(json!({ "session_id": session_id }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(())
}

/// How long a user's allowance lasts (`support.login_as = "with_consent"`).
pub const ALLOWANCE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Asks the user to allow a support sign-in (`support.login_as = "with_consent"`, none allowed
/// now): an email naming the staff member, at most one an hour per user (a refused attempt
/// otherwise mails nothing more).
pub(crate) async fn ask(state: &AppState, user_id: &str, staff_email: &str) -> Result<()> {
    let now = state.clock.now_ms();
    let hour = std::time::Duration::from_secs(3600);
    let bucket = format!("support:ask:{user_id}");
    match crate::ratelimit::hit(state.db.pool(), &bucket, 1, hour, now).await {
        Ok(()) => {}
        Err(crate::error::Error::RateLimited { .. }) => return Ok(()),
        Err(e) => return Err(e),
    }
    let mut tx = state.db.begin().await?;
    let user = users_steps::get(&mut tx, user_id).await?;
    let values = json!({ "first_name": user.first_name, "staff": staff_email });
    let to = user.recipient(&state.settings);
    crate::mail::outbox::enqueue(&mut tx, now, to, "support-consent", values).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// How often a user may allow or withdraw in an hour: each change is an audit row, so a stolen
/// session toggling it cannot grow the log without bound.
pub const CONSENT_CHANGES_PER_HOUR: u32 = 10;

/// Refuses support signed in as the user (only the user decides), a server that does not ask
/// (`support.login_as` other than `with_consent`: 409 `conflict`), and more than
/// [`CONSENT_CHANGES_PER_HOUR`] changes an hour (429).
async fn may_change_consent(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    what: &'static str,
) -> Result<()> {
    ctx.refuse_support(what)?;
    if state.settings.support.login_as != LoginAs::WithConsent {
        return Err(Error::Conflict(
            "this server does not ask before support signs in (support.login_as is not with_consent)"
                .to_owned(),
        ));
    }
    let bucket = format!("support:consent:{user_id}");
    let hour = std::time::Duration::from_secs(3600);
    crate::ratelimit::hit(
        state.db.pool(),
        &bucket,
        CONSENT_CHANGES_PER_HOUR,
        hour,
        state.clock.now_ms(),
    )
    .await
}

/// The user allows support to sign in as them for a day ([`ALLOWANCE`]); audited as
/// `user.support_allowed`. Only the user themself (never support signed in as them), only where
/// the server asks ([`may_change_consent`]).
pub async fn allow(state: &AppState, ctx: &Context, user_id: &str) -> Result<i64> {
    may_change_consent(state, ctx, user_id, "allow support to sign in").await?;
    let now = state.clock.now_ms();
    let until = now + ms(ALLOWANCE);
    let mut tx = state.db.begin().await?;
    repo::support::allow(&mut tx, user_id, now, until).await?;
    let event = Event::user("user.support_allowed", user_id).after(json!({ "until": until }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(until)
}

/// The user withdraws their allowance (support sign-ins already running go on until they end);
/// audited as `user.support_allowance_withdrawn`. Withdrawing none changes nothing.
pub async fn withdraw(state: &AppState, ctx: &Context, user_id: &str) -> Result<()> {
    may_change_consent(state, ctx, user_id, "withdraw the allowance").await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if repo::support::withdraw(&mut tx, user_id).await? {
        let event = Event::user("user.support_allowance_withdrawn", user_id);
        audit::record(&mut tx, ctx, now, event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Until when the user allows support to sign in as them, while that is still ahead.
pub async fn allowed_until(state: &AppState, user_id: &str) -> Result<Option<i64>> {
    let mut conn = state.db.pool().acquire().await?;
    let until = repo::support::allowed_until(&mut conn, user_id).await?;
    Ok(until.filter(|until| *until > state.clock.now_ms()))
}

/// Ends the support sign-ins that came from one staff session (`staff` is its id: the member
/// signed out) or from any session of a member (`by_member`: `staff` is the member's id; they
/// were disabled or removed, or set up new credentials), in the caller's transaction.
pub(crate) async fn end_for_staff(
    conn: &mut sqlx::AnyConnection,
    staff: &str,
    by_member: bool,
    now: i64,
) -> Result<()> {
    let ended = repo::delete_support(conn, staff, by_member).await?;
    repo::support::ended(conn, &ended, now).await?;
    crate::oauth::logout::sessions_ended(conn, &ended, now).await?;
    Ok(())
}

/// Ends the support sign-in a request came with ("end now" on its banner); audited as
/// `user.support_sign_in_ended`.
pub async fn end_now(state: &AppState, ctx: &Context, auth: &super::Authenticated) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if !repo::delete_for_user(&mut tx, &auth.user_id, &auth.session_id).await? {
        return Err(crate::error::Error::NotFound("session"));
    }
    let ended = [auth.session_id.clone()];
    repo::support::ended(&mut tx, &ended, now).await?;
    crate::oauth::logout::sessions_ended(&mut tx, &ended, now).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::user("user.support_sign_in_ended", &auth.user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many past support sign-ins `/me` lists.
pub const LISTED: i64 = 20;

/// The user's support sign-ins, newest first: who, when, until when.
async fn history(state: &AppState, user_id: &str) -> Result<Vec<SupportSignIn>> {
    let mut conn = state.db.pool().acquire().await?;
    repo::support::of_user(&mut conn, user_id, LISTED).await
}

/// What the user reads of support sign-ins, on `/me` and from `GET /api/v1/me/support`.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Overview {
    /// The server's `support.login_as`: with `with_consent` the user allows each day.
    pub login_as: LoginAs,
    /// Until when the user allows support to sign in as them (unix ms), while that is ahead.
    pub allowed_until: Option<i64>,
    /// The last support sign-ins (at most 20), newest first.
    pub sign_ins: Vec<SupportSignIn>,
}

pub async fn overview(state: &AppState, user_id: &str) -> Result<Overview> {
    let (sign_ins, allowed_until) =
        tokio::try_join!(history(state, user_id), allowed_until(state, user_id))?;
    Ok(Overview {
        login_as: state.settings.support.login_as,
        allowed_until,
        sign_ins,
    })
}
