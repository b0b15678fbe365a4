//! The plugin host (DESIGN.md §3): WebAssembly components built against `sdk/`, run by wasmtime
//! at fixed points of Roster's flows.
//!
//! - `before-*` hooks run inside the action's transaction, in priority order, each in a fresh
//!   instance with a deadline (epoch interruption) and a memory cap; the first deny wins and the
//!   caller sees it as a `vetoed_by_plugin` problem. A plugin that traps, runs out of time or
//!   answers something malformed is handled by its `on_error` policy (fail closed by default).
//! - `after-*` hooks get the committed domain events from a durable queue in the database
//!   ([`queue`]).
//! - Manifests, capabilities and settings: [`manifest`]; the engine and its on-disk cache of
//!   compiled components: [`engine`]; the host functions: [`host`]; the before-hook chain and its
//!   verdicts: `before`; per-hook counters (admin views and `/metrics`): `counters`; loading and
//!   reloading: `load`; plugins built for an earlier API line: `api_0_1`. This file holds the
//!   plugins.

pub mod admin_http;
pub mod admin_pages;
mod after_events;
mod api_0_1;
mod before;
mod before_hooks;
mod counters;
pub mod engine;
pub mod error;
pub mod host;
mod load;
pub mod manifest;
pub mod queue;
mod repo;
pub mod service;
pub mod translations;
mod version;

use before::HookExports;
pub use before_hooks::{AcceptRequest, TokenRequest};
use counters::Tally;
pub use counters::{Counters, HookStats};

use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use wasmtime::component::{Instance, InstancePre, Linker};
use wasmtime::{Store, StoreLimitsBuilder, Trap};

use self::engine::PluginEngine;
use self::error::PluginError;
use self::host::{HostState, Phase, PluginEnv};
use self::manifest::{Hook, Manifest};
use crate::clock::Clock;
use crate::db::Db;
use crate::permissions::Catalog;
use crate::settings::{PluginSettings, Settings};

/// Keys of `[plugins]` that are settings, not plugin names.
pub const RESERVED_SETTINGS_KEYS: [&str; 5] =
    ["dir", "cache_dir", "epoch_tick", "max_instances", "queue"];

/// The plugin API, generated from its WIT: the current package (`sdk/wit`) here, and each earlier
/// line still served from its frozen copy (`v0_1`, see `api_0_1`).
#[allow(clippy::all, missing_docs)]
pub(crate) mod bindings {
    wasmtime::component::bindgen!({
        world: "plugin",
        path: "../sdk/wit",
    });

    pub(crate) mod v0_1 {
        wasmtime::component::bindgen!({
            world: "plugin",
            path: "../sdk/wit-frozen/0.1.0",
        });
    }
}

/// How many times a request is judged by the before-hooks, at most, when what they judged changed
/// before it could be written (someone else's change got in between); then `409 conflict`.
pub const JUDGEMENTS: usize = 3;

/// One loaded plugin version. In-flight calls keep the version they started with alive; a
/// reload swaps in a new `Loaded`.
pub struct Loaded {
    pub manifest: Manifest,
    pub settings: PluginSettings,
    pub priority: i32,
    /// SHA-256 of the component file.
    pub digest: String,
    pub loaded_at: i64,
    pub permission_keys: Vec<(String, String)>,
    pub counters: Arc<Counters>,
    pre: InstancePre<HostState>,
    exports: Arc<HookExports>,
    env: Arc<PluginEnv>,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("name", &self.manifest.name)
            .field("version", &self.manifest.version)
            .finish_non_exhaustive()
    }
}

impl Loaded {
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    pub fn subscribes(&self, hook: Hook) -> bool {
        self.manifest.hooks.contains(&hook)
    }

    /// Runs `f` against a fresh instance with the plugin's memory cap and `budget` as deadline.
    fn call<R>(
        &self,
        engine: &PluginEngine,
        phase: Phase,
        call_id: &str,
        budget: Duration,
        f: impl FnOnce(&Instance, &HookExports, &mut Store<HostState>) -> wasmtime::Result<R>,
    ) -> std::result::Result<R, PluginError> {
        let memory = usize::try_from(self.settings.memory_bytes).unwrap_or(usize::MAX);
        let limits = StoreLimitsBuilder::new()
            .memory_size(memory)
            .trap_on_grow_failure(true)
            .build();
        let state = HostState::new(self.env.clone(), limits, call_id.to_owned(), phase, budget);
        let mut store = Store::new(&engine.engine, state);
        store.limiter(|s| &mut s.limits);
        store.set_epoch_deadline(engine.ticks_for(budget));
        store.epoch_deadline_trap();
        let result = self
            .pre
            .instantiate(&mut store)
            .and_then(|instance| f(&instance, &self.exports, &mut store));
        // The store (and the instance, trapped or not) is dropped here: never reused.
        result.map_err(|e| match e.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => PluginError::Timeout,
            _ => PluginError::Trap(first_line(&format!("{e:#}"))),
        })
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(300)
        .collect()
}

/// What the loading code needs, shared by start-up and reload.
struct Shared {
    engine: PluginEngine,
    linker: Linker<HostState>,
    settings: Settings,
    db: Db,
    clock: Clock,
    runtime: Option<tokio::runtime::Handle>,
    http: reqwest::Client,
}

struct Inner {
    shared: Shared,
    catalog: Arc<Catalog>,
    loaded: ArcSwap<Vec<Arc<Loaded>>>,
    reload: tokio::sync::Mutex<()>,
    /// Wakes the after-hook queue when this process commits an event.
    pub(crate) wake: tokio::sync::Notify,
}

/// The plugins of this server; cheap to clone. With no plugin installed it holds nothing and
/// every hook returns at once.
#[derive(Clone, Default)]
pub struct Plugins {
    inner: Option<Arc<Inner>>,
}

impl std::fmt::Debug for Plugins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plugins")
            .field("loaded", &self.loaded().len())
            .finish()
    }
}

/// The manifests in `dir` (`<name>.toml` files at its top level), in name order.
impl Plugins {
    /// The plugins now loaded, in the order their hooks run.
    pub fn loaded(&self) -> Arc<Vec<Arc<Loaded>>> {
        match &self.inner {
            Some(inner) => inner.loaded.load_full(),
            None => Arc::new(Vec::new()),
        }
    }

    /// The loaded plugin called `name`, if any.
    pub fn get(&self, name: &str) -> Option<Arc<Loaded>> {
        self.loaded().iter().find(|p| p.name() == name).cloned()
    }

    fn subscribed(&self, hook: Hook) -> Vec<Arc<Loaded>> {
        self.loaded()
            .iter()
            .filter(|p| p.subscribes(hook))
            .cloned()
            .collect()
    }

    /// Wakes this process's after-hook delivery (called after a commit that recorded events).
    pub fn notify_committed(&self) {
        if let Some(inner) = &self.inner {
            inner.wake.notify_one();
        }
    }
}
