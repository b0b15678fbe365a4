//! Sign in with Roster under load (issue 25), on PostgreSQL:
//!
//! - **Code exchanges per second**: codes issued beforehand (through the domain, as the consent
//!   page does), then redeemed at `POST /oauth/token` by `BENCH_CONCURRENCY` (default 8) clients
//!   at once, for an app signing ID tokens with RS256 and for one with ES256.
//! - **Reads with an access token against the same reads with a session token** (goal: within
//!   10%): `GET /api/v1/authz/check` with each kind of bearer, `GET /api/v1/me` with each, and
//!   userinfo (scopes `openid profile email`) next to `GET /api/v1/me` with a session token.
//!
//! `cargo bench -p roster --bench oidc` (PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; a database is created and dropped). The reads
//! load 32 keep-alive connections for `BENCH_SECONDS` (default 6) after a 2 s warm-up, in
//! `BENCH_ROUNDS` (default 3) alternating rounds; the table shows the median round's ratio.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use roster::oauth::clients::{self, NewClient};
use roster::oauth::keys::Alg;
use roster::oauth::request::{self, Params};
use roster::settings::Settings;
use sqlx::Executor;

#[path = "support/common.rs"]
mod common;

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const USERS: usize = 100;
const CODES_PER_USER: usize = 25;
const CONNECTIONS: usize = 32;
const WARMUP: Duration = Duration::from_secs(2);
const REDIRECT: &str = "https://panel.example.com/callback";

fn main() {
    let runtime = common::runtime();
    runtime.block_on(run());
}

async fn run() {
    let database = common::PgDatabase::create("roster_oidc").await;
    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = database.url.parse().unwrap();
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    tokio::spawn(app.run(std::future::pending()));
    seed(&state).await;

    let mut sessions = Vec::new();
    for i in 0..USERS {
        let token = roster::sessions::start(
            &state,
            &format!("u{i:07}"),
            None,
            None,
            roster::sessions::Via::SignUp,
        )
        .await
        .unwrap();
        sessions.push(token);
    }
    let client = reqwest::Client::new();
    let concurrency: usize = common::env_or("BENCH_CONCURRENCY", 8);
    println!(
        "\n{:<44} {:>9} {:>8} {:>8}",
        "code exchanges", "per sec", "p50 ms", "p99 ms"
    );
    for alg in [Alg::Rs256, Alg::Es256] {
        let (client_id, secret) = app_for(&state, alg).await;
        let codes = issue_codes(&state, &client_id, &sessions, "openid account").await;
        let (per_second, p50, p99) =
            exchange_all(&client, &address, &client_id, &secret, codes, concurrency).await;
        println!(
            "{:<44} {:>9.0} {:>8.2} {:>8.2}",
            format!(
                "POST /oauth/token ({}, {concurrency} at once)",
                alg.as_str()
            ),
            per_second,
            p50.as_secs_f64() * 1000.0,
            p99.as_secs_f64() * 1000.0
        );
    }

    // User 7's session, and access tokens for account 8 (where they hold `invoices`).
    let (client_id, secret) = app_for(&state, Alg::Rs256).await;
    let session = sessions[7].clone();
    let one = |scope: &'static str| {
        let (state, client, address) = (state.clone(), client.clone(), address.clone());
        let (client_id, secret, session) = (client_id.clone(), secret.clone(), session.clone());
        async move {
            let codes = issue_codes(&state, &client_id, &[session], scope).await;
            let answer: serde_json::Value = client
                .post(format!("{address}/oauth/token"))
                .basic_auth(&client_id, Some(&secret))
                .form(&[
                    ("grant_type", "authorization_code"),
                    ("code", codes[0].as_str()),
                    ("redirect_uri", REDIRECT),
                ])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            answer["access_token"].as_str().unwrap().to_owned()
        }
    };
    let for_account = one("openid account").await;
    let for_profile = one("openid profile email").await;
    let authz = format!("{address}/api/v1/authz/check?account=a0000008&permission=invoices");
    let me = format!("{address}/api/v1/me");
    let userinfo = format!("{address}/oauth/userinfo");
    let measure = Duration::from_secs(common::env_or("BENCH_SECONDS", 6));
    let rounds: usize = common::env_or("BENCH_ROUNDS", 3).max(1);
    println!(
        "\n{:<44} {:>9} {:>9} {:>8}  rounds",
        "read (access token vs session token)", "token/s", "session/s", "ratio"
    );
    for (name, token_url, token, session_url) in [
        ("GET /api/v1/authz/check", &authz, &for_account, &authz),
        ("GET /api/v1/me", &me, &for_account, &me),
        (
            "GET /oauth/userinfo vs GET /api/v1/me",
            &userinfo,
            &for_profile,
            &me,
        ),
    ] {
        let mut pairs = Vec::new();
        for round in 0..rounds {
            let mut pair = [None, None];
            for side in [round % 2, 1 - round % 2] {
                let (url, bearer) = if side == 0 {
                    (token_url, token)
                } else {
                    (session_url, &session)
                };
                let loaded =
                    common::load(&client, url, Some(bearer), CONNECTIONS, WARMUP, measure).await;
                pair[side] = Some(loaded.per_second);
            }
            let [Some(with_token), Some(with_session)] = pair else {
                unreachable!()
            };
            pairs.push((with_token, with_session));
        }
        pairs.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
        let ratios: Vec<String> = pairs.iter().map(|(t, s)| format!("{:.2}", t / s)).collect();
        let (with_token, with_session) = pairs[pairs.len() / 2];
        println!(
            "{:<44} {:>9.0} {:>9.0} {:>8.2}  {}",
            name,
            with_token,
            with_session,
            with_token / with_session,
            ratios.join(" ")
        );
    }
    state.db.close().await;
    database.drop().await;
}

