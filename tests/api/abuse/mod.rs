//! Abuse that functional tests miss: what a stranger, one login, a stolen session or a read-only
//! credential can repeat cheaply. Each test hits the limit it names.

mod changes;
mod leftovers;
mod lockout;
mod oracles;
mod proofs;
mod settings;
