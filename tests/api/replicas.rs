//! Two `roster serve` processes on one PostgreSQL database, driven at once: sign-ups, invitations,
//! acceptances, ownership transfers and removals for several accounts, each step through either
//! replica. Afterwards every account has exactly one owner and the memberships the steps made, each
//! after-hook event reached the notifier once, and each email was sent once. A second test kills a
//! replica with SIGKILL in the middle and checks that nothing it acknowledged is lost.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::client_area::PASSWORD;
use crate::helpers::{
    Backend, ServerProcess, TestDb, invitation_token, link_token, mail_sink, run_roster,
    unique_email,
};
use crate::plugins::PluginDir;

/// The kinds of event the example notifier subscribes to (its manifest's hooks).
const NOTIFIED: [&str; 8] = [
    "user.created",
    "account.created",
    "user.logged_in",
    "invitation.created",
    "invitation.accepted",
    "account.ownership_changed",
    "membership.removed",
    "membership.permissions_changed",
];

/// A replica's home: its config (the notifier reporting to `port`, mail to the test sink, quick
/// queues, rate limits out of the way).
fn home(plugins: &Path, port: u16) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugin-cache");
    let sink = mail_sink().port;
    let config = format!(
        "[plugins]\ndir = {plugins:?}\ncache_dir = {cache:?}\n\
         [plugins.queue]\npoll_interval = \"100ms\"\nlease = \"2s\"\n\
         [plugins.notifier.settings]\nurl = \"http://127.0.0.1:{port}/events\"\n\
         [plugins.notifier.capabilities]\nlog = true\nsettings = true\nkv = true\nhttp_hosts = [\"127.0.0.1:{port}\"]\n\
         [mail]\ntransport = \"smtp\"\n[mail.smtp]\nhost = \"127.0.0.1\"\nport = {sink}\n\
         [mail.outbox]\npoll_interval = \"100ms\"\nbackoff = \"100ms\"\nmax_backoff = \"500ms\"\nlease = \"2s\"\n\
         [auth.rate_limit]\nper_ip = 100000\nper_email = 100000\nsignup_per_ip = 100000\n\
         [invitations]\nper_account_per_hour = 100000\nper_user_per_hour = 100000\n"
    );
    std::fs::write(dir.path().join("config/roster.toml"), config).unwrap();
    dir
}

