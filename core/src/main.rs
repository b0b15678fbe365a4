//! The `roster` binary: parse the command line, load settings, run.

/// jemalloc instead of the system allocator. With glibc's, each argon2id hash (19 MiB) stays
/// resident in the arena of the thread that ran it: eighty sign-ins left the process at 596 MiB
/// for good. jemalloc keeps freed memory for 5 s (a burst of sign-ins reuses it) and then gives
/// it back to the system from a background thread (`.cargo/config.toml`); its thread caches take
/// no contended lock on the request path (docs/benchmarks.md, issue 24). Its symbols are
/// unprefixed (the workspace's `Cargo.toml`), so the C code linked in (SQLite) allocates from it
/// too, not from glibc's arenas.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    roster::cli::main().await
}
