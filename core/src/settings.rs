//! Settings: built-in defaults, then the TOML file (`config/roster.toml` or `--config FILE`), then
//! `ROSTER_…` environment variables with `__` for nesting (`ROSTER_DATABASE__URL`).
//!
//! The key names are part of Roster's contract (DESIGN.md §4): admins and scripts write them. Every key
//! has a default, so a fresh machine runs with no file at all. Unknown keys do not stop start-up; they
//! are reported as warnings naming the key and where it came from. A bad value stops start-up with one
//! line naming the key.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountSettings {
    /// ISO 4217 currency of new accounts that do not name one.
    pub default_currency: String,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            default_currency: "USD".to_owned(),
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
}

impl Default for InvitationSettings {
    fn default() -> Self {
        Self {
            expiry: Duration::from_secs(7 * 24 * 60 * 60),
            per_account_per_hour: 20,
        }
    }
}

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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    /// `log` (nothing is delivered; recipient and subject are logged), `file` or `smtp`.
    pub transport: MailTransport,
    /// The sender of every email Roster sends, as `Name <address>` or a bare address.
    pub from: String,
    /// A folder whose files override the built-in mail templates of the same name.
    pub templates_dir: Option<PathBuf>,
    pub smtp: SmtpSettings,
    pub file: MailFileSettings,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransport::Log,
            from: "Roster <noreply@example.test>".to_owned(),
            templates_dir: None,
            smtp: SmtpSettings::default(),
            file: MailFileSettings::default(),
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct PluginsSettings {
    /// Where built plugins are found: `<name>.toml` manifests at the top of the folder, each next
    /// to its component (`<name>.wasm` unless the manifest names another file).
    pub dir: PathBuf,
    /// Compiled components are cached here (keyed by the component's bytes and the engine's
    /// settings). Must be writable only by the server's user: its files are loaded as native code.
    pub cache_dir: PathBuf,
    /// The epoch tick: hook deadlines are enforced to within one tick.
    #[serde(with = "humantime_serde")]
    pub epoch_tick: Duration,
    /// How many plugin instances may run at once (the size of wasmtime's instance pool).
    pub max_instances: u32,
    /// Delivery of domain events to after-hooks.
    pub queue: PluginQueueSettings,
    /// `[plugins.<name>]` tables: one per plugin.
    #[serde(flatten)]
    pub each: BTreeMap<String, PluginSettings>,
}

impl Default for PluginsSettings {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("plugins"),
            cache_dir: PathBuf::from("data/plugin-cache"),
            epoch_tick: Duration::from_millis(10),
            max_instances: 128,
            queue: PluginQueueSettings::default(),
            each: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct PluginQueueSettings {
    /// How often each replica looks for undelivered events (a commit in this process wakes it
    /// at once).
    #[serde(with = "humantime_serde")]
    pub poll_interval: Duration,
    /// Failed attempts at one event before it is parked for an admin.
    pub max_attempts: u32,
    /// The wait after the first failure; doubled after each further one.
    #[serde(with = "humantime_serde")]
    pub backoff: Duration,
    /// The longest wait between two attempts.
    #[serde(with = "humantime_serde")]
    pub max_backoff: Duration,
    /// How long a replica holds a plugin's delivery lease; renewed while it works.
    #[serde(with = "humantime_serde")]
    pub lease: Duration,
}

impl Default for PluginQueueSettings {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(1),
            max_attempts: 8,
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(600),
            lease: Duration::from_secs(60),
        }
    }
}

/// One plugin's settings. Capabilities are granted here and nowhere else.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct PluginSettings {
    pub enabled: bool,
    /// Free-form settings the plugin reads through its `settings` capability. Values under keys that
    /// look secret (`password`, `secret`, `token`, `key`) are masked by `roster config`.
    #[serde(serialize_with = "serialize_plugin_settings")]
    pub settings: BTreeMap<String, toml::Value>,
    pub capabilities: PluginCapabilities,
    /// Overrides the manifest's `priority` (lower runs first).
    pub priority: Option<i32>,
    /// Wall-clock budget of one before-hook call (the decision arrives within it plus one
    /// `epoch_tick`).
    #[serde(with = "humantime_serde")]
    pub deadline: Duration,
    /// Wall-clock budget of one after-hook call (they may make HTTP requests).
    #[serde(with = "humantime_serde")]
    pub after_deadline: Duration,
    /// Linear-memory cap of one instance, in bytes.
    pub memory_bytes: u64,
    /// What a failing (trapping, timing out, garbage-returning) `before-*` hook means.
    pub on_error: OnPluginError,
}

impl Default for PluginSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            settings: BTreeMap::new(),
            capabilities: PluginCapabilities::default(),
            priority: None,
            deadline: Duration::from_millis(100),
            after_deadline: Duration::from_secs(10),
            memory_bytes: 64 * 1024 * 1024,
            on_error: OnPluginError::FailClosed,
        }
    }
}

