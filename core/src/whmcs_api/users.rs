//! The Users actions: GetPermissionsList, AddUser, GetUsers, UpdateUser, ResetPassword.

use std::collections::HashMap;

use secrecy::SecretString;
use serde_json::{Value, json};

use super::call::Call;
use super::call::{Outcome, domain_error};
use super::reply::Reply;
use super::repo::{self, Numbered};
use crate::error::Error;
use crate::users::ProfileFields;
use crate::users::links;
use crate::users::profile::{self, AdminUpdate};
use crate::users::service::{self as users, NewUser};

/// The permission keys an invitation or UpdateUserPermissions may name (plugins' keys too).
pub fn get_permissions_list(call: &Call<'_>) -> Outcome {
    let keys = call.state.catalog.all_keys();
    Ok(
        Reply::success(json!({ "permissions": { "permission": keys } }))
            .with("status", json!("success")),
    )
}

pub async fn add_user(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let first_name = p.required("firstname", "You did not enter a first name")?;
    let last_name = p.required("lastname", "You did not enter a last name")?;
    let email = p.required("email", "You did not enter an email address")?;
    let password = p.required("password2", "You did not enter a password")?;
    let new = NewUser {
        email: email.to_owned(),
        password: Some(SecretString::from(password.to_owned())),
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        language: p.get("language").map(language),
    };
    let user = users::create_by_admin(call.state, by, new)
        .await
        .map_err(email_errors)?;
    Ok(Reply::success(
        json!({ "user_id": user.number.to_string() }),
    ))
}

pub async fn get_users(call: &Call<'_>) -> Outcome {
    let p = call.params;
    let (offset, limit) = paging(call);
    let mut conn = call.conn().await?;
    let (rows, total) =
        repo::users_page(&mut conn, p.get("search"), ascending(call), offset, limit)
            .await
            .map_err(domain_error)?;
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut clients: HashMap<String, Vec<Value>> = HashMap::new();
    for (user, account, owner) in repo::accounts_of_users(&mut conn, &ids)
        .await
        .map_err(domain_error)?
    {
        clients
            .entry(user)
            .or_default()
            .push(json!({ "id": account, "isOwner": owner }));
    }
    let users: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.number,
                "firstname": r.first_name,
                "lastname": r.last_name,
                "email": r.email,
                "datecreated": datetime(r.created_at),
                "validationdata": "",
                "clients": clients.remove(&r.id).unwrap_or_default(),
            })
        })
        .collect();
    Ok(Reply::success(json!({
        "totalresults": total,
        "startnumber": offset,
        "numreturned": users.len(),
        "users": users,
    })))
}

pub async fn update_user(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let user_id = user_by_number(call, "user_id", "Invalid User ID requested").await?;
    if !p.any(&["firstname", "lastname", "email", "language"]) {
        return Err(Reply::error(
            "One of `email`, `firstname`, `lastname`, or `language` is required",
        ));
    }
    let update = AdminUpdate {
        profile: ProfileFields {
            first_name: p.get("firstname").map(str::to_owned),
            last_name: p.get("lastname").map(str::to_owned),
            language: p.get("language").map(language),
            time_zone: None,
        },
        email: p.get("email").map(str::to_owned),
        ..AdminUpdate::default()
    };
    let user = profile::admin_update(call.state, by, &user_id, update)
        .await
        .map_err(email_errors)?;
    Ok(Reply::success(
        json!({ "user_id": user.number.to_string() }),
    ))
}

/// Sends the user a reset link (by `id`, a user number, or by `email`).
pub async fn reset_password(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let user_id = if let Some(number) = p.id("id") {
        find(call, Numbered::Users, number).await?
    } else if let Some(email) = p.get("email") {
        if crate::users::Email::parse(email).is_err() {
            return Err(Reply::error("Please provide a valid email address"));
        }
        match users::by_email(call.state, email).await {
            Ok(user) => Some(user.id),
            Err(crate::error::Error::NotFound(_)) => None,
            Err(e) => return Err(domain_error(e)),
        }
    } else {
        return Err(Reply::error(
            "Please enter the email address or provide the id",
        ));
    };
    let user_id = user_id.ok_or_else(|| Reply::error("User Not Found"))?;
    links::admin_send_password_reset(call.state, by, &user_id)
        .await
        .map_err(domain_error)?;
    Ok(Reply::success(json!({})))
}

/// Checks an email address and password (`password2`) without signing in: the user's number and
/// whether two-step verification is on. The login rate limits apply (per email address; per
/// address too when the caller passes the person's as `clientip`).
pub async fn validate_login(call: &Call<'_>) -> Outcome {
    let p = call.params;
    let invalid = || Reply::error("Email or Password Invalid");
    let (Some(email), Some(password)) = (p.get("email"), p.get("password2")) else {
        return Err(invalid());
    };
    let ip = p
        .get("clientip")
        .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok())
        .map(str::to_owned);
    let user = crate::sessions::validate_password(
        call.state,
        email,
        SecretString::from(password.to_owned()),
        ip,
    )
    .await
    .map_err(|e| match e {
        Error::InvalidCredentials => invalid(),
        Error::RateLimited { retry_after_secs } => Reply::error(format!(
            "Too many login attempts: try again in {retry_after_secs} seconds"
        )),
        Error::EmailNotVerified => Reply::error("The email address is not verified yet"),
        other => domain_error(other),
    })?;
    Ok(Reply::success(json!({
        "userid": user.number,
        "passwordhash": "",
        "twoFactorEnabled": user.totp_enabled,
    })))
}

/// The user whose number is in `key`, or WHMCS's `message`.
pub async fn user_by_number(call: &Call<'_>, key: &str, message: &str) -> Result<String, Reply> {
    let number = call.params.id(key).ok_or_else(|| Reply::error(message))?;
    find(call, Numbered::Users, number)
        .await?
        .ok_or_else(|| Reply::error(message))
}

/// The id of the `table` row numbered `number`.
pub async fn find(call: &Call<'_>, table: Numbered, number: i64) -> Result<Option<String>, Reply> {
    let mut conn = call.conn().await?;
    repo::id_by_number(&mut conn, table, number)
        .await
        .map_err(domain_error)
}

/// The messages WHMCS gives for a refused email address.
fn email_errors(e: Error) -> Reply {
    match e {
        Error::Validation(message) if message.contains("email address") => {
            Reply::error("The email address entered is not valid")
        }
        other => domain_error(other),
    }
}

/// WHMCS's language names (`english`) as language tags; a tag is taken as it is.
pub fn language(name: &str) -> String {
    crate::import::convert::language(name, &mut Vec::new())
}

/// `limitstart` (0) and `limitnum` (25; at most 1000 a page).
pub fn paging(call: &Call<'_>) -> (i64, i64) {
    let offset = call.params.number("limitstart", 0).max(0);
    let limit = call.params.number("limitnum", 25).clamp(1, 1000);
    (offset, limit)
}

/// `sorting`: `ASC` (the default) or `DESC`.
pub fn ascending(call: &Call<'_>) -> bool {
    !call
        .params
        .get("sorting")
        .is_some_and(|s| s.eq_ignore_ascii_case("desc"))
}

/// Unix milliseconds as WHMCS's `Y-m-d H:i:s` (UTC).
pub fn datetime(ms: i64) -> String {
    let ms = u64::try_from(ms).unwrap_or(0);
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms);
    humantime::format_rfc3339_seconds(time)
        .to_string()
        .replace('T', " ")
        .trim_end_matches('Z')
        .to_owned()
}
