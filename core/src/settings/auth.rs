//! `[auth]`: sessions, passwords, second factors and login rate limits.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthSettings {
    /// When on, a user cannot log in until they verified their email address.
    pub require_email_verification: bool,
    /// A session ends after this long without a request…
    #[serde(with = "humantime_serde")]
    pub session_idle: Duration,
    /// …and this long after login, whatever happens.
    #[serde(with = "humantime_serde")]
    pub session_absolute: Duration,
    /// How long an email-verification link stays good.
    #[serde(with = "humantime_serde")]
    pub email_verification_expiry: Duration,
    /// How long a password-reset link stays good.
    #[serde(with = "humantime_serde")]
    pub password_reset_expiry: Duration,
    /// The issuer shown in authenticator apps.
    pub totp_issuer: String,
    pub argon2: Argon2Settings,
    pub password: PasswordPolicy,
    pub rate_limit: LoginRateLimit,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            require_email_verification: false,
            session_idle: Duration::from_secs(2 * 60 * 60),
            session_absolute: Duration::from_secs(7 * 24 * 60 * 60),
            email_verification_expiry: Duration::from_secs(60 * 60),
            password_reset_expiry: Duration::from_secs(2 * 60 * 60),
            totp_issuer: "Roster".to_owned(),
            argon2: Argon2Settings::default(),
            password: PasswordPolicy::default(),
            rate_limit: LoginRateLimit::default(),
        }
    }
}

/// argon2id cost parameters for new password hashes. Hashes made with other parameters are
/// re-hashed at the user's next login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Argon2Settings {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for Argon2Settings {
    /// OWASP's first recommended set: 19 MiB, 2 passes, 1 lane.
    fn default() -> Self {
        Self {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordPolicy {
    pub min_length: usize,
    /// Longer passwords are refused (argon2 input stays bounded).
    pub max_length: usize,
    /// Refuse passwords found in the shipped list of common passwords.
    pub reject_common: bool,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            min_length: 10,
            max_length: 256,
            reject_common: true,
        }
    }
}

/// Login attempts allowed before `rate_limited`, counted in the database (so every replica shares
/// them) and atomically (so parallel attempts cannot get around them).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginRateLimit {
    /// Attempts from one client IP per `per_ip_window`.
    pub per_ip: u32,
    #[serde(with = "humantime_serde")]
    pub per_ip_window: Duration,
    /// Failed attempts on one email address per `per_email_window`, from anywhere. The window
    /// slides: the real owner is slowed for at most this long, never locked out.
    pub per_email: u32,
    #[serde(with = "humantime_serde")]
    pub per_email_window: Duration,
    /// Self-service sign-ups (the API's and an invitation link's) from one client IP per
    /// `signup_per_ip_window`, and through one invitation link per window: every attempt counts,
    /// so an address cannot be probed for a login faster than this.
    pub signup_per_ip: u32,
    #[serde(with = "humantime_serde")]
    pub signup_per_ip_window: Duration,
}

impl Default for LoginRateLimit {
    fn default() -> Self {
        Self {
            per_ip: 10,
            per_ip_window: Duration::from_secs(60),
            per_email: 20,
            per_email_window: Duration::from_secs(15 * 60),
            signup_per_ip: 10,
            signup_per_ip_window: Duration::from_secs(3600),
        }
    }
}
