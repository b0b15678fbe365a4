//! `settings`: the plugin's own `[plugins.<name>.settings]`, as a JSON object.

use super::HostState;
use crate::plugins::error::Use;

/// The settings; without the capability, an empty object.
pub fn settings(state: &HostState) -> String {
    if state.grant(Use::Settings).is_err() {
        return "{}".to_owned();
    }
    state.env.settings_json.clone()
}
