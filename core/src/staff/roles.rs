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
}

impl Role {
    /// Whether this role may carry out `operation`.
    pub fn may(self, operation: Operation) -> bool {
        match self {
            Self::Administrator => true,
            Self::Support => !matches!(operation, Operation::Change | Operation::ReadSettings),
        }
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

    operations!(Read, Invitation, PasswordResetLink, Change, ReadSettings);
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
        ] {
            assert!(Role::Administrator.may(operation), "{operation:?}");
            assert_eq!(Role::Support.may(operation), support, "{operation:?}");
        }
    }
}
