//! Passkeys (WebAuthn; issue 26, landing in steps): a user's credentials bound to Roster's origin,
//! which a fake login page cannot relay. The ceremonies run through `webauthn-rs`; their state
//! between the two calls lives in the database (`passkey_ceremonies`), found by the SHA-256 of a
//! token handed to whoever began it, used once, for [`CEREMONY_LIFE`].
//!
//! Registration and management ([`service`]; the API [`http`], `/me`'s forms [`pages`]), signing
//! in with a passkey alone ([`sign_in`]; its doors sit with the other sign-ins), a passkey as the
//! second factor after a password ([`second_factor`]), for users and staff (`staff::passkeys`).
//! docs/architecture.md, "Passkeys", has the decisions.

pub mod aaguid;
mod ceremony;
pub(crate) use ceremony::Bound;
pub mod http;
mod manage;
pub mod pages;
mod repo;
pub mod second_factor;
pub mod service;
pub mod sign_in;

use std::time::Duration;

use serde::Serialize;
use utoipa::ToSchema;
use webauthn_rs::{Webauthn, WebauthnBuilder};

use crate::audit::Event;
use crate::error::{Error, Result};
use crate::sessions::Subject;
use crate::settings::Settings;

/// How long a ceremony may be finished after it began.
pub const CEREMONY_LIFE: Duration = Duration::from_secs(5 * 60);
/// Passkeys one user may hold.
pub const MAX_PER_USER: usize = 20;
/// Ceremonies one user may begin per minute (each is a row until it is finished or expires).
pub const CEREMONIES_PER_MINUTE: u32 = 10;
/// The longest name a passkey may have, in characters.
pub const MAX_NAME: usize = 64;

/// A passkey as its user sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Passkey {
    pub id: String,
    /// The name its user gave it ("MacBook").
    pub name: String,
    /// The authenticator's model (its AAGUID), when it said; not verified (attestation `none`).
    pub aaguid: Option<String>,
    /// The model's name, for the well-known ones ("iCloud Keychain", "YubiKey 5").
    pub model: Option<String>,
    /// Whether the passkey may be synced to the user's other devices (backup eligible).
    pub synced: bool,
    /// Unix ms.
    pub created_at: i64,
    /// Unix ms; null until it is first used.
    pub last_used_at: Option<i64>,
}

/// The relying party: its id is `server.public_url`'s host and its origin the URL's origin, so a
/// passkey made here works nowhere else (and one made elsewhere not here). Browsers take no IP
/// address as a relying party id: with such a public URL, passkeys are refused with a message that
/// says so (`conflict`).
pub fn relying_party(settings: &Settings) -> Result<Webauthn> {
    let unusable = |why: String| {
        Error::Conflict(format!(
            "passkeys need server.public_url to name a host by its domain name \
             (http://localhost:8080 on a developer's machine): {why}"
        ))
    };
    let origin = url::Url::parse(settings.server.public_url.as_str())
        .map_err(|e| unusable(e.to_string()))?;
    let id = match origin.host() {
        Some(url::Host::Domain(domain)) => domain.to_owned(),
        _ => return Err(unusable(format!("{origin} has no domain name"))),
    };
    WebauthnBuilder::new(&id, &origin)
        .and_then(|b| b.rp_name(settings.ui.product_name.trim()).build())
        .map_err(|e| unusable(e.to_string()))
}

/// Whether passkeys can work with this server's public URL (the pages offer them only then).
pub fn usable(settings: &Settings) -> bool {
    relying_party(settings).is_ok()
}

/// A passkey's name, checked: one to [`MAX_NAME`] characters, no control characters.
pub fn checked_name(name: &str) -> Result<String> {
    let name = crate::users::fields::trimmed_within(name, MAX_NAME).unwrap_or_default();
    if name.is_empty() {
        return Err(Error::Validation(format!(
            "`name` must be 1 to {MAX_NAME} characters"
        )));
    }
    if crate::http::input::has_control(name) {
        return Err(Error::Validation(
            "`name` holds a control character".to_owned(),
        ));
    }
    Ok(name.to_owned())
}

/// An audit event about `owner_id`'s passkeys: on the user's record, or (a staff member's) on
/// the general log.
pub(crate) fn event<'a>(subject: Subject, action: &'a str, owner_id: &'a str) -> Event<'a> {
    match subject {
        Subject::User => Event::user(action, owner_id),
        Subject::Staff => Event::general(action),
    }
}
