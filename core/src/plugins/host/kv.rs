//! `kv`: a key-value store scoped to the plugin (`plugin_kv`), values base64 in a text column.
//! Readable from every hook, writable from after-hooks only (the granter's rule).

use base64::Engine as _;

use super::HostState;
use crate::plugins::error::{PluginError, Use};
use crate::plugins::repo;

/// The most a plugin may keep under one key, and the longest key.
const KV_MAX_VALUE: usize = 64 * 1024;
const KV_MAX_KEY: usize = 256;

fn check_key(key: &str) -> Result<(), PluginError> {
    if key.len() > KV_MAX_KEY {
        return Err(PluginError::KeyTooLong { max: KV_MAX_KEY });
    }
    Ok(())
}

/// Logs a store failure; the plugin is told only that the store is unavailable.
fn unavailable(state: &HostState, what: &str, error: &crate::error::Error) -> PluginError {
    tracing::warn!(plugin = %state.env.name, error = %error, "plugin key-value {what} failed");
    PluginError::StoreUnavailable
}

pub fn get(state: &HostState, key: String) -> Result<Option<Vec<u8>>, PluginError> {
    state.grant(Use::KvRead)?;
    check_key(&key)?;
    let db = state.env.db.clone();
    let plugin = state.env.name.clone();
    let value = state
        .block_on(async move { repo::kv_get(&db, &plugin, &key).await })?
        .map_err(|e| unavailable(state, "read", &e))?;
    value
        .map(|v| {
            base64::engine::general_purpose::STANDARD
                .decode(v)
                .map_err(|_| PluginError::StoredValueDamaged)
        })
        .transpose()
}

pub fn set(state: &HostState, key: String, value: Vec<u8>) -> Result<(), PluginError> {
    state.grant(Use::KvWrite)?;
    check_key(&key)?;
    if value.len() > KV_MAX_VALUE {
        return Err(PluginError::ValueTooLarge { max: KV_MAX_VALUE });
    }
    let db = state.env.db.clone();
    let plugin = state.env.name.clone();
    let now = state.env.clock.now_ms();
    let encoded = base64::engine::general_purpose::STANDARD.encode(value);
    state
        .block_on(async move { repo::kv_set(&db, &plugin, &key, &encoded, now).await })?
        .map_err(|e| unavailable(state, "write", &e))
}

pub fn delete(state: &HostState, key: String) -> Result<(), PluginError> {
    state.grant(Use::KvWrite)?;
    let db = state.env.db.clone();
    let plugin = state.env.name.clone();
    state
        .block_on(async move { repo::kv_delete(&db, &plugin, &key).await })?
        .map_err(|e| unavailable(state, "delete", &e))
}
