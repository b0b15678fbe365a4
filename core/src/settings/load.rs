//! Loading: defaults, then the file, then the environment; then the checks types cannot make.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use figment::Figment;
use figment::providers::{Env, Format, Toml};

use super::{DEFAULT_CONFIG_FILE, ENV_PREFIX, Settings};

/// Settings as loaded, with the warnings (unknown keys) to report once logging is up.
#[derive(Debug)]
pub struct Loaded {
    pub settings: Settings,
    pub warnings: Vec<String>,
}

/// Why settings could not be loaded. Displays as one line that names the key.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("config file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid setting `{key}`{origin}: {message}")]
    Invalid {
        key: String,
        origin: String,
        message: String,
    },
}

impl Settings {
    /// Loads defaults ← file ← environment (the process's own environment).
    pub fn load(config_file: Option<&Path>) -> Result<Loaded, SettingsError> {
        Self::load_from(Self::figment(config_file)?)
    }

    /// The layered providers, without extracting. Tests use it with `figment::Jail`.
    pub fn figment(config_file: Option<&Path>) -> Result<Figment, SettingsError> {
        let file = match config_file {
            Some(path) if !path.is_file() => {
                return Err(SettingsError::MissingFile(path.to_path_buf()));
            }
            Some(path) => Some(path.to_path_buf()),
            None => Some(PathBuf::from(DEFAULT_CONFIG_FILE)).filter(|p| p.is_file()),
        };
        let mut figment = Figment::new();
        if let Some(file) = file {
            figment = figment.merge(Toml::file_exact(file));
        }
        // `ROSTER_CONFIG` names the file (see the CLI); it is not a setting.
        let env = Env::prefixed(ENV_PREFIX)
            .split("__")
            .filter(|key| key != "config");
        Ok(figment.merge(env))
    }

    /// Extracts and checks the settings from already layered providers.
    pub fn load_from(figment: Figment) -> Result<Loaded, SettingsError> {
        let settings: Settings = figment.extract().map_err(|e| describe(&figment, &e))?;
        settings.validate(&figment)?;
        let warnings = unknown_keys(&figment);
        Ok(Loaded { settings, warnings })
    }

    /// Checks what types alone cannot. Each refusal names the full key and where its value came
    /// from, like a type error does.
    fn validate(&self, figment: &Figment) -> Result<(), SettingsError> {
        let invalid = |key: &str, message: String| {
            let path: Vec<String> = key.split('.').map(str::to_owned).collect();
            SettingsError::Invalid {
                key: key.to_owned(),
                origin: figment
                    .find_metadata(key)
                    .map(|meta| origin_of(meta, &path))
                    .unwrap_or_default(),
                message,
            }
        };
        lettre::message::Mailbox::from_str(&self.mail.from).map_err(|e| {
            invalid(
                "mail.from",
                format!("`{}` is not an email address: {e}", self.mail.from),
            )
        })?;
        if let Some((key, message)) = self.support.problem() {
            return Err(invalid(key, message));
        }
        if self.server.max_body_bytes == 0 {
            return Err(invalid(
                "server.max_body_bytes",
                "must be greater than 0".to_owned(),
            ));
        }
        if self.mail.outbox.max_attempts == 0 {
            return Err(invalid(
                "mail.outbox.max_attempts",
                "must be at least 1".to_owned(),
            ));
        }
        if self.mail.outbox.poll_interval.is_zero() || self.mail.outbox.lease.is_zero() {
            return Err(invalid(
                "mail.outbox.poll_interval",
                "mail.outbox.poll_interval and mail.outbox.lease must be longer than 0".to_owned(),
            ));
        }
        if self.database.max_connections == 0 {
            return Err(invalid(
                "database.max_connections",
                "must be at least 1".to_owned(),
            ));
        }
        tracing_subscriber::EnvFilter::try_new(&self.log.filter).map_err(|e| {
            invalid(
                "log.filter",
                format!("`{}` is not a tracing filter: {e}", self.log.filter),
            )
        })?;
        let a = &self.auth.argon2;
        argon2::Params::new(a.memory_kib, a.iterations, a.parallelism, None).map_err(|e| {
            let key = match e {
                argon2::Error::MemoryTooLittle | argon2::Error::MemoryTooMuch => {
                    "auth.argon2.memory_kib"
                }
                argon2::Error::TimeTooSmall => "auth.argon2.iterations",
                argon2::Error::ThreadsTooFew | argon2::Error::ThreadsTooMany => {
                    "auth.argon2.parallelism"
                }
                _ => "auth.argon2",
            };
            let minimum = match key {
                "auth.argon2.memory_kib" => format!(
                    " (at least 8 KiB per lane: {} here)",
                    8 * a.parallelism.max(1)
                ),
                _ => String::new(),
            };
            invalid(key, format!("not a usable argon2 parameter: {e}{minimum}"))
        })?;
        let p = &self.auth.password;
        if p.min_length == 0 || p.min_length > p.max_length {
            return Err(invalid(
                "auth.password.min_length",
                "must be at least 1 and at most auth.password.max_length".to_owned(),
            ));
        }
        let currency = &self.accounts.default_currency;
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(invalid(
                "accounts.default_currency",
                format!("`{currency}` is not an upper-case ISO 4217 code (e.g. USD)"),
            ));
        }
        let issuer = &self.auth.totp_issuer;
        if issuer.is_empty() || issuer.contains(':') {
            return Err(invalid(
                "auth.totp_issuer",
                "must be non-empty and without ':'".to_owned(),
            ));
        }
        if let Some((key, message)) = self.ui.problem() {
            return Err(invalid(key, message));
        }
        if self.ui.mail_templates_dir.is_some() && self.mail.templates_dir.is_some() {
            return Err(invalid(
                "ui.mail_templates_dir",
                "set it or its older name mail.templates_dir, not both".to_owned(),
            ));
        }
        if self.invitations.expiry.is_zero() {
            return Err(invalid(
                "invitations.expiry",
                "must be longer than 0s".to_owned(),
            ));
        }
        Ok(())
    }

    /// The folder of the provider's mail templates: `ui.mail_templates_dir`, or its older name
    /// `mail.templates_dir`.
    pub fn mail_templates_dir(&self) -> Option<&std::path::PathBuf> {
        self.ui
            .mail_templates_dir
            .as_ref()
            .or(self.mail.templates_dir.as_ref())
    }

    /// The effective settings as TOML, secrets masked (what `roster config` prints).
    pub fn to_masked_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string_pretty(self)
    }
}

