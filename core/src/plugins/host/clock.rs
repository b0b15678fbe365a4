//! `clock`: the server's time (the same clock the domain uses, so tests can move it).

use super::HostState;
use crate::plugins::error::Use;

/// Milliseconds since the Unix epoch; without the capability, 0.
pub fn now(state: &HostState) -> i64 {
    if state.grant(Use::Clock).is_err() {
        return 0;
    }
    state.env.clock.now_ms()
}
