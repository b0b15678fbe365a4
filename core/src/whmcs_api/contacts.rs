//! The Contacts actions: GetContacts, AddContact, UpdateContact, DeleteContact. Contacts stay
//! contacts: the sub-account fields of WHMCS before 8 (`password2`, `permissions`, `subaccount`)
//! are accepted and ignored, as WHMCS 8 does (its users and invitations replaced them).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::access::client;
use super::call::Call;
use super::call::{Outcome, domain_error};
use super::params::{Params, truthy};
use super::reply::Reply;
use super::repo::{self, ContactFilter};
use super::users::{datetime, paging};
use crate::contacts::{self, ContactInput};
use crate::error::Error;
use crate::memberships::Manager;

/// WHMCS's email kinds and Roster's: (`email_preferences[key]`, the WHMCS 7 flag, Roster's kind).
const KINDS: [(&str, &str, &str); 5] = [
    ("general", "generalemails", "general"),
    ("invoice", "invoiceemails", "billing"),
    ("support", "supportemails", "support"),
    ("product", "productemails", "product"),
    ("domain", "domainemails", "domain"),
];

pub async fn get_contacts(call: &Call<'_>) -> Outcome {
    let p = call.params;
    let account_id = match p.get("userid") {
        Some(_) => Some(client(call, "userid", "Client ID Not Found").await?),
        None => None,
    };
    let filter = ContactFilter {
        account_id: account_id.as_deref(),
        first_name: p.get("firstname"),
        last_name: p.get("lastname"),
        email: p.get("email"),
        phone: p.get("phonenumber"),
    };
    let (offset, limit) = paging(call);
    let mut conn = call.conn().await?;
    let (rows, total) = repo::contacts_page(&mut conn, &filter, offset, limit)
        .await
        .map_err(domain_error)?;
    let contacts: Vec<Value> = rows
        .iter()
        .map(|r| {
            let kinds: Vec<String> = serde_json::from_str(&r.email_preferences).unwrap_or_default();
            let mut row = json!({
                "id": r.number,
                "userid": r.account_number,
                "firstname": r.first_name,
                "lastname": r.last_name,
                "email": r.email,
                "address1": "", "address2": "", "city": "", "state": "", "postcode": "",
                "country": "",
                "phonenumber": r.phone.clone().unwrap_or_default(),
                "affiliateemails": 0,
                "created_at": datetime(r.created_at),
                "updated_at": datetime(r.updated_at),
            });
            for (_, flag, kind) in KINDS {
                row[flag] = json!(i64::from(kinds.iter().any(|k| k == kind)));
            }
            row
        })
        .collect();
    Ok(Reply::success(json!({
        "totalresults": total,
        "startnumber": offset,
        "numreturned": contacts.len(),
        "contacts": { "contact": contacts },
    })))
}

pub async fn add_contact(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let account_id = client(call, "clientid", "Client ID Not Found").await?;
    p.required("firstname", "You did not enter a first name")?;
    p.required("lastname", "You did not enter a last name")?;
    p.required("email", "You did not enter an email address")?;
    let input = input(p);
    let contact = contacts::service::create(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        input,
    )
    .await
    .map_err(contact_errors)?;
    Ok(Reply::success(
        json!({ "contactid": contact.number.to_string() }),
    ))
}

pub async fn update_contact(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let (contact_id, account_id) = contact(call).await?;
    let contact = contacts::service::update(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        &contact_id,
        input(call.params),
    )
    .await
    .map_err(contact_errors)?;
    Ok(Reply::success(
        json!({ "contactid": contact.number.to_string() }),
    ))
}

pub async fn delete_contact(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let (contact_id, account_id) = contact(call).await?;
    contacts::service::delete(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        &contact_id,
    )
    .await
    .map_err(contact_errors)?;
    Ok(Reply::success(json!({
        "contactid": call.params.get("contactid").unwrap_or_default()
    })))
}

/// The contact numbered `contactid`: (its id, its account's id).
async fn contact(call: &Call<'_>) -> Result<(String, String), Reply> {
    let missing = || Reply::error("Contact ID Not Found");
    let number = call.params.id("contactid").ok_or_else(missing)?;
    let mut conn = call.conn().await?;
    repo::contact_by_number(&mut conn, number)
        .await
        .map_err(domain_error)?
        .ok_or_else(missing)
}

/// The contact fields WHMCS sends under its own names. Email kinds come from
/// `email_preferences[general]=1` (WHMCS 7.10+) or the older `generalemails=1` flags; sent
/// neither way, they stay as they are (a new contact gets `general`).
fn input(p: &Params) -> ContactInput {
    let owned = |key: &str| p.get(key).map(str::to_owned);
    let bracketed: BTreeMap<String, String> = p.bracketed("email_preferences");
    let mut any = false;
    let mut kinds = Vec::new();
    for (key, flag, kind) in KINDS {
        let sent = bracketed
            .get(key)
            .map(|v| truthy(v))
            .or_else(|| p.get(flag).map(truthy));
        if let Some(on) = sent {
            any = true;
            if on {
                kinds.push(kind.to_owned());
            }
        }
    }
    ContactInput {
        first_name: owned("firstname"),
        last_name: owned("lastname"),
        email: owned("email"),
        phone: owned("phonenumber"),
        email_preferences: any.then_some(kinds),
    }
}

fn contact_errors(e: Error) -> Reply {
    match e {
        Error::NotFound(_) => Reply::error("Contact ID Not Found"),
        Error::Validation(m) if m.contains("email address") => {
            Reply::error("The email address entered is not valid")
        }
        other => domain_error(other),
    }
}
