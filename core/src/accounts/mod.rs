//! Accounts: the billable parties (DESIGN.md §1). Every account has exactly one owner, from the
//! moment it is created (rule 1) and at every moment after (rule 2, carried by the schema).

pub mod admin_http;
pub mod admin_pages;
pub mod http;
pub mod pages;
mod repo;
pub mod service;
pub mod steps;
pub mod views;

pub use repo::{JOINED_COLUMNS, Joined};

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Error, Result};
use crate::users::Email;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    Active,
    Inactive,
    Closed,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Inactive => "inactive",
            Self::Closed => "closed",
        }
    }
}

impl FromStr for AccountStatus {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "active" => Ok(Self::Active),
            "inactive" => Ok(Self::Inactive),
            "closed" => Ok(Self::Closed),
            other => Err(Error::internal(format!("unknown account status {other}"))),
        }
    }
}

/// An account as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct Account {
    pub id: String,
    /// The account's number: a stable integer that support staff and customers quote (an
    /// imported account keeps its WHMCS client id where it was free).
    pub number: i64,
    pub owner_user_id: String,
    pub company_name: Option<String>,
    pub billing_email: String,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub phone: Option<String>,
    pub tax_id: Option<String>,
    /// ISO 4217.
    pub currency: String,
    /// `active`, `inactive` or `closed`.
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Profile fields, as sent to create or change an account. Absent fields stay as they are.
impl Account {
    /// The name people know the account by: its company name, else its billing email address.
    pub fn display_name(&self) -> String {
        self.company_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| self.billing_email.clone())
    }
}

/// An account's profile. `billing_email` defaults to the owner's email address.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AccountProfile {
    #[schema(max_length = 200)]
    pub company_name: Option<String>,
    #[schema(schema_with = crate::users::fields::email_or_null)]
    pub billing_email: Option<String>,
    #[schema(max_length = 200)]
    pub address1: Option<String>,
    #[schema(max_length = 200)]
    pub address2: Option<String>,
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[schema(max_length = 100)]
    pub state: Option<String>,
    #[schema(max_length = 20)]
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2 (`DE`, `us`: stored upper-case).
    #[schema(pattern = "^\\s*[A-Za-z]{2}\\s*$")]
    pub country: Option<String>,
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    #[schema(max_length = 50)]
    pub tax_id: Option<String>,
    /// ISO 4217 (`EUR`); defaults to `accounts.default_currency`.
    #[schema(pattern = "^\\s*[A-Za-z]{3}\\s*$")]
    pub currency: Option<String>,
}

impl AccountProfile {
    /// Checks and normalises every given field.
    pub fn validated(mut self) -> Result<Self> {
        fn text(field: &str, value: Option<String>, max: usize) -> Result<Option<String>> {
            let Some(value) = value else { return Ok(None) };
            let Some(v) = crate::users::fields::trimmed_within(&value, max) else {
                return Err(Error::Validation(format!(
                    "{field} must be at most {max} characters"
                )));
            };
            if v.chars().any(char::is_control) {
                return Err(Error::Validation(format!(
                    "{field} must not contain control characters"
                )));
            }
            Ok(Some(v.to_owned()))
        }
        self.company_name = text("company_name", self.company_name, 200)?;
        self.address1 = text("address1", self.address1, 200)?;
        self.address2 = text("address2", self.address2, 200)?;
        self.city = text("city", self.city, 100)?;
        self.state = text("state", self.state, 100)?;
        self.postcode = text("postcode", self.postcode, 20)?;
        self.phone = text("phone", self.phone, 40)?;
        self.tax_id = text("tax_id", self.tax_id, 50)?;
        if let Some(email) = &self.billing_email {
            self.billing_email = Some(Email::parse(email)?.as_str().to_owned());
        }
        if let Some(country) = &self.country {
            let upper = country.trim().to_ascii_uppercase();
            if upper.len() != 2 || !upper.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(Error::Validation(format!(
                    "country `{country}` is not an ISO 3166-1 alpha-2 code (e.g. DE, US)"
                )));
            }
            self.country = Some(upper);
        }
        if let Some(currency) = &self.currency {
            self.currency = Some(parse_currency(currency)?);
        }
        Ok(self)
    }
}

/// An ISO 4217 code: three letters, stored upper-case.
pub fn parse_currency(text: &str) -> Result<String> {
    let upper = text.trim().to_ascii_uppercase();
    if upper.len() == 3 && upper.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(upper)
    } else {
        Err(Error::Validation(format!(
            "currency `{text}` is not an ISO 4217 code (e.g. EUR, USD)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_normalised_and_checked() {
        let p = AccountProfile {
            company_name: Some("  Acme Hosting ".into()),
            country: Some("de".into()),
            currency: Some("eur".into()),
            billing_email: Some(" billing@acme.example ".into()),
            ..AccountProfile::default()
        }
        .validated()
        .unwrap();
        assert_eq!(p.company_name.as_deref(), Some("Acme Hosting"));
        assert_eq!(p.country.as_deref(), Some("DE"));
        assert_eq!(p.currency.as_deref(), Some("EUR"));
        assert_eq!(p.billing_email.as_deref(), Some("billing@acme.example"));
        for bad in [
            AccountProfile {
                country: Some("Germany".into()),
                ..Default::default()
            },
            AccountProfile {
                currency: Some("EURO".into()),
                ..Default::default()
            },
            AccountProfile {
                billing_email: Some("nope".into()),
                ..Default::default()
            },
            AccountProfile {
                company_name: Some("x".repeat(201)),
                ..Default::default()
            },
        ] {
            assert!(bad.validated().is_err());
        }
    }
}
