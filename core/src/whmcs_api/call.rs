//! What every action gets (the [`Call`]) and gives back (an [`Outcome`]), and the answer to a
//! domain error that every action shares.

use super::params::Params;
use super::reply::Reply;
use crate::audit::{Admitted, Context};
use crate::error::Error;
use crate::staff::credentials::AdminIdentity;
use crate::staff::roles::Named;
use crate::state::AppState;

/// What an action gets.
pub struct Call<'a> {
    pub state: &'a AppState,
    pub params: &'a Params,
    /// The action's name as sent (lower case), for the refusal's wording.
    pub action: &'a str,
    pub ctx: Context,
    pub admin: AdminIdentity,
}

impl Call<'_> {
    /// The caller admitted to the use case the action runs (the use case's signature names its
    /// operation; the role table decides): an action's first step, before it reads its fields.
    pub fn admit<O: Named>(&self) -> Result<Admitted<'_, O>, Reply> {
        self.ctx.admit().map_err(|_| {
            Reply::forbidden(format!(
                "Invalid Permissions: API action \"{}\" is not allowed",
                self.action
            ))
        })
    }

    /// A database connection for an action's reads.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, Reply> {
        self.state
            .db
            .pool()
            .acquire()
            .await
            .map_err(|e| domain_error(e.into()))
    }
}

/// What an action returns: its success, or the reply to send instead.
pub type Outcome = Result<Reply, Reply>;

/// A domain error as WHMCS would word it when the action has no message of its own for it.
pub fn domain_error(e: Error) -> Reply {
    match e {
        Error::EmailTaken => Reply::error("A user already exists with that email address"),
        Error::Database(_) | Error::Internal(_) => {
            tracing::error!(error = %e, "WHMCS API action failed");
            Reply::refused(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "An unexpected error occurred",
            )
        }
        other => Reply::error(crate::i18n::capitalised(&other.to_string())),
    }
}
