//! Accepting an invitation: judged by the before-hooks first, outside any transaction, then
//! written with every precondition checked again inside it (DESIGN.md §5).

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::{effective_state, refusal, repo};
use crate::audit::{self, Actor, Context, Event};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::events;
use crate::memberships::steps as memberships_steps;
use crate::plugins::AcceptRequest;
use crate::state::AppState;
use crate::users::links;
use crate::users::service::{NewUser, PreparedUser};
use crate::users::{User, service as users, steps as users_steps};

/// Who accepts.
#[derive(Debug)]
pub enum Acceptor {
    /// A user who just proved who they are (signing in on the invitation page).
    User(String),
    /// The user of a session (never support signed in as them).
    Session(crate::sessions::Authenticated),
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
    let joining = match acceptor {
        Acceptor::Signup(new) => {
            links::count_signup(state, ip.as_deref(), Some(token)).await?;
            Joining::New(users::prepare(state, new).await?)
        }
        Acceptor::User(id) => Joining::Existing(id),
        Acceptor::Session(auth) => {
            auth.refuse_support("accept an invitation")?;
            Joining::Existing(auth.user_id)
        }
    };
    let token_hash = hash_token(token);
    for _ in 0..crate::plugins::JUDGEMENTS {
        let judged = judge(state, &ip, &token_hash, &joining).await?;
        if let Some(accepted) = write(state, &ip, &token_hash, &joining, judged).await? {
            return Ok(accepted);
        }
    }
    Err(Error::Conflict(
        "the invitation or the user changed meanwhile; try again".to_owned(),
    ))
}

/// What signing up through an invitation link comes to.
#[derive(Debug)]
pub enum SignedUp {
    /// The membership is made; the user signed up with the invited address (the link proved it).
    Accepted(Box<Accepted>),
    /// With `auth.require_email_verification`, for an address other than the invited one: the
    /// next step is in an email, whether the address was free (the user and the membership are
    /// made, the address waits for its verification link) or already had a login (nothing is
    /// made; its owner is told by email). So a link cannot be used to find out who has a login.
    CheckMailbox,
}

/// Accepts by signing up a new user ([`accept`] with [`Acceptor::Signup`]), answering as
/// `/api/v1/signup` does: with `auth.require_email_verification`, the same answer whether or not
/// an address other than the invited one has a login.
pub async fn accept_by_signup(
    state: &AppState,
    ip: Option<String>,
    token: &str,
    new: NewUser,
) -> Result<SignedUp> {
    let email = new.email.clone();
    let result = accept(state, ip, token, Acceptor::Signup(new)).await;
    if !state.settings.auth.require_email_verification {
        return result.map(|a| SignedUp::Accepted(Box::new(a)));
    }
    match result {
        Ok(accepted) if accepted.user.email_verified_at.is_some() => {
            Ok(SignedUp::Accepted(Box::new(accepted)))
        }
        Ok(_) => Ok(SignedUp::CheckMailbox),
        Err(Error::EmailTaken) if !is_invited_address(state, token, &email).await? => {
            links::notify_signup_attempt(state, &email);
            Ok(SignedUp::CheckMailbox)
        }
        Err(e) => Err(e),
    }
}

/// Whether `email` is the address the invitation behind `token` was sent to (whoever holds the
/// link reads that mailbox: telling them it has a login tells them nothing new).
async fn is_invited_address(state: &AppState, token: &str, email: &str) -> Result<bool> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(repo::by_token_hash(&mut conn, &hash_token(token))
        .await?
        .is_some_and(|row| row.email_normalized == crate::users::normalize_email(email)))
}

/// The user who joins: one signing up now, or one who exists.
enum Joining {
    New(PreparedUser),
    Existing(String),
}

impl Joining {
    fn user_id(&self) -> &str {
        match self {
            Self::New(prepared) => prepared.id(),
            Self::Existing(id) => id,
        }
    }
}

/// The request as the before-hooks saw it, and the permissions they settled on.
struct Judged {
    request: AcceptRequest,
    permissions: Vec<String>,
}

