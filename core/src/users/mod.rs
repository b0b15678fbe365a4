//! Users: the logins of DESIGN.md §1. Passwords, second factors and security questions belong here,
//! never to accounts.
//!
//! `mod.rs` holds the types; `password` and `totp` the credential rules; `repo` the SQL; `service`
//! the use cases; `http` and `admin_http` the client-area and admin routes.

pub mod admin_http;
pub mod admin_pages;
mod email_change;
pub mod fields;
pub mod http;
pub mod legacy_password;
pub mod links;
pub mod me_pages;
pub mod me_totp_pages;
pub mod pages;
mod password;
pub mod profile;
pub mod proof;
mod repo;
pub mod reset;
pub mod second_factor;
pub mod second_factor_http;
pub mod service;
pub mod steps;
pub mod totp;
pub mod views;

pub use links::normalize_answer;
pub use password::{Passwords, Verification};

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Error, Result};

/// A syntactically valid email address, as the user typed it (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Result<Self> {
        let trimmed = text.trim();
        if text.len() > fields::EMAIL_MAX_BYTES {
            return Err(Error::Validation(
                "the email address is too long".to_owned(),
            ));
        }
        let address = lettre::Address::from_str(trimmed)
            .map_err(|_| Error::Validation(format!("`{trimmed}` is not an email address")))?;
        if !address.domain().contains('.') && address.domain() != "localhost" {
            return Err(Error::Validation(format!(
                "`{trimmed}` is not an email address"
            )));
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form uniqueness is checked on: lower-cased.
    pub fn normalized(&self) -> String {
        normalize_email(&self.0)
    }
}

/// Lower-cases an address for lookups (also for text that did not parse: lookups never fail).
pub fn normalize_email(text: &str) -> String {
    text.trim().to_lowercase()
}

/// A person's name, language and time zone as a change gives them, each optional (what is absent
/// stays as it is): the one shape every door's profile change takes, checked by [`parse_name`],
/// [`parse_language`] and [`parse_time_zone`].
#[derive(Debug, Default, Clone)]
pub struct ProfileFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Option<String>,
    pub time_zone: Option<String>,
}

impl ProfileFields {
    /// The fields, checked, as the start of a profile change.
    pub(crate) fn change(&self) -> Result<repo::ProfileChange> {
        let name = |field, text: &Option<String>| {
            text.as_deref().map(|n| parse_name(field, n)).transpose()
        };
        Ok(repo::ProfileChange {
            first_name: name("first_name", &self.first_name)?,
            last_name: name("last_name", &self.last_name)?,
            language: self.language.as_deref().map(parse_language).transpose()?,
            time_zone: self.time_zone.as_deref().map(parse_time_zone).transpose()?,
            ..repo::ProfileChange::default()
        })
    }
}

/// A person's name part: 1 to [`fields::NAME_MAX_CHARS`] characters as sent, trimmed.
pub fn parse_name(field: &str, text: &str) -> Result<String> {
    let Some(trimmed) =
        fields::trimmed_within(text, fields::NAME_MAX_CHARS).filter(|t| !t.is_empty())
    else {
        return Err(Error::Validation(format!(
            "{field} must be 1 to {} characters",
            fields::NAME_MAX_CHARS
        )));
    };
    if trimmed.chars().any(char::is_control) {
        return Err(Error::Validation(format!(
            "{field} must not contain control characters"
        )));
    }
    Ok(trimmed.to_owned())
}

/// A time zone by its IANA name (`Europe/Berlin`, `UTC`), or empty for the provider's
/// (`ui.time_zone`).
pub fn parse_time_zone(text: &str) -> Result<String> {
    let Some(text) = fields::trimmed_within(text, fields::TIME_ZONE_MAX_CHARS) else {
        return Err(Error::Validation(format!(
            "time_zone must be at most {} characters",
            fields::TIME_ZONE_MAX_CHARS
        )));
    };
    if text.is_empty() || crate::i18n::is_time_zone(text) {
        Ok(text.to_owned())
    } else {
        Err(Error::Validation(format!(
            "time_zone `{text}` is not a time zone (an IANA name such as Europe/Berlin, or UTC)"
        )))
    }
}

/// A language tag such as `en` or `pt-BR`.
pub fn parse_language(text: &str) -> Result<String> {
    let valid = fields::LANGUAGE_BYTES.contains(&text.len())
        && text.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if valid {
        Ok(text.to_owned())
    } else {
        Err(Error::Validation(format!(
            "`{text}` is not a language tag (e.g. en, pt-BR)"
        )))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UserStatus {
    Active,
    Disabled,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }
}

impl FromStr for UserStatus {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "active" => Ok(Self::Active),
            "disabled" => Ok(Self::Disabled),
            other => Err(Error::internal(format!("unknown user status {other}"))),
        }
    }
}

/// A user as the API shows it (no secret, no hash).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    pub id: String,
    /// The user's number: a stable integer (an imported user keeps its WHMCS id where it was free).
    pub number: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    /// The time zone pages show this user times in (an IANA name), empty for the provider's.
    pub time_zone: String,
    pub status: UserStatus,
    /// When the email address was verified (unix ms), or null.
    pub email_verified_at: Option<i64>,
    pub totp_enabled: bool,
    /// Two-step verification could not be carried over from the old system (WHMCS import): the user
    /// is asked to set it up again.
    pub totp_reenrol_required: bool,
    /// The login signs in with a password; false once the user dropped it for passkeys (or an
    /// import could not bring one over): they sign in with a passkey or set one through a link.
    pub has_password: bool,
    /// The security question, when one is set (the answer is never shown).
    pub security_question: Option<String>,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_compared_lower_case() {
        let email = Email::parse("  Alice.Smith@Example.COM ").unwrap();
        assert_eq!(email.as_str(), "Alice.Smith@Example.COM");
        assert_eq!(email.normalized(), "alice.smith@example.com");
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in [
            "",
            "alice",
            "alice@",
            "@example.com",
            "a b@example.com",
            "alice@example",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(Email::parse(&format!("{}@example.com", "a".repeat(250))).is_err());
    }

    #[test]
    fn names_and_languages() {
        assert_eq!(parse_name("first_name", "  Ada ").unwrap(), "Ada");
        assert!(parse_name("first_name", "   ").is_err());
        assert!(parse_name("first_name", &"x".repeat(101)).is_err());
        assert!(parse_name("first_name", "Ada\u{0}").is_err());
        assert!(parse_language("en").is_ok());
        assert!(parse_language("pt-BR").is_ok());
        assert!(parse_language("e").is_err());
        assert!(parse_language("en_US").is_err());
    }
}
