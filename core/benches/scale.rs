//! Reads at scale (issue 17): `GET /api/v1/authz/check` and `GET /api/v1/me/accounts` on
//! PostgreSQL with 10,000 users (2,000 accounts) and with 1,000,000 users (200,000 accounts), p50
//! and p99 side by side (goal: p99 at 1M ≤ 1.3 × p99 at 10k); next to a second baseline, a bare
//! axum handler that makes the same single indexed query as Roster's authorisation (session, user,
//! membership, account) through a native sqlx `PgPool` of the same size, and Roster's ratio to it
//! (goal ≥ 0.9: Roster's own layers cost little beyond the query).
//!
//! `cargo bench -p roster --bench scale` (PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; a database per size is created and dropped).
//! Seeding is SQL (`generate_series`), each account owned by one user and shared with two others.
//! The load runs in the same process: 32 keep-alive connections, 2 s warm-up, `BENCH_SECONDS`
//! (default 6) measured. Each Roster endpoint and its bare baseline are loaded one after the other,
//! `BENCH_ROUNDS` times (default 3), alternating which goes first; each round gives a ratio of two
//! neighbouring measurements (the machine's drift over a minute moves both alike) and the table
//! reports the median round. `BENCH_SIZES=10000` runs one size, `BENCH_ENDPOINT=authz` the endpoints
//! whose path contains it. `/me/accounts` has a bare baseline
//! of its own: the same query (the session with a page of accounts) answering the same JSON, so
//! that its ratio compares like with like. Both run on the shipped server's allocator (jemalloc).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use roster::settings::Settings;
use sqlx::{Executor, PgPool};

#[path = "support/common.rs"]
mod common;

/// The shipped server's allocator (core/src/main.rs, configured in .cargo/config.toml), for Roster
/// and the bare handlers alike: what is measured is the server as it runs.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use common::{AUTHZ_QUERY, AuthzRow, MY_ACCOUNTS_QUERY, PgDatabase};

const CONNECTIONS: usize = 32;
const WARMUP: Duration = Duration::from_secs(2);

fn main() {
    let runtime = common::runtime();
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 1_000_000]);
    let measure = Duration::from_secs(common::env_or("BENCH_SECONDS", 6));
    let rounds: usize = common::env_or("BENCH_ROUNDS", 3).max(1);
    runtime.block_on(async {
        let mut rows = Vec::new();
        for users in sizes {
            rows.extend(one_size(users, measure, rounds).await);
        }
        println!(
            "\n{:<9} {:<26} {:>8} {:>7} {:>7} {:>8} {:>7}  rounds",
            "users", "endpoint", "req/s", "p50 µs", "p99 µs", "bare/s", "of bare"
        );
        for row in rows {
            let rounds: Vec<String> = row.ratios.iter().map(|r| format!("{r:.2}")).collect();
            println!(
                "{:<9} {:<26} {:>8.0} {:>7} {:>7} {:>8.0} {:>7.2}  {}",
                row.users,
                row.endpoint,
                row.roster.per_second,
                row.roster.p50.as_micros(),
                row.roster.p99.as_micros(),
                row.bare.per_second,
                row.roster.per_second / row.bare.per_second,
                rounds.join(" ")
            );
        }
    });
}

/// One endpoint's median round: Roster's load and its bare baseline's, with every round's ratio.
struct Measured {
    users: usize,
    endpoint: &'static str,
    roster: common::Loaded,
    bare: common::Loaded,
    ratios: Vec<f64>,
}

async fn one_size(users: usize, measure: Duration, rounds: usize) -> Vec<Measured> {
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
    let hash = roster::crypto::hash_token(&token);
    let only = std::env::var("BENCH_ENDPOINT").unwrap_or_default();
    let client = reqwest::Client::new();
    let mut measured = Vec::new();
    for (endpoint, bare_target, target) in [
        (
            "GET /api/v1/authz/check",
            format!("{bare}/bare?token_hash={hash}&account={account}"),
            format!("{address}/api/v1/authz/check?account={account}&permission=invoices"),
        ),
        (
            "GET /api/v1/me/accounts",
            format!("{bare}/bare/accounts?token_hash={hash}"),
            format!("{address}/api/v1/me/accounts"),
        ),
    ] {
        if !only.is_empty() && !endpoint.contains(only.as_str()) {
            continue;
        }
        let mut pairs = Vec::new();
        for round in 0..rounds {
            // Alternate which goes first, so neither always meets a warmer machine.
            let mut pair = [None, None];
            for side in [round % 2, 1 - round % 2] {
                let (url, token) = if side == 0 {
                    (&bare_target, None)
                } else {
                    (&target, Some(token.as_str()))
                };
                let loaded = common::load(&client, url, token, CONNECTIONS, WARMUP, measure).await;
                pair[side] = Some(loaded);
            }
            let [Some(bare), Some(roster)] = pair else {
                unreachable!()
            };
            eprintln!(
                "{users} {endpoint}, round {}: {:.0} req/s (p99 {:.2?}), bare {:.0} req/s: {:.2}",
                round + 1,
                roster.per_second,
                roster.p99,
                bare.per_second,
                roster.per_second / bare.per_second
            );
            pairs.push((roster, bare));
        }
        pairs.sort_by(|a, b| {
            (a.0.per_second / a.1.per_second).total_cmp(&(b.0.per_second / b.1.per_second))
        });
        let ratios = pairs
            .iter()
            .map(|(r, b)| r.per_second / b.per_second)
            .collect();
        let (roster, bare) = pairs[pairs.len() / 2];
        measured.push(Measured {
            users,
            endpoint,
            roster,
            bare,
            ratios,
        });
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
                        "allowed": row.8.is_some_and(|p| p.contains("\"invoices\"")),
                        "is_owner": row.7.as_deref() == Some(row.1.as_str()),
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
