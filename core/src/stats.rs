//! Metrics, served at `/metrics` in Prometheus's text format (the `metrics` facade, rendered by
//! `metrics-exporter-prometheus`). Counters and histograms are recorded where things happen (the
//! functions below); gauges of what lives in the database — after-hook backlogs, parked events —
//! and of the connection pool are read when Prometheus scrapes.
//!
//! One recorder per process (the facade's is global): several servers in one process (the tests)
//! share it, so their counters add up.
//!
//! | metric | kind | labels |
//! | --- | --- | --- |
//! | `roster_http_requests_total` | counter | `method` (standard ones, else `OTHER`), `route` (the template, else `<unmatched>`), `status` |
//! | `roster_http_request_duration_seconds` | histogram | `method`, `route` |
//! | `roster_logins_total` | counter | `area` (`client`, `staff`), `outcome` |
//! | `roster_plugin_calls_total` | counter | `plugin`, `hook`, `outcome` (`ok`, `deny`, `trap`, `timeout`, `error`) |
//! | `roster_plugin_call_duration_seconds` | histogram | `plugin`, `hook` |
//! | `roster_plugin_queue_backlog`, `roster_plugin_parked_events` | gauge | `plugin` |
//! | `roster_mail_messages_total` | counter | `outcome` (`sent`, `retrying`, `failed`) |
//! | `roster_mail_outbox_messages` | gauge | `state` (`pending`, `failed`) |
//! | `roster_db_connections` | gauge | `state` (`idle`, `in_use`) |
//! | `roster_db_write_wait_seconds` | histogram | (time to open a write transaction) |

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock, RwLock};
use std::time::Duration;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Histogram buckets, in seconds: 0.5 ms to 10 s.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use; `None` if another recorder was installed first
/// (then nothing is recorded here).
fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(&BUCKETS)
                .map_err(|e| tracing::error!(error = %e, "metrics buckets"))
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            match metrics::set_global_recorder(recorder) {
                Ok(()) => Some(handle),
                Err(e) => {
                    tracing::warn!(error = %e, "another metrics recorder is installed");
                    None
                }
            }
        })
        .as_ref()
}

/// Installs the recorder (at start-up, so that the first requests are counted).
pub fn install() {
    let _ = handle();
}

/// How often recorded histogram samples are folded into their buckets.
const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

/// Folds recorded histogram samples into their buckets, for as long as the server runs. The
/// recorder keeps each sample until then: without this a server nobody scrapes (or one with
/// `metrics.enabled = false`) would hold every request's duration in memory.
pub async fn upkeep() {
    let Some(handle) = handle() else {
        return;
    };
    let mut ticks = tokio::time::interval(UPKEEP_INTERVAL);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        handle.run_upkeep();
    }
}

/// One HTTP request, by route template (never the raw path: it can hold tokens).
///
/// Every label comes from a known, bounded set, so no client can make the scrape grow: the method
/// is one of the standard ones or `OTHER` (a made-up method), the route is a template of the
/// router or `<unmatched>`, and the status is one the server chose to send.
pub fn http_request(
    method: &axum::http::Method,
    route: Option<&str>,
    status: u16,
    elapsed: Duration,
) {
    let method = method_label(method);
    let route = route.unwrap_or(UNMATCHED);
    let record = |(requests, duration): &HttpSeries| {
        requests.increment(1);
        duration.record(elapsed.as_secs_f64());
    };
    if let Ok(known) = HTTP_SERIES.read()
        && let Some(series) = known.get(route).and_then(|s| s.get(&(method, status)))
    {
        return record(series);
    }
    let series = (
        metrics::counter!("roster_http_requests_total", "method" => method, "route" => route.to_owned(), "status" => status.to_string()),
        metrics::histogram!("roster_http_request_duration_seconds", "method" => method, "route" => route.to_owned()),
    );
    record(&series);
    // Only handles of this process's recorder are kept (without it they would record nowhere).
    if handle().is_some()
        && let Ok(mut known) = HTTP_SERIES.write()
    {
        known
            .entry(route.to_owned())
            .or_default()
            .insert((method, status), series);
    }
}

/// A request counter and its duration histogram.
type HttpSeries = (metrics::Counter, metrics::Histogram);

