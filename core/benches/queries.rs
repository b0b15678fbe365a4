//! What one authorisation query costs through sqlx's `Any` driver (what Roster uses, so that each
//! query is written once) next to the native SQLite and PostgreSQL drivers, on the same database,
//! one query at a time. Informs the account-read benchmark (`accounts`): is the driver layer where
//! the time goes?
//!
//! `cargo bench -p roster --bench queries` (PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; a database is created and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use criterion::Criterion;
use roster::settings::Settings;
use sqlx::{Connection, Executor, PgConnection};

#[path = "support/common.rs"]
mod common;

use common::{AUTHZ_QUERY as QUERY, AuthzRow as Row, admin_url};

fn main() {
    let runtime = common::runtime();
    let dir = tempfile::tempdir().unwrap();
    let pg_name = format!("roster_queries_{}", uuid::Uuid::new_v4().simple());
    let mut pg_url = url::Url::parse(&admin_url()).unwrap();
    pg_url.set_path(&pg_name);
    let sqlite_url = format!("sqlite://{}", dir.path().join("q.db").display());

    let (sqlite_token, pg_token) = runtime.block_on(async {
        let mut admin = PgConnection::connect(&admin_url()).await.unwrap();
        admin
            .execute(sqlx::AssertSqlSafe(format!(
                "CREATE DATABASE \"{pg_name}\""
            )))
            .await
            .unwrap();
        (seed(&sqlite_url).await, seed(pg_url.as_str()).await)
    });
    let any_sqlite = runtime
        .block_on(roster::db::Db::connect(&settings(&sqlite_url).database))
        .unwrap();
    let any_pg = runtime
        .block_on(roster::db::Db::connect(&settings(pg_url.as_str()).database))
        .unwrap();
    let native_sqlite = runtime
        .block_on(
            sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(10)
                .test_before_acquire(false)
                .connect(&sqlite_url),
        )
        .unwrap();
    let native_pg = runtime
        .block_on(
            sqlx::postgres::PgPoolOptions::new()
                .max_connections(10)
                .test_before_acquire(false)
                .connect(pg_url.as_str()),
        )
        .unwrap();

    let mut criterion = Criterion::default()
        .sample_size(30)
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let mut group = criterion.benchmark_group("authorisation_query");
    let hash = |t: &str| roster::crypto::hash_token(t);
    macro_rules! bench {
        ($name:literal, $pool:expr, $token:expr) => {
            let token_hash = hash($token);
            group.bench_function($name, |b| {
                b.iter_custom(|iterations| {
                    runtime.block_on(async {
                        let started = Instant::now();
                        for _ in 0..iterations {
                            let row: Option<Row> = sqlx::query_as(QUERY)
                                .bind(token_hash.clone())
                                .bind("a0000001".to_owned())
                                .fetch_optional($pool)
                                .await
                                .unwrap();
                            assert!(row.is_some());
                        }
                        started.elapsed()
                    })
                })
            });
        };
    }
    bench!("sqlite_any", any_sqlite.pool(), &sqlite_token);
    bench!("sqlite_native", &native_sqlite, &sqlite_token);
    bench!("postgres_any", any_pg.pool(), &pg_token);
    bench!("postgres_native", &native_pg, &pg_token);
    group.finish();
    criterion.final_summary();

    runtime.block_on(async {
        any_pg.close().await;
        native_pg.close().await;
        let mut admin = PgConnection::connect(&admin_url()).await.unwrap();
        admin
            .execute(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS \"{pg_name}\" WITH (FORCE)"
            )))
            .await
            .unwrap();
    });
}

fn settings(url: &str) -> Settings {
    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    // The management listener too: two apps in one process, or a server here, would share 9464.
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = url.parse().unwrap();
    settings
}

/// A migrated database with 1,000 users, 200 accounts and a session of user 1 (a member of a1).
async fn seed(url: &str) -> String {
    let app = roster::App::build(settings(url)).await.unwrap();
    let state = app.state().clone();
    let pool = state.db.pool();
    let now = state.clock.now_ms();
    let users: Vec<String> = (0..1000)
        .map(|i| format!("('u{i:07}', 'q{i}@example.test', 'q{i}@example.test', 'F', 'L', 'en', 'x', 'active', {now}, {now})"))
        .collect();
    pool.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO users (id, email, email_normalized, first_name, last_name, language, password_hash, status, created_at, updated_at) VALUES {}",
        users.join(",")
    )))
    .await
    .unwrap();
    let mut tx = state.db.begin().await.unwrap();
    let accounts: Vec<String> = (0..200)
        .map(|i| {
            format!("('a{i:07}', 'u{i:07}', 'q{i}@example.test', 'USD', 'active', {now}, {now})")
        })
        .collect();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO accounts (id, owner_user_id, billing_email, currency, status, created_at, updated_at) VALUES {}",
        accounts.join(",")
    )))
    .await
    .unwrap();
    let memberships: Vec<String> = (0..200)
        .map(|i| format!("('a{i:07}', 'u{i:07}', '[]', 'system', {now})"))
        .chain(std::iter::once(format!(
            "('a0000001', 'u0000500', '[\"invoices\"]', 'system', {now})"
        )))
        .collect();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, created_at) VALUES {}",
        memberships.join(",")
    )))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let token = roster::sessions::start(
        &state,
        "u0000500",
        None,
        None,
        roster::sessions::Via::SignUp,
    )
    .await
    .unwrap();
    state.db.close().await;
    token
}
