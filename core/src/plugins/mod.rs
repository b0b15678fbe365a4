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
//!   compiled components: [`engine`]; the host functions: [`host`].

pub mod admin_http;
pub mod engine;
pub mod host;
pub mod manifest;
pub mod queue;
mod repo;
pub mod staff;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use serde::Serialize;
use utoipa::ToSchema;
use wasmtime::component::{
    Component, ComponentExportIndex, ComponentType, Instance, InstancePre, Linker, Lower,
};
use wasmtime::{Store, StoreLimitsBuilder, Trap};

use self::bindings::roster::plugin::types;
use self::engine::{EngineOptions, PluginEngine};
use self::host::{HostState, Phase, PluginEnv};
use self::manifest::{Hook, Manifest};
use crate::audit::{Actor, Context};
use crate::clock::Clock;
use crate::crypto::new_id;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::permissions::Catalog;
use crate::settings::{OnPluginError, PluginSettings, Settings};

/// Keys of `[plugins]` that are settings, not plugin names.
pub const RESERVED_SETTINGS_KEYS: [&str; 5] =
    ["dir", "cache_dir", "epoch_tick", "max_instances", "queue"];

#[allow(clippy::all, missing_docs)]
pub(crate) mod bindings {
    wasmtime::component::bindgen!({
        world: "plugin",
        path: "../sdk/wit",
    });
}

/// Counters of one hook of one plugin (per server process).
#[derive(Debug, Default)]
struct HookCounters {
    /// Calls started and not yet finished.
    in_flight: AtomicU64,
    calls: AtomicU64,
    denies: AtomicU64,
    traps: AtomicU64,
    timeouts: AtomicU64,
    errors: AtomicU64,
    total_us: AtomicU64,
    max_us: AtomicU64,
}

/// What the admin API shows for one hook.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HookStats {
    pub hook: String,
    /// Calls running now.
    pub in_flight: u64,
    /// Calls finished.
    pub calls: u64,
    pub denies: u64,
    /// Calls that trapped (including running out of memory).
    pub traps: u64,
    /// Calls interrupted at their deadline.
    pub timeouts: u64,
    /// Malformed answers, and after-hooks that reported an error.
    pub errors: u64,
    pub mean_latency_us: u64,
    pub max_latency_us: u64,
}

/// Counters of one plugin, kept across reloads.
#[derive(Debug, Default)]
pub struct Counters {
    hooks: [HookCounters; 13],
}

impl Counters {
    fn of(&self, hook: Hook) -> &HookCounters {
        let index = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        &self.hooks[index]
    }

    /// A call of `hook` starts; [`Counters::record`] ends it.
    fn start(&self, hook: Hook) {
        self.of(hook).in_flight.fetch_add(1, Ordering::Relaxed);
    }

    fn record(&self, hook: Hook, elapsed: Duration, outcome: Tally) {
        let c = self.of(hook);
        c.in_flight.fetch_sub(1, Ordering::Relaxed);
        c.calls.fetch_add(1, Ordering::Relaxed);
        let us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        c.total_us.fetch_add(us, Ordering::Relaxed);
        c.max_us.fetch_max(us, Ordering::Relaxed);
        let counter = match outcome {
            Tally::Ok => return,
            Tally::Deny => &c.denies,
            Tally::Trap => &c.traps,
            Tally::Timeout => &c.timeouts,
            Tally::Error => &c.errors,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn stats(&self, hook: Hook) -> HookStats {
        let c = self.of(hook);
        let calls = c.calls.load(Ordering::Relaxed);
        HookStats {
            hook: hook.name().to_owned(),
            in_flight: c.in_flight.load(Ordering::Relaxed),
            calls,
            denies: c.denies.load(Ordering::Relaxed),
            traps: c.traps.load(Ordering::Relaxed),
            timeouts: c.timeouts.load(Ordering::Relaxed),
            errors: c.errors.load(Ordering::Relaxed),
            mean_latency_us: c.total_us.load(Ordering::Relaxed) / calls.max(1),
            max_latency_us: c.max_us.load(Ordering::Relaxed),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Tally {
    Ok,
    Deny,
    Trap,
    Timeout,
    Error,
}

impl Tally {
    fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Deny => "deny",
            Self::Trap => "trap",
            Self::Timeout => "timeout",
            Self::Error => "error",
        }
    }
}

impl Loaded {
    /// Counts one finished hook call: the plugin's own counters (the admin views) and `/metrics`.
    fn record_call(&self, hook: Hook, elapsed: Duration, tally: Tally) {
        self.counters.record(hook, elapsed, tally);
        crate::stats::plugin_call(self.name(), hook.name(), tally.as_str(), elapsed);
    }
}

/// Why a call produced no answer.
#[derive(Debug, Clone)]
pub enum Failure {
    Timeout,
    Trap(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Timeout => f.write_str("deadline exceeded"),
            Self::Trap(message) => write!(f, "trapped: {message}"),
        }
    }
}

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
    ) -> std::result::Result<R, Failure> {
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
            Some(Trap::Interrupt) => Failure::Timeout,
            _ => Failure::Trap(first_line(&format!("{e:#}"))),
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
fn manifest_files(dir: &Path) -> std::result::Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("plugins.dir {}: {e}", dir.display())),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

impl Shared {
    fn plugin_settings(&self, name: &str) -> PluginSettings {
        self.settings
            .plugins
            .each
            .get(name)
            .cloned()
            .unwrap_or_default()
    }

