//! Contacts: people on an account who receive its emails (billing, support, product, domain
//! notices) without logging in. Contacts stay contacts; they are not users. Managing them needs the
//! `contacts` permission, checked here for every member; staff (admin API, WHMCS API) manage any
//! account's contacts.

pub mod http;
pub mod pages;
pub mod repo;

use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::Acting;
use crate::audit::{self, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::memberships::Manager;
use crate::staff::roles::op;
use crate::state::AppState;
use crate::users::{Email, parse_name};

/// The permission that managing an account's contacts needs.
pub const PERMISSION: &str = "contacts";

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
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: Option<String>,
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: Option<String>,
    #[schema(format = Email, max_length = 254)]
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
        let phone = self.phone.map(|p| p.trim().to_owned());
        if phone.as_ref().is_some_and(|p| p.chars().count() > 40) {
            return Err(Error::Validation(
                "phone must be at most 40 characters".to_owned(),
            ));
        }
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

/// The account `by` may manage the contacts of: a member needs `contacts`.
fn authorise<'a>(by: Manager<'a>) -> Result<&'a str> {
    match by {
        Manager::Member(access) => {
            access.require(PERMISSION)?;
            Ok(access.account_id.as_str())
        }
        Manager::Staff { account_id } => Ok(account_id),
    }
}

pub async fn list<'a>(state: &AppState, by: impl Into<Manager<'a>>) -> Result<Vec<Contact>> {
    let account_id = authorise(by.into())?;
    let mut conn = state.db.pool().acquire().await?;
    repo::list(&mut conn, account_id).await
}

pub async fn get<'a>(state: &AppState, by: impl Into<Manager<'a>>, id: &str) -> Result<Contact> {
    let account_id = authorise(by.into())?;
    let mut conn = state.db.pool().acquire().await?;
    repo::get(&mut conn, account_id, id).await
}

pub async fn create<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    input: ContactInput,
) -> Result<Contact> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let input = input.validated()?;
    let (Some(first_name), Some(last_name), Some(email)) =
        (&input.first_name, &input.last_name, &input.email)
    else {
        return Err(Error::Validation(
            "first_name, last_name and email are required".to_owned(),
        ));
    };
    let preferences = input
        .email_preferences
        .clone()
        .unwrap_or_else(|| vec!["general".to_owned()]);
    let now = state.clock.now_ms();
    let id = new_id();
    let mut tx = state.db.begin().await?;
    crate::accounts::repo::lock(&mut tx, account_id).await?;
    repo::insert(
        &mut tx,
        &repo::NewContact {
            id: &id,
            account_id,
            first_name,
            last_name,
            email,
            phone: input.phone.as_deref(),
            preferences: &preferences,
            now,
        },
    )
    .await?;
    let contact = repo::get(&mut tx, account_id, &id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.created", account_id).after(json!(contact)),
        crate::events::kind::CONTACT_CREATED,
        json!({ "account_id": account_id, "after": contact }),
    )
    .await?;
    tx.commit().await?;
    Ok(contact)
}

pub async fn update<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    id: &str,
    input: ContactInput,
) -> Result<Contact> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let input = input.validated()?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    crate::accounts::repo::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id, id).await?;
    repo::update(&mut tx, account_id, id, &input, now).await?;
    let after = repo::get(&mut tx, account_id, id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.updated", account_id).change(json!(before), json!(after)),
        crate::events::kind::CONTACT_UPDATED,
        json!({ "account_id": account_id, "before": before, "after": after }),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn delete<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    crate::accounts::repo::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id, id).await?;
    repo::delete(&mut tx, account_id, id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.deleted", account_id).change(json!(before), json!(null)),
        crate::events::kind::CONTACT_DELETED,
        json!({ "account_id": account_id, "before": before }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
