//! Production figures (issue 17), from the real `roster serve` binary.
//!
//! `cargo bench -p roster --bench production`
//!
//! 1. Start-up and idle memory: `roster serve` on a fresh SQLite database with the three example
//!    plugins (domain_guard, acceptance_policy, notifier) installed, from spawn to `GET /readyz`
//!    answering 200: once with an empty compiled-plugin cache (cold), then five times with it
//!    (warm); the resident set size (`VmRSS`) after 3 s idle. Goal: idle RSS ≤ 40 MiB.
//! 2. Write throughput with a slow plugin: two replicas sharing one PostgreSQL database, a plugin
//!    whose `before-invitation-create` and `before-invitation-accept` take 50 ms each (the probe's
//!    `sleep` mode). 32 clients, each the owner of its own account, invite new addresses for 10 s,
//!    alternating replicas; then accept those invitations by signing up, alternating replicas,
//!    for 10 s. Requests per second, p50 and p99.
//!
//! `BENCH_ROSTER_BIN=/path/to/roster` measures another build (docs/benchmarks.md has the "before"
//! column from the commit before the write path changed). Part 2's plugin is the probe as built for
//! plugin API 0.1.0, which every build since runs; part 1 installs the example plugins built from
//! this tree (plugin API 0.2.0), which a build before 0.2.0 refuses. PostgreSQL at `TEST_POSTGRES_URL`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`); a database is created and dropped.
//! `BENCH_PART=1` or `BENCH_PART=2` runs one part.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "../../tests/support/plugin_build.rs"]
mod plugin_build;

#[path = "support/common.rs"]
mod common;

use common::{PgDatabase, Server};

const PASSWORD: &str = "correct horse battery";
const CLIENTS: usize = 32;
const PHASE: Duration = Duration::from_secs(10);

fn main() {
    let runtime = common::runtime();
    let wasm =
        plugin_build::build_plugins(&Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-wasm"));
    let part = std::env::var("BENCH_PART").unwrap_or_default();
    runtime.block_on(async {
        if part.is_empty() || part == "1" {
            start_up_and_idle_memory(&wasm).await;
        }
        if part.is_empty() || part == "2" {
            write_throughput().await;
        }
    });
}

fn roster_bin() -> PathBuf {
    std::env::var_os("BENCH_ROSTER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_roster")))
}

fn home_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::create_dir_all(home.path().join("plugins")).unwrap();
    std::fs::write(home.path().join("config/roster.toml"), config).unwrap();
    home
}

async fn start_up_and_idle_memory(wasm: &Path) {
    let home = home_with(
        "[plugins]\ndir = \"plugins\"\ncache_dir = \"plugin-cache\"\n\
         [plugins.domain_guard.settings]\ndomains = [\"example.test\"]\n\
         [plugins.domain_guard.capabilities]\nlog = true\nsettings = true\n\
         [plugins.acceptance_policy.settings]\nrequire_invited_email = true\n\
         [plugins.acceptance_policy.capabilities]\nlog = true\nsettings = true\n\
         [plugins.notifier.settings]\nurl = \"http://127.0.0.1:9/events\"\n\
         [plugins.notifier.capabilities]\nlog = true\nsettings = true\nkv = true\nhttp_hosts = [\"127.0.0.1:9\"]\n",
    );
    for folder in ["domain-guard", "acceptance-policy", "notifier"] {
        common::install_example(
            &plugin_build::workspace(),
            &home.path().join("plugins"),
            wasm,
            folder,
        );
    }
    let cold = Server::start(&roster_bin(), home.path(), &[]).await;
    let cold_ready = cold.ready_after;
    cold.stop().await;
    let mut warm = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..5 {
        let server = Server::start(&roster_bin(), home.path(), &[]).await;
        warm.push(server.ready_after);
        tokio::time::sleep(Duration::from_secs(3)).await;
        rss.push(server.rss_mib());
        server.stop().await;
    }
    warm.sort();
    rss.sort_by(f64::total_cmp);
    println!(
        "part 1: `roster serve`, SQLite, three example plugins ({})",
        roster_bin().display()
    );
    println!("  start-up to ready, cold plugin cache: {cold_ready:.0?}");
    println!(
        "  start-up to ready, warm cache: median {:.0?} (min {:.0?}, max {:.0?})",
        warm[2], warm[0], warm[4]
    );
    println!(
        "  idle RSS after 3 s: median {:.1} MiB (min {:.1}, max {:.1})",
        rss[2], rss[0], rss[4]
    );
}