/// The host functions a plugin may import. Nothing is granted unless written here.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PluginCapabilities {
    pub log: bool,
    pub settings: bool,
    pub kv: bool,
    pub clock: bool,
    /// Hosts the plugin may reach over outbound HTTP (after-hooks only).
    pub http_hosts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnPluginError {
    /// The action is refused (the safe default).
    FailClosed,
    /// The failure is logged and the action goes on.
    FailOpen,
}

// ---------------------------------------------------------------------------------------------
// Value types: each parses its text once, with an error message that says what is expected.

/// The listen address, `IP:PORT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BindAddr(pub SocketAddr);

impl FromStr for BindAddr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(addr) = s.parse::<SocketAddr>() {
            return Ok(Self(addr));
        }
        match s.rsplit_once(':') {
            Some((host, port)) if port.parse::<u64>().is_ok() => {
                if port.parse::<u16>().is_err() {
                    Err(format!("port {port} is out of range (0-65535)"))
                } else {
                    Err(format!(
                        "`{host}` is not an IP address (write IP:PORT, e.g. 127.0.0.1:8080 or [::1]:8080)"
                    ))
                }
            }
            _ => Err(format!(
                "`{s}` is not an IP:PORT address (e.g. 127.0.0.1:8080)"
            )),
        }
    }
}

/// The public base URL (`http` or `https`), used to build links. Kept without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl Default for PublicUrl {
    fn default() -> Self {
        Self("http://127.0.0.1:8080".to_owned())
    }
}

impl PublicUrl {
    /// Whether links (and so session cookies) are https.
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https:")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An absolute link to `path` (which starts with `/`) under the public URL.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

impl FromStr for PublicUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let url = url::Url::parse(s).map_err(|e| format!("`{s}` is not a URL: {e}"))?;
        match url.scheme() {
            "http" | "https" if url.host().is_some() => {
                Ok(Self(url.as_str().trim_end_matches('/').to_owned()))
            }
            _ => Err(format!("`{s}` must be an http:// or https:// URL")),
        }
    }
}

/// Which database a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// A database URL whose scheme Roster supports. Prints with its password masked.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    backend: Backend,
}

impl DatabaseUrl {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL with its password in clear: only for connecting.
    pub fn expose(&self) -> &str {
        &self.url
    }

    /// The URL with any password replaced by `***`, for logs and `roster config`.
    pub fn masked(&self) -> String {
        match url::Url::parse(&self.url) {
            Ok(mut parsed) if parsed.password().is_some() => {
                // Only fails for URLs that cannot have a password, which this one has.
                let _ = parsed.set_password(Some("***"));
                parsed.to_string()
            }
            _ => self.url.clone(),
        }
    }
}

impl Default for DatabaseUrl {
    fn default() -> Self {
        Self {
            url: "sqlite://data/roster.db".to_owned(),
            backend: Backend::Sqlite,
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let scheme = s.split_once(':').map(|(scheme, _)| scheme).unwrap_or("");
        let backend = match scheme {
            "sqlite" => Backend::Sqlite,
            "postgres" | "postgresql" => Backend::Postgres,
            "" => {
                return Err(format!(
                    "`{s}` has no scheme: use sqlite://PATH or postgres://USER@HOST/DB"
                ));
            }
            other => {
                return Err(format!(
                    "unsupported database scheme `{other}`: use sqlite://PATH or postgres://USER@HOST/DB"
                ));
            }
        };
        if backend == Backend::Postgres {
            url::Url::parse(s).map_err(|e| format!("not a valid PostgreSQL URL: {e}"))?;
        }
        Ok(Self {
            url: s.to_owned(),
            backend,
        })
    }
}

/// A secret setting (a password): never printed, never logged.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(SecretString::from(value))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("***")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Self(SecretString::from(text)))
    }
}

/// Types that are written as one string in the settings and parsed with [`FromStr`].
macro_rules! string_setting {
    ($ty:ty, $display:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #[allow(clippy::redundant_closure_call)]
                serializer.serialize_str(&($display)(self))
            }
        }
    };
}

string_setting!(BindAddr, |v: &BindAddr| v.0.to_string());
string_setting!(PublicUrl, |v: &PublicUrl| v.0.clone());
string_setting!(DatabaseUrl, |v: &DatabaseUrl| v.masked());

const SECRET_KEY_PARTS: [&str; 5] = ["password", "secret", "token", "key", "credential"];

fn serialize_plugin_settings<S: Serializer>(
    settings: &BTreeMap<String, toml::Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let masked: BTreeMap<&str, toml::Value> = settings
        .iter()
        .map(|(key, value)| {
            let lower = key.to_ascii_lowercase();
            if SECRET_KEY_PARTS.iter().any(|part| lower.contains(part)) {
                (key.as_str(), toml::Value::String("***".to_owned()))
            } else {
                (key.as_str(), value.clone())
            }
        })
        .collect();
    masked.serialize(serializer)
}

