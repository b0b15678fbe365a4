//! Reads at scale (issue 17): `GET /api/v1/authz/check` and `GET /api/v1/me/accounts` on
//! PostgreSQL with 10,000 users (2,000 accounts) and with 1,000,000 users (200,000 accounts), p50
//! and p99 side by side (goal: p99 at 1M ≤ 1.3 × p99 at 10k); next to a second baseline, a bare
//! axum handler that makes the same single indexed query as Roster's authorisation (session, user,
//! membership, account) through a native sqlx `PgPool` of the same size, and Roster's ratio to it
//! (goal ≥ 0.8: Roster's own layers cost little beyond the query).
//!
//! `cargo bench -p roster --bench scale` (PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; a database per size is created and dropped).
//! Seeding is SQL (`generate_series`), each account owned by one user and shared with two others.
//! The load runs in the same process: 32 keep-alive connections, 3 s warm-up, 10 s measured per
//! endpoint. `BENCH_SIZES=10000` runs one size. `/me/accounts` has a bare baseline of its own: the
//! same query (the session with a page of accounts) answering the same JSON, so that its ratio
//! compares like with like.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use roster::settings::Settings;
use sqlx::{Executor, PgPool};

#[path = "support/common.rs"]
mod common;

use common::{AUTHZ_QUERY, AuthzRow, MY_ACCOUNTS_QUERY, PgDatabase};

const CONNECTIONS: usize = 32;
const WARMUP: Duration = Duration::from_secs(3);
const MEASURE: Duration = Duration::from_secs(10);

fn main() {
    let runtime = common::runtime();
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 1_000_000]);
    runtime.block_on(async {
        let mut rows = Vec::new();
        for users in sizes {
            rows.extend(one_size(users).await);
        }
        println!(
            "\n{:<10} {:<34} {:>9} {:>8} {:>8} {:>8}",
            "users", "endpoint", "req/s", "p50 µs", "p99 µs", "of bare"
        );
        let mut bare = 0.0;
        for (users, name, rps, p50, p99) in rows {
            if name.starts_with("bare") {
                bare = rps;
            }
            println!(
                "{users:<10} {name:<34} {rps:>9.0} {:>8} {:>8} {:>8.2}",
                p50.as_micros(),
                p99.as_micros(),
                rps / bare
            );
        }
    });
}

type Measured = (usize, &'static str, f64, Duration, Duration);

async fn one_size(users: usize) -> Vec<Measured> {
    let accounts = users / 5;
    let database = PgDatabase::create("roster_scale").await;
    let url = database.url.clone();

    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    // The management listener too: two apps in one process, or a server here, would share 9464.
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = url.parse().unwrap();
    let pool_size = settings.database.max_connections;
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    tokio::spawn(app.run(std::future::pending()));

    let started = Instant::now();
    seed(&state, users, accounts).await;
    eprintln!(
        "seeded {users} users, {accounts} accounts, {} memberships in {:.1?}",
        accounts * 3 + 2,
        started.elapsed()
    );
    // User 7 owns account 7 and is a member of accounts 8 and 9 (with `invoices`).
    let token = roster::sessions::start(
        &state,
        "u0000007",
        Some("127.0.0.1".to_owned()),
        None,
        roster::sessions::Via::SignUp,
    )
    .await
    .unwrap();
    let account = "a0000008";

    let bare = start_bare(&url, pool_size).await;
    let client = reqwest::Client::new();
    let mut measured = Vec::new();
    for (label, target, auth) in [
        (
            "bare axum + sqlx, the same query",
            format!(
                "{bare}/bare?token_hash={}&account={account}",
                roster::crypto::hash_token(&token)
            ),
            false,
        ),
        (
            "GET /api/v1/authz/check",
            format!("{address}/api/v1/authz/check?account={account}&permission=invoices"),
            true,
        ),
        (
            "bare axum + sqlx, /me/accounts' query",
            format!(
                "{bare}/bare/accounts?token_hash={}",
                roster::crypto::hash_token(&token)
            ),
            false,
        ),
        (
            "GET /api/v1/me/accounts",
            format!("{address}/api/v1/me/accounts"),
            true,
        ),
    ] {
        let common::Loaded {
            per_second: rps,
            p50,
            p99,
        } = common::load(
            &client,
            &target,
            auth.then_some(token.as_str()),
            CONNECTIONS,
            WARMUP,
            MEASURE,
        )
        .await;
        eprintln!("{users} {label}: {rps:.0} req/s, p50 {p50:.2?}, p99 {p99:.2?}");
        measured.push((users, label, rps, p50, p99));
    }
    state.db.close().await;
    database.drop().await;
    measured
}

/// Users `u0000000…`, accounts `a0000000…` owned by the user of the same number, each shared with
/// two users past the owners (`invoices`, `tickets`); user 7 also in accounts 8 and 9.
async fn seed(state: &roster::state::AppState, users: usize, accounts: usize) {
    let hash = state
        .passwords
        .hash(&secrecy::SecretString::from("correct horse battery"))
        .await
        .unwrap();
    let pool = state.db.pool();
    let now = state.clock.now_ms();
    let others = users - accounts;
    pool.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO users (id, email, email_normalized, first_name, last_name, language, \
         password_hash, status, created_at, updated_at) \
         SELECT 'u' || lpad(i::text, 7, '0'), 'user' || i || '@example.test', \
           'user' || i || '@example.test', 'First', 'Last', 'en', '{hash}', 'active', {now}, {now} \
         FROM generate_series(0, {}) AS i",
        users - 1
    )))
    .await
    .unwrap();
    // The owner-is-member check is deferred to commit: accounts and memberships in one transaction.
    let mut tx = pool.begin().await.unwrap();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO accounts (id, owner_user_id, company_name, billing_email, currency, status, \
         created_at, updated_at) \
         SELECT 'a' || lpad(i::text, 7, '0'), 'u' || lpad(i::text, 7, '0'), 'Company ' || i, \
           'user' || i || '@example.test', 'USD', 'active', {now}, {now} \
         FROM generate_series(0, {}) AS i",
        accounts - 1
    )))
    .await
    .unwrap();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, created_at) \
         SELECT 'a' || lpad(i::text, 7, '0'), 'u' || lpad(i::text, 7, '0'), '[]', 'system', {now} \
         FROM generate_series(0, {last}) AS i \
         UNION ALL \
         SELECT 'a' || lpad(i::text, 7, '0'), \
           'u' || lpad(({accounts} + (i * 2 + k) % {others})::text, 7, '0'), \
           '[\"invoices\",\"tickets\"]', 'system', {now} \
         FROM generate_series(0, {last}) AS i, generate_series(0, 1) AS k \
         UNION ALL \
         SELECT 'a' || lpad(i::text, 7, '0'), 'u0000007', '[\"invoices\"]', 'system', {now} \
         FROM generate_series(8, 9) AS i",
        last = accounts - 1
    )))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    pool.execute("ANALYZE").await.unwrap();
}