/// p50 and p99 of `samples`.
fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    (
        common::percentile(samples, 0.50),
        common::percentile(samples, 0.99),
    )
}

async fn post(client: &reqwest::Client, url: String, token: Option<&str>, body: Value) -> u16 {
    let mut request = client.post(url).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    response.bytes().await.unwrap();
    status
}

/// The invitation link tokens in the `.eml` files of `dir`, by recipient.
fn invitation_links(dir: &Path) -> HashMap<String, String> {
    let mut links = HashMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "eml") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let mail = mailparse::parse_mail(&bytes).unwrap();
        let to = mail
            .headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case("to"))
            .map(|h| h.get_value())
            .unwrap_or_default();
        let mut texts = vec![mail.get_body().unwrap_or_default()];
        texts.extend(
            mail.subparts
                .iter()
                .map(|p| p.get_body().unwrap_or_default()),
        );
        for text in texts {
            if let Some(at) = text.find("/invite/") {
                let token: String = text[at + 8..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                links.insert(to.trim().to_owned(), token);
                break;
            }
        }
    }
    links
}

async fn write_throughput() {
    let database = PgDatabase::create("roster_bench").await;
    let url = database.url.clone();
    let mail = tempfile::tempdir().unwrap();
    let config = format!(
        "[plugins]\ndir = \"plugins\"\ncache_dir = {cache:?}\n\
         [plugins.slow]\ndeadline = \"1s\"\n\
         [plugins.slow.settings]\nmode = \"sleep\"\nms = 50\n\
         [plugins.slow.capabilities]\nsettings = true\n\
         [mail]\ntransport = \"file\"\n[mail.file]\ndir = {mail:?}\n\
         [mail.outbox]\npoll_interval = \"100ms\"\n\
         [auth.rate_limit]\nper_ip = 1000000\nper_email = 1000000\nsignup_per_ip = 1000000\n\
         [invitations]\nper_account_per_hour = 1000000\nper_user_per_hour = 1000000\n",
        cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-plugin-cache"),
        mail = mail.path(),
    );
    // The probe as built for plugin API 0.1.0 (kept in tests/plugins/api-0.1.0): every server
    // since runs it, so `BENCH_ROSTER_BIN` may name an earlier build.
    let manifest = "name = \"slow\"\nversion = \"0.1.0\"\napi_version = \"0.1.0\"\n\
         component = \"probe.wasm\"\nhooks = [\"before-invitation-create\", \"before-invitation-accept\"]\n\
         capabilities = [\"settings\"]\n";
    let probe = plugin_build::workspace().join("tests/plugins/api-0.1.0/probe.wasm");
    let homes = [home_with(&config), home_with(&config)];
    for home in &homes {
        std::fs::write(home.path().join("plugins/slow.toml"), manifest).unwrap();
        std::fs::copy(&probe, home.path().join("plugins/probe.wasm")).unwrap();
    }
    let env = [("ROSTER_DATABASE__URL", url.as_str())];
    let a = Server::start(&roster_bin(), homes[0].path(), &env).await;
    let b = Server::start(&roster_bin(), homes[1].path(), &env).await;
    let bases = Arc::new([a.address.clone(), b.address.clone()]);
    let client = reqwest::Client::new();

    // One owner and account per client.
    let mut owners = Vec::new();
    for i in 0..CLIENTS {
        let response = common::signup(
            &client,
            &bases[i % 2],
            &json!({ "email": format!("owner{i}@bench.test"), "password": PASSWORD,
                "first_name": "Olive", "last_name": "Owner",
                "account": { "company_name": format!("Bench {i}") } }),
        )
        .await;
        owners.push((
            response["token"].as_str().unwrap().to_owned(),
            response["account"]["id"].as_str().unwrap().to_owned(),
        ));
    }

    // Owners send invitations once their address is verified: set up, not measured.
    database
        .execute("UPDATE users SET email_verified_at = created_at")
        .await;

    // Invitations, for PHASE.
    let invited = Arc::new(Mutex::new(Vec::new()));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let until = Instant::now() + PHASE;
    let started = Instant::now();
    let workers: Vec<_> = owners
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, (token, account))| {
            let (client, bases, invited, latencies) = (
                client.clone(),
                bases.clone(),
                invited.clone(),
                latencies.clone(),
            );
            tokio::spawn(async move {
                let mut n = 0;
                while Instant::now() < until {
                    let email = format!("c{i}-n{n}@bench.test");
                    let sent = Instant::now();
                    let status = post(
                        &client,
                        format!("{}/api/v1/accounts/{account}/invitations", bases[n % 2]),
                        Some(&token),
                        json!({ "email": email, "permissions": ["tickets"] }),
                    )
                    .await;
                    assert_eq!(status, 201);
                    latencies.lock().unwrap().push(sent.elapsed());
                    invited.lock().unwrap().push((i, email));
                    n += 1;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let elapsed = started.elapsed();
    let invited = std::mem::take(&mut *invited.lock().unwrap());
    let mut invite_latencies = std::mem::take(&mut *latencies.lock().unwrap());
    let invite_rate = invited.len() as f64 / elapsed.as_secs_f64();
    let (invite_p50, invite_p99) = percentiles(&mut invite_latencies);

    // Every invitation's link, from the mail folder.
    let mut links = HashMap::new();
    for _ in 0..600 {
        links = invitation_links(mail.path());
        if invited.iter().all(|(_, email)| links.contains_key(email)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let links = Arc::new(links);

    // Acceptances by sign-up, for PHASE.
    let mut per_client: Vec<Vec<String>> = vec![Vec::new(); CLIENTS];
    for (i, email) in invited {
        per_client[i].push(email);
    }
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let until = Instant::now() + PHASE;
    let started = Instant::now();
    let workers: Vec<_> = per_client
        .into_iter()
        .map(|emails| {
            let (client, bases, links, accepted) = (
                client.clone(),
                bases.clone(),
                links.clone(),
                accepted.clone(),
            );
            tokio::spawn(async move {
                for (n, email) in emails.into_iter().enumerate() {
                    if Instant::now() >= until {
                        break;
                    }
                    let Some(link) = links.get(&email) else {
                        continue;
                    };
                    let sent = Instant::now();
                    let status = post(
                        &client,
                        format!("{}/api/v1/invitations/{link}/accept", bases[n % 2]),
                        None,
                        json!({ "signup": { "email": email, "password": PASSWORD,
                            "first_name": "Ivy", "last_name": "Invitee" } }),
                    )
                    .await;
                    assert_eq!(status, 200, "accepting {email}");
                    accepted.lock().unwrap().push(sent.elapsed());
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let elapsed = started.elapsed();
    let mut accept_latencies = std::mem::take(&mut *accepted.lock().unwrap());
    let accept_rate = accept_latencies.len() as f64 / elapsed.as_secs_f64();
    let (accept_p50, accept_p99) = percentiles(&mut accept_latencies);

    println!(
        "part 2: two replicas on PostgreSQL, 50 ms before-hooks, {CLIENTS} clients on {CLIENTS} accounts ({})",
        roster_bin().display()
    );
    println!("  invitation create: {invite_rate:.1}/s, p50 {invite_p50:.0?}, p99 {invite_p99:.0?}");
    println!(
        "  invitation accept (sign-up): {accept_rate:.1}/s, p50 {accept_p50:.0?}, p99 {accept_p99:.0?}"
    );
    a.stop().await;
    b.stop().await;
    database.drop().await;
}
