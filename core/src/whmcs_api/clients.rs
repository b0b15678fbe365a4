//! The Clients actions: AddClient, GetClients, GetClientsDetails, UpdateClient, CloseClient.
//! A WHMCS client is a Roster account; its first and last name are its owner's (accounts have no
//! names of their own), its `email` the account's billing email.

use secrecy::SecretString;
use serde_json::{Value, json};

use super::access::client;
use super::call::Call;
use super::call::{Outcome, domain_error};
use super::params::Params;
use super::reply::Reply;
use super::repo::{self, ClientOrder, Numbered};
use super::users::{ascending, datetime, find, paging};
use crate::accounts::service::{self as accounts, NewOwner};
use crate::accounts::{Account, AccountProfile, AccountStatus};
use crate::error::Error;
use crate::memberships::Manager;
use crate::users::service::NewUser;

/// The fields WHMCS requires of a new client unless `skipvalidation`, with its messages.
const REQUIRED: [(&str, &str); 6] = [
    ("address1", "You did not enter your address line 1"),
    ("city", "You did not enter your city"),
    ("state", "You did not enter your state"),
    ("postcode", "You did not enter your postcode"),
    ("country", "Valid country required"),
    ("phonenumber", "You did not enter your phone number"),
];

pub async fn add_client(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let email = p.required("email", "You did not enter your email address")?;
    if crate::users::Email::parse(email).is_err() {
        return Err(Reply::error("The email address you entered was not valid"));
    }
    let owner = if let Some(number) = p.id("owner_user_id") {
        let user_id = find(call, Numbered::Users, number)
            .await?
            .ok_or_else(|| Reply::error("Invalid Owner User ID"))?;
        NewOwner::Existing(user_id)
    } else {
        let first_name = p.required("firstname", "You did not enter your first name")?;
        let last_name = p.required("lastname", "You did not enter your last name")?;
        let password = p.required("password2", "You did not enter a password")?;
        NewOwner::New(NewUser {
            email: email.to_owned(),
            password: Some(SecretString::from(password.to_owned())),
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            language: p.get("language").map(super::users::language),
        })
    };
    if !p.flag("skipvalidation").unwrap_or(false) {
        for (key, message) in REQUIRED {
            p.required(key, message)?;
        }
    }
    let account = accounts::admin_create(call.state, by, owner, profile(p))
        .await
        .map_err(client_errors)?;
    let owner_number = owner_number(call, &account).await?;
    Ok(Reply::success(json!({
        "clientid": account.number.to_string(),
        "owner_user_id": owner_number,
    })))
}

pub async fn get_clients(call: &Call<'_>) -> Outcome {
    let p = call.params;
    let (offset, limit) = paging(call);
    let status = p.get("status").map(str::to_ascii_lowercase);
    let mut conn = call.conn().await?;
    let (rows, total) = repo::clients_page(
        &mut conn,
        p.get("search"),
        status.as_deref(),
        ClientOrder::parse(p.get("orderby")),
        ascending(call),
        offset,
        limit,
    )
    .await
    .map_err(domain_error)?;
    let clients: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.number,
                "firstname": r.first_name,
                "lastname": r.last_name,
                "companyname": r.company_name.clone().unwrap_or_default(),
                "email": r.billing_email,
                "datecreated": date(r.created_at),
                "groupid": 0,
                "status": status_name(&r.status),
            })
        })
        .collect();
    Ok(Reply::success(json!({
        "totalresults": total,
        "startnumber": offset,
        "numreturned": clients.len(),
        "clients": { "client": clients },
    })))
}

/// One client by `clientid` or by `email` (its billing email), with everyone who reaches it.
pub async fn get_clients_details(call: &Call<'_>) -> Outcome {
    let account_id = by_id_or_email(call, "email", "Client Not Found")
        .await?
        .ok_or_else(|| Reply::error("Either clientid Or email Is Required"))?;
    let account = accounts::get(call.state, &account_id)
        .await
        .map_err(domain_error)?;
    let owner = crate::users::service::get(call.state, &account.owner_user_id)
        .await
        .map_err(domain_error)?;
    let mut conn = call.conn().await?;
    let users: Vec<Value> = repo::users_of_account(&mut conn, &account.id)
        .await
        .map_err(domain_error)?
        .into_iter()
        .map(|u| {
            json!({
                "id": u.number,
                "name": format!("{} {}", u.first_name, u.last_name),
                "email": u.email,
                "is_owner": u.is_owner == 1,
            })
        })
        .collect();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut details = json!({
        "id": account.number,
        "userid": account.number,
        "client_id": account.number,
        "uuid": account.id,
        "owner_user_id": owner.number,
        "firstname": owner.first_name,
        "lastname": owner.last_name,
        "fullname": format!("{} {}", owner.first_name, owner.last_name),
        "companyname": text(&account.company_name),
        "email": account.billing_email,
        "address1": text(&account.address1),
        "address2": text(&account.address2),
        "city": text(&account.city),
        "state": text(&account.state),
        "fullstate": text(&account.state),
        "postcode": text(&account.postcode),
        "countrycode": text(&account.country),
        "country": text(&account.country),
        "phonenumber": text(&account.phone),
        "tax_id": text(&account.tax_id),
        "currency_code": account.currency,
        "status": status_name(&account.status),
        "datecreated": date(account.created_at),
        "language": owner.language,
        "email_verified": owner.email_verified_at.is_some(),
        "lastlogin": owner.last_login_at.map_or_else(|| "No Login Logged".to_owned(), datetime),
        "groupid": 0,
    });
    let top_level = details.clone();
    details["users"] = json!({ "user": users });
    // WHMCS repeats the client's fields at the top level (deprecated, still read by old scripts).
    let mut reply = json!({ "client": details });
    if let (Value::Object(reply), Value::Object(fields)) = (&mut reply, top_level) {
        for (key, value) in fields {
            reply.entry(key).or_insert(value);
        }
    }
    Ok(Reply::success(reply))
}