/// The second baseline: axum and the same query through a native `PgPool`, nothing else.
async fn start_bare(url: &str, pool_size: u32) -> String {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(pool_size)
        .test_before_acquire(false)
        .connect(url)
        .await
        .unwrap();
    let app = axum::Router::new()
        .route(
            "/bare",
            axum::routing::get(
                |axum::extract::State(pool): axum::extract::State<PgPool>,
                 axum::extract::Query(q): axum::extract::Query<
                    std::collections::HashMap<String, String>,
                >| async move {
                    let row: Option<AuthzRow> = sqlx::query_as(AUTHZ_QUERY)
                        .bind(&q["token_hash"])
                        .bind(&q["account"])
                        .fetch_optional(&pool)
                        .await
                        .unwrap();
                    let row = row.unwrap();
                    axum::Json(serde_json::json!({
                        "allowed": row.5.is_some_and(|p| p.contains("\"invoices\"")),
                        "is_owner": row.4.as_deref() == Some(row.1.as_str()),
                    }))
                },
            ),
        )
        .route("/bare/accounts", axum::routing::get(bare_accounts))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    address
}

/// `/me/accounts` done bare: the same query through the native pool, the same JSON out (each
/// account with the owner flag and its permissions, and the next page's cursor).
async fn bare_accounts(
    axum::extract::State(pool): axum::extract::State<PgPool>,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> axum::Json<serde_json::Value> {
    use sqlx::Row;
    const PAGE: i64 = 100;
    let rows = sqlx::query(MY_ACCOUNTS_QUERY)
        .bind(&q["token_hash"])
        .bind("")
        .bind(PAGE + 1)
        .fetch_all(&pool)
        .await
        .unwrap();
    let user: String = rows[0].get("user_id");
    let text = |row: &sqlx::postgres::PgRow, column: &str| row.get::<Option<String>, _>(column);
    let mut items: Vec<serde_json::Value> = rows
        .iter()
        .filter(|row| text(row, "account_id").is_some())
        .map(|row| {
            let owner = text(row, "owner_user_id");
            let is_owner = owner.as_deref() == Some(user.as_str());
            let permissions: Vec<String> =
                serde_json::from_str(&text(row, "permissions").unwrap_or_default())
                    .unwrap_or_default();
            serde_json::json!({
                "account": {
                    "id": text(row, "account_id"),
                    "number": row.get::<Option<i64>, _>("account_number"),
                    "owner_user_id": owner,
                    "company_name": text(row, "company_name"),
                    "billing_email": text(row, "billing_email"),
                    "address1": text(row, "address1"),
                    "address2": text(row, "address2"),
                    "city": text(row, "city"),
                    "state": text(row, "state"),
                    "postcode": text(row, "postcode"),
                    "country": text(row, "country"),
                    "phone": text(row, "phone"),
                    "tax_id": text(row, "tax_id"),
                    "currency": text(row, "currency"),
                    "status": text(row, "status"),
                    "created_at": row.get::<Option<i64>, _>("account_created_at"),
                    "updated_at": row.get::<Option<i64>, _>("account_updated_at"),
                },
                "is_owner": is_owner,
                "permissions": permissions,
            })
        })
        .collect();
    let next =
        (items.len() > PAGE as usize).then(|| items[PAGE as usize - 1]["account"]["id"].clone());
    items.truncate(PAGE as usize);
    axum::Json(serde_json::json!({ "items": items, "next_cursor": next }))
}
