//! The request path from outside (issue 24): this tree's release binary and an earlier release's,
//! side by side on the same machine, the same data and the same load, with a bare axum server as
//! the control for how much the machine itself moved during the run.
//!
//! `cargo bench -p roster --bench request_path`
//!
//! - Each binary runs as `roster serve` on a fresh SQLite database of its own, seeded through its
//!   own API the same way: an owner of three accounts, ten more users who are members of the
//!   first (their memberships written by SQL, the one table both versions share unchanged).
//! - Each endpoint is loaded by `wrk -t2 -c32` (Debian's `wrk`; the bench stops with a message
//!   when it is missing), a 2 s warm-up then `BENCH_SECONDS` (default 10), alternating the two
//!   binaries, `BENCH_ROUNDS` times (default 2); the best round of each is reported, with the
//!   server's CPU time per 1,000 requests (user + system, from `/proc/<pid>/stat`) and its resident
//!   set (`VmRSS`) after the whole load.
//! - The earlier release is `BASELINE_REV` below (or `BENCH_BASELINE_REV`), built once with
//!   `cargo build --release` from a `git worktree` into a target folder of its own under Cargo's
//!   bench temp folder (about ten minutes the first time, then reused); `BENCH_BASELINE_BIN`
//!   points at a ready binary instead, and `BENCH_ROSTER_BIN` measures another build in place of
//!   this tree's (to compare two older commits, as when looking for a regression).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

#[path = "support/common.rs"]
mod common;

use common::Server;

/// The earlier release measured beside this tree: the commit before the four doors (client pages,
/// admin pages, the WHMCS API, the admin area) and the metrics landed, whose numbers issue 24 asks
/// to get back to. Move it forward when a newer release is the one to beat.
const BASELINE_REV: &str = "93543c9537397af9f39b2763e6ca5398ab26fe71";
const PASSWORD: &str = "correct horse battery";
const MEMBERS: usize = 10;

fn main() {
    assert!(
        Command::new("wrk").arg("--version").output().is_ok(),
        "this bench loads the servers with wrk: `apt-get install wrk`"
    );
    let seconds: u64 = common::env_or("BENCH_SECONDS", 10);
    let rounds: usize = common::env_or("BENCH_ROUNDS", 2);
    let baseline = baseline_bin();
    let current = std::env::var_os("BENCH_ROSTER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_roster")));
    let control = start_control();
    let runtime = common::runtime();
    runtime.block_on(async {
        let homes = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
        let mut servers = Vec::new();
        for (bin, home) in [&baseline, &current].into_iter().zip(&homes) {
            let server = start(bin, home.path()).await;
            let seeded = seed(&server.address, home.path()).await;
            servers.push((server, seeded));
        }
        let control_before = wrk(&format!("{control}/"), None, seconds);
        let mut table = Vec::new();
        for endpoint in ENDPOINTS {
            let mut best = [Measured::default(), Measured::default()];
            for round in 0..rounds {
                // Alternate which binary goes first, so neither always meets a warmer machine.
                let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
                for i in order {
                    let (server, seeded) = &servers[i];
                    let url = format!("{}{}", server.address, endpoint.path(seeded));
                    let token = endpoint.token(seeded);
                    wrk(&url, token, 2);
                    let cpu = cpu_ms(server);
                    let loaded = wrk(&url, token, seconds);
                    let cpu = cpu_ms(server) - cpu;
                    let measured = Measured {
                        per_second: loaded.per_second,
                        cpu_per_1k: cpu / (loaded.requests as f64 / 1000.0),
                    };
                    println!(
                        "  {:<28} {:<8} round {round}: {:>9.0}/s, {:>5.0} ms CPU per 1k",
                        endpoint.name,
                        ["baseline", "this"][i],
                        measured.per_second,
                        measured.cpu_per_1k
                    );
                    if measured.per_second > best[i].per_second {
                        best[i] = measured;
                    }
                }
            }
            table.push((endpoint.name, best));
        }
        let control_after = wrk(&format!("{control}/"), None, seconds);
        println!(
            "\nbaseline {} ({}), this tree ({}); wrk -t2 -c32, {seconds} s, best of {rounds}",
            baseline.display(),
            std::env::var("BENCH_BASELINE_REV").unwrap_or_else(|_| BASELINE_REV[..7].to_owned()),
            current.display()
        );
        println!(
            "control (bare axum): {:.0}/s before, {:.0}/s after ({:+.1}%)\n",
            control_before.per_second,
            control_after.per_second,
            (control_after.per_second / control_before.per_second - 1.0) * 100.0
        );
        println!("| | baseline | this tree | change |\n| --- | --- | --- | --- |");
        for (name, [old, new]) in table {
            println!(
                "| `{name}` | {:.0}/s, {:.0} ms CPU per 1k | {:.0}/s, {:.0} ms | {:+.0}% |",
                old.per_second,
                old.cpu_per_1k,
                new.per_second,
                new.cpu_per_1k,
                (new.per_second / old.per_second - 1.0) * 100.0
            );
        }
        println!(
            "| RSS after the load | {:.1} MiB | {:.1} MiB | {:.1}× |",
            servers[0].0.rss_mib(),
            servers[1].0.rss_mib(),
            servers[1].0.rss_mib() / servers[0].0.rss_mib()
        );
        for (server, _) in servers {
            server.stop().await;
        }
    });
}

