//! Plugins, with the real components: the example plugins in `plugins/` and the misbehaving probe
//! in `tests/plugins/probe` are built from source for wasm32-wasip2 (once per test run) and loaded
//! into the server the way an admin installs them (`<name>.toml` + `<name>.wasm` in
//! `plugins.dir`).
//!
//! Flows: `vetoes`, `isolation`, `lifecycle`, `after_hooks`; `compat`: components built for plugin
//! API 0.1.0, kept as built, still loading and working.

mod after_hooks;
mod compat;
mod isolation;
mod lifecycle;
mod translations;
mod vetoes;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use roster::settings::{OnPluginError, PluginSettings, Settings};
use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

#[path = "../../support/plugin_build.rs"]
mod plugin_build;

use plugin_build::{build_plugins, workspace};

/// The components, built once per test run in a target folder of their own.
pub fn built_plugins() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| build_plugins(&Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugins-wasm")))
}

fn wasm_of(package: &str) -> PathBuf {
    built_plugins().join(format!("{}.wasm", package.replace('-', "_")))
}

/// A plugins folder, laid out as an admin installs plugins.
pub struct PluginDir {
    pub dir: tempfile::TempDir,
    /// Installs the components built for plugin API 0.1.0 and kept as built
    /// (`tests/plugins/api-0.1.0`) instead of today's.
    api_0_1: bool,
}

