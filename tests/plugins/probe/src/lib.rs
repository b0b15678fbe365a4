//! A plugin that misbehaves on purpose, for the host's tests. What it does comes from its
//! settings, so one component serves several test plugins (one manifest each):
//!
//! - `mode`: `allow` (default), `deny`, `loop` (never returns), `hog` (allocates 1 GiB),
//!   `trap` (panics), `garbage` (denies with a malformed code), `snoop` (after-hooks: calls
//!   `url`, which the test does not grant), `grant` (answers grant-permissions from `grant`),
//!   `remember` (denies `probe_saw_earlier_call` if its memory shows an earlier call: a counter
//!   and 64 KiB of scratch in static memory that every call writes, and 1 MiB of heap it fills)
//! - `stall` with `on`: never returns (runs to its deadline) for a request on the account with that
//!   id, or an invitation to that email (`*`: every request); allows every other one
//! - `deny` with `on`: denies only such requests (an app's token for that account or app id);
//!   `on = "kv:<key>"` takes the subject from the plugin's key-value store (a suspended account
//!   written there); `refresh_only`: before-token-issue judges only refreshes
//! - `sleep` with `ms`: waits `ms` milliseconds (the WASI clock), then allows: a slow plugin
//! - `keys`: permission keys to add, as `[["probe.reboot", "Reboot"]]`
//! - `after`: `ok` (default), `fail` (every after-event fails), `count` (counts events in kv),
//!   `echo` (posts the event's kind and typed details to `url`)

use roster_sdk::{CallContext, Decision, Event, PermissionKey, Plugin};
use serde::Deserialize;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Settings {
    mode: String,
    keys: Vec<(String, String)>,
    after: String,
    url: String,
    grant: Vec<String>,
    on: String,
    ms: u64,
    refresh_only: bool,
}

fn settings() -> Settings {
    roster_sdk::settings().unwrap_or_default()
}

/// Calls this instance has answered; a fresh instance starts at 0.
static CALLS: AtomicU32 = AtomicU32::new(0);
/// 64 KiB of zero-initialised static memory (16 pages) that every `remember` call fills.
static SCRATCH: [AtomicU64; 8192] = [const { AtomicU64::new(0) }; 8192];

/// `remember`: allows only when nothing an earlier call wrote is still in memory.
fn remember() -> Decision {
    let earlier = CALLS.fetch_add(1, Ordering::Relaxed);
    let dirty = SCRATCH
        .iter()
        .filter(|word| word.load(Ordering::Relaxed) != 0)
        .count();
    for word in &SCRATCH {
        word.store(0xABAB_ABAB_ABAB_ABAB, Ordering::Relaxed);
    }
    // Grow the heap past what the host keeps resident, and write all of it.
    let heap: Vec<u8> = std::hint::black_box(vec![0xCD; 1 << 20]);
    std::hint::black_box(heap.iter().map(|b| u64::from(*b)).sum::<u64>());
    if earlier == 0 && dirty == 0 {
        Decision::Allow
    } else {
        roster_sdk::deny(
            "probe_saw_earlier_call",
            &format!("{earlier} earlier calls, {dirty} dirty scratch words"),
        )
    }
}

/// A before-hook on a request about `subjects` (the account, the invited email).
fn before_on(subjects: &[&str]) -> Decision {
    let s = settings();
    if s.mode == "deny" && !s.on.is_empty() && s.on != "*" {
        let on = match s.on.strip_prefix("kv:") {
            Some(key) => roster_sdk::kv::get(key)
                .ok()
                .flatten()
                .and_then(|v| String::from_utf8(v).ok())
                .unwrap_or_default(),
            None => s.on.clone(),
        };
        if on.is_empty() || !subjects.contains(&on.as_str()) {
            return Decision::Allow;
        }
    }
    if s.mode == "stall" {
        if s.on == "*" || subjects.contains(&s.on.as_str()) {
            spin();
        }
        return Decision::Allow;
    }
    before()
}

/// Runs until the host interrupts it at the deadline.
fn spin() -> ! {
    let mut n: u64 = 0;
    loop {
        n = std::hint::black_box(n.wrapping_add(1));
    }
}

fn before() -> Decision {
    let s = settings();
    match s.mode.as_str() {
        "remember" => remember(),
        "deny" => roster_sdk::deny("probe_says_no", "The probe plugin refuses."),
        "loop" => spin(),
        "hog" => {
            let big: Vec<u8> = std::hint::black_box(vec![7; 1 << 30]);
            roster_sdk::log::info(&format!(
                "allocated {}",
                big.iter().map(|b| *b as u64).sum::<u64>()
            ));
            Decision::Allow
        }
        // Trapping is this mode's whole point.
        #[allow(clippy::panic)]
        "trap" => panic!("the probe traps on purpose"),
        "garbage" => roster_sdk::deny("Not A Code!", ""),
        "grant" => Decision::GrantPermissions(s.grant),
        "sleep" => {
            std::thread::sleep(std::time::Duration::from_millis(s.ms));
            Decision::Allow
        }
        _ => Decision::Allow,
    }
}

struct Probe;

impl Plugin for Probe {
    fn permission_keys() -> Vec<PermissionKey> {
        settings()
            .keys
            .into_iter()
            .map(|(key, title)| PermissionKey { key, title })
            .collect()
    }

    fn before_invitation_create(
        _ctx: CallContext,
        request: roster_sdk::InvitationCreate,
    ) -> Decision {
        before_on(&[&request.account_id, &request.email])
    }

    fn before_invitation_accept(
        _ctx: CallContext,
        request: roster_sdk::InvitationAccept,
    ) -> Decision {
        before_on(&[&request.account_id])
    }

    fn before_ownership_transfer(
        _ctx: CallContext,
        request: roster_sdk::OwnershipTransfer,
    ) -> Decision {
        before_on(&[&request.account_id])
    }

    fn before_user_removal(_ctx: CallContext, request: roster_sdk::UserRemoval) -> Decision {
        before_on(&[&request.account_id])
    }

    fn before_login(_ctx: CallContext, _request: roster_sdk::LoginAttempt) -> Decision {
        before()
    }

    fn before_token_issue(_ctx: CallContext, request: roster_sdk::TokenIssue) -> Decision {
        if settings().refresh_only && !matches!(request.grant, roster_sdk::TokenGrant::RefreshToken)
        {
            return Decision::Allow;
        }
        let mut subjects = vec![request.client_id.as_str()];
        subjects.extend(request.account_id.as_deref());
        before_on(&subjects)
    }

    fn after_event(_ctx: CallContext, event: Event) -> Result<(), String> {
        let s = settings();
        if s.mode == "snoop" {
            roster_sdk::http::post_json(&s.url, "{}", &[])?;
            return Ok(());
        }
        if s.after == "echo" {
            // The typed details as the plugin sees them, for the host's tests to compare.
            let body = serde_json::json!({ "kind": event.kind, "details": format!("{:?}", event.details) });
            let response = roster_sdk::http::post_json(
                &s.url,
                &body.to_string(),
                &[("idempotency-key", &event.id)],
            )?;
            return if response.status == 200 {
                Ok(())
            } else {
                Err(format!("answered {}", response.status))
            };
        }
        match s.after.as_str() {
            "fail" => Err(format!("probe fails event {}", event.id)),
            "count" => {
                let n = roster_sdk::kv::get("count")?
                    .and_then(|v| String::from_utf8(v).ok())
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0);
                roster_sdk::kv::set("count", (n + 1).to_string().as_bytes())
            }
            _ => Ok(()),
        }
    }
}

roster_sdk::export_plugin!(Probe);