    /// Reads, checks, compiles and pre-instantiates the plugin whose manifest is at `path`, and
    /// asks it for its permission keys.
    fn load(
        &self,
        path: &Path,
        counters: Arc<Counters>,
    ) -> std::result::Result<Option<Loaded>, String> {
        let manifest = Manifest::read(path)?;
        let settings = self.plugin_settings(&manifest.name);
        if !settings.enabled {
            return Ok(None);
        }
        manifest.check_against(&settings)?;
        let wasm = std::fs::read(&manifest.component).map_err(|e| {
            format!(
                "plugin `{}`: cannot read its component {}: {e}",
                manifest.name,
                manifest.component.display()
            )
        })?;
        let component = self
            .engine
            .component(&wasm, &self.settings.plugins.cache_dir)
            .map_err(|e| format!("plugin `{}`: {e}", manifest.name))?;
        let instance_pre = self
            .linker
            .instantiate_pre(&component)
            .map_err(|e| format!("plugin `{}` cannot be linked: {e}", manifest.name))?;
        // The generated bindings check every export's type once, here; calls then look up only
        // the function they call (`HookExports`), instead of type-checking all of them per call.
        bindings::PluginPre::new(instance_pre.clone()).map_err(|e| {
            format!(
                "plugin `{}` does not export roster:plugin/hooks@{}: {e}",
                manifest.name,
                manifest::API_VERSION
            )
        })?;
        let exports = Arc::new(
            HookExports::find(&component)
                .map_err(|e| format!("plugin `{}`: {e}", manifest.name))?,
        );
        let pre = instance_pre;
        let settings_json = serde_json::to_string(&settings.settings)
            .map_err(|e| format!("[plugins.{}.settings]: {e}", manifest.name))?;
        let env = Arc::new(PluginEnv {
            name: manifest.name.clone(),
            capabilities: manifest.capabilities.clone(),
            http_hosts: settings.capabilities.http_hosts.clone(),
            settings_json,
            db: self.db.clone(),
            clock: self.clock.clone(),
            runtime: self.runtime.clone(),
            http: self.http.clone(),
        });
        let priority = settings.priority.unwrap_or(manifest.priority);
        let mut loaded = Loaded {
            manifest,
            settings,
            priority,
            digest: sha256_hex(&wasm),
            loaded_at: self.clock.now_ms(),
            permission_keys: Vec::new(),
            counters,
            pre,
            exports,
            env,
        };
        let keys = loaded
            .call(
                &self.engine,
                Phase::Load,
                "load",
                loaded.settings.deadline,
                |instance, exports, store| {
                    let f = instance.get_typed_func::<(), (Vec<types::PermissionKey>,)>(
                        &mut *store,
                        &exports.permission_keys,
                    )?;
                    Ok(f.call(store, ())?.0)
                },
            )
            .map_err(|e| format!("plugin `{}` failed at load: {e}", loaded.name()))?;
        loaded.permission_keys = keys.into_iter().map(|k| (k.key, k.title)).collect();
        Ok(Some(loaded))
    }
}

impl Plugins {
    /// Loads every plugin in `plugins.dir` (unless turned off with `enabled = false`) and builds
    /// the permission catalog with their keys. Any problem stops start-up with a message that
    /// says what to change.
    pub fn load(
        settings: &Settings,
        db: &Db,
        clock: &Clock,
    ) -> std::result::Result<(Self, Catalog), String> {
        let dir = &settings.plugins.dir;
        let files = manifest_files(dir)?;
        for name in settings.plugins.each.keys() {
            let configured = &settings.plugins.each[name];
            let path = dir.join(format!("{name}.toml"));
            if configured.enabled && !path.is_file() {
                return Err(format!(
                    "plugin `{name}` is configured ([plugins.{name}]) but {} does not exist; install it or set [plugins.{name}] enabled = false",
                    path.display()
                ));
            }
        }
        if files.is_empty() {
            return Ok((Self::default(), Catalog::default()));
        }
        let max_memory = files
            .iter()
            .filter_map(|p| p.file_stem()?.to_str())
            .map(|name| {
                settings
                    .plugins
                    .each
                    .get(name)
                    .map(|s| s.memory_bytes)
                    .unwrap_or_else(|| PluginSettings::default().memory_bytes)
            })
            .max()
            .unwrap_or_else(|| PluginSettings::default().memory_bytes);
        let engine = PluginEngine::new(&EngineOptions {
            max_memory_bytes: max_memory,
            max_instances: settings.plugins.max_instances,
            tick: settings.plugins.epoch_tick,
        })?;
        let mut linker = Linker::new(&engine.engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker)
            .map_err(|e| format!("plugins: linking WASI: {e}"))?;
        bindings::Plugin::add_to_linker::<_, wasmtime::component::HasSelf<_>>(
            &mut linker,
            |state| state,
        )
        .map_err(|e| format!("plugins: linking the host API: {e}"))?;
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("roster-plugin/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("plugins: HTTP client: {e}"))?;
        let shared = Shared {
            engine,
            linker,
            settings: settings.clone(),
            db: db.clone(),
            clock: clock.clone(),
            runtime: tokio::runtime::Handle::try_current().ok(),
            http,
        };
        let mut loaded = Vec::new();
        for path in files {
            if let Some(plugin) = shared.load(&path, Arc::default())? {
                tracing::info!(
                    plugin = plugin.name(),
                    version = %plugin.manifest.version,
                    hooks = plugin.manifest.hooks.len(),
                    "plugin loaded"
                );
                loaded.push(Arc::new(plugin));
            }
        }
        sort_by_priority(&mut loaded);
        let mut catalog = Catalog::default();
        for plugin in &loaded {
            catalog
                .add_plugin_keys(plugin.name(), &plugin.permission_keys)
                .map_err(|e| format!("plugin `{}`: {e}", plugin.name()))?;
        }
        let inner = Inner {
            shared,
            catalog: Arc::new(catalog.clone()),
            loaded: ArcSwap::from_pointee(loaded),
            reload: tokio::sync::Mutex::new(()),
            wake: tokio::sync::Notify::new(),
        };
        Ok((
            Self {
                inner: Some(Arc::new(inner)),
            },
            catalog,
        ))
    }

    /// The plugins now loaded, in the order their hooks run.
    pub fn loaded(&self) -> Arc<Vec<Arc<Loaded>>> {
        match &self.inner {
            Some(inner) => inner.loaded.load_full(),
            None => Arc::new(Vec::new()),
        }
    }

    /// Loads the plugin `name` again from disk (a new version) and swaps it in atomically: calls
    /// already running finish on the old version. A version that fails to load leaves the old one
    /// running and the error is returned. Settings are those read at start-up.
    pub async fn reload(&self, name: &str) -> Result<Arc<Loaded>> {
        let inner = self.inner.as_ref().ok_or(Error::NotFound("plugin"))?;
        let _one_at_a_time = inner.reload.lock().await;
        let current = inner.loaded.load_full();
        let old = self.get(name).ok_or(Error::NotFound("plugin"))?;
        let path = inner
            .shared
            .settings
            .plugins
            .dir
            .join(format!("{name}.toml"));
        let this = inner.clone();
        let counters = old.counters.clone();
        let fresh = tokio::task::spawn_blocking(move || this.shared.load(&path, counters))
            .await
            .map_err(|e| Error::internal(format!("plugin reload task: {e}")))?
            .map_err(Error::PluginInvalid)?
            .ok_or_else(|| {
                Error::PluginInvalid(format!(
                    "plugin `{name}` is turned off in the settings; restart to apply that"
                ))
            })?;
        if fresh.manifest.name != name {
            return Err(Error::PluginInvalid(format!(
                "the manifest now names the plugin `{}`, not `{name}`",
                fresh.manifest.name
            )));
        }
        if fresh.permission_keys != old.permission_keys {
            return Err(Error::PluginInvalid(format!(
                "plugin `{name}` now adds different permission keys; restart the server to change the catalog"
            )));
        }
        let fresh = Arc::new(fresh);
        let mut next: Vec<Arc<Loaded>> = current
            .iter()
            .map(|p| {
                if p.name() == name {
                    fresh.clone()
                } else {
                    p.clone()
                }
            })
            .collect();
        sort_by_priority(&mut next);
        inner.loaded.store(Arc::new(next));
        tracing::info!(plugin = name, version = %fresh.manifest.version, "plugin reloaded");
        Ok(fresh)
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

    async fn run_before(&self, hook: Hook, ctx: &Context, request: Request) -> Result<Request> {
        let plugins = self.subscribed(hook);
        if plugins.is_empty() {
            return Ok(request);
        }
        let this = self.clone();
        let ctx = ctx.clone();
        tokio::task::spawn_blocking(move || this.run_chain(&plugins, hook, &ctx, request))
            .await
            .map_err(|e| Error::internal(format!("plugin task: {e}")))?
    }

    /// Runs the before-hook chain on the calling thread: each subscribed plugin in priority
    /// order, each in a fresh instance; the first deny wins.
    fn run_before_blocking(&self, hook: Hook, ctx: &Context, request: Request) -> Result<Request> {
        self.run_chain(&self.subscribed(hook), hook, ctx, request)
    }

    fn run_chain(
        &self,
        plugins: &[Arc<Loaded>],
        hook: Hook,
        ctx: &Context,
        request: Request,
    ) -> Result<Request> {
        let Some(inner) = self.inner.as_ref() else {
            return Ok(request);
        };
        let actor = match &ctx.actor {
            Actor::User(id) => types::Actor::User(id.clone()),
            Actor::Admin(id) | Actor::Staff(id) => types::Actor::Admin(id.clone()),
            Actor::Plugin(id) => types::Actor::Plugin(id.clone()),
            Actor::System | Actor::Job(_) => types::Actor::System,
        };
        let mut request = request;
        for plugin in plugins {
            let call = types::CallContext {
                call_id: new_id(),
                actor: actor.clone(),
                ip: ctx.ip.clone(),
            };
            plugin.counters.start(hook);
            let started = Instant::now();
            let outcome = plugin.call(
                &inner.shared.engine,
                Phase::Before,
                &call.call_id,
                plugin.settings.deadline,
                |instance, exports, store| request.call(instance, exports, store, &call),
            );
            let verdict = judge(hook, &inner.catalog, outcome);
            let tally = match &verdict {
                Verdict::Allow | Verdict::Grant(_) => Tally::Ok,
                Verdict::Deny { .. } => Tally::Deny,
                Verdict::Failed(Failure::Timeout) => Tally::Timeout,
                Verdict::Failed(Failure::Trap(_)) => Tally::Trap,
                Verdict::Garbage(_) => Tally::Error,
            };
            plugin.record_call(hook, started.elapsed(), tally);
            match verdict {
                Verdict::Allow => {}
                Verdict::Grant(permissions) => request.grant(permissions),
                Verdict::Deny { code, message } => {
                    tracing::info!(
                        plugin = plugin.name(),
                        hook = hook.name(),
                        call_id = %call.call_id,
                        reason = %code,
                        "action vetoed by plugin"
                    );
                    return Err(Error::VetoedByPlugin {
                        plugin: plugin.name().to_owned(),
                        code,
                        message,
                    });
                }
                Verdict::Failed(failure) => {
                    on_failure(plugin, hook, &call.call_id, &failure.to_string())?
                }
                Verdict::Garbage(why) => on_failure(plugin, hook, &call.call_id, &why)?,
            }
        }
        Ok(request)
    }

    /// `before-invitation-create` on the calling thread (blocking it for up to the plugins'
    /// deadlines): for benchmarks and callers outside the async runtime. The server uses
    /// [`Plugins::before_invitation_create`].
    pub fn before_invitation_create_blocking(
        &self,
        ctx: &Context,
        account_id: &str,
        email: &str,
        permissions: &[String],
    ) -> Result<()> {
        let request = Request::invitation_create(account_id, email, permissions);
        self.run_before_blocking(Hook::BeforeInvitationCreate, ctx, request)
            .map(drop)
    }

    /// `before-invitation-create`: may veto.
    pub async fn before_invitation_create(
        &self,
        ctx: &Context,
        account_id: &str,
        email: &str,
        permissions: &[String],
    ) -> Result<()> {
        let request = Request::invitation_create(account_id, email, permissions);
        self.run_before(Hook::BeforeInvitationCreate, ctx, request)
            .await
            .map(drop)
    }

    /// `before-invitation-accept`: may veto, or change the permissions granted; answers the
    /// permissions to grant.
    pub async fn before_invitation_accept(
        &self,
        ctx: &Context,
        request: AcceptRequest,
    ) -> Result<Vec<String>> {
        let request = self
            .run_before(
                Hook::BeforeInvitationAccept,
                ctx,
                Request::InvitationAccept(types::InvitationAccept {
                    account_id: request.account_id,
                    invitation_id: request.invitation_id,
                    invited_email: request.invited_email,
                    user_id: request.user_id,
                    user_email: request.user_email,
                    new_user: request.new_user,
                    permissions: request.permissions,
                }),
            )
            .await?;
        match request {
            Request::InvitationAccept(accept) => Ok(accept.permissions),
            _ => Err(Error::internal("plugin request changed kind")),
        }
    }

    /// `before-ownership-transfer`: may veto.
    pub async fn before_ownership_transfer(
        &self,
        ctx: &Context,
        account_id: &str,
        from_user_id: &str,
        to_user_id: &str,
        keep_previous_owner: bool,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeOwnershipTransfer,
            ctx,
            Request::OwnershipTransfer(types::OwnershipTransfer {
                account_id: account_id.to_owned(),
                from_user_id: from_user_id.to_owned(),
                to_user_id: to_user_id.to_owned(),
                keep_previous_owner,
            }),
        )
        .await
        .map(drop)
    }

    /// `before-user-removal`: may veto.
    pub async fn before_user_removal(
        &self,
        ctx: &Context,
        account_id: &str,
        user_id: &str,
        leaving: bool,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeUserRemoval,
            ctx,
            Request::UserRemoval(types::UserRemoval {
                account_id: account_id.to_owned(),
                user_id: user_id.to_owned(),
                leaving,
            }),
        )
        .await
        .map(drop)
    }

