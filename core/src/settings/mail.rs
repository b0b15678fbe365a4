//! `[mail]`: how mail leaves Roster.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Secret;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    /// `log` (nothing is delivered; recipient and subject are logged), `file` or `smtp`.
    pub transport: MailTransport,
    /// The sender of every email Roster sends, as `Name <address>` or a bare address.
    pub from: String,
    /// The older name of `ui.mail_templates_dir` (still read; set one of them).
    pub templates_dir: Option<PathBuf>,
    pub smtp: SmtpSettings,
    pub file: MailFileSettings,
    pub outbox: OutboxSettings,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransport::Log,
            from: "Roster <noreply@example.test>".to_owned(),
            templates_dir: None,
            smtp: SmtpSettings::default(),
            file: MailFileSettings::default(),
            outbox: OutboxSettings::default(),
        }
    }
}

/// `[mail.outbox]`: delivering the messages written to the outbox.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboxSettings {
    /// How often a replica looks for messages to send when nothing woke it (other replicas'
    /// messages, retries that came due).
    #[serde(with = "humantime_serde")]
    pub poll_interval: Duration,
    /// The wait after the first failed attempt; it doubles with each failure, up to `max_backoff`.
    #[serde(with = "humantime_serde")]
    pub backoff: Duration,
    #[serde(with = "humantime_serde")]
    pub max_backoff: Duration,
    /// Failed attempts after which a message is given up (`failed`, listed in the admin API).
    pub max_attempts: u32,
    /// How long a replica holds a message it took; one that died lets go when this runs out.
    #[serde(with = "humantime_serde")]
    pub lease: Duration,
}

impl Default for OutboxSettings {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(1),
            backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(15 * 60),
            max_attempts: 10,
            lease: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    Log,
    File,
    Smtp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// A PEM file of certificate authorities to trust for the SMTP server besides the public web
    /// roots (a relay with a private CA). With `tls = "starttls"` or `"tls"` the server's
    /// certificate is always verified, against `host`.
    pub ca_file: Option<PathBuf>,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// How long to wait on the server for a connection or a command; one whole message may take
    /// three times this (`mail::SEND_DEADLINE_FACTOR`).
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 25,
            tls: SmtpTls::None,
            ca_file: None,
            username: None,
            password: None,
            timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text (a local relay).
    None,
    /// Plain connection upgraded with STARTTLS; refuses to send if the server does not offer it.
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MailFileSettings {
    /// With `transport = "file"`, each message is written here as an `.eml` file.
    pub dir: PathBuf,
}

impl Default for MailFileSettings {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("data/mail"),
        }
    }
}
