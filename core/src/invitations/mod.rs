//! Invitations (DESIGN.md rule 7): the owner (client area) or an admin offers access to one account
//! to an email address, new or existing user alike; the invitee accepts through the emailed link,
//! by logging in or by signing up.

pub mod accept;
pub mod admin_http;
pub mod admin_pages;
pub mod history;
pub mod http;
pub mod owner_pages;
pub mod pages;
mod repo;
pub mod service;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::Error;
use repo::InvitationRow;

pub use accept::{Accepted, Acceptor, SignedUp, accept, accept_by_signup};

/// An invitation as the account's owner and admins see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Invitation {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub permissions: Vec<String>,
    pub state: State,
    pub invited_by: String,
    /// Whether the provider's staff sent it.
    pub sent_by_staff: bool,
    pub created_at: i64,
    pub sent_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

/// An invitation to send: the body of the client area's and the admin API's invite calls.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InviteRequest {
    #[schema(schema_with = crate::users::fields::email)]
    pub email: String,
    /// Keys from `GET /api/v1/permissions`.
    #[serde(default)]
    pub permissions: Vec<String>,
}

/// What anyone holding the link sees: nothing about the account but its name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationPreview {
    pub account_name: String,
    pub invited_by: String,
    pub sent_by_staff: bool,
    pub expires_at: i64,
    pub state: State,
}

/// Where an invitation is in its life. Stored as its name (`pending`, …) in `invitations.state`;
/// `expired` is also what a pending invitation past its expiry reads as before the sweeper marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Pending,
    Accepted,
    Cancelled,
    Expired,
}

impl From<String> for State {
    fn from(stored: String) -> Self {
        Self::parse(&stored)
    }
}

impl State {
    /// The stored name; an unknown one (only a hand-edited row) reads as cancelled: unusable.
    pub fn parse(stored: &str) -> Self {
        match stored {
            "pending" => Self::Pending,
            "accepted" => Self::Accepted,
            "expired" => Self::Expired,
            _ => Self::Cancelled,
        }
    }

    /// Whether a new link can be sent for it (a pending one, or one that expired unused).
    pub fn may_resend(self) -> bool {
        matches!(self, Self::Pending | Self::Expired)
    }

    /// Why an invitation in this state cannot be used (`None` while it can).
    pub fn refusal(self) -> Option<Error> {
        match self {
            Self::Pending => None,
            Self::Accepted => Some(Error::InvitationUsed),
            Self::Cancelled => Some(Error::InvitationCancelled),
            Self::Expired => Some(Error::InvitationExpired),
        }
    }
}

/// The state a reader sees: a pending invitation past its expiry is expired, swept or not.
pub(crate) fn effective_state(row: &InvitationRow, now: i64) -> State {
    match row.state {
        State::Pending if row.expires_at <= now => State::Expired,
        state => state,
    }
}

pub(crate) fn view(row: &InvitationRow, now: i64) -> Invitation {
    Invitation {
        id: row.id.clone(),
        account_id: row.account_id.clone(),
        email: row.email.clone(),
        permissions: crate::permissions::decode(&row.permissions),
        state: effective_state(row, now),
        invited_by: row.invited_by_name.clone(),
        sent_by_staff: row.invited_by_kind == "admin",
        created_at: row.created_at,
        sent_at: row.sent_at,
        expires_at: row.expires_at,
        accepted_at: row.accepted_at,
    }
}

/// Why a non-pending (or expired) invitation cannot be used.
pub(crate) fn refusal(row: &InvitationRow, now: i64) -> Error {
    effective_state(row, now).refusal().unwrap_or_else(|| {
        Error::Conflict("the invitation changed meanwhile; try again".to_owned())
    })
}
