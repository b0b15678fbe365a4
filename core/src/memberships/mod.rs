//! Memberships: which users reach which account, and what each may do there (DESIGN.md §1, rules
//! 3–6 and 8). The owner is a member too, holding every permission whatever is stored.

pub mod admin_http;
pub mod admin_pages;
pub mod http;
pub mod pages;
mod repo;
pub mod service;
pub mod steps;
pub mod transfer;
pub mod views;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Error, Result};
use crate::sessions::MembershipView;
use crate::state::AppState;

/// A user's access to one account, as every account-scoped request checks it.
#[derive(Debug, Clone)]
pub struct Access {
    pub account_id: String,
    pub user_id: String,
    pub is_owner: bool,
    pub permissions: Vec<String>,
}

impl Access {
    pub fn has(&self, permission: &str) -> bool {
        self.is_owner || self.permissions.iter().any(|p| p == permission)
    }

    /// Refuses with `forbidden` unless the user holds `permission` here.
    pub fn require(&self, permission: &str) -> Result<()> {
        if self.has(permission) {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "you need the `{permission}` permission on this account"
            )))
        }
    }

    /// Rules 4 and 5: only the owner manages users and invitations in the client area, and only
    /// while `user_management.enabled`.
    fn require_user_management(&self, state: &AppState) -> Result<()> {
        if !state.settings.user_management.enabled {
            return Err(Error::UserManagementDisabled);
        }
        if !self.is_owner {
            return Err(Error::Forbidden(
                "only the account owner can manage its users".to_owned(),
            ));
        }
        Ok(())
    }
}

/// A member's new permission set: the body of the client area's and the admin API's calls.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PermissionsRequest {
    /// Keys from `GET /api/v1/permissions`.
    pub permissions: Vec<String>,
}

/// Who acts on an account's users and invitations, and so which rules apply. Every use case of
/// user management takes one and checks it itself, so that the API, the pages (and later the WHMCS
/// API) cannot differ.
#[derive(Debug, Clone, Copy)]
pub enum Manager<'a> {
    /// A user in the client area, with their access to the account (rules 4 and 5: only the
    /// owner, and only while `user_management.enabled`; any member may leave).
    Member(&'a Access),
    /// Staff through the admin API: no client-area rule applies.
    Staff { account_id: &'a str },
}

impl<'a> From<&'a Access> for Manager<'a> {
    fn from(access: &'a Access) -> Self {
        Self::Member(access)
    }
}

impl Manager<'_> {
    pub fn account_id(&self) -> &str {
        match self {
            Self::Member(access) => &access.account_id,
            Self::Staff { account_id } => account_id,
        }
    }

    /// Refuses unless this manager may manage the account's users and invitations.
    pub fn authorise(&self, state: &AppState) -> Result<()> {
        match self {
            Self::Member(access) => access.require_user_management(state),
            Self::Staff { .. } => Ok(()),
        }
    }

    /// Whether this is a member acting on their own membership (leaving).
    pub fn is_self(&self, user_id: &str) -> bool {
        matches!(self, Self::Member(access) if access.user_id == user_id)
    }
}

/// The caller's access to `account_id`, from the membership read with their session. Someone
/// without access gets `not_found`, so that account ids cannot be probed. Records the user's last
/// visit to the account (at most once a minute).
pub async fn access(
    state: &AppState,
    user_id: &str,
    account_id: &str,
    membership: Option<MembershipView>,
) -> Result<Access> {
    let view = membership.ok_or(Error::NotFound("account"))?;
    let now = state.clock.now_ms();
    if view.last_login_at.is_none_or(|t| now - t > 60_000) {
        let mut conn = state.db.pool().acquire().await?;
        repo::touch_login(&mut conn, account_id, user_id, now).await?;
    }
    Ok(Access {
        account_id: account_id.to_owned(),
        user_id: user_id.to_owned(),
        is_owner: view.is_owner,
        permissions: if view.is_owner {
            state.catalog.all_keys()
        } else {
            crate::permissions::decode(&view.permissions)
        },
    })
}

/// A member of an account as its owner (or an admin) sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Member {
    pub user_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub is_owner: bool,
    pub permissions: Vec<String>,
    /// Whether the user has two-factor authentication on.
    pub totp_enabled: bool,
    /// The user's last visit to this account (unix ms).
    pub last_login_at: Option<i64>,
    pub added_at: i64,
}