    /// `before-login`: may veto.
    pub async fn before_login(
        &self,
        ctx: &Context,
        user_id: &str,
        email: &str,
        user_agent: Option<&str>,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeLogin,
            ctx,
            Request::Login(types::LoginAttempt {
                user_id: user_id.to_owned(),
                email: email.to_owned(),
                user_agent: user_agent.map(str::to_owned),
            }),
        )
        .await
        .map(drop)
    }
}

/// What `before-invitation-accept` is told.
#[derive(Debug, Clone)]
pub struct AcceptRequest {
    pub account_id: String,
    pub invitation_id: String,
    pub invited_email: String,
    pub user_id: String,
    pub user_email: String,
    pub new_user: bool,
    pub permissions: Vec<String>,
}

fn sort_by_priority(plugins: &mut [Arc<Loaded>]) {
    plugins.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then_with(|| a.name().cmp(b.name()))
    });
}

/// A before-hook's input.
#[derive(Debug, Clone)]
enum Request {
    InvitationCreate(types::InvitationCreate),
    InvitationAccept(types::InvitationAccept),
    OwnershipTransfer(types::OwnershipTransfer),
    UserRemoval(types::UserRemoval),
    Login(types::LoginAttempt),
}

impl Request {
    fn invitation_create(account_id: &str, email: &str, permissions: &[String]) -> Self {
        Self::InvitationCreate(types::InvitationCreate {
            account_id: account_id.to_owned(),
            email: email.to_owned(),
            permissions: permissions.to_vec(),
        })
    }

