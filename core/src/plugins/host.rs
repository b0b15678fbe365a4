//! What a plugin instance sees: the store data of one hook call, and the host functions of
//! `roster:plugin/host`, each checked against the capabilities the plugin was granted.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use wasmtime::StoreLimits;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::roster::plugin::host::Host;
use super::bindings::roster::plugin::types::{self, HttpRequest, HttpResponse, Level};
use super::manifest::Capability;
use crate::clock::Clock;
use crate::db::Db;

/// The most a plugin may keep under one key, and the longest key.
const KV_MAX_VALUE: usize = 64 * 1024;
const KV_MAX_KEY: usize = 256;
/// The largest response body handed back to a plugin.
const HTTP_MAX_BODY: usize = 1024 * 1024;
/// Log lines are cut here.
const LOG_MAX: usize = 4096;

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

/// Which kind of hook is running: before-hooks run inside the action's transaction, so they
/// may not write (key-value) or wait on the network (HTTP).
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

    fn granted(&self, capability: Capability) -> Result<(), String> {
        if self.env.capabilities.contains(&capability) {
            Ok(())
        } else {
            Err(format!(
                "the `{}` capability was not granted to plugin `{}`",
                capability.name(),
                self.env.name
            ))
        }
    }

    /// Logs a key-value store failure; the plugin is told only that the store is unavailable.
    fn kv_unavailable(&self, what: &str, error: &crate::error::Error) -> String {
        tracing::warn!(plugin = %self.env.name, error = %error, "plugin key-value {what} failed");
        "the key-value store is unavailable".to_owned()
    }

    fn block_on<F: std::future::Future>(&self, future: F) -> Result<F::Output, String> {
        match &self.env.runtime {
            Some(runtime) => Ok(runtime.block_on(future)),
            None => Err("not available here".to_owned()),
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

impl types::Host for HostState {}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `url`'s host (and port) is in `allowed`: an entry `host` allows any port, an entry
/// `host:port` only that port. Only http and https.
pub fn host_allowed(url: &url::Url, allowed: &[String]) -> bool {
    if !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    let Some(host) = url.host_str() else {
        return false;
    };
    let port = url.port_or_known_default();
    allowed.iter().any(|entry| {
        let entry = entry.trim().to_ascii_lowercase();
        match entry.rsplit_once(':') {
            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => {
                h == host && p.parse::<u16>().ok() == port
            }
            _ => entry == host,
        }
    })
}

impl Host for HostState {
    fn log(&mut self, level: Level, message: String) {
        if self.granted(Capability::Log).is_err() {
            return;
        }
        let message = truncate(&message, LOG_MAX);
        let plugin = self.env.name.as_str();
        let call_id = self.call_id.as_str();
        match level {
            Level::Trace => tracing::trace!(target: "roster::plugin", plugin, call_id, "{message}"),
            Level::Debug => tracing::debug!(target: "roster::plugin", plugin, call_id, "{message}"),
            Level::Info => tracing::info!(target: "roster::plugin", plugin, call_id, "{message}"),
            Level::Warn => tracing::warn!(target: "roster::plugin", plugin, call_id, "{message}"),
            Level::Error => tracing::error!(target: "roster::plugin", plugin, call_id, "{message}"),
        }
    }

    fn settings(&mut self) -> String {
        if self.granted(Capability::Settings).is_err() {
            return "{}".to_owned();
        }
        self.env.settings_json.clone()
    }

    fn kv_get(&mut self, key: String) -> Result<Option<Vec<u8>>, String> {
        self.granted(Capability::Kv)?;
        if key.len() > KV_MAX_KEY {
            return Err(format!("keys are at most {KV_MAX_KEY} bytes"));
        }
        let db = self.env.db.clone();
        let plugin = self.env.name.clone();
        let value = self
            .block_on(async move { super::repo::kv_get(&db, &plugin, &key).await })?
            .map_err(|e| self.kv_unavailable("read", &e))?;
        value
            .map(|v| {
                base64::engine::general_purpose::STANDARD
                    .decode(v)
                    .map_err(|_| "stored value is damaged".to_owned())
            })
            .transpose()
    }

    fn kv_set(&mut self, key: String, value: Vec<u8>) -> Result<(), String> {
        self.granted(Capability::Kv)?;
        if self.phase == Phase::Before {
            return Err("the key-value store is read-only during before-hooks".to_owned());
        }
        if key.len() > KV_MAX_KEY || value.len() > KV_MAX_VALUE {
            return Err(format!(
                "keys are at most {KV_MAX_KEY} bytes and values at most {KV_MAX_VALUE}"
            ));
        }
        let db = self.env.db.clone();
        let plugin = self.env.name.clone();
        let now = self.env.clock.now_ms();
        let encoded = base64::engine::general_purpose::STANDARD.encode(value);
        self.block_on(async move { super::repo::kv_set(&db, &plugin, &key, &encoded, now).await })?
            .map_err(|e| self.kv_unavailable("write", &e))
    }

    fn kv_delete(&mut self, key: String) -> Result<(), String> {
        self.granted(Capability::Kv)?;
        if self.phase == Phase::Before {
            return Err("the key-value store is read-only during before-hooks".to_owned());
        }
        let db = self.env.db.clone();
        let plugin = self.env.name.clone();
        self.block_on(async move { super::repo::kv_delete(&db, &plugin, &key).await })?
            .map_err(|e| self.kv_unavailable("delete", &e))
    }

    fn http(&mut self, request: HttpRequest) -> Result<HttpResponse, String> {
        self.granted(Capability::Http)?;
        if self.phase != Phase::After {
            return Err("outbound HTTP is for after-hooks only".to_owned());
        }
        let url = url::Url::parse(&request.url).map_err(|e| format!("bad url: {e}"))?;
        if !host_allowed(&url, &self.env.http_hosts) {
            tracing::warn!(
                plugin = %self.env.name,
                call_id = %self.call_id,
                host = url.host_str().unwrap_or(""),
                "plugin asked for a host it was not granted"
            );
            return Err(format!(
                "host `{}` is not in [plugins.{}.capabilities] http_hosts",
                url.host_str().unwrap_or(""),
                self.env.name
            ));
        }
        let method = reqwest::Method::from_bytes(request.method.to_ascii_uppercase().as_bytes())
            .map_err(|_| format!("bad method `{}`", request.method))?;
        let remaining = self.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err("the hook's deadline has passed".to_owned());
        }
        let mut builder = self
            .env
            .http
            .request(method, url)
            .timeout(remaining)
            .body(request.body);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        self.block_on(async move {
            let response = builder
                .send()
                .await
                .map_err(|e| format!("request failed: {e}"))?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect();
            let body = response
                .bytes()
                .await
                .map_err(|e| format!("reading the response failed: {e}"))?;
            let body = body[..body.len().min(HTTP_MAX_BODY)].to_vec();
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })?
    }

    fn now(&mut self) -> i64 {
        if self.granted(Capability::Clock).is_err() {
            return 0;
        }
        self.env.clock.now_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_http_allow_list_matches_host_and_port() {
        let allowed = vec!["hooks.example.com".to_owned(), "127.0.0.1:9000".to_owned()];
        let ok = |u: &str| host_allowed(&url::Url::parse(u).unwrap(), &allowed);
        assert!(ok("https://hooks.example.com/x"));
        assert!(ok("http://hooks.example.com:8080/x"));
        assert!(ok("http://127.0.0.1:9000/hook"));
        assert!(!ok("http://127.0.0.1:9001/hook"));
        assert!(!ok("http://evil.example.com/"));
        assert!(!ok("http://hooks.example.com.evil.test/"));
        assert!(!ok("ftp://hooks.example.com/"));
    }
}
