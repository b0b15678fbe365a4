//! The role table (DESIGN.md §1): what each staff role may do, in one place. Who is acting
//! ([`crate::audit::Actor`]) carries its role into every use case, and each use case that staff can
//! reach asks [`crate::audit::Context::admit`] for its own [`Operation`] before anything else:
//! no door works a role out of a path or an action name.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Error, Result};

/// What a staff credential may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything.
    Administrator,
    /// Reads everything; sends, resends and cancels invitations and sends password-reset links;
    /// changes nothing else.
    Support,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Support => "support",
        }
    }

    pub fn parse(text: &str) -> Self {
        // Anything but the two known names is the least privilege.
        if text == "administrator" {
            Self::Administrator
        } else {
            Self::Support
        }
    }
}

/// What a use case does, as far as roles care. Each use case staff can reach names its own and
/// asks [`Role::may`] (through the actor): the role rule lives here once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Reading anything.
    Read,
    /// Sending, resending or cancelling an invitation.
    Invitation,
    /// Sending a user a password-reset link.
    PasswordResetLink,
    /// Any other change: profiles, permissions, ownership, removals, deletions, plugins, staff.
    Change,
    /// Reading the effective settings: even masked, they map the deployment (hosts, plugins,
    /// limits), so only administrators see them.
    ReadSettings,
    /// Signing in to the client area as a user (support sign-in): the roles
    /// `support.login_as_roles` names ([`Role::may_login_as`]; administrators by default).
    LoginAs,
}

impl Role {
    /// Whether this role may carry out `operation`.
    pub fn may(self, operation: Operation) -> bool {
        match self {
            Self::Administrator => true,
            Self::Support => !matches!(operation, Operation::Change | Operation::ReadSettings),
        }
    }

    /// Whether this role may sign in as a user, as `support.login_as_roles` (`allowed`) says: the
    /// row of [`Operation::LoginAs`] in the role table, which the provider writes.
    pub fn may_login_as(self, allowed: &[String]) -> bool {
        allowed.iter().any(|role| role == self.as_str())
    }

    /// Refuses what this role may not do, with 403 `forbidden`.
    pub fn require(self, operation: Operation) -> Result<()> {
        if self.may(operation) {
            Ok(())
        } else {
            Err(Error::Forbidden(
                "the support role may not do this; it needs an administrator".to_owned(),
            ))
        }
    }
}

/// An [`Operation`] as a type, so that a use case names its own in its signature
/// (`ctx: impl Acting<'_, op::Change>`, [`crate::audit::Acting`]).
pub trait Named {
    const OPERATION: Operation;
}

/// The operations as types (see [`Named`]).
pub mod op {
    use super::{Named, Operation};

    macro_rules! operations {
        ($($name:ident),*) => {$(
            #[derive(Debug, Clone, Copy)]
            pub struct $name;

            impl Named for $name {
                const OPERATION: Operation = Operation::$name;
            }
        )*};
    }

    operations!(
        Read,
        Invitation,
        PasswordResetLink,
        Change,
        ReadSettings,
        LoginAs
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role table, written out: who may do what.
    #[test]
    fn the_role_table() {
        use Operation::*;
        for (operation, support) in [
            (Read, true),
            (Invitation, true),
            (PasswordResetLink, true),
            (Change, false),
            (ReadSettings, false),
            // As `support.login_as_roles` says (below).
            (LoginAs, true),
        ] {
            assert!(Role::Administrator.may(operation), "{operation:?}");
            assert_eq!(Role::Support.may(operation), support, "{operation:?}");
        }
    }

    /// Signing in as a user: administrators by default, support when the provider says so.
    #[test]
    fn login_as_follows_the_settings() {
        let default = crate::settings::SupportSettings::default().login_as_roles;
        assert!(Role::Administrator.may_login_as(&default));
        assert!(!Role::Support.may_login_as(&default));
        let both = ["administrator".to_owned(), "support".to_owned()];
        assert!(Role::Support.may_login_as(&both));
        assert!(!Role::Administrator.may_login_as(&["support".to_owned()]));
    }
}
