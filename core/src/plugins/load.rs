//! Loading the plugins at start-up and reloading one: manifests read and checked, components
//! compiled (or taken from the cache), instantiated once to read their permission keys, and
//! swapped in atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;
use wasmtime::component::Linker;

use super::before::HookExports;
use super::bindings::roster::plugin::types;
use super::engine::{EngineOptions, PluginEngine};
use super::error::PluginError;
use super::host::{Phase, PluginEnv};
use super::manifest::{Api, Manifest};
use super::{Counters, Inner, Loaded, Plugins, Shared, bindings};
use crate::clock::Clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::permissions::Catalog;
use crate::settings::{PluginSettings, Settings};

fn manifest_files(dir: &Path) -> std::result::Result<Vec<PathBuf>, PluginError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("plugins.dir {}: {e}", dir.display()).into()),
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
    ) -> std::result::Result<Option<Loaded>, PluginError> {
        let manifest = Manifest::read(path)?;
        let settings = self.plugin_settings(&manifest.name);
        if !settings.enabled {
            return Ok(None);
        }
        let api = manifest.check_against(&settings)?;
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
        let checked = match api {
            Api::Current => bindings::PluginPre::new(instance_pre.clone()).map(drop),
            Api::V0_1 => bindings::v0_1::PluginPre::new(instance_pre.clone()).map(drop),
        };
        checked.map_err(|e| {
            format!(
                "plugin `{}` (api_version {}) does not export roster:plugin/hooks@{}: {e}",
                manifest.name,
                manifest.api_version,
                api.package_version()
            )
        })?;
        let exports = Arc::new(
            HookExports::find(&component, api)
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
        if let Some(problem) = loaded
            .manifest
            .translations
            .unknown_permission(&loaded.permission_keys)
        {
            return Err(format!("plugin `{}`: {problem}", loaded.name()).into());
        }
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
    ) -> std::result::Result<(Self, Catalog), PluginError> {
        let dir = &settings.plugins.dir;
        let files = manifest_files(dir)?;
        for name in settings.plugins.each.keys() {
            let configured = &settings.plugins.each[name];
            let path = dir.join(format!("{name}.toml"));
            if configured.enabled && !path.is_file() {
                return Err(format!(
                    "plugin `{name}` is configured ([plugins.{name}]) but {} does not exist; install it or set [plugins.{name}] enabled = false",
                    path.display()
                )
                .into());
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
        super::api_0_1::add_to_linker(&mut linker)
            .map_err(|e| format!("plugins: linking the host API 0.1: {e}"))?;
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
                .add_plugin_keys(
                    plugin.name(),
                    &plugin.permission_keys,
                    &plugin.manifest.translations,
                )
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
            .map_err(|e| Error::PluginInvalid(e.to_string()))?
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
        if fresh.permission_keys != old.permission_keys
            || fresh.manifest.translations != old.manifest.translations
        {
            return Err(Error::PluginInvalid(format!(
                "plugin `{name}` now adds different permission keys or titles; restart the server to change the catalog"
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
}

fn sort_by_priority(plugins: &mut [Arc<Loaded>]) {
    plugins.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then_with(|| a.name().cmp(b.name()))
    });
}
