//! Sign in with Roster: Roster as an OpenID Connect provider for the provider's other services
//! (issue 25; docs/architecture.md, "Sign in with Roster").
//!
//! Landed so far: the apps staff register ([`clients`]), the signing keys ([`keys`]: made at first
//! start, kept in the database, rotated with overlap) and their JWKS (`GET /oauth/jwks`).

pub mod clients;
pub mod http;
pub mod keys;
mod repo;

pub use keys::Alg;
