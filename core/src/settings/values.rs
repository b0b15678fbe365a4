//! Value types: each parses its text once, with an error message that says what is expected.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
        Self("http://localhost:8080".to_owned())
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

    /// The URL with everything that can carry a secret masked, for logs and `roster config`.
    pub fn masked(&self) -> String {
        mask_url(&self.url)
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

/// The mask written in place of a secret.
pub const MASK: &str = "***";

/// A URL with what can carry a secret masked: the user info (name and password) and every query
/// value (`?password=…`, `?sslpassword=…`, a token in a webhook URL), and the fragment. Text that
/// does not parse as a URL is masked whole.
pub fn mask_url(text: &str) -> String {
    let Ok(mut url) = url::Url::parse(text) else {
        return MASK.to_owned();
    };
    if !url.username().is_empty() {
        // Fails only for URLs that cannot have user info (`mailto:`), which then have none.
        let _ = url.set_username(MASK);
    }
    if url.password().is_some() {
        let _ = url.set_password(Some(MASK));
    }
    if url.query().is_some() {
        let keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
        url.query_pairs_mut()
            .clear()
            .extend_pairs(keys.iter().map(|k| (k.as_str(), MASK)));
    }
    if url.fragment().is_some() {
        url.set_fragment(Some(MASK));
    }
    // The mask's `*`s are written as they are, not percent-encoded, so that it reads as a mask.
    url.to_string().replace("%2A%2A%2A", MASK)
}

/// A plugin's own settings as the settings view shows them: every value masked, however deep
/// (a table keeps its keys, so the shape stays visible). The view shows in clear only the keys a
/// plugin's manifest declares public (`settings::effective`).
pub(super) fn serialize_plugin_settings<S: Serializer>(
    settings: &BTreeMap<String, toml::Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    fn mask(value: &toml::Value) -> toml::Value {
        match value {
            toml::Value::Table(table) => {
                toml::Value::Table(table.iter().map(|(k, v)| (k.clone(), mask(v))).collect())
            }
            _ => toml::Value::String(MASK.to_owned()),
        }
    }
    let masked: BTreeMap<&str, toml::Value> = settings
        .iter()
        .map(|(key, value)| (key.as_str(), mask(value)))
        .collect();
    masked.serialize(serializer)
}