/// A route's series by method label and status.
type RouteSeries = HashMap<(&'static str, u16), HttpSeries>;

/// The handles of each route's series by method and status, made on first use: naming a series
/// builds its key (labels allocated, then hashed and looked up) on every call, which was a dozen
/// allocations per request. Bounded as the labels are (routes × methods × statuses).
static HTTP_SERIES: LazyLock<RwLock<HashMap<String, RouteSeries>>> =
    LazyLock::new(Default::default);

/// The route label of a request no route matched (any path a client invents).
pub const UNMATCHED: &str = "<unmatched>";

/// The method label: the standard methods by name, anything else `OTHER`.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::TRACE => "TRACE",
        Method::CONNECT => "CONNECT",
        _ => "OTHER",
    }
}

/// One sign-in attempt's outcome (`success`, `invalid_credentials`, `rate_limited`, …).
pub fn login(area: &'static str, method: Method, outcome: &'static str) {
    metrics::counter!("roster_logins_total", "area" => area, "method" => method.label(), "outcome" => outcome)
        .increment(1);
}

/// How a sign-in proves the person (`roster_logins_total{method}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The password (with a code from an app, a backup code or a mailed code where one is asked).
    Password,
    /// A passkey alone.
    Passkey,
    /// The password, then a passkey in place of a code.
    PasswordAndPasskey,
}

impl Method {
    fn label(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::Passkey => "passkey",
            Self::PasswordAndPasskey => "password_and_passkey",
        }
    }
}

/// The outcome label of a failed sign-in step.
pub fn login_failure(error: &crate::error::Error) -> &'static str {
    use crate::error::Error;
    match error {
        Error::InvalidCredentials => "invalid_credentials",
        Error::InvalidSecondFactor => "invalid_second_factor",
        Error::SecondFactorRequired | Error::EmailCodeRequired => "second_factor_required",
        Error::RateLimited { .. } => "rate_limited",
        Error::EmailNotVerified => "email_not_verified",
        Error::VetoedByPlugin { .. } | Error::PluginFailed { .. } => "vetoed",
        Error::Unauthenticated => "expired",
        _ => "error",
    }
}

/// One plugin hook call.
pub fn plugin_call(plugin: &str, hook: &'static str, outcome: &'static str, elapsed: Duration) {
    let plugin = plugin.to_owned();
    metrics::counter!("roster_plugin_calls_total", "plugin" => plugin.clone(), "hook" => hook, "outcome" => outcome)
        .increment(1);
    metrics::histogram!("roster_plugin_call_duration_seconds", "plugin" => plugin, "hook" => hook)
        .record(elapsed.as_secs_f64());
}

/// One message handed to the mail server, or given up on.
pub fn mail(outcome: &'static str) {
    metrics::counter!("roster_mail_messages_total", "outcome" => outcome).increment(1);
}

/// How long a write waited for its turn (SQLite's write lock; on PostgreSQL, the account's lock).
pub fn write_wait(elapsed: Duration) {
    metrics::histogram!("roster_db_write_wait_seconds").record(elapsed.as_secs_f64());
}

/// What lives in the database and the pool, read by the management listener when Prometheus
/// scrapes (`http::health`), so that this module depends on nothing of the domain.
#[derive(Debug, Default)]
pub struct Gauges {
    pub db_idle: usize,
    pub db_in_use: usize,
    /// Per plugin with an after-hook queue: its backlog and its parked events.
    pub plugin_queues: Vec<(String, f64, f64)>,
    /// The mail outbox's pending and given-up messages, when they could be read.
    pub outbox: Option<(f64, f64)>,
}

/// The text Prometheus scrapes: `gauges` as read now, then everything recorded.
pub fn render(gauges: Gauges) -> String {
    let Some(handle) = handle() else {
        return String::new();
    };
    metrics::gauge!("roster_db_connections", "state" => "idle").set(gauges.db_idle as f64);
    metrics::gauge!("roster_db_connections", "state" => "in_use").set(gauges.db_in_use as f64);
    for (plugin, backlog, parked) in gauges.plugin_queues {
        metrics::gauge!("roster_plugin_queue_backlog", "plugin" => plugin.clone()).set(backlog);
        metrics::gauge!("roster_plugin_parked_events", "plugin" => plugin).set(parked);
    }
    if let Some((pending, failed)) = gauges.outbox {
        metrics::gauge!("roster_mail_outbox_messages", "state" => "pending").set(pending);
        metrics::gauge!("roster_mail_outbox_messages", "state" => "failed").set(failed);
    }
    handle.run_upkeep();
    handle.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_methods_share_one_label() {
        for name in ["FOO", "BREW", "PROPFIND", "get"] {
            let method = axum::http::Method::from_bytes(name.as_bytes()).unwrap();
            assert_eq!(method_label(&method), "OTHER", "{name}");
        }
        assert_eq!(method_label(&axum::http::Method::PATCH), "PATCH");
    }
}
