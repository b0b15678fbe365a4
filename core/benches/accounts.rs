//! Requests per second of `GET /api/v1/me/accounts` and `GET /api/v1/authz/check` on a database
//! seeded with 100,000 users and 20,000 accounts, next to a bare axum JSON handler on the same
//! machine, on SQLite and on PostgreSQL. Goal: each at least 0.5 of the bare handler.
//!
//! `cargo bench -p roster --bench accounts` (PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; a database is created and dropped). The load is
//! generated in the same process (64 keep-alive connections, 3 s warm-up, 10 s measured per
//! endpoint), so client and server share the machine's cores for every endpoint alike.
//! `BENCH_MAX_CONNECTIONS=N` runs Roster with another database pool size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use roster::settings::Settings;
use sqlx::{AnyPool, Executor};

#[path = "support/common.rs"]
mod common;

use common::{admin, admin_url};

const USERS: usize = 100_000;
const ACCOUNTS: usize = 20_000;
const CONNECTIONS: usize = 64;
const WARMUP: Duration = Duration::from_secs(3);
const MEASURE: Duration = Duration::from_secs(10);

fn main() {
    let runtime = common::runtime();
    runtime.block_on(async {
        let bare = start_bare().await;
        println!(
            "{:<10} {:<28} {:>10} {:>8}",
            "database", "endpoint", "req/s", "of bare"
        );
        for backend in ["sqlite", "postgres"] {
            let dir = tempfile::tempdir().unwrap();
            let (url, pg_name) = match backend {
                "sqlite" => (
                    format!("sqlite://{}", dir.path().join("bench.db").display()),
                    None,
                ),
                _ => {
                    let name = format!("roster_bench_{}", uuid::Uuid::new_v4().simple());
                    admin(&format!("CREATE DATABASE \"{name}\"")).await;
                    let mut url = url::Url::parse(&admin_url()).unwrap();
                    url.set_path(&name);
                    (url.to_string(), Some(name))
                }
            };
            let (address, state) = start_roster(&url).await;
            let (token, account) = seed(&state).await;
            let client = reqwest::Client::new();
            let bare_rps = load(&client, &format!("{bare}/bare"), None).await;
            println!(
                "{backend:<10} {:<28} {bare_rps:>10.0} {:>8}",
                "bare axum JSON handler", "1.00"
            );
            for (name, path) in [
                ("GET /healthz (no database)", "/healthz".to_owned()),
                ("GET /api/v1/me/accounts", "/api/v1/me/accounts".to_owned()),
                (
                    "GET /api/v1/authz/check",
                    format!("/api/v1/authz/check?account={account}&permission=invoices"),
                ),
            ] {
                let rps = load(&client, &format!("{address}{path}"), Some(&token)).await;
                println!(
                    "{backend:<10} {name:<28} {rps:>10.0} {:>8.2}",
                    rps / bare_rps
                );
            }
            state.db.close().await;
            if let Some(name) = pg_name {
                admin(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
            }
        }
    });
}

async fn start_bare() -> String {
    let app = axum::Router::new().route(
        "/bare",
        axum::routing::get(|| async {
            axum::Json(serde_json::json!({ "allowed": true, "is_owner": false }))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    address
}

async fn start_roster(url: &str) -> (String, roster::state::AppState) {
    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    // The management listener too: two apps in one process, or a server here, would share 9464.
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = url.parse().unwrap();
    // `BENCH_MAX_CONNECTIONS=N` tries another pool size (default: the shipped setting).
    if let Some(n) = std::env::var("BENCH_MAX_CONNECTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.database.max_connections = n;
    }
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    tokio::spawn(app.run(std::future::pending()));
    (address, state)
}

/// 100k users; 20k accounts, each owned by one of the first 20k users and shared with two others
/// (60k memberships). Returns a session of a user who reaches three accounts, and an account where
/// that user is a member with `invoices`.
async fn seed(state: &roster::state::AppState) -> (String, String) {
    let started = Instant::now();
    let hash = state
        .passwords
        .hash(&secrecy::SecretString::from("correct horse battery"))
        .await
        .unwrap();
    let pool: &AnyPool = state.db.pool();
    let now = state.clock.now_ms();
    let user_id = |i: usize| format!("u{i:07}");
    let account_id = |i: usize| format!("a{i:07}");
    for chunk in (0..USERS).collect::<Vec<_>>().chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|&i| {
                format!(
                    "('{}', 'user{i}@example.test', 'user{i}@example.test', 'First{i}', 'Last{i}', 'en', '{hash}', 'active', {now}, {now})",
                    user_id(i)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO users (id, email, email_normalized, first_name, last_name, language, password_hash, status, created_at, updated_at) VALUES {}",
            values.join(",")
        );
        pool.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
    }
    for chunk in (0..ACCOUNTS).collect::<Vec<_>>().chunks(1000) {
        let mut tx = state.db.begin().await.unwrap();
        let accounts: Vec<String> = chunk
            .iter()
            .map(|&i| format!("('{}', '{}', 'Company {i}', 'user{i}@example.test', 'USD', 'active', {now}, {now})", account_id(i), user_id(i)))
            .collect();
        tx.execute(sqlx::AssertSqlSafe(format!(
            "INSERT INTO accounts (id, owner_user_id, company_name, billing_email, currency, status, created_at, updated_at) VALUES {}",
            accounts.join(",")
        )))
        .await
        .unwrap();
        let memberships: Vec<String> = chunk
            .iter()
            .flat_map(|&i| {
                let members = [
                    i,
                    ACCOUNTS + (i * 2) % (USERS - ACCOUNTS),
                    ACCOUNTS + (i * 2 + 1) % (USERS - ACCOUNTS),
                ];
                members.into_iter().enumerate().map(move |(k, u)| {
                    let permissions = if k == 0 {
                        "[]"
                    } else {
                        "[\"invoices\",\"tickets\"]"
                    };
                    format!(
                        "('{}', '{}', '{permissions}', 'system', {now})",
                        account_id(i),
                        user_id(u)
                    )
                })
            })
            .collect();
        tx.execute(sqlx::AssertSqlSafe(format!(
            "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, created_at) VALUES {}",
            memberships.join(",")
        )))
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    if state.db.backend() == roster::settings::Backend::Postgres {
        pool.execute("ANALYZE").await.unwrap();
    }
    // User 7 owns account 7 and is also a member of accounts 8 and 9.
    for other in [8, 9] {
        pool.execute(sqlx::AssertSqlSafe(format!(
            "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, created_at) \
             VALUES ('{}', '{}', '[\"invoices\"]', 'system', {now})",
            account_id(other),
            user_id(7)
        )))
        .await
        .unwrap();
    }
    let token = roster::sessions::start(
        state,
        &user_id(7),
        Some("127.0.0.1".to_owned()),
        None,
        roster::sessions::Via::SignUp,
    )
    .await
    .unwrap();
    eprintln!(
        "seeded {USERS} users, {ACCOUNTS} accounts, {} memberships in {:.1?}",
        ACCOUNTS * 3,
        started.elapsed()
    );
    (token, account_id(8))
}

/// Requests per second over `MEASURE`, with `CONNECTIONS` requests in flight.
async fn load(client: &reqwest::Client, url: &str, token: Option<&str>) -> f64 {
    common::load(client, url, token, CONNECTIONS, WARMUP, MEASURE)
        .await
        .per_second
}