impl PluginDir {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            api_0_1: false,
        }
    }

    /// A folder whose plugins are the ones built for plugin API 0.1.0, with manifests naming it.
    pub fn built_for_0_1() -> Self {
        Self {
            api_0_1: true,
            ..Self::new()
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The `api_version` this folder's manifests name.
    pub fn api_version(&self) -> String {
        if self.api_0_1 {
            "0.1.0".to_owned()
        } else {
            roster::plugins::manifest::API_VERSION.to_string()
        }
    }

    /// The component of the crate `package` (`roster-plugin-<folder>`), installed as `name`.
    fn component(&self, package: &str, name: &str) -> PathBuf {
        if self.api_0_1 {
            workspace()
                .join("tests/plugins/api-0.1.0")
                .join(format!("{name}.wasm"))
        } else {
            wasm_of(package)
        }
    }

    /// Installs the example plugin in `plugins/<folder>`: its manifest and its component.
    pub fn example(&self, folder: &str) -> &Self {
        let manifest = workspace().join("plugins").join(folder).join("plugin.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let mut parsed: toml::Table = toml::from_str(&text).unwrap();
        parsed.insert("api_version".into(), self.api_version().into());
        let name = parsed["name"].as_str().unwrap().to_owned();
        let component = parsed["component"].as_str().unwrap().to_owned();
        let text = toml::to_string(&parsed).unwrap();
        std::fs::write(self.path().join(format!("{name}.toml")), &text).unwrap();
        std::fs::copy(
            self.component(&format!("roster-plugin-{folder}"), &name),
            self.path().join(component),
        )
        .unwrap();
        self
    }

    /// Writes a manifest for `name` at `version`, running `component` (already in the folder) on
    /// `before-invitation-create`.
    pub fn manifest(&self, name: &str, version: &str, component: &str, capabilities: &[&str]) {
        let manifest = format!(
            "name = \"{name}\"\nversion = \"{version}\"\napi_version = \"{}\"\ncomponent = \"{component}\"\nhooks = [\"before-invitation-create\"]\ncapabilities = {}\n",
            self.api_version(),
            json!(capabilities)
        );
        std::fs::write(self.path().join(format!("{name}.toml")), manifest).unwrap();
    }

    /// Installs the probe component under `name` with its own manifest.
    pub fn probe(&self, name: &str, hooks: &[&str], capabilities: &[&str]) -> &Self {
        self.probe_with(name, "0.1.0", &self.api_version(), hooks, capabilities)
    }

    pub fn probe_with(
        &self,
        name: &str,
        version: &str,
        api_version: &str,
        hooks: &[&str],
        capabilities: &[&str],
    ) -> &Self {
        let manifest = format!(
            "name = \"{name}\"\nversion = \"{version}\"\napi_version = \"{api_version}\"\ncomponent = \"probe.wasm\"\nhooks = {}\ncapabilities = {}\n",
            json!(hooks),
            json!(capabilities)
        );
        std::fs::write(self.path().join(format!("{name}.toml")), manifest).unwrap();
        std::fs::copy(
            self.component("roster-plugin-probe", "probe"),
            self.path().join("probe.wasm"),
        )
        .unwrap();
        self
    }
}

/// Points the server at `dir`, with quick after-hook retries.
pub fn use_plugins(settings: &mut Settings, dir: &Path) {
    settings.plugins.dir = dir.to_owned();
    settings.plugins.cache_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugin-cache");
    settings.plugins.queue.poll_interval = Duration::from_millis(50);
    settings.plugins.queue.backoff = Duration::from_millis(50);
    settings.plugins.queue.max_backoff = Duration::from_millis(200);
    settings.plugins.queue.max_attempts = 3;
}

/// `[plugins.<name>]`, starting from the defaults, with the plugin's own settings from JSON.
pub fn plugin(
    settings: &mut Settings,
    name: &str,
    own: Value,
    adjust: impl FnOnce(&mut PluginSettings),
) {
    let mut entry = PluginSettings {
        settings: serde_json::from_value::<BTreeMap<String, toml::Value>>(own).unwrap(),
        ..PluginSettings::default()
    };
    entry.capabilities.log = true;
    entry.capabilities.settings = true;
    adjust(&mut entry);
    settings.plugins.each.insert(name.to_owned(), entry);
}

struct Owner {
    app: TestApp,
    admin: String,
    owner: String,
    account: String,
}

async fn owner_with_account(backend: Backend, configure: impl FnOnce(&mut Settings)) -> Owner {
    let app = spawn_app_with(backend, configure).await;
    let admin = app.admin_token().await;
    let (owner, account) = app.signup_owner("Olive Hosting").await;
    Owner {
        owner,
        account,
        app,
        admin,
    }
}

async fn invite(o: &Owner, email: &str, permissions: Value) -> reqwest::Response {
    o.app
        .call(
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": permissions })),
        )
        .await
}

/// The link token of the latest invitation mail to `email`.
async fn invitation_token(email: &str) -> String {
    for _ in 0..200 {
        if let Some(mail) = mail_sink()
            .messages_to(email)
            .into_iter()
            .rfind(|m| m.subject() == "Account Access Invitation")
        {
            return link_token(&mail, "invite");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no invitation for {email}");
}

/// One number the query `sql` answers for `bind`.
pub(crate) async fn count(app: &TestApp, sql: &'static str, bind: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind.to_owned())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

/// The admin API's view of one plugin.
async fn plugin_view(app: &TestApp, admin: &str, name: &str) -> Value {
    app.expect(
        200,
        "GET",
        &format!("/api/v1/admin/plugins/{name}"),
        Some(admin),
        None,
    )
    .await
}

fn hook_stats(view: &Value, hook: &str) -> Value {
    view["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["hook"] == hook)
        .cloned()
        .unwrap_or_else(|| panic!("no stats for {hook}: {view}"))
}

/// A receiver for the notifier on `port` (0: any free one): the `Idempotency-Key` (the event id)
/// of every delivery; (its port, the keys).
pub async fn event_receiver(port: u16) -> (u16, Arc<Mutex<Vec<String>>>) {
    use axum::routing::post;
    let received: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = received.clone();
    let app = axum::Router::new().route(
        "/events",
        post(move |headers: axum::http::HeaderMap| {
            let sink = sink.clone();
            async move {
                let key = headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                sink.lock().unwrap().push(key);
                "ok"
            }
        }),
    );
    let socket = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let port = socket.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(socket, app).await });
    (port, received)
}

/// Serves an HTTP listener that records what it is sent; `delay` before each answer.
pub struct Listener {
    pub port: u16,
    /// Each request's `Idempotency-Key` and JSON body, in arrival order.
    pub received: Arc<Mutex<Vec<(String, Value)>>>,
}

impl Listener {
    /// What arrived, once `n` requests have (or `patience` has passed).
    pub async fn wait_for(&self, n: usize, patience: Duration) -> Vec<(String, Value)> {
        let until = Instant::now() + patience;
        while self.received.lock().unwrap().len() < n && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.received.lock().unwrap().clone()
    }
}

/// A listener for the probe's `echo` after-hooks, answering at once.
pub async fn event_listener() -> Listener {
    listener(Duration::ZERO).await
}

async fn listener(delay: Duration) -> Listener {
    use axum::routing::post;
    let received: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let sink = received.clone();
    let app = axum::Router::new().route(
        "/events",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let sink = sink.clone();
            async move {
                tokio::time::sleep(delay).await;
                let key = headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                sink.lock()
                    .unwrap()
                    .push((key, serde_json::from_str(&body).unwrap_or(Value::Null)));
                "ok"
            }
        }),
    );
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = socket.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(socket, app).await });
    Listener { port, received }
}
