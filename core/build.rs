//! Link options for the `roster` binary.
//!
//! On Linux with glibc the binary's relative relocations are packed (`-z pack-relative-relocs`,
//! DT_RELR: binutils 2.38 and glibc 2.36 or later, Debian 12 and the container's image): the
//! loader reads ~30 KB of them at start instead of 2.1 MB of `.rela.dyn`, which stayed resident
//! for the process's life (docs/benchmarks.md, "The resident set"). Position independence, and
//! with it the address randomisation of the binary, is unchanged.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
