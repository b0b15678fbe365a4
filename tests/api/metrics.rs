//! `/metrics`: Prometheus's text format, with the counters moving as requests, sign-ins and plugin
//! calls happen. The recorder is one per process (every test server in this binary shares it), so
//! the tests compare values before and after, by their labels.

use std::time::Duration;

use serde_json::json;

use crate::client_area::PASSWORD;
use crate::helpers::{Backend, TestApp, mail_sink, spawn_app, spawn_app_with, unique_email};
use crate::plugins::{PluginDir, plugin, use_plugins};

/// The value of the sample `name` whose labels include every one of `labels` (0 when absent).
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| {
            line.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .filter(|line| {
            labels
                .iter()
                .all(|(k, v)| line.contains(&format!("{k}=\"{v}\"")))
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

async fn scrape(app: &TestApp) -> String {
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(kind.starts_with("text/plain"), "{kind}");
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_and_sign_ins_move_the_counters() {
    let app = spawn_app(Backend::Sqlite).await;
    let email = unique_email("metered");
    app.signup(&email, PASSWORD).await;
    // The sign-up's verification mail, counted once it is handed over.
    mail_sink().wait_for(&email, 1).await;
    roster::mail::outbox::settled(&app.state).await;
    let before = scrape(&app).await;

    let token = app.login_ok(&email, PASSWORD).await;
    let wrong = app
        .login(&email, "not the password", json!({}))
        .await
        .status();
    assert_eq!(wrong, 401);
    for _ in 0..3 {
        let me = app.call("GET", "/api/v1/me", Some(&token), None).await;
        assert_eq!(me.status(), 200);
    }
    let after = scrape(&app).await;

    let moved = |name: &str, labels: &[(&str, &str)]| {
        sample(&after, name, labels) - sample(&before, name, labels)
    };
    let success = [("area", "client"), ("outcome", "success")];
    assert!(moved("roster_logins_total", &success) >= 1.0, "{after}");
    let failed = [("area", "client"), ("outcome", "invalid_credentials")];
    assert!(moved("roster_logins_total", &failed) >= 1.0, "{after}");
    let me = [
        ("method", "GET"),
        ("route", "/api/v1/me"),
        ("status", "200"),
    ];
    assert!(moved("roster_http_requests_total", &me) >= 3.0, "{after}");
    let timed = [("method", "GET"), ("route", "/api/v1/me")];
    assert!(moved("roster_http_request_duration_seconds_count", &timed) >= 3.0);
    // Never the raw path of a request that carried a token in it.
    assert!(!after.contains(&token));
    assert!(
        after.contains("roster_db_connections{state=\"idle\"}"),
        "{after}"
    );
    assert!(sample(&after, "roster_db_write_wait_seconds_count", &[]) >= 1.0);
    assert!(
        sample(
            &before,
            "roster_mail_messages_total",
            &[("outcome", "sent")]
        ) >= 1.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_calls_and_after_hook_backlogs_are_exported() {
    let plugins = PluginDir::new();
    plugins.probe(
        "metered",
        &["before-login", "after-user-created"],
        &["settings"],
    );
    let app = spawn_app_with(Backend::Sqlite, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "metered", json!({ "after": "fail" }), |_| {});
    })
    .await;
    let email = unique_email("plugged");
    app.signup(&email, PASSWORD).await;
    app.login_ok(&email, PASSWORD).await;
    // The failing after-hook is retried, then parked (three attempts in the tests' settings).
    let mut text = String::new();
    for _ in 0..100 {
        text = scrape(&app).await;
        if sample(
            &text,
            "roster_plugin_parked_events",
            &[("plugin", "metered")],
        ) >= 1.0
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let labels = [
        ("plugin", "metered"),
        ("hook", "before-login"),
        ("outcome", "ok"),
    ];
    assert!(
        sample(&text, "roster_plugin_calls_total", &labels) >= 1.0,
        "{text}"
    );
    let labels = [
        ("plugin", "metered"),
        ("hook", "after-user-created"),
        ("outcome", "error"),
    ];
    assert!(
        sample(&text, "roster_plugin_calls_total", &labels) >= 3.0,
        "{text}"
    );
    let parked = sample(
        &text,
        "roster_plugin_parked_events",
        &[("plugin", "metered")],
    );
    assert_eq!(parked, 1.0, "{text}");
    assert!(text.contains("roster_plugin_queue_backlog{plugin=\"metered\"}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_be_turned_off() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.metrics.enabled = false).await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 404);
}
