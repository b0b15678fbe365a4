//! The Roster plugin SDK.
//!
//! Plugins are WebAssembly components (`wasm32-wasip2`) run by the Roster server. The plugin API is
//! defined once, in the WIT package under `sdk/wit/`; this crate will wrap the generated bindings so
//! that a plugin author implements a trait and exports it with one macro. Until the plugin work lands
//! the crate only publishes the API version the server speaks.

/// The plugin API version (the WIT package version) this SDK targets.
pub const API_VERSION: &str = "0.1.0";
