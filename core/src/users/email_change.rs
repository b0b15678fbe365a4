//! Changing one's own email address. The change waits for a link sent to the new address, and the
//! answer to asking for it is the same whether or not the address already has a login: when it
//! has, nothing is changed and that login's owner is told by email instead (as sign-up does). So a
//! session cannot be used to find out who has a login, and a mistyped address cannot lock anyone
//! out. Requests are limited per user.

use serde_json::json;

use super::Email;
use super::repo::tokens::{self, Purpose};
use super::repo::{self, ProfileChange, UserRow};
use crate::audit::{self, Context, Event};
use crate::clock::ms;
use crate::error::Result;
use crate::events;
use crate::state::AppState;

/// Counts one email change asked for by `user_id`: refused with `rate_limited` past
/// `auth.rate_limit.signup_per_ip` in its window (the sign-up limit: each request can mail an
/// address, as a sign-up can).
pub(super) async fn count(state: &AppState, user_id: &str) -> Result<()> {
    let limits = &state.settings.auth.rate_limit;
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("email-change:user:{user_id}"),
        limits.signup_per_ip,
        limits.signup_per_ip_window,
        state.clock.now_ms(),
    )
    .await
}

/// In the caller's transaction: when `email` has no login, a one-time link to it (older change
/// links are voided) whose use makes it the user's address. Answers whether the address is taken;
/// then nothing is written and the caller, once committed, tells its owner ([`notify_taken`]).
pub(super) async fn request_in(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    user: &UserRow,
    email: &Email,
) -> Result<bool> {
    if repo::by_email(conn, &email.normalized()).await?.is_some() {
        return Ok(true);
    }
    let now = state.clock.now_ms();
    let expiry = state.settings.auth.email_verification_expiry;
    tokens::void_all(conn, Purpose::ChangeEmail, &user.id, now).await?;
    let token = tokens::create(
        conn,
        Purpose::ChangeEmail,
        &user.id,
        email.as_str(),
        now,
        now + ms(expiry),
    )
    .await?;
    let values = json!({
        "first_name": user.first_name,
        "link": state.settings.server.public_url.join(&format!("/verify-email/{token}")),
        "expires_in_seconds": expiry.as_secs(),
    });
    let expires_at = Some(now + ms(expiry));
    crate::mail::outbox::enqueue_expiring(
        conn,
        now,
        crate::mail::outbox::Recipient {
            email: email.as_str(),
            ..user.recipient(&state.settings)
        },
        "email-change",
        values,
        expires_at,
    )
    .await?;
    Ok(false)
}

/// Tells the owner of `email` that someone asked to move another login to their address.
pub(super) fn notify_taken(state: &AppState, email: &Email) {
    super::links::notify_existing_user(state, email.as_str(), "email-in-use");
}

/// Uses an email-change link: the address it was sent to becomes the user's, verified. `None`
/// when the token is not a valid change link. An address that got a login since the link was sent
/// is `email_taken`.
pub(super) async fn confirm(
    state: &AppState,
    ctx: &Context,
    token: &str,
) -> Result<Option<super::User>> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let Some((user_id, address)) =
        tokens::consume(&mut tx, Purpose::ChangeEmail, token, now).await?
    else {
        return Ok(None);
    };
    let email = Email::parse(&address)?;
    let before = repo::get(&mut tx, &user_id).await?;
    let change = ProfileChange {
        email: Some((email.as_str().to_owned(), email.normalized())),
        email_verified_at: Some(Some(now)),
        ..ProfileChange::default()
    };
    repo::update_profile(&mut tx, &user_id, &change, now).await?;
    let ctx = Context {
        actor: audit::Actor::User(user_id.clone()),
        ..ctx.clone()
    };
    let (was, is) = (
        json!({ "email": before.email }),
        json!({ "email": email.as_str() }),
    );
    audit::record_change(
        &mut tx,
        &ctx,
        now,
        Event::user("user.email_changed", &user_id).change(was.clone(), is.clone()),
        events::kind::USER_UPDATED,
        json!({ "user_id": user_id, "before": was, "after": is }),
    )
    .await?;
    let row = repo::get(&mut tx, &user_id).await?;
    tx.commit().await?;
    row.to_user().map(Some)
}
