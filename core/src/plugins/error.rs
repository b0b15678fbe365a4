//! What goes wrong with a plugin, as one type: a host function refused or failed, a call trapped
//! or ran out of time, a plugin answered an error, a plugin could not be loaded. Host functions
//! hand plugins the message (`Display`): WIT's `result<_, string>` is the plugin ABI.

use super::host::Phase;
use super::manifest::Capability;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PluginError {
    /// The plugin's settings do not grant the capability.
    #[error("the `{}` capability was not granted to plugin `{plugin}`", capability.name())]
    NotGranted {
        plugin: String,
        capability: Capability,
    },
    /// The capability is granted, but not for this kind of hook.
    #[error("{}", not_in_phase(*use_, *phase))]
    NotInPhase { use_: Use, phase: Phase },
    #[error("keys are at most {max} bytes")]
    KeyTooLong { max: usize },
    #[error("values are at most {max} bytes")]
    ValueTooLarge { max: usize },
    #[error("stored value is damaged")]
    StoredValueDamaged,
    /// The database behind the key-value store failed (logged by the host, not shown).
    #[error("the key-value store is unavailable")]
    StoreUnavailable,
    #[error("host `{host}` is not in [plugins.{plugin}.capabilities] http_hosts")]
    HostNotAllowed { host: String, plugin: String },
    #[error("{0}")]
    BadRequest(String),
    #[error("the hook's deadline has passed")]
    DeadlinePassed,
    #[error("{0}")]
    RequestFailed(String),
    /// Outside the server's runtime (a benchmark calling hooks directly).
    #[error("not available here")]
    NoRuntime,
    /// The call was interrupted at its deadline.
    #[error("deadline exceeded")]
    Timeout,
    #[error("trapped: {0}")]
    Trap(String),
    /// The plugin answered an error (an after-hook's `Err`).
    #[error("{0}")]
    Returned(String),
    /// The plugin cannot be loaded: its manifest, its component, or what it asks for.
    #[error("{0}")]
    Invalid(String),
}

/// What a host function is used for; the granter ([`super::host::HostState::grant`]) checks the
/// capability and the kind of hook for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Log,
    Settings,
    Clock,
    KvRead,
    KvWrite,
    Http,
}

fn not_in_phase(use_: Use, phase: Phase) -> String {
    match (use_, phase) {
        (Use::KvWrite, Phase::Before) => {
            "the key-value store is read-only during before-hooks".to_owned()
        }
        (Use::Http, _) => "outbound HTTP is for after-hooks only".to_owned(),
        (use_, phase) => format!("{use_:?} is not available in {phase:?}"),
    }
}

/// A loading step's message: the plugin cannot be loaded.
impl From<String> for PluginError {
    fn from(message: String) -> Self {
        Self::Invalid(message)
    }
}
