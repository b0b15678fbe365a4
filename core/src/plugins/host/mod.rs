//! What a plugin instance sees: the store data of one hook call, and the host functions of
//! `roster:plugin/host`. One module per capability (`log`, `settings`, `kv`, `http`, `clock`);
//! each function asks the one granter ([`HostState::grant`]) first, which checks both that the
//! plugin was granted the capability and that the kind of hook running may use it.

mod clock;
mod http;
mod kv;
mod log;
mod settings;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::StoreLimits;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::roster::plugin::host::Host;
use super::bindings::roster::plugin::types::{self, HttpRequest, HttpResponse, Level};
use super::error::{PluginError, Use};
use super::manifest::Capability;
use crate::clock::Clock;
use crate::db::Db;

pub use http::host_allowed;

/// What every call of one loaded plugin shares.
#[derive(Debug)]
pub struct PluginEnv {
    pub name: String,
    pub capabilities: BTreeSet<Capability>,
    pub http_hosts: Vec<String>,
    /// `[plugins.<name>.settings]` as a JSON object.
    pub settings_json: String,
    pub db: Db,
    pub clock: Clock,
    pub runtime: Option<tokio::runtime::Handle>,
    pub http: reqwest::Client,
}

/// Which kind of call is running: loading (`permission-keys`), a before-hook, or an after-hook.
/// Before-hooks judge a request that may still be refused or judged again, and hold up the
/// request while they run: they may not write (key-value) or wait on the network (HTTP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Load,
    Before,
    After,
}

/// The store data of one call.
pub struct HostState {
    /// Built on the first WASI call: most hook calls make none.
    wasi: Option<WasiCtx>,
    table: ResourceTable,
    pub limits: StoreLimits,
    env: Arc<PluginEnv>,
    call_id: String,
    phase: Phase,
    deadline: Instant,
}

impl HostState {
    pub fn new(
        env: Arc<PluginEnv>,
        limits: StoreLimits,
        call_id: String,
        phase: Phase,
        budget: Duration,
    ) -> Self {
        Self {
            wasi: None,
            table: ResourceTable::new(),
            limits,
            env,
            call_id,
            phase,
            deadline: Instant::now() + budget,
        }
    }

    /// The granter: whether this call may make `use_` of the host. The plugin must have been
    /// granted the capability, and the kind of hook running must allow the use:
    ///
    /// | use | load | before | after |
    /// | --- | --- | --- | --- |
    /// | log, settings, clock, key-value read | yes | yes | yes |
    /// | key-value write | no | no | yes |
    /// | outbound HTTP | no | no | yes |
    pub(super) fn grant(&self, use_: Use) -> Result<(), PluginError> {
        let capability = use_.capability();
        if !self.env.capabilities.contains(&capability) {
            return Err(PluginError::NotGranted {
                plugin: self.env.name.clone(),
                capability,
            });
        }
        if !use_.allowed_in(self.phase) {
            return Err(PluginError::NotInPhase {
                use_,
                phase: self.phase,
            });
        }
        Ok(())
    }

    fn block_on<F: std::future::Future>(&self, future: F) -> Result<F::Output, PluginError> {
        match &self.env.runtime {
            Some(runtime) => Ok(runtime.block_on(future)),
            None => Err(PluginError::NoRuntime),
        }
    }
}

impl std::fmt::Debug for HostState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostState")
            .field("plugin", &self.env.name)
            .field("call_id", &self.call_id)
            .finish_non_exhaustive()
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            // No folders, no environment, no network, no arguments: WASI is linked only because a
            // Rust std guest imports it.
            ctx: self.wasi.get_or_insert_with(|| WasiCtx::builder().build()),
            table: &mut self.table,
        }
    }
}

impl Use {
    /// The capability that grants this use.
    fn capability(self) -> Capability {
        match self {
            Self::Log => Capability::Log,
            Self::Settings => Capability::Settings,
            Self::Clock => Capability::Clock,
            Self::KvRead | Self::KvWrite => Capability::Kv,
            Self::Http => Capability::Http,
        }
    }

    /// Whether a call of this kind may make this use (the table on [`HostState::grant`]).
    fn allowed_in(self, phase: Phase) -> bool {
        match self {
            Self::Log | Self::Settings | Self::Clock | Self::KvRead => true,
            Self::KvWrite | Self::Http => phase == Phase::After,
        }
    }
}

impl types::Host for HostState {}

/// The WIT functions: each capability's module does the work; its error becomes the message the
/// plugin gets.
impl Host for HostState {
    fn log(&mut self, level: Level, message: String) {
        log::log(self, level, &message);
    }

    fn settings(&mut self) -> String {
        settings::settings(self)
    }

    fn kv_get(&mut self, key: String) -> Result<Option<Vec<u8>>, String> {
        kv::get(self, key).map_err(|e| e.to_string())
    }

    fn kv_set(&mut self, key: String, value: Vec<u8>) -> Result<(), String> {
        kv::set(self, key, value).map_err(|e| e.to_string())
    }

    fn kv_delete(&mut self, key: String) -> Result<(), String> {
        kv::delete(self, key).map_err(|e| e.to_string())
    }

    fn http(&mut self, request: HttpRequest) -> Result<HttpResponse, String> {
        http::request(self, request).map_err(|e| e.to_string())
    }

    fn now(&mut self) -> i64 {
        clock::now(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_hooks_and_loading_may_read_but_not_write_or_call_out() {
        for phase in [Phase::Load, Phase::Before, Phase::After] {
            for use_ in [Use::Log, Use::Settings, Use::Clock, Use::KvRead] {
                assert!(use_.allowed_in(phase), "{use_:?} in {phase:?}");
            }
            for use_ in [Use::KvWrite, Use::Http] {
                assert_eq!(use_.allowed_in(phase), phase == Phase::After, "{use_:?}");
            }
        }
        assert_eq!(Use::KvWrite.capability(), Capability::Kv);
        assert_eq!(
            PluginError::NotInPhase {
                use_: Use::KvWrite,
                phase: Phase::Before
            }
            .to_string(),
            "the key-value store is read-only during before-hooks"
        );
    }
}
