//! What each plugin's hooks did in this server process — calls, denials, traps, timeouts, errors,
//! latency — for the admin views (`HookStats`), and for `/metrics` as each call ends.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Serialize;
use utoipa::ToSchema;

use super::Loaded;
use super::manifest::Hook;

/// Counters of one hook of one plugin (per server process).
#[derive(Debug, Default)]
struct HookCounters {
    /// Calls started and not yet finished.
    in_flight: AtomicU64,
    calls: AtomicU64,
    denies: AtomicU64,
    traps: AtomicU64,
    timeouts: AtomicU64,
    errors: AtomicU64,
    total_us: AtomicU64,
    max_us: AtomicU64,
}

/// What the admin API shows for one hook.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HookStats {
    pub hook: String,
    /// Calls running now.
    pub in_flight: u64,
    /// Calls finished.
    pub calls: u64,
    pub denies: u64,
    /// Calls that trapped (including running out of memory).
    pub traps: u64,
    /// Calls interrupted at their deadline.
    pub timeouts: u64,
    /// Malformed answers, and after-hooks that reported an error.
    pub errors: u64,
    pub mean_latency_us: u64,
    pub max_latency_us: u64,
}

/// Counters of one plugin, kept across reloads.
#[derive(Debug, Default)]
pub struct Counters {
    hooks: [HookCounters; Hook::ALL.len()],
}

impl Counters {
    fn of(&self, hook: Hook) -> &HookCounters {
        let index = Hook::ALL.iter().position(|h| *h == hook).unwrap_or(0);
        &self.hooks[index]
    }

    /// A call of `hook` starts; [`Counters::record`] ends it.
    pub(super) fn start(&self, hook: Hook) {
        self.of(hook).in_flight.fetch_add(1, Ordering::Relaxed);
    }

    fn record(&self, hook: Hook, elapsed: Duration, outcome: Tally) {
        let c = self.of(hook);
        c.in_flight.fetch_sub(1, Ordering::Relaxed);
        c.calls.fetch_add(1, Ordering::Relaxed);
        let us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        c.total_us.fetch_add(us, Ordering::Relaxed);
        c.max_us.fetch_max(us, Ordering::Relaxed);
        let counter = match outcome {
            Tally::Ok => return,
            Tally::Deny => &c.denies,
            Tally::Trap => &c.traps,
            Tally::Timeout => &c.timeouts,
            Tally::Error => &c.errors,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn stats(&self, hook: Hook) -> HookStats {
        let c = self.of(hook);
        let calls = c.calls.load(Ordering::Relaxed);
        HookStats {
            hook: hook.name().to_owned(),
            in_flight: c.in_flight.load(Ordering::Relaxed),
            calls,
            denies: c.denies.load(Ordering::Relaxed),
            traps: c.traps.load(Ordering::Relaxed),
            timeouts: c.timeouts.load(Ordering::Relaxed),
            errors: c.errors.load(Ordering::Relaxed),
            mean_latency_us: c.total_us.load(Ordering::Relaxed) / calls.max(1),
            max_latency_us: c.max_us.load(Ordering::Relaxed),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Tally {
    Ok,
    Deny,
    Trap,
    Timeout,
    Error,
}

impl Tally {
    fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Deny => "deny",
            Self::Trap => "trap",
            Self::Timeout => "timeout",
            Self::Error => "error",
        }
    }
}

impl Loaded {
    /// Counts one finished hook call: the plugin's own counters (the admin views) and `/metrics`.
    pub(super) fn record_call(&self, hook: Hook, elapsed: Duration, tally: Tally) {
        self.counters.record(hook, elapsed, tally);
        crate::stats::plugin_call(self.name(), hook.name(), tally.as_str(), elapsed);
    }
}
