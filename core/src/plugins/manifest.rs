//! A plugin's manifest: `<plugins.dir>/<name>.toml` next to its component. What the plugin is,
//! which API it was built for, which hooks it subscribes to, in which order it runs and which
//! capabilities it asks for.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::error::PluginError;

use serde::{Deserialize, Serialize};

use crate::settings::PluginSettings;

pub use super::version::{API_0_1, API_VERSION, Api, Version};

/// Every hook a plugin can subscribe to (DESIGN.md §3), by its manifest name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hook {
    BeforeInvitationCreate,
    BeforeInvitationAccept,
    BeforeOwnershipTransfer,
    BeforeUserRemoval,
    BeforeLogin,
    AfterInvitationCreated,
    AfterInvitationAccepted,
    AfterOwnershipChanged,
    AfterUserRemoved,
    AfterUserCreated,
    AfterAccountCreated,
    AfterPermissionsChanged,
    AfterLogin,
    BeforeTokenIssue,
    AfterConsentGranted,
    AfterConsentWithdrawn,
}

impl Hook {
    pub const ALL: [Hook; 16] = [
        Hook::BeforeInvitationCreate,
        Hook::BeforeInvitationAccept,
        Hook::BeforeOwnershipTransfer,
        Hook::BeforeUserRemoval,
        Hook::BeforeLogin,
        Hook::AfterInvitationCreated,
        Hook::AfterInvitationAccepted,
        Hook::AfterOwnershipChanged,
        Hook::AfterUserRemoved,
        Hook::AfterUserCreated,
        Hook::AfterAccountCreated,
        Hook::AfterPermissionsChanged,
        Hook::AfterLogin,
        Hook::BeforeTokenIssue,
        Hook::AfterConsentGranted,
        Hook::AfterConsentWithdrawn,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::BeforeInvitationCreate => "before-invitation-create",
            Self::BeforeInvitationAccept => "before-invitation-accept",
            Self::BeforeOwnershipTransfer => "before-ownership-transfer",
            Self::BeforeUserRemoval => "before-user-removal",
            Self::BeforeLogin => "before-login",
            Self::AfterInvitationCreated => "after-invitation-created",
            Self::AfterInvitationAccepted => "after-invitation-accepted",
            Self::AfterOwnershipChanged => "after-ownership-changed",
            Self::AfterUserRemoved => "after-user-removed",
            Self::AfterUserCreated => "after-user-created",
            Self::AfterAccountCreated => "after-account-created",
            Self::AfterPermissionsChanged => "after-permissions-changed",
            Self::AfterLogin => "after-login",
            Self::BeforeTokenIssue => "before-token-issue",
            Self::AfterConsentGranted => "after-consent-granted",
            Self::AfterConsentWithdrawn => "after-consent-withdrawn",
        }
    }

    /// The first plugin API with this hook.
    pub fn since(self) -> Version {
        match self {
            Self::BeforeTokenIssue | Self::AfterConsentGranted | Self::AfterConsentWithdrawn => {
                Version {
                    major: 0,
                    minor: 2,
                    patch: 0,
                }
            }
            _ => API_0_1,
        }
    }

    pub fn is_before(self) -> bool {
        self.name().starts_with("before-")
    }

    /// The after-hook that delivers domain events of `kind` (see `events::kind`), if any.
    pub fn for_event_kind(kind: &str) -> Option<Self> {
        use crate::events::kind;
        Some(match kind {
            kind::INVITATION_CREATED => Self::AfterInvitationCreated,
            kind::INVITATION_ACCEPTED => Self::AfterInvitationAccepted,
            kind::OWNERSHIP_CHANGED => Self::AfterOwnershipChanged,
            kind::USER_REMOVED => Self::AfterUserRemoved,
            kind::USER_CREATED => Self::AfterUserCreated,
            kind::ACCOUNT_CREATED => Self::AfterAccountCreated,
            kind::PERMISSIONS_CHANGED => Self::AfterPermissionsChanged,
            kind::LOGIN => Self::AfterLogin,
            kind::CONSENT_GRANTED => Self::AfterConsentGranted,
            kind::CONSENT_WITHDRAWN => Self::AfterConsentWithdrawn,
            _ => return None,
        })
    }
}

impl fmt::Display for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A host capability a plugin may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Capability {
    Log,
    Settings,
    Kv,
    Http,
    Clock,
}

impl Capability {
    pub fn name(self) -> &'static str {
        match self {
            Self::Log => "log",
            Self::Settings => "settings",
            Self::Kv => "kv",
            Self::Http => "http",
            Self::Clock => "clock",
        }
    }

    /// Whether `settings` grant this capability.
    pub fn granted_by(self, settings: &PluginSettings) -> bool {
        let caps = &settings.capabilities;
        match self {
            Self::Log => caps.log,
            Self::Settings => caps.settings,
            Self::Kv => caps.kv,
            Self::Clock => caps.clock,
            Self::Http => !caps.http_hosts.is_empty(),
        }
    }

    /// The settings line that grants it.
    fn grant_line(self, plugin: &str) -> String {
        match self {
            Self::Http => {
                format!("[plugins.{plugin}.capabilities] http_hosts = [\"host.example.com\"]")
            }
            other => format!("[plugins.{plugin}.capabilities] {} = true", other.name()),
        }
    }
}