/// Reads the invitation and the user, refuses what the write would refuse, and asks the
/// before-hooks.
async fn judge(
    state: &AppState,
    ip: &Option<String>,
    token_hash: &str,
    joining: &Joining,
) -> Result<Judged> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let row = usable(&mut conn, token_hash, now).await?;
    let user_id = joining.user_id().to_owned();
    let user_email = match joining {
        Joining::New(prepared) => prepared.email().to_owned(),
        Joining::Existing(id) => {
            refuse_member(&mut conn, &row.account_id, id).await?;
            users_steps::get(&mut conn, id).await?.email
        }
    };
    drop(conn);
    let request = AcceptRequest {
        account_id: row.account_id.clone(),
        invitation_id: row.id.clone(),
        invited_email: row.email.clone(),
        user_id: user_id.clone(),
        user_email,
        new_user: matches!(joining, Joining::New(_)),
        permissions: crate::permissions::decode(&row.permissions),
    };
    let ctx = Context {
        actor: Actor::User(user_id),
        ip: ip.clone(),
        support: None,
    };
    let permissions = state
        .plugins
        .before_invitation_accept(&ctx, request.clone())
        .await?;
    Ok(Judged {
        request,
        permissions,
    })
}

/// Writes the judged acceptance, after checking every precondition again under the account's
/// lock. `None` when what the plugins judged changed meanwhile (judge again); a refusal that a
/// later request would get is answered as such.
async fn write(
    state: &AppState,
    ip: &Option<String>,
    token_hash: &str,
    joining: &Joining,
    judged: Judged,
) -> Result<Option<Accepted>> {
    let Judged {
        request,
        permissions,
    } = judged;
    let now = state.clock.now_ms();
    let account_id = request.account_id.as_str();
    let user_id = request.user_id.as_str();
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let row = usable(&mut tx, token_hash, now).await?;
    if row.id != request.invitation_id
        || row.email != request.invited_email
        || crate::permissions::decode(&row.permissions) != request.permissions
    {
        return Ok(None);
    }
    let mut unverified = None;
    match joining {
        Joining::New(prepared) => {
            let ctx = Context {
                actor: Actor::User(prepared.id().to_owned()),
                ip: ip.clone(),
                support: None,
            };
            let created = users::insert(&mut tx, &ctx, now, prepared, "user.signed_up").await?;
            // The link reached this address: it is verified. Another address is verified the
            // usual way, by a link sent once this commits.
            if created.email.to_lowercase() == row.email_normalized {
                users_steps::mark_email_verified(&mut tx, &created.id, &created.email, now).await?;
            } else {
                unverified = Some(created);
            }
        }
        Joining::Existing(id) => {
            refuse_member(&mut tx, account_id, id).await?;
            if users_steps::get(&mut tx, id).await?.email != request.user_email {
                return Ok(None);
            }
        }
    }
    if !repo::claim(&mut tx, &row.id, user_id, now).await? {
        return Err(Error::InvitationUsed);
    }
    memberships_steps::add(
        &mut tx,
        account_id,
        user_id,
        &permissions,
        ("user", Some(user_id)),
        now,
    )
    .await?;
    let ctx = Context {
        actor: Actor::User(user_id.to_owned()),
        ip: ip.clone(),
        support: None,
    };
    let after = json!({ "invitation_id": row.id, "permissions": permissions });
    audit::record_change(
        &mut tx,
        &ctx,
        now,
        Event::member("invitation.accepted", account_id, user_id).after(after.clone()),
        events::kind::INVITATION_ACCEPTED,
        after,
    )
    .await?;
    let user = users_steps::get(&mut tx, user_id).await?;
    tx.commit().await?;
    if let Some(created) = unverified {
        links::send_verification(state, &created).await?;
    }
    Ok(Some(Accepted {
        user: user.to_user()?,
        account_id: request.account_id,
        permissions,
    }))
}

/// The pending invitation behind the link; a used, cancelled or expired one is refused with its
/// own code, an unknown link is `not_found`.
async fn usable(
    conn: &mut sqlx::AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<repo::InvitationRow> {
    let row = repo::by_token_hash(conn, token_hash)
        .await?
        .ok_or(Error::NotFound("invitation"))?;
    if effective_state(&row, now) != super::State::Pending {
        return Err(refusal(&row, now));
    }
    Ok(row)
}

/// `already_member` when the user is a member of the account.
async fn refuse_member(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    user_id: &str,
) -> Result<()> {
    if memberships_steps::get(conn, account_id, user_id)
        .await?
        .is_some()
    {
        return Err(Error::AlreadyMember);
    }
    Ok(())
}
