//! Black-box tests of the running server: one test binary, a module per feature.
//!
//! Each test starts the real server on port 0 against a fresh database (a temporary SQLite file, or a
//! fresh database on the PostgreSQL at `TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`) and talks to it over HTTP. Mail crosses a real SMTP
//! connection into a sink the tests read. Tests written with `both_backends!` run once per database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod helpers;

mod abuse;
mod account_pages;
mod accounts;
mod admin_area;
mod admin_users;
mod auth;
mod authz_matrix;
mod browser;
mod cli;
mod client_area;
mod crawl;
mod csrf;
mod errors;
mod every_field;
mod every_form;
mod health;
mod invitations;
mod languages;
mod lifetimes;
mod logs;
mod mail;
mod mail_outbox;
mod metrics;
mod oidc;
mod oidc_browser;
mod oidc_consents;
mod oidc_flow;
mod oidc_logout;
mod oidc_plugins;
mod oidc_replicas;
mod openapi;
mod pages;
pub mod passkey_browser;
pub mod passkeys;
pub mod passkeys_only;
mod plugins;
mod replicas;
mod slow_plugins;
mod whmcs;
mod whmcs_api;