/// The manifest file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    name: String,
    version: String,
    api_version: String,
    /// The component file, relative to the manifest; `<name>.wasm` when left out.
    component: Option<PathBuf>,
    #[serde(default = "default_priority")]
    priority: i32,
    hooks: BTreeSet<Hook>,
    #[serde(default)]
    capabilities: BTreeSet<Capability>,
    /// Top-level keys of the plugin's own settings that staff may see in clear.
    #[serde(default)]
    public_settings: BTreeSet<String>,
    /// Its permission titles and veto messages in the languages Roster ships.
    #[serde(default)]
    translations: super::translations::Translations,
}

fn default_priority() -> i32 {
    100
}

/// A checked manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    pub api_version: String,
    #[serde(skip)]
    pub component: PathBuf,
    /// Lower runs first; ties run in name order.
    pub priority: i32,
    pub hooks: BTreeSet<Hook>,
    pub capabilities: BTreeSet<Capability>,
    /// Top-level keys of `[plugins.<name>.settings]` that the settings view shows in clear; every
    /// other value of the plugin's settings is masked (it may be a URL with a token, a password,
    /// a header).
    pub public_settings: BTreeSet<String>,
    /// Its permission titles and veto messages in the languages Roster ships
    /// (`[translations.<tag>]`, see `plugins::translations`).
    pub translations: super::translations::Translations,
}

/// Whether `name` can name a plugin: it is also a settings table (`[plugins.<name>]`) and an
/// environment variable segment, so lowercase letters, digits and `_` only.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !super::RESERVED_SETTINGS_KEYS.contains(&name)
}

