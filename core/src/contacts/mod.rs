//! Contacts: people on an account who receive its emails (billing, support, product, domain
//! notices) without logging in. Contacts stay contacts; they are not users. Managing them needs the
//! `contacts` permission, checked here for every member; staff (admin API, WHMCS API) manage any
//! account's contacts.

pub mod admin_pages;
pub mod http;
pub mod pages;
mod repo;
pub mod service;
mod views;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{Error, Result};
use crate::users::{Email, parse_name};

/// The permission that managing an account's contacts needs.
pub const PERMISSION: &str = "contacts";

/// How many contacts an account holds at most (each is a row, and the list is read whole): the
/// next is refused with 409 `conflict` until one is deleted. Hosting customers keep a handful; an
/// account imported from WHMCS with more keeps them all and adds none until it is under the bound.
pub const MAX_PER_ACCOUNT: i64 = 100;

/// The kinds of email a contact can receive.
pub const EMAIL_KINDS: [&str; 5] = ["general", "billing", "support", "product", "domain"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Contact {
    pub id: String,
    /// The contact's number: a stable integer (an imported contact keeps its WHMCS id where it
    /// was free).
    pub number: i64,
    pub account_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    /// Which emails the contact receives: `general`, `billing`, `support`, `product`, `domain`.
    pub email_preferences: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Fields to create (all required but `phone`, `email_preferences`) or change (any).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ContactInput {
    #[schema(schema_with = crate::users::fields::name_or_null)]
    pub first_name: Option<String>,
    #[schema(schema_with = crate::users::fields::name_or_null)]
    pub last_name: Option<String>,
    #[schema(schema_with = crate::users::fields::email_or_null)]
    pub email: Option<String>,
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    pub email_preferences: Option<Vec<String>>,
}

impl ContactInput {
    fn validated(self) -> Result<Self> {
        let preferences = match self.email_preferences {
            Some(list) => {
                let mut set = std::collections::BTreeSet::new();
                for kind in list {
                    if !EMAIL_KINDS.contains(&kind.as_str()) {
                        return Err(Error::Validation(format!(
                            "unknown email preference `{kind}` (use {})",
                            EMAIL_KINDS.join(", ")
                        )));
                    }
                    set.insert(kind);
                }
                Some(set.into_iter().collect())
            }
            None => None,
        };
        let phone = self
            .phone
            .as_deref()
            .map(|p| {
                crate::users::fields::trimmed_within(p, 40)
                    .map(str::to_owned)
                    .ok_or_else(|| Error::Validation("phone must be at most 40 characters".into()))
            })
            .transpose()?;
        Ok(Self {
            first_name: self
                .first_name
                .as_deref()
                .map(|n| parse_name("first_name", n))
                .transpose()?,
            last_name: self
                .last_name
                .as_deref()
                .map(|n| parse_name("last_name", n))
                .transpose()?,
            email: self
                .email
                .as_deref()
                .map(|e| Email::parse(e).map(|e| e.as_str().to_owned()))
                .transpose()?,
            phone,
            email_preferences: preferences,
        })
    }
}