    fn call(
        &self,
        instance: &Instance,
        exports: &HookExports,
        store: &mut Store<HostState>,
        ctx: &types::CallContext,
    ) -> wasmtime::Result<types::Decision> {
        match self {
            Self::InvitationCreate(r) => {
                decide(instance, store, &exports.before_invitation_create, ctx, r)
            }
            Self::InvitationAccept(r) => {
                decide(instance, store, &exports.before_invitation_accept, ctx, r)
            }
            Self::OwnershipTransfer(r) => {
                decide(instance, store, &exports.before_ownership_transfer, ctx, r)
            }
            Self::UserRemoval(r) => decide(instance, store, &exports.before_user_removal, ctx, r),
            Self::Login(r) => decide(instance, store, &exports.before_login, ctx, r),
        }
    }

    fn grant(&mut self, permissions: Vec<String>) {
        if let Self::InvitationAccept(r) = self {
            r.permissions = permissions;
        }
    }
}

/// Calls one before-hook export: `(call-context, request) -> decision`.
fn decide<R>(
    instance: &Instance,
    store: &mut Store<HostState>,
    index: &ComponentExportIndex,
    ctx: &types::CallContext,
    request: &R,
) -> wasmtime::Result<types::Decision>
where
    R: ComponentType + Lower,
{
    let f = instance
        .get_typed_func::<(&types::CallContext, &R), (types::Decision,)>(&mut *store, index)?;
    Ok(f.call(store, (ctx, request))?.0)
}

