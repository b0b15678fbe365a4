//! Sign in with Roster: Roster as an OpenID Connect provider for the provider's other services
//! (issue 25; docs/architecture.md, "Sign in with Roster").
//!
//! Landed so far: the apps staff register ([`clients`]); the signing keys ([`keys`]: made at first
//! start, kept in the database, rotated with overlap) and their JWKS; discovery; the authorization
//! request ([`request`]) and what follows it ([`authorize`], the pages in [`pages`]); codes ([`codes`]) and
//! tokens ([`tokens`]) with the claims they carry ([`claims`]) and what they say to whom
//! ([`bearer`]: userinfo, introspection, revocation); logout ([`logout`], delivered to the apps by
//! [`backchannel`], RP-initiated in [`logout_pages`]); consents ([`consents`]).

pub mod admin_http;
pub mod admin_pages;
mod answers;
pub mod authorize;
pub mod backchannel;
pub mod bearer;
pub mod claims;
pub mod clients;
pub mod codes;
pub mod consents;
pub mod http;
pub mod keys;
pub mod logout;
pub mod logout_pages;
pub mod me_http;
pub mod pages;
mod repo;
pub mod request;
pub mod scopes;
pub mod tokens;

pub use keys::Alg;