/// Users `u0000000…` each owning account `a0000000…`; user 7 also in account 8 (`invoices`).
async fn seed(state: &roster::state::AppState) {
    let hash = state
        .passwords
        .hash(&secrecy::SecretString::from("correct horse battery"))
        .await
        .unwrap();
    let pool = state.db.pool();
    let now = state.clock.now_ms();
    let last = USERS - 1;
    pool.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO users (id, email, email_normalized, first_name, last_name, language, \
         password_hash, status, created_at, updated_at) \
         SELECT 'u' || lpad(i::text, 7, '0'), 'user' || i || '@example.test', \
           'user' || i || '@example.test', 'First', 'Last', 'en', '{hash}', 'active', {now}, {now} \
         FROM generate_series(0, {last}) AS i"
    )))
    .await
    .unwrap();
    let mut tx = pool.begin().await.unwrap();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO accounts (id, owner_user_id, company_name, billing_email, currency, status, \
         created_at, updated_at) \
         SELECT 'a' || lpad(i::text, 7, '0'), 'u' || lpad(i::text, 7, '0'), 'Company ' || i, \
           'user' || i || '@example.test', 'USD', 'active', {now}, {now} \
         FROM generate_series(0, {last}) AS i"
    )))
    .await
    .unwrap();
    tx.execute(sqlx::AssertSqlSafe(format!(
        "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, created_at) \
         SELECT 'a' || lpad(i::text, 7, '0'), 'u' || lpad(i::text, 7, '0'), '[]', 'system', {now} \
         FROM generate_series(0, {last}) AS i \
         UNION ALL SELECT 'a0000008', 'u0000007', '[\"invoices\"]', 'system', {now}"
    )))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    pool.execute("ANALYZE").await.unwrap();
}