// ---------------------------------------------------------------------------------------------
// Loading

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
        if self.server.max_body_bytes == 0 {
            return Err(invalid(
                "server.max_body_bytes",
                "must be greater than 0".to_owned(),
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
        if self.invitations.expiry.is_zero() {
            return Err(invalid(
                "invitations.expiry",
                "must be longer than 0s".to_owned(),
            ));
        }
        Ok(())
    }

    /// The effective settings as TOML, secrets masked (what `roster config` prints).
    pub fn to_masked_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string_pretty(self)
    }
}

/// One line for a figment error: the key, where the value came from, and what is wrong.
fn describe(figment: &Figment, error: &figment::Error) -> SettingsError {
    let key = error.path.join(".");
    let origin = error
        .metadata
        .as_ref()
        .or_else(|| figment.find_metadata(&key))
        .map(|meta| origin_of(meta, &error.path))
        .unwrap_or_default();
    SettingsError::Invalid {
        key: if key.is_empty() {
            "(top level)".to_owned()
        } else {
            key
        },
        origin,
        message: error.kind.to_string(),
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

#[cfg(test)]
// `figment::Jail` closures return `figment::Error`, which is large; fine in tests.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use figment::Jail;

    fn load_in_jail(jail: &Jail, file: Option<&str>) -> Result<Loaded, SettingsError> {
        let _ = jail;
        Settings::load(file.map(Path::new))
    }

    #[test]
    fn defaults_need_no_file() {
        Jail::expect_with(|jail| {
            let loaded = load_in_jail(jail, None).unwrap();
            assert_eq!(loaded.settings.server.bind.0.to_string(), "127.0.0.1:8080");
            assert_eq!(loaded.settings.database.url.backend(), Backend::Sqlite);
            assert_eq!(
                loaded.settings.database.url.expose(),
                "sqlite://data/roster.db"
            );
            assert!(loaded.settings.user_management.enabled);
            assert_eq!(
                loaded.settings.invitations.expiry,
                Duration::from_secs(604_800)
            );
            assert_eq!(loaded.settings.mail.transport, MailTransport::Log);
            assert!(loaded.warnings.is_empty());
            Ok(())
        });
    }

    #[test]
    fn file_then_environment_override_defaults() {
        Jail::expect_with(|jail| {
            jail.create_dir("config")?;
            jail.create_file(
                "config/roster.toml",
                "[server]\nbind = \"0.0.0.0:9000\"\n[user_management]\nenabled = false\n[invitations]\nexpiry = \"3d\"\n",
            )?;
            jail.set_env("ROSTER_SERVER__BIND", "127.0.0.1:9100");
            jail.set_env(
                "ROSTER_DATABASE__URL",
                "postgres://roster:pw@db.internal/roster",
            );
            let loaded = load_in_jail(jail, None).unwrap();
            let s = loaded.settings;
            assert_eq!(s.server.bind.0.to_string(), "127.0.0.1:9100");
            assert!(!s.user_management.enabled);
            assert_eq!(s.invitations.expiry, Duration::from_secs(3 * 86_400));
            assert_eq!(s.database.url.backend(), Backend::Postgres);
            Ok(())
        });
    }

    #[test]
    fn explicit_file_must_exist() {
        Jail::expect_with(|jail| {
            let err = load_in_jail(jail, Some("nope.toml")).unwrap_err();
            assert_eq!(err.to_string(), "config file nope.toml does not exist");
            Ok(())
        });
    }

    #[test]
    fn port_out_of_range_names_the_key_and_the_file() {
        Jail::expect_with(|jail| {
            jail.create_file("custom.toml", "[server]\nbind = \"127.0.0.1:70000\"\n")?;
            let err = load_in_jail(jail, Some("custom.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("invalid setting `server.bind` in "),
                "{err}"
            );
            assert!(err.contains("custom.toml"), "{err}");
            assert!(err.contains("port 70000 is out of range"), "{err}");
            assert_eq!(err.lines().count(), 1);
            Ok(())
        });
    }

    #[test]
    fn unknown_database_scheme_names_the_environment_variable() {
        Jail::expect_with(|jail| {
            jail.set_env("ROSTER_DATABASE__URL", "mysql://root@localhost/roster");
            let err = load_in_jail(jail, None).unwrap_err().to_string();
            assert_eq!(
                err,
                "invalid setting `database.url` (environment variable ROSTER_DATABASE__URL): \
                 unsupported database scheme `mysql`: use sqlite://PATH or postgres://USER@HOST/DB"
            );
            Ok(())
        });
    }

    #[test]
    fn wrong_type_names_the_key() {
        Jail::expect_with(|jail| {
            jail.set_env("ROSTER_USER_MANAGEMENT__ENABLED", "sometimes");
            let err = load_in_jail(jail, None).unwrap_err().to_string();
            assert!(
                err.starts_with("invalid setting `user_management.enabled`"),
                "{err}"
            );
            Ok(())
        });
    }

    #[test]
    fn bad_sender_address_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("ROSTER_MAIL__FROM", "not an address");
            let err = load_in_jail(jail, None).unwrap_err().to_string();
            assert!(err.starts_with("invalid setting `mail.from`"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_warn_with_their_origin() {
        Jail::expect_with(|jail| {
            jail.create_file("r.toml", "[server]\nbindd = \"x\"\n[nonsense]\na = 1\n")?;
            jail.set_env("ROSTER_MAIL__TRANSPRT", "smtp");
            let loaded = load_in_jail(jail, Some("r.toml")).unwrap();
            let warnings = loaded.warnings.join("\n");
            assert!(
                warnings.contains("unknown setting `server.bindd` in "),
                "{warnings}"
            );
            assert!(
                warnings.contains("unknown setting `nonsense`"),
                "{warnings}"
            );
            assert!(
                warnings.contains("`mail.transprt` (environment variable ROSTER_MAIL__TRANSPRT)"),
                "{warnings}"
            );
            Ok(())
        });
    }

    #[test]
    fn plugin_tables_are_read_per_plugin() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "p.toml",
                "[plugins]\ndir = \"wasm\"\n[plugins.domain-guard]\non_error = \"fail_open\"\ndeadline = \"50ms\"\n[plugins.domain-guard.settings]\ndomains = [\"example.com\"]\napi_token = \"s3cret\"\n[plugins.domain-guard.capabilities]\nhttp_hosts = [\"hooks.example.com\"]\n",
            )?;
            let loaded = load_in_jail(jail, Some("p.toml")).unwrap();
            assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
            let plugin = &loaded.settings.plugins.each["domain-guard"];
            assert_eq!(loaded.settings.plugins.dir, PathBuf::from("wasm"));
            assert_eq!(plugin.on_error, OnPluginError::FailOpen);
            assert_eq!(plugin.deadline, Duration::from_millis(50));
            assert_eq!(plugin.capabilities.http_hosts, vec!["hooks.example.com"]);
            let printed = loaded.settings.to_masked_toml().unwrap();
            assert!(!printed.contains("s3cret"), "{printed}");
            assert!(printed.contains("example.com"), "{printed}");
            Ok(())
        });
    }

    #[test]
    fn printed_settings_mask_secrets() {
        Jail::expect_with(|jail| {
            jail.set_env(
                "ROSTER_DATABASE__URL",
                "postgres://roster:hunter2@db/roster",
            );
            jail.set_env("ROSTER_MAIL__SMTP__PASSWORD", "smtp-pass-123");
            let loaded = load_in_jail(jail, None).unwrap();
            let printed = loaded.settings.to_masked_toml().unwrap();
            assert!(!printed.contains("hunter2"), "{printed}");
            assert!(!printed.contains("smtp-pass-123"), "{printed}");
            assert!(
                printed.contains("postgres://roster:***@db/roster"),
                "{printed}"
            );
            assert_eq!(
                loaded.settings.mail.smtp.password.unwrap().expose(),
                "smtp-pass-123"
            );
            Ok(())
        });
    }

    #[test]
    fn printed_settings_load_back_to_the_same_values() {
        Jail::expect_with(|jail| {
            let printed = Settings::default().to_masked_toml().unwrap();
            jail.create_file("printed.toml", &printed)?;
            let loaded = load_in_jail(jail, Some("printed.toml")).unwrap();
            assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
            assert_eq!(loaded.settings.to_masked_toml().unwrap(), printed);
            Ok(())
        });
    }

    #[test]
    fn bind_addr_messages() {
        assert_eq!(
            "127.0.0.1:70000".parse::<BindAddr>().unwrap_err(),
            "port 70000 is out of range (0-65535)"
        );
        assert!(
            "localhost:80"
                .parse::<BindAddr>()
                .unwrap_err()
                .contains("not an IP address")
        );
        assert!("8080".parse::<BindAddr>().is_err());
        assert_eq!("[::1]:0".parse::<BindAddr>().unwrap().0.port(), 0);
    }

    #[test]
    fn public_url_must_be_http() {
        assert!("ftp://x".parse::<PublicUrl>().is_err());
        assert!("not a url".parse::<PublicUrl>().is_err());
        let url: PublicUrl = "https://portal.example.com/".parse().unwrap();
        assert!(url.is_https());
        assert_eq!(
            url.join("/invite/abc"),
            "https://portal.example.com/invite/abc"
        );
    }
}