async fn post(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    token: Option<&str>,
    body: Value,
) -> (u16, Value) {
    let mut request = client.post(format!("{base}{path}")).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// One account's story, each step through the replica its turn gives: the owner signs up, invites
/// two people, both accept by signing up, staff make the first the owner and remove the second.
/// Answers (account id, previous owner's email, new owner's email, removed user's email).
async fn story(bases: [String; 2], admin: String, i: usize) -> (String, String, String, String) {
    let client = reqwest::Client::new();
    let at = |n: usize| bases[(i + n) % 2].clone();
    let owner = unique_email(&format!("r-owner{i}"));
    let (status, body) = post(
        &client,
        &at(0),
        "/api/v1/signup",
        None,
        json!({
        "email": owner, "password": PASSWORD, "first_name": "Rae", "last_name": "Owner",
        "account": { "company_name": format!("Replica {i}") } }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let token = body["token"].as_str().unwrap().to_owned();
    let account = body["account"]["id"].as_str().unwrap().to_owned();
    // The owner verifies the address (an unverified one sends no invitation), through the other.
    let verify = link_token(&mail_sink().wait_for(&owner, 1).await[0], "verify-email");
    let (status, body) = post(
        &client,
        &at(1),
        "/api/v1/auth/verify-email",
        None,
        json!({ "token": verify }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let invitees = [
        unique_email(&format!("r-new{i}")),
        unique_email(&format!("r-gone{i}")),
    ];
    for (n, email) in invitees.iter().enumerate() {
        let path = format!("/api/v1/accounts/{account}/invitations");
        let (status, body) = post(
            &client,
            &at(n + 1),
            &path,
            Some(&token),
            json!({ "email": email }),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    for (n, email) in invitees.iter().enumerate() {
        let (link, _) = invitation_token(email, 1).await;
        let path = format!("/api/v1/invitations/{link}/accept");
        let (status, body) = post(
            &client,
            &at(n),
            &path,
            None,
            json!({ "signup": {
            "email": email, "password": PASSWORD, "first_name": "Ivy", "last_name": "Invitee" } }),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    let path = format!("/api/v1/admin/accounts/{account}/owner");
    let user_id = user_id_of(&client, &at(1), &admin, &invitees[0]).await;
    let (status, body) = post(
        &client,
        &at(1),
        &path,
        Some(&admin),
        json!({ "user_id": user_id }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let gone = user_id_of(&client, &at(0), &admin, &invitees[1]).await;
    let response = client
        .delete(format!(
            "{}/api/v1/admin/accounts/{account}/users/{gone}",
            at(0)
        ))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let [new_owner, removed] = invitees;
    (account, owner, new_owner, removed)
}

async fn user_id_of(client: &reqwest::Client, base: &str, admin: &str, email: &str) -> String {
    let found: Value = client
        .get(format!(
            "{base}/api/v1/admin/users?search={}",
            roster::http::pages::encode(email)
        ))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    found["items"][0]["id"].as_str().unwrap().to_owned()
}

/// An admin token made by the real CLI against the shared database.
fn admin_token(url: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &[
            "admin",
            "token",
            "create",
            "--name",
            &format!("ops-{}", uuid::Uuid::new_v4().simple()),
        ],
        &[("ROSTER_DATABASE__URL", url)],
    );
    assert_eq!(code, 0, "{stderr}");
    stdout.trim().to_owned()
}

async fn connect(url: &str) -> roster::db::Db {
    let settings = roster::settings::DatabaseSettings {
        url: url.parse().unwrap(),
        ..Default::default()
    };
    roster::db::Db::connect(&settings).await.unwrap()
}

/// The ids of the events the notifier subscribes to, in the database.
async fn notified_events(db: &roster::db::Db) -> HashSet<String> {
    let kinds = NOTIFIED.map(|k| format!("'{k}'")).join(", ");
    let sql = format!("SELECT id FROM domain_events WHERE kind IN ({kinds})");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .fetch_all(db.pool())
        .await
        .unwrap()
        .into_iter()
        .collect()
}

/// Asserts that every event the notifier subscribes to reached it; answers how many times each did.
async fn every_event_delivered(
    db: &roster::db::Db,
    received: &Arc<Mutex<Vec<String>>>,
) -> HashMap<String, usize> {
    let expected = notified_events(db).await;
    let counts = deliveries(received, &expected).await;
    let missing: Vec<_> = expected
        .iter()
        .filter(|id| !counts.contains_key(*id))
        .collect();
    assert!(missing.is_empty(), "never delivered: {missing:?}");
    counts
}

/// Waits until the notifier received every event in `expected` (30 s at most); answers how many
/// times each id arrived.
async fn deliveries(
    received: &Arc<Mutex<Vec<String>>>,
    expected: &HashSet<String>,
) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for _ in 0..300 {
        counts.clear();
        for id in received.lock().unwrap().iter() {
            *counts.entry(id.clone()).or_insert(0) += 1;
        }
        if expected.iter().all(|id| counts.contains_key(id)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_database_apply_each_change_once() {
    let plugins = PluginDir::new();
    plugins.example("notifier");
    let (port, received) = crate::plugins::event_receiver(0).await;
    let (url, _db) = TestDb::create(Backend::Postgres).await;
    let homes = [home(plugins.path(), port), home(plugins.path(), port)];
    let env = [("ROSTER_DATABASE__URL", url.as_str())];
    let a = ServerProcess::start(homes[0].path(), &env).await;
    let b = ServerProcess::start(homes[1].path(), &env).await;
    let admin = admin_token(&url);
    let bases = [a.address.clone(), b.address.clone()];

    let stories: Vec<_> = (0..6)
        .map(|i| tokio::spawn(story(bases.clone(), admin.clone(), i)))
        .collect();
    let mut done = Vec::new();
    for story in stories {
        done.push(story.await.unwrap());
    }

    let db = connect(&url).await;
    for (account, owner, new_owner, removed) in &done {
        let owners: Vec<String> = sqlx::query_scalar(
            "SELECT u.email FROM accounts a JOIN users u ON u.id = a.owner_user_id WHERE a.id = $1",
        )
        .bind(account.clone())
        .fetch_all(db.pool())
        .await
        .unwrap();
        assert_eq!(owners, std::slice::from_ref(new_owner));
        let mut members: Vec<String> = sqlx::query_scalar(
            "SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1",
        )
        .bind(account.clone())
        .fetch_all(db.pool())
        .await
        .unwrap();
        members.sort();
        let mut expected = vec![owner.clone(), new_owner.clone()];
        expected.sort();
        assert_eq!(
            members, expected,
            "the previous owner kept, the removed user gone ({removed})"
        );
    }

    // Every event the notifier subscribes to arrived, each once.
    let counts = every_event_delivered(&db, &received).await;
    let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "delivered more than once: {twice:?}");
    // In order per account: each account's events arrived in the order its writes committed
    // (one account's writes queue on its lock, so they draw `seq` in that order).
    let arrived: Vec<String> = received.lock().unwrap().clone();
    for (account, ..) in &done {
        let committed: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM domain_events WHERE account_id = $1 AND kind IN ({}) ORDER BY seq",
            NOTIFIED.map(|k| format!("'{k}'")).join(", ")
        )))
        .bind(account.clone())
        .fetch_all(db.pool())
        .await
        .unwrap();
        let delivered: Vec<&String> = arrived.iter().filter(|id| committed.contains(id)).collect();
        assert_eq!(
            delivered,
            committed.iter().collect::<Vec<_>>(),
            "account {account}"
        );
    }

    // Every email once: the invitations, and each owner's verification link. The outbox's own
    // state says when all is sent (a sent message is never taken again).
    let mut unsent = -1;
    for _ in 0..200 {
        unsent = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE state <> 'sent'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        if unsent == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(unsent, 0, "messages still waiting in the outbox");

    for (_, owner, new_owner, removed) in &done {
        for email in [new_owner, removed] {
            let invitations = mail_sink()
                .messages_to(email)
                .into_iter()
                .filter(|m| m.subject() == "Account Access Invitation")
                .count();
            assert_eq!(invitations, 1, "{email}");
        }
        assert_eq!(mail_sink().messages_to(owner).len(), 1, "{owner}");
    }
    db.close().await;
    assert_eq!(a.terminate().await, Some(0));
    assert_eq!(b.terminate().await, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_mid_load_loses_nothing_it_acknowledged() {
    let plugins = PluginDir::new();
    plugins.example("notifier");
    let (port, received) = crate::plugins::event_receiver(0).await;
    let (url, _db) = TestDb::create(Backend::Postgres).await;
    let homes = [home(plugins.path(), port), home(plugins.path(), port)];
    let env = [("ROSTER_DATABASE__URL", url.as_str())];
    let a = ServerProcess::start(homes[0].path(), &env).await;
    let b = ServerProcess::start(homes[1].path(), &env).await;
    let client = reqwest::Client::new();
    let owner = unique_email("k-owner");
    let (status, body) = post(
        &client,
        &b.address,
        "/api/v1/signup",
        None,
        json!({
        "email": owner, "password": PASSWORD, "first_name": "Kim", "last_name": "Owner",
        "account": { "company_name": "Killed Hosting" } }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let token = body["token"].as_str().unwrap().to_owned();
    let account = body["account"]["id"].as_str().unwrap().to_owned();
    // The owner verifies the address (an unverified one sends no invitation), through the other.
    let verify = link_token(&mail_sink().wait_for(&owner, 1).await[0], "verify-email");
    let (status, body) = post(
        &client,
        &a.address,
        "/api/v1/auth/verify-email",
        None,
        json!({ "token": verify }),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // Invitations through both replicas at once; replica A is killed while they run.
    let path = format!("/api/v1/accounts/{account}/invitations");
    let calls: Vec<_> = (0..24)
        .map(|i| {
            let base = if i % 2 == 0 {
                a.address.clone()
            } else {
                b.address.clone()
            };
            let (client, path, token) = (client.clone(), path.clone(), token.clone());
            let email = unique_email(&format!("k-invitee{i}"));
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(20 * i)).await;
                let answer = client
                    .post(format!("{base}{path}"))
                    .bearer_auth(&token)
                    .json(&json!({ "email": email }))
                    .send()
                    .await;
                let acknowledged = answer.is_ok_and(|r| r.status().as_u16() == 201);
                (email, acknowledged)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(150)).await;
    a.kill().await;
    let mut acknowledged = Vec::new();
    for call in calls {
        let (email, ok) = call.await.unwrap();
        if ok {
            acknowledged.push(email);
        }
    }
    assert!(
        acknowledged.len() >= 12,
        "only {} acknowledged",
        acknowledged.len()
    );

    // A comes back and carries on.
    let a = ServerProcess::start(homes[0].path(), &env).await;
    let late = unique_email("k-late");
    let (status, body) = post(
        &client,
        &a.address,
        &path,
        Some(&token),
        json!({ "email": late }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    acknowledged.push(late);

    // Every acknowledged invitation is there, and its email arrived (at least once: a message the
    // killed replica was sending may go out again once its lease ran out).
    let db = connect(&url).await;
    for email in &acknowledged {
        let found: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM invitations WHERE email = $1 AND state = 'pending'",
        )
        .bind(email.clone())
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(found, 1, "{email}");
        invitation_token(email, 1).await;
    }
    // Every event the notifier subscribes to reached it.
    every_event_delivered(&db, &received).await;
    db.close().await;
    assert_eq!(a.terminate().await, Some(0));
    assert_eq!(b.terminate().await, Some(0));
}