/// Where each function of `roster:plugin/hooks` sits in a component, found once at load.
pub(crate) struct HookExports {
    permission_keys: ComponentExportIndex,
    before_invitation_create: ComponentExportIndex,
    before_invitation_accept: ComponentExportIndex,
    before_ownership_transfer: ComponentExportIndex,
    before_user_removal: ComponentExportIndex,
    before_login: ComponentExportIndex,
    pub(crate) after_event: ComponentExportIndex,
}

impl HookExports {
    fn find(component: &Component) -> std::result::Result<Self, String> {
        let interface = format!("roster:plugin/hooks@{}", manifest::API_VERSION);
        let hooks = component
            .get_export_index(None, interface.as_str())
            .ok_or_else(|| format!("does not export {interface}"))?;
        let function = |name: &str| {
            component
                .get_export_index(Some(&hooks), name)
                .ok_or_else(|| format!("{interface} has no `{name}`"))
        };
        Ok(Self {
            permission_keys: function("permission-keys")?,
            before_invitation_create: function("before-invitation-create")?,
            before_invitation_accept: function("before-invitation-accept")?,
            before_ownership_transfer: function("before-ownership-transfer")?,
            before_user_removal: function("before-user-removal")?,
            before_login: function("before-login")?,
            after_event: function("after-event")?,
        })
    }
}

