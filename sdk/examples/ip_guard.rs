//! The complete example of `sdk/README.md`, compiled with the workspace so that the guide stays
//! true (`cargo clippy --workspace --all-targets`).

use roster_sdk::{CallContext, Decision, Event, EventDetails, LoginAttempt, Plugin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Settings {
    allowed_ip_prefixes: Vec<String>,
}

struct IpGuard;

impl Plugin for IpGuard {
    fn before_login(ctx: CallContext, _request: LoginAttempt) -> Decision {
        let settings: Settings = match roster_sdk::settings() {
            Ok(s) => s,
            Err(e) => return roster_sdk::deny("ip_guard_misconfigured", &e),
        };
        let ip = ctx.ip.unwrap_or_default();
        if settings
            .allowed_ip_prefixes
            .iter()
            .any(|p| ip.starts_with(p.as_str()))
        {
            Decision::Allow
        } else {
            roster_sdk::log::info("login refused by address");
            roster_sdk::deny(
                "ip_not_allowed",
                "Logins are only allowed from the office network.",
            )
        }
    }

    fn after_event(_ctx: CallContext, event: Event) -> Result<(), String> {
        if let EventDetails::Login(login) = event.details {
            let key = format!("logins:{}", login.user_id);
            let n = roster_sdk::kv::get(&key)?
                .and_then(|v| String::from_utf8(v).ok())
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0);
            roster_sdk::kv::set(&key, (n + 1).to_string().as_bytes())?;
        }
        Ok(())
    }
}

roster_sdk::export_plugin!(IpGuard);
