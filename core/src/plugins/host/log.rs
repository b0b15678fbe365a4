//! `log`: a line into the server's tracing, tagged with the plugin and the call.

use super::HostState;
use crate::plugins::bindings::roster::plugin::types::Level;
use crate::plugins::error::Use;

/// Log lines are cut here.
const LOG_MAX: usize = 4096;

/// Writes the line; without the capability, nothing (a plugin's logging never fails it).
pub fn log(state: &HostState, level: Level, message: &str) {
    if state.grant(Use::Log).is_err() {
        return;
    }
    let message = truncate(message, LOG_MAX);
    let plugin = state.env.name.as_str();
    let call_id = state.call_id.as_str();
    match level {
        Level::Trace => tracing::trace!(target: "roster::plugin", plugin, call_id, "{message}"),
        Level::Debug => tracing::debug!(target: "roster::plugin", plugin, call_id, "{message}"),
        Level::Info => tracing::info!(target: "roster::plugin", plugin, call_id, "{message}"),
        Level::Warn => tracing::warn!(target: "roster::plugin", plugin, call_id, "{message}"),
        Level::Error => tracing::error!(target: "roster::plugin", plugin, call_id, "{message}"),
    }
}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_lines_are_cut_on_a_character_boundary() {
        let line = "é".repeat(3000);
        let cut = super::truncate(&line, super::LOG_MAX);
        assert!(cut.len() <= super::LOG_MAX);
        assert_eq!(cut.len() % 2, 0);
        assert_eq!(super::truncate("short", 10), "short");
    }
}
