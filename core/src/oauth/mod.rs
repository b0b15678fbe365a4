//! Sign in with Roster: Roster as an OpenID Connect provider for the provider's other services
//! (issue 25; docs/architecture.md, "Sign in with Roster").
//!
//! Landed so far: the apps staff register ([`clients`]); the signing keys ([`keys`]: made at first
//! start, kept in the database, rotated with overlap) and their JWKS; discovery; the authorization
//! request ([`request`]) and what follows it ([`authorize`], the pages in [`pages`]); codes ([`codes`]) and
//! tokens ([`tokens`]) with the claims they carry ([`claims`]) and what they say to whom
//! ([`bearer`]: userinfo, introspection, revocation); consents ([`consents`]).

pub mod authorize;
pub mod bearer;
pub mod claims;
pub mod clients;
pub mod codes;
pub mod consents;
pub mod http;
pub mod keys;
pub mod pages;
mod repo;
pub mod request;
pub mod scopes;
pub mod tokens;

pub use keys::Alg;