/// A trusted confidential app signing with `alg`: (client id, secret).
async fn app_for(state: &roster::state::AppState, alg: Alg) -> (String, String) {
    let new = NewClient {
        name: format!("Bench {}", roster::crypto::new_id()),
        redirect_uris: vec![REDIRECT.to_owned()],
        public: false,
        trusted: true,
        post_logout_redirect_uris: vec![],
        backchannel_logout_uri: None,
        logo_uri: None,
        id_token_alg: alg,
    };
    let ctx = roster::audit::Context::system();
    let (client, secret) = clients::create(&state.db, &ctx, state.clock.now_ms(), new)
        .await
        .unwrap();
    (client.client_id, secret.unwrap())
}

/// `CODES_PER_USER` codes for each session (for user 7's, the account hinted is 8), issued as the
/// consent page issues them.
async fn issue_codes(
    state: &roster::state::AppState,
    client_id: &str,
    sessions: &[String],
    scope: &str,
) -> Vec<String> {
    // The bench issues more codes than a person may be given in a minute (a rate limit): it
    // forgets the counts first.
    state
        .db
        .pool()
        .execute("DELETE FROM rate_limits WHERE bucket LIKE 'oauth:code:%'")
        .await
        .unwrap();
    let mut codes = Vec::new();
    for token in sessions {
        let auth = roster::sessions::authenticate(state, token).await.unwrap();
        let facts = roster::sessions::sign_in_facts(state, &auth.session_id)
            .await
            .unwrap()
            .unwrap();
        let account_id = if auth.user_id == "u0000007" {
            "a0000008".to_owned()
        } else {
            format!("a{}", &auth.user_id[1..])
        };
        let account =
            roster::memberships::service::one_reached_by(state, &auth.user_id, &account_id)
                .await
                .unwrap();
        let pairs: Vec<(String, String)> = [
            ("client_id", client_id),
            ("redirect_uri", REDIRECT),
            ("response_type", "code"),
            ("scope", scope),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let Ok(req) = request::check(&state.db, Params::from_pairs(&pairs)).await else {
            panic!("the request is refused");
        };
        let count = if sessions.len() == 1 {
            1
        } else {
            CODES_PER_USER
        };
        for _ in 0..count {
            let location =
                roster::oauth::codes::issue_code(state, &req, &auth, &facts, account.as_ref())
                    .await
                    .unwrap();
            let url = url::Url::parse(&location).unwrap();
            codes.push(
                url.query_pairs()
                    .find(|(k, _)| k == "code")
                    .unwrap()
                    .1
                    .into_owned(),
            );
        }
    }
    codes
}

/// Redeems every code with `concurrency` clients at once: (per second, p50, p99).
async fn exchange_all(
    client: &reqwest::Client,
    address: &str,
    client_id: &str,
    secret: &str,
    codes: Vec<String>,
    concurrency: usize,
) -> (f64, Duration, Duration) {
    let total = codes.len();
    let queue = Arc::new(tokio::sync::Mutex::new(codes));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (queue, client) = (queue.clone(), client.clone());
            let url = format!("{address}/oauth/token");
            let (client_id, secret) = (client_id.to_owned(), secret.to_owned());
            tokio::spawn(async move {
                let mut samples = Vec::new();
                loop {
                    let Some(code) = queue.lock().await.pop() else {
                        return samples;
                    };
                    let sent = Instant::now();
                    let response = client
                        .post(&url)
                        .basic_auth(&client_id, Some(&secret))
                        .form(&[
                            ("grant_type", "authorization_code"),
                            ("code", code.as_str()),
                            ("redirect_uri", REDIRECT),
                        ])
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.status(), 200);
                    response.bytes().await.unwrap();
                    samples.push(sent.elapsed());
                }
            })
        })
        .collect();
    let mut samples = Vec::new();
    for worker in workers {
        samples.extend(worker.await.unwrap());
    }
    let elapsed = started.elapsed();
    samples.sort();
    (
        total as f64 / elapsed.as_secs_f64(),
        common::percentile(&samples, 0.5),
        common::percentile(&samples, 0.99),
    )
}
