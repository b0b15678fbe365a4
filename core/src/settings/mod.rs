//! Settings: built-in defaults, then the TOML file (`config/roster.toml` or `--config FILE`), then
//! `ROSTER_…` environment variables with `__` for nesting (`ROSTER_DATABASE__URL`).
//!
//! The key names are part of Roster's contract (DESIGN.md §4): admins and scripts write them. Every key
//! has a default, so a fresh machine runs with no file at all. Unknown keys do not stop start-up; they
//! are reported as warnings naming the key and where it came from. A bad value stops start-up with one
//! line naming the key.

pub mod admin_http;
mod auth;
pub mod effective;
mod load;
mod mail;
mod plugins;
mod support;
mod ui;
mod values;
mod whmcs_api;

pub use auth::*;
pub use load::*;
pub use mail::*;
pub use plugins::*;
pub use support::*;
pub use ui::*;
pub use values::*;
pub use whmcs_api::*;

use std::net::SocketAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The file read when `--config` is not given (relative to the working directory); optional.
pub const DEFAULT_CONFIG_FILE: &str = "config/roster.toml";
/// Environment variables starting with this prefix override the file (`__` separates levels).
pub const ENV_PREFIX: &str = "ROSTER_";

/// Everything the server can be told. Each section has its own struct; every field has a default.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub log: LogSettings,
    pub user_management: UserManagementSettings,
    pub accounts: AccountSettings,
    pub invitations: InvitationSettings,
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub plugins: PluginsSettings,
    pub ui: UiSettings,
    pub whmcs_api: WhmcsApiSettings,
    pub metrics: MetricsSettings,
    pub staff: StaffSettings,
    pub support: SupportSettings,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerSettings {
    /// Listen address. Port 0 picks a free port (the bound address is logged).
    pub bind: BindAddr,
    /// Base of the links Roster puts in emails and pages.
    pub public_url: PublicUrl,
    /// Request bodies larger than this are refused with 413 before they are read.
    pub max_body_bytes: usize,
    /// After SIGTERM/Ctrl-C, how long in-flight requests may take before connections are dropped.
    #[serde(with = "humantime_serde")]
    pub shutdown_grace: Duration,
    /// Take the client IP from the last `X-Forwarded-For` entry (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            bind: BindAddr(SocketAddr::from(([127, 0, 0, 1], 8080))),
            public_url: PublicUrl::default(),
            max_body_bytes: 1024 * 1024,
            shutdown_grace: Duration::from_secs(10),
            trust_forwarded_for: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct DatabaseSettings {
    /// `sqlite://PATH` (embedded; the file and its folder are created) or `postgres://…`.
    pub url: DatabaseUrl,
    pub max_connections: u32,
    /// How long a request waits for a free connection before it fails.
    #[serde(with = "humantime_serde")]
    pub acquire_timeout: Duration,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: DatabaseUrl::default(),
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LogSettings {
    /// `pretty` for people, `json` (one object per line) for log collectors.
    pub format: LogFormat,
    /// A tracing filter (`info`, `roster=debug,sqlx=warn`, …). `RUST_LOG` wins when set.
    pub filter: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            filter: "info,sqlx=warn".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct UserManagementSettings {
    /// `false` is WHMCS's "Disable Client Area User Management": owners can no longer manage users or
    /// invitations from the client area (admins still can).
    pub enabled: bool,
}

impl Default for UserManagementSettings {
    fn default() -> Self {
        Self { enabled: true }
    }
}

/// The admin area's staff.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffSettings {
    /// Staff may sign in only with a passkey as their second factor (never a TOTP code), and a
    /// setup link enrols a passkey instead of an authenticator app.
    pub require_passkey: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    /// Serve `/metrics` (Prometheus text format) on the management listener `bind`.
    pub enabled: bool,
    /// The management listener: `/metrics` only, never on the public port (`server.bind`), so a
    /// reverse proxy in front of Roster cannot expose it by accident. Loopback by default.
    pub bind: BindAddr,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            bind: BindAddr(SocketAddr::from(([127, 0, 0, 1], 9464))),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountSettings {
    /// ISO 4217 currency of new accounts that do not name one.
    pub default_currency: String,
    /// Accounts one user may create from the client area (checkout) per `create_window`.
    pub create_per_user: u32,
    /// Accounts created from the client area from one client address per `create_window`.
    pub create_per_ip: u32,
    #[serde(with = "humantime_serde")]
    pub create_window: Duration,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            default_currency: "USD".to_owned(),
            create_per_user: 10,
            create_per_ip: 20,
            create_window: Duration::from_secs(24 * 60 * 60),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct InvitationSettings {
    /// How long an invitation link stays good after it was sent.
    #[serde(with = "humantime_serde")]
    pub expiry: Duration,
    /// Invitations and resends allowed per account per hour (client area and admin API alike).
    pub per_account_per_hour: u32,
    /// Invitations and resends one user may send per hour, across every account they own: one
    /// login with many accounts cannot multiply the per-account limit.
    pub per_user_per_hour: u32,
}

impl Default for InvitationSettings {
    fn default() -> Self {
        Self {
            expiry: Duration::from_secs(7 * 24 * 60 * 60),
            per_account_per_hour: 20,
            per_user_per_hour: 30,
        }
    }
}

#[cfg(test)]
// `figment::Jail` closures return `figment::Error`, which is large; fine in tests.
#[allow(clippy::result_large_err)]
mod tests;
