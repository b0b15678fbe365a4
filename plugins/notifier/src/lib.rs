//! Notifier: posts each after-event as JSON to a configured URL.
//!
//! ```toml
//! [plugins.notifier]
//! capabilities = ["log", "settings", "http", "kv"]
//! http_hosts = ["hooks.example.com"]
//! [plugins.notifier.settings]
//! url = "https://hooks.example.com/roster"
//! token = "shared-secret"          # optional: sent as `Authorization: Bearer …`
//! ```
//!
//! Each request carries `Idempotency-Key: <event id>`. The server delivers events at least once,
//! in order; the plugin remembers the last sequence number it delivered (in its key-value store)
//! and skips anything at or below it, so a redelivery after a restart is not posted twice.

use roster_sdk::{CallContext, Event, Plugin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Settings {
    url: String,
    #[serde(default)]
    token: Option<String>,
}

const LAST_SEQ: &str = "last_delivered_seq";

fn last_delivered() -> Result<i64, String> {
    Ok(roster_sdk::kv::get(LAST_SEQ)?
        .and_then(|v| String::from_utf8(v).ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(i64::MIN))
}

/// The JSON body for `event`.
fn body(event: &Event) -> String {
    let payload: serde_json::Value =
        serde_json::from_str(&event.payload).unwrap_or(serde_json::Value::Null);
    serde_json::json!({
        "id": event.id,
        "seq": event.seq,
        "kind": event.kind,
        "account_id": event.account_id,
        "user_id": event.user_id,
        "occurred_at": event.occurred_at,
        "payload": payload,
    })
    .to_string()
}

struct Notifier;

impl Plugin for Notifier {
    fn after_event(_ctx: CallContext, event: Event) -> Result<(), String> {
        let settings: Settings = roster_sdk::settings()?;
        if event.seq <= last_delivered()? {
            roster_sdk::log::debug("already delivered; skipped");
            return Ok(());
        }
        let mut headers = vec![("idempotency-key", event.id.as_str())];
        let auth;
        if let Some(token) = &settings.token {
            auth = format!("Bearer {token}");
            headers.push(("authorization", auth.as_str()));
        }
        let response = roster_sdk::http::post_json(&settings.url, &body(&event), &headers)?;
        if !(200..300).contains(&response.status) {
            return Err(format!("{} answered {}", settings.url, response.status));
        }
        roster_sdk::kv::set(LAST_SEQ, event.seq.to_string().as_bytes())?;
        roster_sdk::log::info(&format!("{} delivered", event.kind));
        Ok(())
    }
}

roster_sdk::export_plugin!(Notifier);