/// A before-hook's answer, checked.
#[derive(Debug)]
enum Verdict {
    Allow,
    Grant(Vec<String>),
    Deny { code: String, message: String },
    Failed(Failure),
    Garbage(String),
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn judge(
    hook: Hook,
    catalog: &Catalog,
    outcome: std::result::Result<types::Decision, Failure>,
) -> Verdict {
    match outcome {
        Err(failure) => Verdict::Failed(failure),
        Ok(types::Decision::Allow) => Verdict::Allow,
        Ok(types::Decision::Deny(denial)) => {
            let message = denial.message.trim();
            if !valid_code(&denial.code) {
                Verdict::Garbage(format!(
                    "denied with a malformed code `{}`",
                    first_line(&denial.code)
                ))
            } else if message.is_empty() || message.chars().count() > 500 {
                Verdict::Garbage(
                    "denied without a message (or with more than 500 characters)".into(),
                )
            } else {
                Verdict::Deny {
                    code: denial.code,
                    message: message.to_owned(),
                }
            }
        }
        Ok(types::Decision::GrantPermissions(keys)) => {
            if hook != Hook::BeforeInvitationAccept {
                return Verdict::Garbage(format!("answered grant-permissions to {hook}"));
            }
            match catalog.parse_set(&keys) {
                Ok(set) => Verdict::Grant(set),
                Err(e) => Verdict::Garbage(format!("granted {e}")),
            }
        }
    }
}

/// A failed before-hook under the plugin's `on_error` policy.
fn on_failure(plugin: &Loaded, hook: Hook, call_id: &str, why: &str) -> Result<()> {
    match plugin.settings.on_error {
        OnPluginError::FailClosed => {
            tracing::warn!(
                plugin = plugin.name(),
                hook = hook.name(),
                call_id,
                error = why,
                "plugin failed; the action is refused (on_error = fail_closed)"
            );
            Err(Error::PluginFailed {
                plugin: plugin.name().to_owned(),
            })
        }
        OnPluginError::FailOpen => {
            tracing::warn!(
                plugin = plugin.name(),
                hook = hook.name(),
                call_id,
                error = why,
                "plugin failed; the action goes on (on_error = fail_open)"
            );
            Ok(())
        }
    }
}