/// What each endpoint needs from the seeded data.
struct Seeded {
    owner: String,
    member: String,
    account: String,
}

struct Endpoint {
    name: &'static str,
    path: &'static str,
    /// Whose bearer token: none, the owner's or a member's.
    as_member: Option<bool>,
}

impl Endpoint {
    fn path(&self, seeded: &Seeded) -> String {
        self.path.replace("{id}", &seeded.account)
    }

    fn token<'a>(&self, seeded: &'a Seeded) -> Option<&'a str> {
        self.as_member.map(|member| {
            if member {
                seeded.member.as_str()
            } else {
                seeded.owner.as_str()
            }
        })
    }
}

const ENDPOINTS: [Endpoint; 6] = [
    Endpoint {
        name: "/healthz",
        path: "/healthz",
        as_member: None,
    },
    Endpoint {
        name: "/readyz",
        path: "/readyz",
        as_member: None,
    },
    Endpoint {
        name: "/api/v1/me",
        path: "/api/v1/me",
        as_member: Some(false),
    },
    Endpoint {
        name: "/api/v1/me/accounts",
        path: "/api/v1/me/accounts",
        as_member: Some(false),
    },
    Endpoint {
        name: "/api/v1/accounts/{id}/users",
        path: "/api/v1/accounts/{id}/users",
        as_member: Some(false),
    },
    Endpoint {
        name: "/api/v1/authz/check",
        path: "/api/v1/authz/check?account={id}&permission=contacts",
        as_member: Some(true),
    },
];

#[derive(Default, Clone, Copy)]
struct Measured {
    per_second: f64,
    cpu_per_1k: f64,
}

async fn start(bin: &Path, home: &Path) -> Server {
    std::fs::create_dir_all(home.join("config")).unwrap();
    std::fs::write(
        home.join("config/roster.toml"),
        "[auth.rate_limit]\nper_ip = 1000000\nper_email = 1000000\nsignup_per_ip = 1000000\n\
         [accounts]\ncreate_per_user = 1000\ncreate_per_ip = 1000\n",
    )
    .unwrap();
    let database = format!("sqlite://{}/roster.db", home.display());
    Server::start(bin, home, &[("ROSTER_DATABASE__URL", database.as_str())]).await
}

