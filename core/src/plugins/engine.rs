//! The one wasmtime `Engine` of the server: the pooling allocator, epoch interruption driven by a
//! ticker thread, and compiled components cached on disk.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::error::PluginError;
use wasmtime::component::Component;
use wasmtime::{Config, Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// Settings the engine is built from.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// The largest linear memory any plugin may have (the largest `memory_bytes`).
    pub max_memory_bytes: u64,
    /// How many instances may be alive at once (the pool's size).
    pub max_instances: u32,
    /// The epoch tick: deadlines are counted in ticks.
    pub tick: Duration,
}

/// The engine and its epoch ticker; the ticker stops when this is dropped.
#[derive(Debug)]
pub struct PluginEngine {
    pub engine: Engine,
    pub tick: Duration,
    stop: Arc<AtomicBool>,
}

impl PluginEngine {
    pub fn new(options: &EngineOptions) -> Result<Self, PluginError> {
        let max_memory = usize::try_from(options.max_memory_bytes)
            .map_err(|_| "plugins: memory_bytes is too large".to_owned())?;
        let n = options.max_instances.max(1);
        let mut pool = PoolingAllocationConfig::default();
        pool.total_component_instances(n)
            // A Rust component carries a few core modules (the program, WASI shims).
            .total_core_instances(n.saturating_mul(8))
            .total_memories(n.saturating_mul(2))
            .total_tables(n.saturating_mul(4))
            .max_memory_size(max_memory)
            // Keep the pages of memories and tables resident between instances: a fresh
            // instance then costs a memset of what the last one wrote instead of page faults.
            .linear_memory_keep_resident(256 << 10)
            .table_keep_resident(16 << 10)
            // Find the pages the last instance wrote with Linux's PAGEMAP_SCAN (6.7+) and reset
            // only those; without it (older kernels) the whole kept-resident range is reset.
            .pagemap_scan(Enabled::Auto);
        let mut config = Config::new();
        config
            .wasm_component_model(true)
            .concurrency_support(false)
            .epoch_interruption(true)
            // Explicit bounds checks against a reservation the size of the cap, instead of 4 GiB
            // of address space per slot: many pools (one per test server) fit in one process.
            .memory_reservation(options.max_memory_bytes)
            .memory_guard_size(1 << 16)
            .max_wasm_stack(1 << 20)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config).map_err(|e| format!("plugins: wasmtime engine: {e}"))?;
        let stop = Arc::new(AtomicBool::new(false));
        let ticker_engine = engine.clone();
        let ticker_stop = stop.clone();
        let tick = options.tick.max(Duration::from_millis(1));
        std::thread::Builder::new()
            .name("roster-plugin-epoch".to_owned())
            .spawn(move || {
                // Ticks are scheduled against a fixed start, so that sleeping late once does not
                // push every later tick (and every deadline) back.
                let mut start = std::time::Instant::now();
                let mut n: u32 = 0;
                while !ticker_stop.load(Ordering::Relaxed) {
                    if n == u32::MAX {
                        start = std::time::Instant::now();
                        n = 0;
                    }
                    n += 1;
                    let next = start + tick.saturating_mul(n);
                    std::thread::sleep(next.saturating_duration_since(std::time::Instant::now()));
                    ticker_engine.increment_epoch();
                }
            })
            .map_err(|e| format!("plugins: cannot start the epoch ticker: {e}"))?;
        Ok(Self { engine, tick, stop })
    }

    /// The number of ticks to allow for `deadline`: the call is interrupted after at least
    /// `deadline` and at most `deadline` plus one tick.
    pub fn ticks_for(&self, deadline: Duration) -> u64 {
        let tick = self.tick.as_nanos().max(1);
        let whole = deadline.as_nanos().div_ceil(tick);
        u64::try_from(whole).unwrap_or(u64::MAX).saturating_add(1)
    }

    /// The compiled form of the component `wasm`, from `cache_dir` when it was compiled before by
    /// an engine with the same settings (keyed by the engine's compatibility hash and the bytes).
    pub fn component(&self, wasm: &[u8], cache_dir: &Path) -> Result<Component, PluginError> {
        let mut engine_hash = std::collections::hash_map::DefaultHasher::new();
        self.engine
            .precompile_compatibility_hash()
            .hash(&mut engine_hash);
        let mut key = Sha256::new();
        key.update(engine_hash.finish().to_le_bytes());
        key.update(env!("CARGO_PKG_VERSION").as_bytes());
        key.update(wasm);
        let cached = cache_dir.join(format!("{}.cwasm", hex::encode(key.finalize())));
        if cached.is_file() {
            match load_cached(&self.engine, &cached) {
                Ok(component) => return Ok(component),
                Err(e) => tracing::warn!(
                    path = %cached.display(),
                    error = %e,
                    "cached plugin build unusable; compiling again"
                ),
            }
        }
        let component = Component::new(&self.engine, wasm)
            .map_err(|e| format!("not a valid WebAssembly component: {e}"))?;
        if let Err(e) = store_cached(&component, cache_dir, &cached) {
            tracing::warn!(dir = %cache_dir.display(), error = %e, "cannot cache the compiled plugin");
        }
        Ok(component)
    }
}

impl Drop for PluginEngine {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn store_cached(component: &Component, dir: &Path, path: &Path) -> Result<(), PluginError> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let bytes = component.serialize().map_err(|e| e.to_string())?;
    // Write then rename: a reader never sees half a file.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| e.to_string())?;
    std::fs::rename(&tmp, path).map_err(|e| PluginError::Invalid(e.to_string()))
}

#[allow(unsafe_code)]
fn load_cached(engine: &Engine, path: &Path) -> Result<Component, PluginError> {
    // SAFETY: `deserialize_file` runs the native code in the file, so the file must come from
    // `Component::serialize`. The cache folder is Roster's own (`plugins.cache_dir`, which must be
    // writable only by the server's user); files in it are written by `store_cached` above under
    // the SHA-256 of the engine's compatibility hash and the component's bytes, and wasmtime itself
    // refuses an artifact built by an incompatible engine.
    unsafe { Component::deserialize_file(engine, path) }
        .map_err(|e| PluginError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_becomes_whole_ticks_plus_one() {
        let engine = PluginEngine::new(&EngineOptions {
            max_memory_bytes: 1 << 20,
            max_instances: 1,
            tick: Duration::from_millis(10),
        })
        .unwrap();
        // Interrupted after at least the deadline and at most one tick more.
        assert_eq!(engine.ticks_for(Duration::from_millis(100)), 11);
        assert_eq!(engine.ticks_for(Duration::from_millis(95)), 11);
        assert_eq!(engine.ticks_for(Duration::ZERO), 1);
    }
}
