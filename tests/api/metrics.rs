//! `/metrics`: Prometheus's text format on the management listener (`metrics.bind`), never on the
//! public port. The recorder is one per process, so each test runs `roster serve` as a process of
//! its own and asserts exact deltas: no other test's traffic can move its counters.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::client_area::PASSWORD;
use crate::helpers::{ServerProcess, mail_sink, unique_email};
use crate::plugins::PluginDir;

/// The value of the sample `name` whose labels include every one of `labels` (0 when absent).
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    series(text, name)
        .filter(|line| {
            labels
                .iter()
                .all(|(k, v)| line.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

/// The sample lines of the metric `name`.
fn series<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    text.lines().filter(move |line| {
        line.strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
    })
}

/// The label sets (the part between braces) of the metric `name`.
fn label_sets(text: &str, name: &str) -> BTreeSet<String> {
    series(text, name)
        .filter_map(|line| Some(line.split_once('{')?.1.split_once('}')?.0.to_owned()))
        .collect()
}

/// A `roster serve` of this test's own, on SQLite in `dir`, with `config` as its settings file.
async fn server(dir: &Path, config: &str) -> ServerProcess {
    std::fs::create_dir_all(dir.join("config")).unwrap();
    std::fs::write(dir.join("config/roster.toml"), config).unwrap();
    ServerProcess::start(dir, &[]).await
}

async fn scrape(server: &ServerProcess) -> String {
    let base = server.metrics_address.as_deref().expect("metrics are on");
    let response = reqwest::get(format!("{base}/metrics")).await.unwrap();
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(kind.starts_with("text/plain"), "{kind}");
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_and_sign_ins_move_the_counters_by_exactly_what_happened() {
    let home = tempfile::tempdir().unwrap();
    let sink = mail_sink().port;
    let server = server(
        home.path(),
        &format!(
            "[mail]\ntransport = \"smtp\"\n[mail.smtp]\nhost = \"127.0.0.1\"\nport = {sink}\n\
             [mail.outbox]\npoll_interval = \"100ms\"\n"
        ),
    )
    .await;
    let client = reqwest::Client::new();
    let base = server.address.clone();
    let email = unique_email("metered");
    let signup = client
        .post(format!("{base}/api/v1/signup"))
        .json(&json!({ "email": email, "password": PASSWORD, "first_name": "M", "last_name": "Eter" }))
        .send()
        .await
        .unwrap();
    assert_eq!(signup.status(), 201);
    // The sign-up's verification mail, counted once it is handed over.
    mail_sink().wait_for(&email, 1).await;
    let mut before = scrape(&server).await;
    for _ in 0..100 {
        if sample(
            &before,
            "roster_mail_messages_total",
            &[("outcome", "sent")],
        ) == 1.0
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        before = scrape(&server).await;
    }
    assert_eq!(
        sample(
            &before,
            "roster_mail_messages_total",
            &[("outcome", "sent")]
        ),
        1.0,
        "{before}"
    );

    let login = |password: &'static str| {
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({ "email": email, "password": password }))
            .send()
    };
    let ok = login(PASSWORD).await.unwrap();
    assert_eq!(ok.status(), 200);
    let token = ok.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(login("not the password").await.unwrap().status(), 401);
    for _ in 0..3 {
        let me = client
            .get(format!("{base}/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), 200);
    }
    let after = scrape(&server).await;

    let moved = |name: &str, labels: &[(&str, &str)]| {
        sample(&after, name, labels) - sample(&before, name, labels)
    };
    let success = [("area", "client"), ("outcome", "success")];
    assert_eq!(moved("roster_logins_total", &success), 1.0, "{after}");
    let failed = [("area", "client"), ("outcome", "invalid_credentials")];
    assert_eq!(moved("roster_logins_total", &failed), 1.0, "{after}");
    let me = [
        ("method", "GET"),
        ("route", "/api/v1/me"),
        ("status", "200"),
    ];
    assert_eq!(moved("roster_http_requests_total", &me), 3.0, "{after}");
    let logins = [("method", "POST"), ("route", "/api/v1/auth/login")];
    assert_eq!(moved("roster_http_requests_total", &logins), 2.0, "{after}");
    let timed = [("method", "GET"), ("route", "/api/v1/me")];
    assert_eq!(
        moved("roster_http_request_duration_seconds_count", &timed),
        3.0
    );
    // Five requests in all reached the public port between the scrapes (scrapes are not counted).
    assert_eq!(moved("roster_http_requests_total", &[]), 5.0, "{after}");
    // Never the raw path of a request that carried a token in it.
    assert!(!after.contains(&token));
    assert!(
        after.contains("roster_db_connections{state=\"idle\"}"),
        "{after}"
    );
    assert!(sample(&after, "roster_db_write_wait_seconds_count", &[]) >= 1.0);
    server.terminate().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn made_up_methods_and_paths_add_no_series() {
    let home = tempfile::tempdir().unwrap();
    let server = server(home.path(), "").await;
    let client = reqwest::Client::new();
    // Warm up: one request of each kind, so that their series exist before the count.
    let send = |i: usize| {
        let method = reqwest::Method::from_bytes(format!("X{i}QZ").as_bytes()).unwrap();
        let path = if i.is_multiple_of(2) {
            format!("/nothing/here/{i}")
        } else {
            "/api/v1/me".to_owned()
        };
        client
            .request(method, format!("{}{path}", server.address))
            .send()
    };
    for i in 0..2 {
        let status = send(i).await.unwrap().status();
        assert!(status == 404 || status == 405, "{status}");
    }
    let before = scrape(&server).await;
    for i in 2..602 {
        send(i).await.unwrap();
    }
    let after = scrape(&server).await;
    for metric in [
        "roster_http_requests_total",
        "roster_http_request_duration_seconds_count",
    ] {
        assert_eq!(
            label_sets(&before, metric),
            label_sets(&after, metric),
            "{metric}: made-up methods and paths made new series"
        );
    }
    assert_eq!(
        sample(&after, "roster_http_requests_total", &[("method", "OTHER")])
            - sample(
                &before,
                "roster_http_requests_total",
                &[("method", "OTHER")]
            ),
        600.0
    );
    assert!(!after.contains("X7QZ") && !after.contains("/nothing/here"));
    assert!(
        after.len() < before.len() + 200,
        "the scrape grew from {} to {} bytes",
        before.len(),
        after.len()
    );
    server.terminate().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_on_the_management_listener_only() {
    let home = tempfile::tempdir().unwrap();
    let server = server(home.path(), "").await;
    let public = reqwest::get(format!("{}/metrics", server.address))
        .await
        .unwrap();
    assert_eq!(public.status(), 404);
    let text = scrape(&server).await;
    assert!(text.contains("roster_db_connections"), "{text}");
    // The management listener serves nothing else: not the API, not the pages.
    let management = server.metrics_address.clone().unwrap();
    for path in ["/api/v1/openapi.json", "/login", "/readyz"] {
        let response = reqwest::get(format!("{management}{path}")).await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
    // The OpenAPI document no longer lists it.
    let document: serde_json::Value =
        reqwest::get(format!("{}/api/v1/openapi.json", server.address))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert!(document["paths"].get("/metrics").is_none());
    server.terminate().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_be_turned_off() {
    let home = tempfile::tempdir().unwrap();
    let server = server(home.path(), "[metrics]\nenabled = false\n").await;
    assert!(server.metrics_address.is_none());
    let public = reqwest::get(format!("{}/metrics", server.address))
        .await
        .unwrap();
    assert_eq!(public.status(), 404);
    server.terminate().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_calls_and_after_hook_backlogs_are_exported() {
    let plugins = PluginDir::new();
    plugins.probe(
        "metered",
        &["before-login", "after-user-created"],
        &["settings"],
    );
    let home = tempfile::tempdir().unwrap();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugin-cache");
    let server = server(
        home.path(),
        &format!(
            "[plugins]\ndir = {:?}\ncache_dir = {cache:?}\n\
             [plugins.queue]\npoll_interval = \"50ms\"\nbackoff = \"50ms\"\nmax_backoff = \"200ms\"\nmax_attempts = 3\n\
             [plugins.metered.settings]\nafter = \"fail\"\n\
             [plugins.metered.capabilities]\nlog = true\nsettings = true\n",
            plugins.path()
        ),
    )
    .await;
    let client = reqwest::Client::new();
    let email = unique_email("plugged");
    let signup = client
        .post(format!("{}/api/v1/signup", server.address))
        .json(
            &json!({ "email": email, "password": PASSWORD, "first_name": "P", "last_name": "Lug" }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(signup.status(), 201);
    let login = client
        .post(format!("{}/api/v1/auth/login", server.address))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    // The failing after-hook is tried three times, then parked: the queue's own state says when.
    let mut text = String::new();
    for _ in 0..200 {
        text = scrape(&server).await;
        if sample(
            &text,
            "roster_plugin_parked_events",
            &[("plugin", "metered")],
        ) >= 1.0
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let labels = [
        ("plugin", "metered"),
        ("hook", "before-login"),
        ("outcome", "ok"),
    ];
    assert_eq!(
        sample(&text, "roster_plugin_calls_total", &labels),
        1.0,
        "{text}"
    );
    let labels = [
        ("plugin", "metered"),
        ("hook", "after-user-created"),
        ("outcome", "error"),
    ];
    assert_eq!(
        sample(&text, "roster_plugin_calls_total", &labels),
        3.0,
        "{text}"
    );
    let parked = sample(
        &text,
        "roster_plugin_parked_events",
        &[("plugin", "metered")],
    );
    assert_eq!(parked, 1.0, "{text}");
    assert!(text.contains("roster_plugin_queue_backlog{plugin=\"metered\"}"));
    server.terminate().await;
}

/// Passkey sign-ins count as sign-ins, by how they proved the person (`method="passkey"`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passkey_sign_ins_are_counted_by_method() {
    use webauthn_authenticator_rs::WebauthnAuthenticator;
    use webauthn_authenticator_rs::softpasskey::SoftPasskey;
    use webauthn_rs::prelude::RequestChallengeResponse;

    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/roster.toml"), "").unwrap();
    // WebAuthn needs a domain name: the server's own port, named `localhost`.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let origin = format!("http://localhost:{port}");
    let bind = format!("127.0.0.1:{port}");
    let env = [
        ("ROSTER_SERVER__BIND", bind.as_str()),
        ("ROSTER_SERVER__PUBLIC_URL", origin.as_str()),
    ];
    let server = ServerProcess::start(home.path(), &env).await;
    let base = server.address.clone();
    let client = reqwest::Client::new();
    let post = |path: &str, token: Option<&str>, body: serde_json::Value| {
        let mut request = client.post(format!("{base}{path}")).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let email = unique_email("metered-passkey");
    let signup =
        json!({ "email": email, "password": PASSWORD, "first_name": "P", "last_name": "Key" });
    assert_eq!(
        post("/api/v1/signup", None, signup).await.unwrap().status(),
        201
    );
    let login = json!({ "email": email, "password": PASSWORD });
    let signed_in: serde_json::Value = post("/api/v1/auth/login", None, login)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = signed_in["token"].as_str().unwrap();
    let proof = json!({ "current_password": PASSWORD });
    let began: serde_json::Value = post("/api/v1/me/passkeys/registration", Some(token), proof)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut authenticator = SoftPasskey::new(true);
    let credential = crate::passkeys::answer(&mut authenticator, &began, &origin);
    let finish = json!({ "ceremony": began["ceremony"], "name": "Key", "credential": credential });
    let added = post("/api/v1/me/passkeys", Some(token), finish)
        .await
        .unwrap();
    assert_eq!(added.status(), 201);
    let handle = began["options"]["publicKey"]["user"]["id"].clone();

    let before = scrape(&server).await;
    // One sign-in with the passkey, and one answer for a ceremony that does not exist.
    let options: serde_json::Value = post("/api/v1/auth/passkey/options", None, json!(null))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut request = options["options"].clone();
    request["publicKey"]["allowCredentials"] =
        json!([{ "type": "public-key", "id": credential["id"] }]);
    let request: RequestChallengeResponse = serde_json::from_value(request).unwrap();
    let assertion = authenticator
        .do_authentication(url::Url::parse(&origin).unwrap(), request)
        .unwrap();
    let mut assertion = serde_json::to_value(assertion).unwrap();
    assertion["response"]["userHandle"] = handle;
    let answer = json!({ "ceremony": options["ceremony"], "credential": assertion });
    let ok = post("/api/v1/auth/passkey", None, answer.clone())
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let again = post("/api/v1/auth/passkey", None, answer).await.unwrap();
    assert_eq!(again.status(), 401);
    let after = scrape(&server).await;

    let moved = |labels: &[(&str, &str)]| {
        sample(&after, "roster_logins_total", labels)
            - sample(&before, "roster_logins_total", labels)
    };
    let passkey = |outcome| {
        [
            ("area", "client"),
            ("method", "passkey"),
            ("outcome", outcome),
        ]
    };
    assert_eq!(moved(&passkey("success")), 1.0, "{after}");
    assert_eq!(moved(&passkey("invalid_credentials")), 1.0, "{after}");
    let password = [("area", "client"), ("method", "password")];
    assert_eq!(moved(&password), 0.0, "{after}");
    server.terminate().await;
}
