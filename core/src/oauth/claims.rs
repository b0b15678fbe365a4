//! What tokens say about the person (OpenID Connect Core §5.1 and Roster's own claims), read
//! fresh each time: the ID token when it is made, userinfo and introspection when asked. Tokens
//! are snapshots; userinfo and introspection answer today's names and permissions.
//!
//! - `sub`: the user's id (stable; never reused).
//! - `profile`: `name`, `given_name`, `family_name`, `locale` (the user's language tag),
//!   `updated_at` (seconds).
//! - `email`: `email`, `email_verified`.
//! - `account`: `roster_account`, the account picked: `{id, number, name, owner, permissions}`
//!   (`owner`: whether this person is its owner, who holds every permission, plugin keys
//!   included).
//! - `accounts`: `roster_accounts`, every account the person reaches (the first
//!   [`super::request::MAX_ACCOUNTS`] by id), the same shape.

use serde_json::{Map, Value, json};

use super::request::MAX_ACCOUNTS;
use super::scopes::{self, Scopes};
use crate::error::Result;
use crate::memberships::service::{self as memberships, MyAccount};
use crate::state::AppState;

/// One account as a claim.
pub fn account_claim(found: &MyAccount) -> Value {
    json!({
        "id": found.account.id,
        "number": found.account.number,
        "name": found.account.display_name(),
        "owner": found.is_owner,
        "permissions": found.permissions,
    })
}

/// The claims about a person for `scopes`, `roster_account` for `account_id`. `None` when the
/// person no longer reaches that account (the token it came with no longer holds).
pub async fn about(
    state: &AppState,
    user_id: &str,
    scopes: &Scopes,
    account_id: Option<&str>,
) -> Result<Option<Map<String, Value>>> {
    let mut claims = Map::new();
    claims.insert("sub".into(), json!(user_id));
    if scopes.has(scopes::PROFILE) || scopes.has(scopes::EMAIL) {
        let user = crate::users::service::get(state, user_id).await?;
        if scopes.has(scopes::PROFILE) {
            let name = format!("{} {}", user.first_name, user.last_name);
            claims.insert("name".into(), json!(name.trim()));
            claims.insert("given_name".into(), json!(user.first_name));
            claims.insert("family_name".into(), json!(user.last_name));
            if !user.language.is_empty() {
                claims.insert("locale".into(), json!(user.language));
            }
            claims.insert("updated_at".into(), json!(user.updated_at / 1000));
        }
        if scopes.has(scopes::EMAIL) {
            claims.insert("email".into(), json!(user.email));
            claims.insert(
                "email_verified".into(),
                json!(user.email_verified_at.is_some()),
            );
        }
    }
    if let Some(account_id) = account_id.filter(|_| scopes.has(scopes::ACCOUNT)) {
        match memberships::one_reached_by(state, user_id, account_id).await? {
            Some(found) => {
                claims.insert("roster_account".into(), account_claim(&found));
            }
            None => return Ok(None),
        }
    }
    if scopes.has(scopes::ACCOUNTS) {
        let all = memberships::reached_by(state, user_id, MAX_ACCOUNTS).await?;
        claims.insert(
            "roster_accounts".into(),
            Value::Array(all.iter().map(account_claim).collect()),
        );
    }
    Ok(Some(claims))
}