/// The same data through each version's own API: an owner with three accounts, members of the
/// first.
async fn seed(base: &str, home: &Path) -> Seeded {
    let client = reqwest::Client::new();
    let signup = |email: String, account: Value| {
        let client = client.clone();
        async move {
            let body = json!({ "email": email, "password": PASSWORD,
                "first_name": "Bench", "last_name": "User", "account": account });
            common::signup(&client, base, &body).await["token"]
                .as_str()
                .expect("sign-up answers a token")
                .to_owned()
        }
    };
    let owner = signup("owner@bench.test".into(), json!({"company_name": "Alpha"})).await;
    for name in ["Beta", "Gamma"] {
        let status = client
            .post(format!("{base}/api/v1/accounts"))
            .bearer_auth(&owner)
            .json(&json!({ "company_name": name }))
            .send()
            .await
            .unwrap()
            .status();
        assert!(status.is_success(), "creating an account: {status}");
    }
    let mine: Value = get(&client, &format!("{base}/api/v1/me/accounts"), &owner).await;
    // A page of items since paging came; a bare list before.
    let items = mine["items"].as_array().or(mine.as_array()).unwrap();
    assert_eq!(items.len(), 3);
    let account = items
        .iter()
        .find(|a| a["account"]["company_name"] == "Alpha")
        .unwrap()["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let owner_id = get(&client, &format!("{base}/api/v1/me"), &owner).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/roster.db", home.display()))
        .await
        .unwrap();
    let mut member = String::new();
    for i in 0..MEMBERS {
        member = signup(format!("member{i}@bench.test"), Value::Null).await;
        let id = get(&client, &format!("{base}/api/v1/me"), &member).await["id"]
            .as_str()
            .unwrap()
            .to_owned();
        sqlx::query(
            "INSERT INTO memberships (account_id, user_id, permissions, added_by_kind, added_by_id, created_at) \
             VALUES ($1, $2, '[\"profile\",\"contacts\"]', 'user', $3, 1)",
        )
        .bind(&account)
        .bind(&id)
        .bind(&owner_id)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
    Seeded {
        owner,
        member,
        account,
    }
}

async fn get(client: &reqwest::Client, url: &str, token: &str) -> Value {
    let response = client.get(url).bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    response.json().await.unwrap()
}

struct Loaded {
    per_second: f64,
    requests: u64,
}

/// `wrk -t2 -c32` on `url` for `seconds`; every answer must be a 2xx.
fn wrk(url: &str, token: Option<&str>, seconds: u64) -> Loaded {
    let mut command = Command::new("wrk");
    command.args(["-t2", "-c32", &format!("-d{seconds}s"), url]);
    if let Some(token) = token {
        command.args(["-H", &format!("Authorization: Bearer {token}")]);
    }
    let output = command.output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && !text.contains("Non-2xx"),
        "wrk {url}: {text}"
    );
    let per_second = text
        .lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("wrk's output: {text}"));
    let requests = text
        .lines()
        .find_map(|l| l.trim().split_once(" requests in "))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("wrk's output: {text}"));
    Loaded {
        per_second,
        requests,
    }
}

/// The server's CPU time so far (user + system), in milliseconds.
fn cpu_ms(server: &Server) -> f64 {
    let pid = server.child.id().unwrap();
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    // Fields 14 and 15 of stat(5), counted after the command name: utime and stime, in ticks.
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks * 1000.0 / clock_ticks_per_second()
}

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// The control: a bare axum server answering a small JSON object, on a runtime of its own.
fn start_control() -> String {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let app = axum::Router::new().route(
                "/",
                axum::routing::get(|| async { axum::Json(json!({ "status": "ok" })) }),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            sender
                .send(format!("http://{}", listener.local_addr().unwrap()))
                .unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    receiver.recv().unwrap()
}

/// The earlier release's binary: `BENCH_BASELINE_BIN`, or [`BASELINE_REV`] built once.
fn baseline_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("BENCH_BASELINE_BIN") {
        return PathBuf::from(bin);
    }
    let rev = std::env::var("BENCH_BASELINE_REV").unwrap_or_else(|_| BASELINE_REV.to_owned());
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("baseline");
    let bin = dir.join(format!("roster-{rev}"));
    if bin.exists() {
        return bin;
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let source = dir.join(format!("src-{rev}"));
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .current_dir(workspace)
            .args(args)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    let _ = Command::new("git")
        .current_dir(workspace)
        .args(["worktree", "remove", "--force"])
        .arg(&source)
        .status();
    std::fs::create_dir_all(&dir).unwrap();
    git(&[
        "worktree",
        "add",
        "--detach",
        source.to_str().unwrap(),
        &rev,
    ]);
    println!("building the baseline {rev} (once; about ten minutes)");
    let target = dir.join("target");
    let status = Command::new("cargo")
        .current_dir(&source)
        .env("CARGO_TARGET_DIR", &target)
        .args(["build", "--release", "--locked", "-p", "roster"])
        .status()
        .unwrap();
    assert!(status.success(), "building {rev}");
    std::fs::copy(target.join("release/roster"), &bin).unwrap();
    git(&["worktree", "remove", "--force", source.to_str().unwrap()]);
    bin
}