pub async fn update_client(call: &Call<'_>) -> Outcome {
    let admitted = call.admit()?;
    let p = call.params;
    let account_id = by_id_or_email(call, "clientemail", "Client ID Not Found")
        .await?
        .ok_or_else(|| Reply::error("Client ID Not Found"))?;
    let status = match p.get("status") {
        Some(s) => Some(parse_status(s)?),
        None => None,
    };
    let by = Manager::Staff {
        account_id: &account_id,
    };
    let account = accounts::update(call.state, admitted, by, profile(p), status)
        .await
        .map_err(client_errors)?;
    Ok(Reply::success(
        json!({ "clientid": account.number.to_string() }),
    ))
}

pub async fn close_client(call: &Call<'_>) -> Outcome {
    let admitted = call.admit()?;
    let account_id = client(call, "clientid", "Client ID Not Found").await?;
    let account = accounts::update(
        call.state,
        admitted,
        Manager::Staff {
            account_id: &account_id,
        },
        AccountProfile::default(),
        Some(AccountStatus::Closed),
    )
    .await
    .map_err(client_errors)?;
    Ok(Reply::success(
        json!({ "clientid": account.number.to_string() }),
    ))
}

/// Deletes the account; with `deleteusers`, also its users who reach no other account and own
/// none. Users who own another account are always kept (`deletetransactions` means nothing here).
pub async fn delete_client(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let account_id = client(call, "clientid", "Client ID Not Found").await?;
    let delete_users = call.params.flag("deleteusers").unwrap_or(false);
    accounts::admin_delete(call.state, by, &account_id, delete_users)
        .await
        .map_err(domain_error)?;
    Ok(Reply::success(json!({
        "clientid": call.params.get("clientid").unwrap_or_default()
    })))
}

/// The account fields WHMCS sends under its own names. `currency` is taken when it is an ISO code
/// (WHMCS sends its own currency id, which means nothing here, and is ignored).
fn profile(p: &Params) -> AccountProfile {
    let owned = |key: &str| p.get(key).map(str::to_owned);
    AccountProfile {
        company_name: owned("companyname"),
        billing_email: owned("email"),
        address1: owned("address1"),
        address2: owned("address2"),
        city: owned("city"),
        state: owned("state"),
        postcode: owned("postcode"),
        country: owned("country"),
        phone: owned("phonenumber"),
        tax_id: owned("tax_id"),
        currency: p
            .get("currency")
            .filter(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic()))
            .map(str::to_owned),
    }
}

/// The account named by `clientid`, else by its billing email in `email_key`; `None` when the
/// call names neither, `missing` when the one it names does not exist.
async fn by_id_or_email(
    call: &Call<'_>,
    email_key: &str,
    missing: &str,
) -> Result<Option<String>, Reply> {
    if call.params.get("clientid").is_some() {
        return client(call, "clientid", missing).await.map(Some);
    }
    let Some(email) = call.params.get(email_key) else {
        return Ok(None);
    };
    let mut conn = call.conn().await?;
    repo::account_by_email(&mut conn, email)
        .await
        .map_err(domain_error)?
        .ok_or_else(|| Reply::error(missing))
        .map(Some)
}

async fn owner_number(call: &Call<'_>, account: &Account) -> Result<i64, Reply> {
    crate::users::service::get(call.state, &account.owner_user_id)
        .await
        .map(|u| u.number)
        .map_err(domain_error)
}

fn client_errors(e: Error) -> Reply {
    match e {
        Error::Validation(m) if m.starts_with("country") => Reply::error("Valid country required"),
        Error::Validation(m) if m.contains("email address") => {
            Reply::error("The email address you entered was not valid")
        }
        other => domain_error(other),
    }
}

/// WHMCS's status words: `Active`, `Inactive`, `Closed` (any case).
fn parse_status(text: &str) -> Result<AccountStatus, Reply> {
    match text.to_ascii_lowercase().as_str() {
        "active" => Ok(AccountStatus::Active),
        "inactive" => Ok(AccountStatus::Inactive),
        "closed" => Ok(AccountStatus::Closed),
        _ => Err(Reply::error(
            "Invalid status: use Active, Inactive or Closed",
        )),
    }
}

fn status_name(status: &str) -> String {
    let mut chars = status.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Unix milliseconds as `Y-m-d` (UTC).
fn date(ms: i64) -> String {
    datetime(ms).chars().take(10).collect()
}