impl Manifest {
    /// Reads and checks the manifest at `path` (`<dir>/<name>.toml`).
    pub fn read(path: &Path) -> Result<Self, PluginError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, PluginError> {
        let raw: RawManifest =
            toml::from_str(text).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
        if !valid_name(&raw.name) {
            return Err(format!(
                "{}: plugin name `{}` must be lowercase letters, digits and `_`, starting with a letter",
                path.display(),
                raw.name
            ).into());
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != raw.name {
            return Err(format!(
                "{}: the manifest of plugin `{}` must be named {}.toml",
                path.display(),
                raw.name,
                raw.name
            )
            .into());
        }
        let api: Version = raw
            .api_version
            .parse()
            .map_err(|e| format!("{}: api_version: {e}", path.display()))?;
        if raw.hooks.is_empty() {
            return Err(format!("{}: `hooks` names no hook", path.display()).into());
        }
        if let Some(hook) = raw.hooks.iter().find(|h| api < h.since()) {
            return Err(format!(
                "{}: the hook `{hook}` is in plugin API {} and later, but api_version is {api}; \
                 rebuild the plugin against roster-sdk {} and name that api_version",
                path.display(),
                hook.since(),
                API_VERSION,
            )
            .into());
        }
        if let Some(problem) = raw.translations.problem() {
            return Err(format!("{}: {problem}", path.display()).into());
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let component = dir.join(
            raw.component
                .unwrap_or_else(|| PathBuf::from(format!("{}.wasm", raw.name))),
        );
        let manifest = Self {
            name: raw.name,
            version: raw.version,
            api_version: api.to_string(),
            component,
            priority: raw.priority,
            hooks: raw.hooks,
            capabilities: raw.capabilities,
            public_settings: raw.public_settings,
            translations: raw.translations,
        };
        Ok(manifest)
    }

    /// Refuses a plugin this server cannot run as configured: a newer plugin API, or a
    /// capability the settings do not grant. The message names the settings line to add.
    pub fn check_against(&self, settings: &PluginSettings) -> Result<Api, PluginError> {
        let api: Version = self.api_version.parse()?;
        let Some(line) = api.api() else {
            return Err(format!(
                "plugin `{}` {} was built for plugin API {api}, but this server runs plugins built for \
                 {API_0_1} to {API_VERSION}; rebuild it against roster-sdk {API_VERSION}, or turn it off with: [plugins.{}] enabled = false",
                self.name, self.version, self.name
            ).into());
        };
        let missing: Vec<Capability> = self
            .capabilities
            .iter()
            .copied()
            .filter(|c| !c.granted_by(settings))
            .collect();
        if let Some(first) = missing.first() {
            let lines: Vec<String> = missing.iter().map(|c| c.grant_line(&self.name)).collect();
            return Err(format!(
                "plugin `{}` asks for the `{}` capability{}, which is not granted; add to the settings: {}",
                self.name,
                first.name(),
                if missing.len() > 1 { " (and more)" } else { "" },
                lines.join(" and ")
            ).into());
        }
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugins::version::wit_version;

    fn parse(text: &str) -> Result<Manifest, PluginError> {
        Manifest::parse(text, Path::new("/p/guard.toml"))
    }

    const GOOD: &str = "name = \"guard\"\nversion = \"1.2.0\"\napi_version = \"0.1.0\"\nhooks = [\"before-invitation-create\", \"after-login\"]\ncapabilities = [\"settings\", \"http\"]\n";

    #[test]
    fn a_manifest_is_read_with_defaults() {
        let m = parse(GOOD).unwrap();
        assert_eq!(m.component, PathBuf::from("/p/guard.wasm"));
        assert_eq!(m.priority, 100);
        assert!(m.hooks.contains(&Hook::AfterLogin));
    }

    #[test]
    fn unknown_hooks_names_and_file_names_are_refused() {
        assert!(parse(&GOOD.replace("after-login", "after-lunch")).is_err());
        assert!(parse(&GOOD.replace("\"guard\"", "\"Guard\"")).is_err());
        assert!(Manifest::parse(GOOD, Path::new("/p/other.toml")).is_err());
        assert!(parse(&format!("{GOOD}colour = \"red\"\n")).is_err());
    }

    #[test]
    fn newer_apis_and_ungranted_capabilities_name_the_settings_line() {
        let mut settings = PluginSettings::default();
        let m = parse(&GOOD.replace("0.1.0", "0.3.0")).unwrap();
        let e = m.check_against(&settings).unwrap_err().to_string();
        assert!(e.contains("[plugins.guard] enabled = false"), "{e}");
        assert!(e.contains("built for 0.1.0 to 0.2.0"), "{e}");
        let m = parse(GOOD).unwrap();
        let e = m.check_against(&settings).unwrap_err().to_string();
        assert!(
            e.contains("[plugins.guard.capabilities] settings = true"),
            "{e}"
        );
        assert!(e.contains("http_hosts = ["), "{e}");
        settings.capabilities.settings = true;
        settings.capabilities.http_hosts = vec!["hooks.example.com".into()];
        m.check_against(&settings).unwrap();
    }

    /// The WIT package, the server's manifest check and the SDK name one plugin API version; the
    /// example plugins are built for one this server runs.
    #[test]
    fn the_wit_the_sdk_and_the_manifest_check_agree() {
        let wit = include_str!("../../../sdk/wit/roster-plugin.wit");
        let line = wit
            .lines()
            .find_map(|l| l.trim().strip_prefix("package roster:plugin@"))
            .unwrap()
            .trim_end_matches(';');
        let from_wit: Version = line.parse().unwrap();
        assert_eq!(API_VERSION, from_wit);
        assert_ne!(API_VERSION.to_string(), "0.0.0");
        assert_eq!(roster_sdk::API_VERSION, from_wit.to_string());
        let plugins = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../plugins");
        for entry in std::fs::read_dir(plugins).unwrap().flatten() {
            let manifest = entry.path().join("plugin.toml");
            if !manifest.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&manifest).unwrap();
            let table: toml::Table = toml::from_str(&text).unwrap();
            let version: Version = table["api_version"].as_str().unwrap().parse().unwrap();
            assert!(version.runs_on(API_VERSION), "{}", manifest.display());
        }
        assert_eq!(
            wit_version("no package here"),
            Version {
                major: 0,
                minor: 0,
                patch: 0
            }
        );
        assert_eq!(
            wit_version("package roster:plugin@2.10.3;"),
            Version {
                major: 2,
                minor: 10,
                patch: 3
            }
        );
    }

    #[test]
    fn plugins_built_for_0_1_run_on_their_own_line_without_the_newer_hooks() {
        let line = |v: &str| v.parse::<Version>().unwrap().api();
        assert_eq!(line("0.1.0"), Some(Api::V0_1));
        assert_eq!(line(&API_VERSION.to_string()), Some(Api::Current));
        assert_eq!(line("0.3.0"), None);
        assert_eq!(line("1.0.0"), None);
        assert_eq!(Api::V0_1.package_version().to_string(), "0.1.0");
        let old = GOOD.replace("after-login", "before-token-issue");
        let e = parse(&old).unwrap_err().to_string();
        assert!(
            e.contains("`before-token-issue` is in plugin API 0.2.0 and later"),
            "{e}"
        );
        let new = old.replace("0.1.0", &API_VERSION.to_string());
        assert!(parse(&new).unwrap().hooks.contains(&Hook::BeforeTokenIssue));
    }

    #[test]
    fn api_versions_compare_like_semver() {
        let host: Version = "0.1.3".parse().unwrap();
        assert!("0.1.0".parse::<Version>().unwrap().runs_on(host));
        assert!(!"0.1.4".parse::<Version>().unwrap().runs_on(host));
        assert!(!"0.2.0".parse::<Version>().unwrap().runs_on(host));
        let host: Version = "1.4.0".parse().unwrap();
        assert!("1.0.0".parse::<Version>().unwrap().runs_on(host));
        assert!(!"2.0.0".parse::<Version>().unwrap().runs_on(host));
    }
}
