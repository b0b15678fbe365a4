//! Login throughput next to raw argon2id verifications per second, with the same parameters and
//! the same concurrency, on this machine.
//!
//! `cargo bench -p roster --bench login`. The login side is the real server (in-process, on a
//! loopback socket, SQLite in a temporary folder) answering `POST /api/v1/auth/login` over HTTP:
//! rate-limit counters, user lookup, argon2id on the blocking pool, session insert and audit event
//! included. The raw side is the same argon2id verification on the same blocking pool. Goal: login
//! throughput at least 0.9 of the raw one. The ratio is printed at the end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use roster::settings::{Argon2Settings, PasswordPolicy, Settings};
use roster::users::Passwords;
use secrecy::SecretString;

/// Requests (or verifications) in flight at once: enough to keep both cores busy.
const CONCURRENCY: usize = 8;
const GROUP: &str = "login_throughput";
const PASSWORD: &str = "correct horse battery";

fn main() {
    roster::install_crypto_provider();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (address, emails) = runtime.block_on(start_server(&dir));
    let client = reqwest::Client::new();
    let passwords = Passwords::new(Argon2Settings::default(), PasswordPolicy::default()).unwrap();
    let hash = runtime
        .block_on(passwords.hash(&SecretString::from(PASSWORD)))
        .unwrap();

    let mut criterion = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(15))
        .configure_from_args();
    {
        let mut group = criterion.benchmark_group(GROUP);
        group.throughput(Throughput::Elements(CONCURRENCY as u64));
        group.bench_function("argon2id_verify", |b| {
            b.iter_custom(|iterations| {
                runtime.block_on(async {
                    let started = Instant::now();
                    for _ in 0..iterations {
                        let batch = (0..CONCURRENCY).map(|_| {
                            let passwords = passwords.clone();
                            let hash = hash.clone();
                            async move {
                                let v = passwords
                                    .verify(&SecretString::from(PASSWORD), Some(&hash))
                                    .await
                                    .unwrap();
                                assert!(v.ok);
                            }
                        });
                        futures::future::join_all(batch).await;
                    }
                    started.elapsed()
                })
            });
        });
        group.bench_function("http_login", |b| {
            b.iter_custom(|iterations| {
                runtime.block_on(async {
                    let started = Instant::now();
                    for _ in 0..iterations {
                        let batch = emails.iter().map(|email| {
                            let client = client.clone();
                            let url = format!("{address}/api/v1/auth/login");
                            async move {
                                let response = client
                                    .post(url)
                                    .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
                                    .send()
                                    .await
                                    .unwrap();
                                assert_eq!(response.status(), 200);
                            }
                        });
                        futures::future::join_all(batch).await;
                    }
                    started.elapsed()
                })
            });
        });
        group.finish();
    }
    criterion.final_summary();
    report_ratio();
}

/// The server with `CONCURRENCY` users (one per concurrent login) and no practical rate limit.
async fn start_server(dir: &tempfile::TempDir) -> (String, Vec<String>) {
    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    // The management listener too: two apps in one process, or a server here, would share 9464.
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = format!("sqlite://{}", dir.path().join("bench.db").display())
        .parse()
        .unwrap();
    settings.auth.rate_limit.per_ip = u32::MAX;
    settings.auth.rate_limit.per_email = u32::MAX;
    settings.auth.rate_limit.signup_per_ip = u32::MAX;
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    tokio::spawn(app.run(std::future::pending()));
    let client = reqwest::Client::new();
    let mut emails = Vec::new();
    for i in 0..CONCURRENCY {
        let email = format!("bench{i}@example.test");
        let response = client
            .post(format!("{address}/api/v1/signup"))
            .json(&serde_json::json!({ "email": email, "password": PASSWORD, "first_name": "B", "last_name": "Ench" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        emails.push(email);
    }
    (address, emails)
}

/// Reads criterion's estimates and prints login throughput as a share of raw verification.
fn report_ratio() {
    let home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("criterion"))
        })
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"));
    let mean = |id: &str| -> Option<f64> {
        let text =
            std::fs::read_to_string(home.join(GROUP).join(id).join("new/estimates.json")).ok()?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        value["mean"]["point_estimate"].as_f64()
    };
    match (mean("argon2id_verify"), mean("http_login")) {
        (Some(raw), Some(login)) => {
            let per_sec = |ns: f64| CONCURRENCY as f64 / (ns / 1e9);
            println!(
                "\nargon2id verifications: {:.1}/s; logins: {:.1}/s; login/raw = {:.2} (goal >= 0.90)",
                per_sec(raw),
                per_sec(login),
                raw / login
            );
        }
        _ => println!(
            "\n(no criterion estimates under {} to compare)",
            home.display()
        ),
    }
}
