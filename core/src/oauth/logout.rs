//! Logout: when a Roster session ends, the apps it gave tokens to lose them and are told.
//!
//! - **Which ends count**: signing out (the pages, the API, RP-initiated logout), a session revoked
//!   on `/me`, a password change (the other sessions), a password reset, staff disabling the user:
//!   every end that goes through `sessions::end` or `sessions::end_all_for_user`. A session that
//!   runs out (idle or absolute lifetime) is not ended by anyone and tells no app; its apps' tokens
//!   live out their own lifetimes.
//! - **What happens**, in the transaction that ends the session ([`sessions_ended`]): every code
//!   and token from that session is deleted — refresh tokens of `offline_access` too: the issue's
//!   rule is that the session's tokens stop working — and each app that got tokens from it and
//!   registered a back-channel logout URI gets one delivery queued (`backchannel.rs` sends it).
//! - **RP-initiated logout** (`/oauth/logout`, `logout_pages.rs`) ends the browser's session and
//!   returns only to a registered `post_logout_redirect_uri` ([`return_to`]).

use serde_json::Value;

use super::clients::{self, Client};
use super::repo::logout as repo;
use crate::db::Db;
use crate::error::{Error, Result};

/// In the caller's transaction: the sessions `session_ids` ended. Their codes and tokens go, and
/// each app they gave tokens to is queued a back-channel logout; answers how many were queued.
pub async fn sessions_ended(
    conn: &mut sqlx::AnyConnection,
    session_ids: &[String],
    now: i64,
) -> Result<u64> {
    let mut queued = 0;
    for session_id in session_ids {
        queued += repo::end_session(conn, session_id, now).await?;
    }
    Ok(queued)
}

/// Deletes delivered logouts older than `before` and forgets the apps of sessions that are gone
/// (the sweeper's part).
pub async fn sweep(conn: &mut sqlx::AnyConnection, before: i64) -> Result<u64> {
    repo::sweep(conn, before).await
}

/// An RP-initiated logout request, checked: who asked (from `id_token_hint` or `client_id`),
/// where to return, and whether the hint proves the request came from that app's own session.
#[derive(Debug, Clone)]
pub struct LogoutRequest {
    pub client: Option<Client>,
    /// A registered post-logout URI, with `state` added.
    pub return_to: Option<String>,
    /// The `sid` of a valid `id_token_hint` (the session the app knows of).
    pub hinted_session: Option<String>,
}

/// Checks an RP-initiated logout's parameters. A hint that is not Roster's, or names another app
/// than `client_id`, or a post-logout URI the app did not register, is refused with a message (the
/// browser is never sent to an address an app did not register).
pub async fn check(
    db: &Db,
    id_token_hint: Option<&str>,
    client_id: Option<&str>,
    post_logout_redirect_uri: Option<&str>,
    state: Option<&str>,
) -> Result<LogoutRequest> {
    let refused = |why: &str| Error::Validation(why.to_owned());
    let hint: Option<Value> =
        match id_token_hint {
            Some(token) => Some(super::keys::verify(db, token).await?.ok_or_else(|| {
                refused("the id_token_hint is not an ID token from this provider")
            })?),
            None => None,
        };
    let hinted_client = hint
        .as_ref()
        .and_then(|h| h.get("aud"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let client_id = match (hinted_client, client_id) {
        (Some(hinted), Some(given)) if hinted != given => {
            return Err(refused(
                "the id_token_hint was issued to another app than client_id",
            ));
        }
        (Some(hinted), _) => Some(hinted),
        (None, given) => given.map(str::to_owned),
    };
    let client = match client_id {
        Some(id) => match clients::get(db, &id).await {
            Ok(client) => Some(client),
            Err(Error::NotFound(_)) => return Err(refused("the app is not registered")),
            Err(e) => return Err(e),
        },
        None => None,
    };
    let return_to = match post_logout_redirect_uri {
        None => None,
        Some(uri) => match &client {
            Some(client) if client.returns_after_logout_to(uri) => {
                let pairs: Vec<(&str, String)> = state
                    .map(|s| vec![("state", s.to_owned())])
                    .unwrap_or_default();
                Some(super::request::with_query(uri, &pairs))
            }
            Some(_) => return Err(refused("the app did not register that post-logout address")),
            None => {
                return Err(refused(
                    "a post-logout address needs the app (id_token_hint or client_id)",
                ));
            }
        },
    };
    let hinted_session = hint
        .as_ref()
        .and_then(|h| h.get("sid"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(LogoutRequest {
        client,
        return_to,
        hinted_session,
    })
}
