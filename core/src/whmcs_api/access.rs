//! Who reaches which client: CreateClientInvite, DeleteUserClient, GetUserPermissions,
//! UpdateUserPermissions. The rules are the domain's (memberships and invitations, with staff as
//! the manager); only the words are WHMCS's.

use serde_json::json;

use super::call::Call;
use super::call::{Outcome, domain_error};
use super::reply::Reply;
use super::repo::Numbered;
use super::users::{find, user_by_number};
use crate::error::Error;
use crate::memberships::{Manager, service as memberships};

pub async fn create_client_invite(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let p = call.params;
    let account_id = client(call, "client_id", "Invalid client id").await?;
    let email = p.required("email", "Email is required")?;
    let permissions = permissions(call, "User permissions are required")?;
    crate::invitations::service::invite(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        email,
        &permissions,
    )
    .await
    .map_err(|e| match e {
        Error::Validation(m) if m.contains("email address") => {
            Reply::error("The email address entered is not valid")
        }
        Error::AlreadyMember => Reply::error("User already associated with client"),
        other => domain_error(other),
    })?;
    Ok(Reply::success(json!({})))
}

pub async fn delete_user_client(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let (user_id, account_id) = pair(call).await?;
    memberships::remove(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        &user_id,
    )
    .await
    .map_err(membership_errors)?;
    Ok(Reply::success(json!({})))
}

/// The user's permissions on the client: an owner holds every key.
pub async fn get_user_permissions(call: &Call<'_>) -> Outcome {
    let (user_id, account_id) = pair(call).await?;
    let by = Manager::Staff {
        account_id: &account_id,
    };
    let member = memberships::find_member(call.state, by, &user_id)
        .await
        .map_err(membership_errors)?;
    Ok(Reply::success(json!({
        "user_id": call.params.id("user_id"),
        "client_id": call.params.id("client_id"),
        "is_owner": member.is_owner,
        "permissions": member.permissions,
    })))
}

pub async fn update_user_permissions(call: &Call<'_>) -> Outcome {
    let by = call.admit()?;
    let (user_id, account_id) = pair(call).await?;
    let permissions = permissions(call, "Missing permissions definition")?;
    memberships::set_permissions(
        call.state,
        by,
        Manager::Staff {
            account_id: &account_id,
        },
        &user_id,
        &permissions,
    )
    .await
    .map_err(membership_errors)?;
    Ok(Reply::success(json!({})))
}

/// `user_id` and `client_id`, both required and known.
async fn pair(call: &Call<'_>) -> Result<(String, String), Reply> {
    let user_id = user_by_number(call, "user_id", "Invalid user id").await?;
    let account_id = client(call, "client_id", "Invalid client id").await?;
    Ok((user_id, account_id))
}

/// The account whose number is in `key`, or WHMCS's `message`.
pub async fn client(call: &Call<'_>, key: &str, message: &str) -> Result<String, Reply> {
    let number = call.params.id(key).ok_or_else(|| Reply::error(message))?;
    find(call, Numbered::Accounts, number)
        .await?
        .ok_or_else(|| Reply::error(message))
}

/// `permissions`: a comma list of keys (`all` for every key); unknown keys are refused.
fn permissions(call: &Call<'_>, missing: &str) -> Result<Vec<String>, Reply> {
    let text = call.params.required("permissions", missing)?;
    if text.eq_ignore_ascii_case("all") {
        return Ok(call.state.catalog.all_keys());
    }
    let keys: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect();
    if keys.is_empty() {
        return Err(Reply::error(missing));
    }
    Ok(keys)
}

fn membership_errors(e: Error) -> Reply {
    match e {
        Error::NotFound("member") => Reply::error("User is not associated with client"),
        Error::OwnerCannotBeRemoved => Reply::error("You cannot remove the account owner"),
        Error::OwnerPermissionsFixed => Reply::error("Permissions cannot be set on a client owner"),
        other => domain_error(other),
    }
}
