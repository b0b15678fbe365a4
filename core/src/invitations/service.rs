//! The invitation use cases an account's manager calls: invite, list the pending ones, cancel,
//! resend; and what a link shows. Accepting is `super::accept`, the full history `super::history`.

use serde_json::json;

use super::repo::{self, InvitationRow};
use super::{Invitation, InvitationPreview, effective_state, refusal, view};
use crate::audit::{self, Acting, Actor, Context, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::events;
use crate::memberships::{Manager, steps as memberships_steps};
use crate::staff::roles::op;
use crate::state::AppState;
use crate::users::{Email, steps as users_steps};

/// Who the invitation says it is from. A user sends invitations only once their own address is
/// verified (`email_not_verified`): a login made with someone else's address cannot mail in the
/// provider's name.
async fn inviter_name(state: &AppState, ctx: &Context) -> Result<String> {
    match &ctx.actor {
        Actor::User(id) => {
            let mut conn = state.db.pool().acquire().await?;
            let user = users_steps::get(&mut conn, id).await?;
            if user.email_verified_at.is_none() {
                return Err(Error::EmailNotVerified);
            }
            Ok(format!("{} {}", user.first_name, user.last_name))
        }
        _ => Ok("the support team".to_owned()),
    }
}

/// Who may mail an invitation now, in one place for sending and resending: a user with a
/// verified address ([`inviter_name`]), within the account's and the user's hourly limits
/// ([`hit_limit`]). Answers the name the invitation says it is from.
async fn admit_sender(
    state: &AppState,
    ctx: &Context,
    account_id: &str,
    now: i64,
) -> Result<String> {
    let name = inviter_name(state, ctx).await?;
    hit_limit(state, ctx, account_id, now).await?;
    Ok(name)
}

/// Counts one invitation or resend against the account's hourly limit and, when a user sends it,
/// against that user's hourly limit across all their accounts.
async fn hit_limit(state: &AppState, ctx: &Context, account_id: &str, now: i64) -> Result<()> {
    let hour = std::time::Duration::from_secs(3600);
    let limits = &state.settings.invitations;
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("invite:account:{account_id}"),
        limits.per_account_per_hour,
        hour,
        now,
    )
    .await?;
    if let Actor::User(id) = &ctx.actor {
        crate::ratelimit::hit(
            state.db.pool(),
            &format!("invite:user:{id}"),
            limits.per_user_per_hour,
            hour,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Invites `email` to the account with `permissions`. A pending invitation to the same address is
/// replaced; a current member is `already_member`.
pub async fn invite(
    state: &AppState,
    ctx: impl Acting<'_, op::Invitation>,
    by: Manager<'_>,
    email: &str,
    permissions: &[String],
) -> Result<Invitation> {
    let ctx = ctx.admitted()?.context();
    by.authorise(state)?;
    let account_id = by.account_id();
    let email = Email::parse(email)?;
    let permissions = state.catalog.parse_set(permissions)?;
    let now = state.clock.now_ms();
    let inviter = admit_sender(state, ctx, account_id, now).await?;
    let token = new_token()?;
    let id = new_id();
    let expires_at = now + ms(state.settings.invitations.expiry);
    // Judged before the transaction (no plugin runs while a write waits on it), on a request the
    // checks below would let through; they run again inside it, where they decide.
    {
        let mut conn = state.db.pool().acquire().await?;
        crate::accounts::steps::get(&mut conn, account_id).await?;
        refuse_member(&mut conn, account_id, &email).await?;
    }
    state
        .plugins
        .before_invitation_create(ctx, account_id, email.as_str(), &permissions)
        .await?;
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let account = crate::accounts::steps::get(&mut tx, account_id).await?;
    refuse_member(&mut tx, account_id, &email).await?;
    repo::end_pending_for(&mut tx, account_id, &email.normalized(), now).await?;
    repo::insert(
        &mut tx,
        &repo::NewInvitation {
            id: &id,
            account_id,
            email: email.as_str(),
            email_normalized: &email.normalized(),
            permissions: &crate::permissions::encode(&permissions),
            token_hash: &hash_token(&token),
            invited_by: (ctx.actor.kind(), ctx.actor.id()),
            invited_by_name: &inviter,
            now,
            expires_at,
        },
    )
    .await?;
    let row = repo::get(&mut tx, account_id, &id).await?;
    let after = json!({ "id": id, "email": email.as_str(), "permissions": permissions });
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("invitation.created", account_id).after(after.clone()),
        events::kind::INVITATION_CREATED,
        after,
    )
    .await?;
    send(&mut tx, state, &row, &account, &token).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(view(&row, now))
}

/// `already_member` when `email` belongs to a member of the account.
async fn refuse_member(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    email: &Email,
) -> Result<()> {
    if let Some(user) = users_steps::by_email(&mut *conn, &email.normalized()).await?
        && memberships_steps::get(conn, account_id, &user.id)
            .await?
            .is_some()
    {
        return Err(Error::AlreadyMember);
    }
    Ok(())
}

/// Writes the invitation's email to the outbox, in the invitation's transaction.
async fn send(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    row: &InvitationRow,
    account: &crate::accounts::Account,
    token: &str,
) -> Result<()> {
    let expires_in =
        std::time::Duration::from_millis(u64::try_from(row.expires_at - row.sent_at).unwrap_or(0));
    let values = json!({
        "account_name": account.display_name(),
        "invited_by": row.invited_by_name,
        "sent_by_staff": row.invited_by_kind == "admin",
        "link": state.settings.server.public_url.join(&format!("/invite/{token}")),
        "expires_in_seconds": expires_in.as_secs(),
    });
    // In the language of the login the address has; for an address without one, in the
    // owner's (who sends it, or for staff the account's customer).
    let reader = match users_steps::by_email(&mut *conn, &row.email_normalized).await? {
        Some(user) => user,
        None => users_steps::get(&mut *conn, &account.owner_user_id).await?,
    };
    let to = crate::mail::outbox::Recipient {
        email: &row.email,
        ..reader.recipient(&state.settings)
    };
    crate::mail::outbox::enqueue_expiring(
        conn,
        row.sent_at,
        to,
        "invitation",
        values,
        Some(row.expires_at),
    )
    .await
}

pub async fn list_pending(state: &AppState, by: Manager<'_>) -> Result<Vec<Invitation>> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    crate::accounts::steps::get(&mut conn, account_id).await?;
    Ok(repo::list_pending(&mut conn, account_id, now)
        .await?
        .iter()
        .map(|r| view(r, now))
        .collect())
}

pub async fn cancel(
    state: &AppState,
    ctx: impl Acting<'_, op::Invitation>,
    by: Manager<'_>,
    id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    if !repo::cancel(&mut tx, id, now).await? {
        return Err(refusal(&row, now));
    }
    let cancelled = ("invitation.cancelled", events::kind::INVITATION_CANCELLED);
    record_act(&mut tx, ctx, now, &row, cancelled).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends a new link for a pending invitation (expired or not): the old link stops working.
pub async fn resend(
    state: &AppState,
    ctx: impl Acting<'_, op::Invitation>,
    by: Manager<'_>,
    id: &str,
) -> Result<Invitation> {
    let ctx = ctx.admitted()?.context();
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    // The resender is admitted like a sender (the mail keeps the original inviter's name).
    admit_sender(state, ctx, account_id, now).await?;
    let token = new_token()?;
    let expires_at = now + ms(state.settings.invitations.expiry);
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let account = crate::accounts::steps::get(&mut tx, account_id).await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    if !repo::renew(&mut tx, id, &hash_token(&token), now, expires_at).await? {
        return Err(refusal(&row, now));
    }
    let resent = ("invitation.resent", events::kind::INVITATION_RESENT);
    record_act(&mut tx, ctx, now, &row, resent).await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    send(&mut tx, state, &row, &account, &token).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(view(&row, now))
}

/// Records what the manager did to a pending invitation (`(action, event kind)`: cancelled,
/// resent), in their transaction.
async fn record_act(
    tx: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    row: &InvitationRow,
    (action, kind): (&str, &str),
) -> Result<()> {
    audit::record_change(
        tx,
        ctx,
        now,
        Event::account(action, &row.account_id).after(json!({ "id": row.id })),
        kind,
        json!({ "id": row.id, "email": row.email }),
    )
    .await
}

/// What the link shows. An unknown token is `not_found`, whatever it looks like.
pub async fn preview(state: &AppState, token: &str) -> Result<InvitationPreview> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let row = repo::by_token_hash(&mut conn, &hash_token(token))
        .await?
        .ok_or(Error::NotFound("invitation"))?;
    let account = crate::accounts::steps::get(&mut conn, &row.account_id).await?;
    Ok(InvitationPreview {
        account_name: account.display_name(),
        invited_by: row.invited_by_name.clone(),
        sent_by_staff: row.invited_by_kind == "admin",
        expires_at: row.expires_at,
        state: effective_state(&row, now),
    })
}

/// Marks the pending invitations whose week is over as expired (the sweeper's part: what a link
/// shows checks the time itself); returns how many.
pub async fn expire_due(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    repo::expire(conn, now).await
}
