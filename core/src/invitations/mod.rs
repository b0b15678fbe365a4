//! Invitations (DESIGN.md rule 7): the owner (client area) or an admin offers access to one account
//! to an email address, new or existing user alike; the invitee accepts through the emailed link,
//! by logging in or by signing up.

pub mod admin_http;
pub mod history;
pub mod http;
pub mod owner_pages;
pub mod pages;
pub mod repo;

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::{self, Actor, Context, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::{Error, Result};
use crate::events;
use crate::memberships::{Manager, repo as memberships_repo};
use crate::plugins::AcceptRequest;
use crate::state::AppState;
use crate::users::service::NewUser;
use crate::users::{Email, User, repo as users_repo, service as users};
use repo::InvitationRow;

/// An invitation as the account's owner and admins see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Invitation {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub permissions: Vec<String>,
    /// `pending`, `accepted`, `cancelled` or `expired`.
    pub state: String,
    pub invited_by: String,
    /// Whether the provider's staff sent it.
    pub sent_by_staff: bool,
    pub created_at: i64,
    pub sent_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

/// What anyone holding the link sees: nothing about the account but its name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationPreview {
    pub account_name: String,
    pub invited_by: String,
    pub sent_by_staff: bool,
    pub expires_at: i64,
    /// `pending`, `accepted`, `cancelled` or `expired`.
    pub state: String,
}

/// The state a reader sees: a pending invitation past its expiry is expired, swept or not.
fn effective_state(row: &InvitationRow, now: i64) -> String {
    if row.state == "pending" && row.expires_at <= now {
        "expired".to_owned()
    } else {
        row.state.clone()
    }
}

fn view(row: &InvitationRow, now: i64) -> Invitation {
    Invitation {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        email: row.email.clone(),
        permissions: memberships_repo::decode(&row.permissions),
        state: effective_state(row, now),
        invited_by: row.invited_by_name.clone(),
        sent_by_staff: row.invited_by_kind == "admin",
        created_at: row.created_at,
        sent_at: row.sent_at,
        expires_at: row.expires_at,
        accepted_at: row.accepted_at,
    }
}

/// Who the invitation says it is from.
async fn inviter_name(state: &AppState, ctx: &Context) -> Result<String> {
    match &ctx.actor {
        Actor::User(id) => {
            let mut conn = state.db.pool().acquire().await?;
            let user = users_repo::get(&mut conn, id).await?;
            Ok(format!("{} {}", user.first_name, user.last_name))
        }
        _ => Ok("the support team".to_owned()),
    }
}

/// Counts one invitation or resend against the account's hourly limit.
async fn hit_limit(state: &AppState, account_id: &str, now: i64) -> Result<()> {
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("invite:account:{account_id}"),
        state.settings.invitations.per_account_per_hour,
        std::time::Duration::from_secs(3600),
        now,
    )
    .await
}

/// Invites `email` to the account with `permissions`. A pending invitation to the same address is
/// replaced; a current member is `already_member`.
pub async fn invite(
    state: &AppState,
    ctx: &Context,
    by: Manager<'_>,
    email: &str,
    permissions: &[String],
) -> Result<Invitation> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let email = Email::parse(email)?;
    let permissions = state.catalog.parse_set(permissions)?;
    let now = state.clock.now_ms();
    hit_limit(state, account_id, now).await?;
    let inviter = inviter_name(state, ctx).await?;
    let token = new_token()?;
    let id = new_id();
    let expires_at = now + ms(state.settings.invitations.expiry);
    let mut tx = state.db.begin().await?;
    crate::accounts::repo::lock(&mut tx, account_id).await?;
    let account = crate::accounts::repo::get(&mut tx, account_id).await?;
    if let Some(user) = users_repo::by_email(&mut tx, &email.normalized()).await?
        && memberships_repo::get(&mut tx, account_id, &user.id)
            .await?
            .is_some()
    {
        return Err(Error::AlreadyMember);
    }
    state
        .plugins
        .before_invitation_create(ctx, account_id, email.as_str(), &permissions)
        .await?;
    repo::end_pending_for(&mut tx, account_id, &email.normalized(), now).await?;
    repo::insert(
        &mut tx,
        &repo::NewInvitation {
            id: &id,
            account_id,
            email: email.as_str(),
            email_normalized: &email.normalized(),
            permissions: &memberships_repo::encode(&permissions),
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
        Event {
            action: "invitation.created",
            account_id: Some(account_id),
            user_id: None,
            before: None,
            after: Some(after.clone()),
        },
        events::kind::INVITATION_CREATED,
        after,
    )
    .await?;
    send(&mut tx, state, &row, &account, &token).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(view(&row, now))
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
        "expires_in": crate::clock::in_words(expires_in),
    });
    crate::mail::outbox::enqueue(conn, row.sent_at, &row.email, "invitation", values).await
}

pub async fn list_pending(state: &AppState, by: Manager<'_>) -> Result<Vec<Invitation>> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    crate::accounts::repo::get(&mut conn, account_id).await?;
    Ok(repo::list_pending(&mut conn, account_id, now)
        .await?
        .iter()
        .map(|r| view(r, now))
        .collect())
}

