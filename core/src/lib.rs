//! Roster: the users-and-accounts server of a hosting platform.
//!
//! Layout: `settings` (figment), `db` (the sqlx pool and migrations), `mail` (lettre), `http` (the
//! router, middleware and error model), `startup` (build and run the server), `cli` (the `roster`
//! command). Each domain noun gets its own module as it lands.

pub mod accounts;
pub mod admin_area;
pub mod audit;
pub mod cli;
pub mod clock;
pub mod contacts;
pub mod crypto;
pub mod db;
pub mod error;
pub mod events;
pub mod http;
pub mod i18n;
pub mod import;
pub mod invitations;
#[cfg(test)]
mod layering;
pub mod mail;
pub mod memberships;
pub mod oauth;
pub mod passkeys;
pub mod permissions;
pub mod plugins;
pub mod ratelimit;
pub mod sessions;
pub mod settings;
pub mod staff;
pub mod startup;
pub mod state;
pub mod stats;
pub mod sweeper;
pub mod telemetry;
pub mod users;
pub mod whmcs_api;

pub use error::{Error, Result};
/// Staff credentials (admin tokens, WHMCS API credentials) by their earlier path: they live with
/// the rest of staff now (`staff::credentials`).
pub use staff::credentials as admins;

/// Installs ring as rustls's process-wide crypto provider (TLS for SMTP and for plugins'
/// outbound HTTP). Idempotent; `App::build` calls it, and so must any other code in the process
/// that builds an HTTP client first (tests, benchmarks).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
pub use settings::Settings;
pub use startup::App;
