//! `[plugins]`: where plugins live, how after-hooks are retried, and each plugin's grants.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::values::serialize_plugin_settings;

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