pub async fn cancel(state: &AppState, ctx: &Context, by: Manager<'_>, id: &str) -> Result<()> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    if !repo::cancel(&mut tx, id, now).await? {
        return Err(refusal(&row, now));
    }
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event {
            action: "invitation.cancelled",
            account_id: Some(account_id),
            user_id: None,
            before: None,
            after: Some(json!({ "id": id })),
        },
        events::kind::INVITATION_CANCELLED,
        json!({ "id": id, "email": row.email }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sends a new link for a pending invitation (expired or not): the old link stops working.
pub async fn resend(
    state: &AppState,
    ctx: &Context,
    by: Manager<'_>,
    id: &str,
) -> Result<Invitation> {
    by.authorise(state)?;
    let account_id = by.account_id();
    let now = state.clock.now_ms();
    hit_limit(state, account_id, now).await?;
    let token = new_token()?;
    let expires_at = now + ms(state.settings.invitations.expiry);
    let mut tx = state.db.begin().await?;
    let account = crate::accounts::repo::get(&mut tx, account_id).await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    if !repo::renew(&mut tx, id, &hash_token(&token), now, expires_at).await? {
        return Err(refusal(&row, now));
    }
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event {
            action: "invitation.resent",
            account_id: Some(account_id),
            user_id: None,
            before: None,
            after: Some(json!({ "id": id })),
        },
        events::kind::INVITATION_RESENT,
        json!({ "id": id, "email": row.email }),
    )
    .await?;
    let row = repo::get(&mut tx, account_id, id).await?;
    send(&mut tx, state, &row, &account, &token).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(view(&row, now))
}

/// Why a non-pending (or expired) invitation cannot be used.
fn refusal(row: &InvitationRow, now: i64) -> Error {
    match effective_state(row, now).as_str() {
        "accepted" => Error::InvitationUsed,
        "cancelled" => Error::InvitationCancelled,
        "expired" => Error::InvitationExpired,
        _ => Error::Conflict("the invitation changed meanwhile; try again".to_owned()),
    }
}

/// What the link shows. An unknown token is `not_found`, whatever it looks like.
pub async fn preview(state: &AppState, token: &str) -> Result<InvitationPreview> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let row = repo::by_token_hash(&mut conn, &hash_token(token))
        .await?
        .ok_or(Error::NotFound("invitation"))?;
    let account = crate::accounts::repo::get(&mut conn, &row.account_id).await?;
    Ok(InvitationPreview {
        account_name: account.display_name(),
        invited_by: row.invited_by_name.clone(),
        sent_by_staff: row.invited_by_kind == "admin",
        expires_at: row.expires_at,
        state: effective_state(&row, now),
    })
}

/// Who accepts.
#[derive(Debug)]
pub enum Acceptor {
    /// The signed-in user.
    User(String),
    /// A new user, signing up in the same call.
    Signup(NewUser),
}

/// The outcome of accepting: the member's user and the account.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Accepted {
    pub user: User,
    pub account_id: String,
    pub permissions: Vec<String>,
}

/// Accepts an invitation: the membership with the invited permissions, in one transaction with its
/// audit and domain events. A used, cancelled or expired invitation is refused with its own code;
/// accepting as a current member is `already_member` and uses nothing up.
pub async fn accept(
    state: &AppState,
    ip: Option<String>,
    token: &str,
    acceptor: Acceptor,
) -> Result<Accepted> {
    let (prepared, signed_in) = match acceptor {
        Acceptor::Signup(new) => {
            users::count_signup(state, ip.as_deref(), Some(token)).await?;
            (Some(users::prepare(state, new).await?), None)
        }
        Acceptor::User(id) => (None, Some(id)),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let row = repo::by_token_hash(&mut tx, &hash_token(token))
        .await?
        .ok_or(Error::NotFound("invitation"))?;
    if effective_state(&row, now) != "pending" {
        return Err(refusal(&row, now));
    }
    let mut unverified = None;
    let user_id = match (&prepared, signed_in) {
        (Some(prepared), _) => {
            let ctx = Context {
                actor: Actor::User(prepared.id().to_owned()),
                ip: ip.clone(),
            };
            let created = users::insert(&mut tx, &ctx, now, prepared, "user.signed_up").await?;
            // The link reached this address: it is verified. Another address is verified the
            // usual way, by a link sent once this commits.
            if created.email.to_lowercase() == row.email_normalized {
                users_repo::mark_email_verified(&mut tx, &created.id, &created.email, now).await?;
            } else {
                unverified = Some(created.clone());
            }
            created.id
        }
        (None, Some(id)) => id,
        (None, None) => return Err(Error::Unauthenticated),
    };
    if memberships_repo::get(&mut tx, &row.account_id, &user_id)
        .await?
        .is_some()
    {
        return Err(Error::AlreadyMember);
    }
    let ctx = Context {
        actor: Actor::User(user_id.clone()),
        ip,
    };
    let user_email = users_repo::get(&mut tx, &user_id).await?.email;
    let permissions = state
        .plugins
        .before_invitation_accept(
            &ctx,
            AcceptRequest {
                account_id: row.account_id.clone(),
                invitation_id: row.id.clone(),
                invited_email: row.email.clone(),
                user_id: user_id.clone(),
                user_email,
                new_user: prepared.is_some(),
                permissions: memberships_repo::decode(&row.permissions),
            },
        )
        .await?;
    if !repo::claim(&mut tx, &row.id, &user_id, now).await? {
        return Err(Error::InvitationUsed);
    }
    memberships_repo::insert(
        &mut tx,
        &row.account_id,
        &user_id,
        &permissions,
        ("user", Some(&user_id)),
        now,
    )
    .await?;
    let after = json!({ "invitation_id": row.id, "permissions": permissions });
    audit::record_change(
        &mut tx,
        &ctx,
        now,
        Event {
            action: "invitation.accepted",
            account_id: Some(&row.account_id),
            user_id: Some(&user_id),
            before: None,
            after: Some(after.clone()),
        },
        events::kind::INVITATION_ACCEPTED,
        after,
    )
    .await?;
    let user = users_repo::get(&mut tx, &user_id).await?;
    tx.commit().await?;
    if let Some(created) = unverified {
        users::send_verification(state, &created).await?;
    }
    Ok(Accepted {
        user: user.to_user()?,
        account_id: row.account_id,
        permissions,
    })
}
