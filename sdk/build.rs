//! Takes the plugin API version from the WIT package (`wit/roster-plugin.wit`, its
//! `package roster:plugin@X.Y.Z;` line), so that the SDK's `API_VERSION` is defined there once.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=wit/roster-plugin.wit");
    let version = std::fs::read_to_string("wit/roster-plugin.wit")
        .ok()
        .and_then(|wit| {
            wit.lines()
                .find_map(|line| line.trim().strip_prefix("package roster:plugin@"))
                .map(|rest| rest.trim_end_matches(';').trim().to_owned())
        });
    let Some(version) = version else {
        println!("cargo:warning=wit/roster-plugin.wit has no `package roster:plugin@X.Y.Z;` line");
        std::process::exit(1);
    };
    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The plugin API version (the WIT package version) this SDK targets: the `api_version` a\n\
         /// plugin's manifest names. Taken from `wit/roster-plugin.wit` when the SDK is built.\n\
         pub const API_VERSION: &str = {version:?};"
    );
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    if std::fs::write(format!("{out}/api_version.rs"), code).is_err() {
        println!("cargo:warning=cannot write the API version into OUT_DIR");
        std::process::exit(1);
    }
}
