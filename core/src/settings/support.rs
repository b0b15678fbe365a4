//! Support signing in as a client (`[support]`): whether staff may open the client area as one of
//! the provider's users, for how long, which roles, and whether the user is told.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Whether staff may sign in as a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginAs {
    /// Never.
    Off,
    /// Whenever a staff member whose role may.
    On,
    /// Only while the user allows it (from `/me`, for a day at a time).
    WithConsent,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportSettings {
    /// `off`, `on` or `with_consent`.
    pub login_as: LoginAs,
    /// How long a support sign-in lasts at most (it also ends when the staff member signs out of
    /// the admin area or is disabled, and when they end it).
    #[serde(with = "humantime_serde")]
    pub login_as_duration: Duration,
    /// The staff roles that may sign in as a user: `administrator`, `support`.
    pub login_as_roles: Vec<String>,
    /// Email the user when a support sign-in starts.
    pub login_as_email: bool,
}

impl Default for SupportSettings {
    fn default() -> Self {
        Self {
            login_as: LoginAs::On,
            login_as_duration: Duration::from_secs(30 * 60),
            login_as_roles: vec!["administrator".to_owned()],
            login_as_email: true,
        }
    }
}

impl SupportSettings {
    /// What is wrong with these settings, as (key, message).
    pub fn problem(&self) -> Option<(&'static str, String)> {
        if let Some(role) = self
            .login_as_roles
            .iter()
            .find(|r| !matches!(r.as_str(), "administrator" | "support"))
        {
            return Some((
                "support.login_as_roles",
                format!("`{role}` is not a staff role (administrator, support)"),
            ));
        }
        if self.login_as_duration < Duration::from_secs(60)
            || self.login_as_duration > Duration::from_secs(24 * 3600)
        {
            return Some((
                "support.login_as_duration",
                "must be between 1 minute and 24 hours".to_owned(),
            ));
        }
        None
    }
}
