//! What the benchmarks share: a throw-away PostgreSQL database, Roster's authorisation query, the
//! example plugins' installation, and the HTTP load loop. Each bench includes it with
//! `#[path = "support/common.rs"] mod common;` and uses what it needs.
#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::{Connection, Executor, PgConnection};
use tokio::io::{AsyncBufReadExt, BufReader};

/// The environment variable `name` parsed, or `default` (a bench's knobs: `BENCH_SECONDS`, …).
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The multi-threaded runtime a bench runs on, with the TLS provider Roster installs at start-up.
pub fn runtime() -> tokio::runtime::Runtime {
    roster::install_crypto_provider();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// The query `AccountUser` runs on every account-scoped request (core/src/sessions/repo/mod.rs).
/// Kept word for word: since the support sign-ins it reads the session's three `support_staff_*`
/// columns too, and a baseline that skipped them would not make the same query.
pub const AUTHZ_QUERY: &str = "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.support_staff_id, \
     s.support_staff_email, s.support_staff_role, a.owner_user_id, m.permissions, \
     m.last_login_at AS member_last_login_at \
     FROM sessions s JOIN users u ON u.id = s.user_id \
     LEFT JOIN memberships m ON m.user_id = s.user_id AND m.account_id = $2 \
     LEFT JOIN accounts a ON a.id = m.account_id \
     WHERE s.token_hash = $1 AND u.status = 'active'";

/// The query `GET /me/accounts` runs: the session with one page of its user's accounts
/// (core/src/sessions/repo/mod.rs, `by_token_hash_with_accounts`).
pub const MY_ACCOUNTS_QUERY: &str = "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.support_staff_id, \
       s.support_staff_email, s.support_staff_role, a.id AS account_id, a.number AS account_number, \
       a.owner_user_id, a.company_name, a.billing_email, a.address1, a.address2, a.city, a.state, a.postcode, \
       a.country, a.phone, a.tax_id, a.currency, a.status, a.created_at AS account_created_at, \
       a.updated_at AS account_updated_at, m.permissions \
     FROM sessions s JOIN users u ON u.id = s.user_id \
     LEFT JOIN memberships m ON m.user_id = s.user_id AND m.account_id > $2 \
     LEFT JOIN accounts a ON a.id = m.account_id \
     WHERE s.token_hash = $1 AND u.status = 'active' \
     ORDER BY m.account_id LIMIT CAST($3 AS BIGINT)";

/// [`AUTHZ_QUERY`]'s row.
pub type AuthzRow = (
    String,
    String,
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

/// The PostgreSQL server's maintenance database (`TEST_POSTGRES_URL`).
pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

pub async fn admin(sql: &str) {
    let mut conn = PgConnection::connect(&admin_url()).await.unwrap();
    conn.execute(sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .unwrap();
}

/// A database of its own on the test PostgreSQL server, dropped with [`PgDatabase::drop`].
pub struct PgDatabase {
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    pub async fn create(prefix: &str) -> Self {
        let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        admin(&format!("CREATE DATABASE \"{name}\"")).await;
        let mut url = url::Url::parse(&admin_url()).unwrap();
        url.set_path(&name);
        Self {
            name,
            url: url.to_string(),
        }
    }

    /// Runs `sql` in this database (set-up that is not measured).
    pub async fn execute(&self, sql: &str) {
        let mut conn = PgConnection::connect(&self.url).await.unwrap();
        conn.execute(sqlx::AssertSqlSafe(sql.to_owned()))
            .await
            .unwrap();
    }

    pub async fn drop(self) {
        admin(&format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            self.name
        ))
        .await;
    }
}

/// A running `roster serve`.
pub struct Server {
    pub child: tokio::process::Child,
    pub address: String,
    /// From spawn to `/readyz` answering 200.
    pub ready_after: Duration,
}

impl Server {
    pub async fn start(bin: &Path, home: &Path, env: &[(&str, &str)]) -> Server {
        let started = Instant::now();
        let mut child = tokio::process::Command::new(bin)
            .current_dir(home)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("ROSTER_SERVER__BIND", "127.0.0.1:0")
            .env("ROSTER_METRICS__BIND", "127.0.0.1:0")
            // The log as shipped (`info`: a line per request), drained below like a collector would.
            .env("ROSTER_LOG__FORMAT", "json")
            .envs(env.iter().copied())
            .arg("serve")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = loop {
            let line = tokio::time::timeout(Duration::from_secs(120), lines.next_line())
                .await
                .expect("no `listening` line within 120 s")
                .unwrap()
                .expect("roster serve stopped before listening");
            if let Ok(value) = serde_json::from_str::<Value>(&line)
                && value["message"] == "listening"
            {
                break value["addr"].as_str().unwrap().to_owned();
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let address = format!("http://{addr}");
        let client = reqwest::Client::new();
        loop {
            if let Ok(r) = client.get(format!("{address}/readyz")).send().await
                && r.status() == 200
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        Server {
            child,
            address,
            ready_after: started.elapsed(),
        }
    }

    pub fn rss_mib(&self) -> f64 {
        let pid = self.child.id().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap();
        kib / 1024.0
    }

    pub async fn stop(mut self) {
        let pid = self.child.id().unwrap();
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
        let _ = tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await;
    }
}

/// `POST {base}/api/v1/signup` with `body`; the answer's JSON (its `token` when it signed in).
pub async fn signup(client: &reqwest::Client, base: &str, body: &Value) -> Value {
    client
        .post(format!("{base}/api/v1/signup"))
        .json(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Installs the example plugin in `<workspace>/plugins/<folder>` into `dir`: its manifest and its
/// component (built into `wasm`).
pub fn install_example(workspace: &Path, dir: &Path, wasm: &Path, folder: &str) {
    let manifest = workspace.join("plugins").join(folder).join("plugin.toml");
    let text = std::fs::read_to_string(manifest).unwrap();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let name = parsed["name"].as_str().unwrap();
    std::fs::write(dir.join(format!("{name}.toml")), &text).unwrap();
    std::fs::copy(
        wasm.join(format!("roster_plugin_{}.wasm", folder.replace('-', "_"))),
        dir.join(parsed["component"].as_str().unwrap()),
    )
    .unwrap();
}

/// The `q` quantile of sorted samples.
pub fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

/// What [`load`] measured.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
}

/// Loads `url` with `connections` GET requests in flight (bearer `token`, if any): a `warmup`,
/// then `measure`; every answer must be 200.
pub async fn load(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    connections: usize,
    warmup: Duration,
    measure: Duration,
) -> Loaded {
    let counting = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let samples = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (client, url, token) = (client.clone(), url.to_owned(), token.map(str::to_owned));
            let (counting, stop, samples) = (counting.clone(), stop.clone(), samples.clone());
            tokio::spawn(async move {
                let mut mine = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let sent = Instant::now();
                    let mut request = client.get(&url);
                    if let Some(token) = &token {
                        request = request.bearer_auth(token);
                    }
                    let response = request.send().await.unwrap();
                    assert_eq!(response.status(), 200, "{url}");
                    response.bytes().await.unwrap();
                    if counting.load(Ordering::Relaxed) {
                        mine.push(sent.elapsed());
                    }
                }
                samples.lock().unwrap().extend(mine);
            })
        })
        .collect();
    tokio::time::sleep(warmup).await;
    counting.store(true, Ordering::Relaxed);
    let started = Instant::now();
    tokio::time::sleep(measure).await;
    counting.store(false, Ordering::Relaxed);
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    for worker in workers {
        worker.await.unwrap();
    }
    let mut samples = std::mem::take(&mut *samples.lock().unwrap());
    samples.sort();
    Loaded {
        per_second: samples.len() as f64 / elapsed.as_secs_f64(),
        p50: percentile(&samples, 0.5),
        p99: percentile(&samples, 0.99),
    }
}