/// One line for a figment error: the key, where the value came from, and what is wrong.
/// A list's item is named by its position in the message, not in the key (the key is the list's,
/// as written in the file or the variable).
fn describe(figment: &Figment, error: &figment::Error) -> SettingsError {
    let (path, items): (Vec<String>, Vec<String>) = error
        .path
        .iter()
        .cloned()
        .partition(|part| part.parse::<usize>().is_err());
    let key = path.join(".");
    let origin = error
        .metadata
        .as_ref()
        .or_else(|| figment.find_metadata(&key))
        .map(|meta| origin_of(meta, &path))
        .unwrap_or_default();
    let item = items
        .first()
        .and_then(|i| i.parse::<usize>().ok())
        .map(|i| format!("item {}: ", i + 1))
        .unwrap_or_default();
    SettingsError::Invalid {
        key: if key.is_empty() {
            "(top level)".to_owned()
        } else {
            key
        },
        origin,
        message: format!("{item}{}", error.kind),
    }
}

fn origin_of(meta: &figment::Metadata, path: &[String]) -> String {
    match &meta.source {
        Some(figment::Source::File(file)) => format!(" in {}", file.display()),
        // figment cannot rebuild a variable name split on `__`; it is the key path, upper-cased.
        _ if meta.name.contains("environment") => format!(
            " (environment variable {ENV_PREFIX}{})",
            path.join("__").to_uppercase()
        ),
        _ => String::new(),
    }
}

/// Keys present in the file or environment that no setting reads.
fn unknown_keys(figment: &Figment) -> Vec<String> {
    let Ok(value) = figment.extract::<figment::value::Value>() else {
        return Vec::new();
    };
    let mut unknown = Vec::new();
    let _ = serde_ignored::deserialize(&value, |path| unknown.push(path.to_string()))
        .map(|_: Settings| ());
    unknown
        .into_iter()
        .map(|key| {
            let origin = figment
                .find_metadata(&key)
                .map(|meta| {
                    let parts: Vec<String> = key.split('.').map(str::to_owned).collect();
                    origin_of(meta, &parts)
                })
                .unwrap_or_default();
            format!("unknown setting `{key}`{origin} is ignored")
        })
        .collect()
}
