//! Builds the plugin crates into WebAssembly components. Shared by the black-box tests
//! (`tests/api/plugins.rs`) and the plugin benchmark (`core/benches/plugins.rs`), which include
//! this file with `#[path]`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// The crates built into components, by package name.
pub const PACKAGES: [&str; 4] = [
    "roster-plugin-domain-guard",
    "roster-plugin-acceptance-policy",
    "roster-plugin-notifier",
    "roster-plugin-probe",
];

/// Builds every plugin crate for wasm32-wasip2 (release) in `target_dir`; returns the folder with
/// the `.wasm` files (`roster_plugin_<name>.wasm`).
pub fn build_plugins(target_dir: &Path) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // The toolchain file names the target, but a toolchain installed earlier may lack it.
    let _ = Command::new("rustup")
        .args(["target", "add", "wasm32-wasip2"])
        .current_dir(workspace())
        .output();
    for package in PACKAGES {
        let output = Command::new(&cargo)
            .current_dir(workspace())
            .env("CARGO_TARGET_DIR", target_dir)
            .args([
                "rustc",
                "--quiet",
                "--release",
                "--target",
                "wasm32-wasip2",
                "--package",
                package,
                "--lib",
                "--crate-type",
                "cdylib",
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "building {package} for wasm32-wasip2 failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    target_dir.join("wasm32-wasip2").join("release")
}
