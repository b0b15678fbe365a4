//! The server's clock. Everything that expires (sessions, links, invitations, rate-limit windows,
//! TOTP steps) reads time from here, so tests can move time instead of sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Wall-clock time in unix milliseconds, plus an offset that only tests move.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        system.saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Unix seconds (for TOTP).
    pub fn now_secs(&self) -> u64 {
        u64::try_from(self.now_ms() / 1000).unwrap_or(0)
    }

    /// Moves this clock (and every clone of it) forward. Tests use it to expire things.
    pub fn advance(&self, by: Duration) {
        let by = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.offset_ms.fetch_add(by, Ordering::Relaxed);
    }
}

/// A duration in milliseconds, for adding to [`Clock::now_ms`].
pub fn ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// The units a duration is written in, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Hour,
    Minute,
    Second,
}

/// A duration as a sentence counts it: its two largest units, rounded down ("1 day 2 hours",
/// "7 days", "45 seconds"); `[(0, Second)]` for none. How each language writes the counts is the
/// caller's ([`in_words`] in English, `i18n::Messages::duration` in any language).
pub fn counted(duration: Duration) -> Vec<(u64, Unit)> {
    let units = [
        (86_400, Unit::Day),
        (3_600, Unit::Hour),
        (60, Unit::Minute),
        (1, Unit::Second),
    ];
    let mut parts = Vec::new();
    let mut rest = duration.as_secs();
    for (size, unit) in units {
        let n = rest / size;
        rest %= size;
        if n > 0 {
            parts.push((n, unit));
        }
        if parts.len() == 2 || (!parts.is_empty() && n == 0) {
            break;
        }
    }
    if parts.is_empty() {
        parts.push((0, Unit::Second));
    }
    parts
}

/// A duration as people write it in an English sentence: "7 days", "1 hour 30 minutes",
/// "45 seconds" (the two largest units, rounded down).
pub fn in_words(duration: Duration) -> String {
    counted(duration)
        .into_iter()
        .map(|(n, unit)| {
            let name = match unit {
                Unit::Day => "day",
                Unit::Hour => "hour",
                Unit::Minute => "minute",
                Unit::Second => "second",
            };
            format!("{n} {name}{}", if n == 1 { "" } else { "s" })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(in_words(Duration::from_secs(7 * 86_400)), "7 days");
        assert_eq!(in_words(Duration::from_secs(86_400)), "1 day");
        assert_eq!(in_words(Duration::from_secs(5_400)), "1 hour 30 minutes");
        assert_eq!(in_words(Duration::from_secs(86_400 + 60)), "1 day");
        assert_eq!(in_words(Duration::from_secs(45)), "45 seconds");
        assert_eq!(in_words(Duration::ZERO), "0 seconds");
    }

    #[test]
    fn clones_share_the_offset() {
        let clock = Clock::default();
        let other = clock.clone();
        let before = other.now_ms();
        clock.advance(Duration::from_secs(3600));
        assert!(other.now_ms() - before >= 3_600_000);
    }
}
