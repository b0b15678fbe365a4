//! What an access token says, to whom: userinfo (the person it was given for), introspection
//! (a resource server asking), revocation (the app giving it up), and Roster's own reads that take
//! one in place of a session (`GET /api/v1/me`, `GET /api/v1/authz/check`). Every answer is read
//! fresh: a token whose person no longer reaches its account stops working and its grant goes.

use serde_json::{Map, Value, json};

use super::clients::Client;
use super::repo::grants::{self, TokenRow};
use super::scopes::{self, Scopes};
use super::tokens::{ACCESS_PREFIX, issuer};
use crate::crypto::hash_token;
use crate::error::{Error, Result};
use crate::sessions::{Authenticated, MembershipView};
use crate::state::AppState;

/// Whether a bearer token is one of Roster's OAuth access tokens (not a session token).
pub fn is_access_token(token: &str) -> bool {
    token.starts_with(ACCESS_PREFIX)
}

/// A live access token (not expired, its user active), by the token itself.
pub async fn access_token(state: &AppState, token: &str) -> Result<Option<TokenRow>> {
    if !is_access_token(token) {
        return Ok(None);
    }
    let mut conn = state.db.pool().acquire().await?;
    let now = state.clock.now_ms();
    Ok(grants::token(&mut conn, &hash_token(token), "access")
        .await?
        .filter(|row| row.expires_at > now))
}

/// Userinfo's claims for an access token: today's, for the token's scopes. `None` for a token
/// that is unknown, expired or revoked, or whose person no longer reaches its account (its grant
/// is then revoked).
pub async fn userinfo(state: &AppState, token: &str) -> Result<Option<Map<String, Value>>> {
    let Some(row) = access_token(state, token).await? else {
        return Ok(None);
    };
    let scopes = Scopes::parse(&row.scopes);
    let claims =
        super::claims::about(state, &row.user_id, &scopes, row.account_id.as_deref()).await?;
    if claims.is_none() {
        let mut conn = state.db.pool().acquire().await?;
        grants::delete_grant(&mut conn, &row.grant_id).await?;
    }
    Ok(claims)
}

/// Who a bearer token speaks for at the two reads that take either kind (`GET /api/v1/me`,
/// `GET /api/v1/authz/check`): a session token, or an access token of the `account` scope
/// ([`stand_in`]); with `account_id`, the membership of it too.
pub async fn bearer(
    state: &AppState,
    token: &str,
    account_id: Option<&str>,
) -> Result<(Authenticated, Option<MembershipView>)> {
    if is_access_token(token) {
        return stand_in(state, token, account_id).await;
    }
    match account_id {
        Some(account_id) => {
            crate::sessions::authenticate_for_account(state, token, account_id).await
        }
        None => Ok((crate::sessions::authenticate(state, token).await?, None)),
    }
}

/// An access token of the `account` scope standing in for a session at Roster's own API
/// (`GET /api/v1/me`, `GET /api/v1/authz/check`): the person, and their membership of `account_id`
/// today when it is the token's account (none otherwise: the token speaks for that account
/// only). `unauthorized` for a token that is unknown, expired, revoked or without the scope.
async fn stand_in(
    state: &AppState,
    token: &str,
    account_id: Option<&str>,
) -> Result<(Authenticated, Option<MembershipView>)> {
    let mut conn = state.db.pool().acquire().await?;
    let now = state.clock.now_ms();
    let Some(account_id) = account_id else {
        // Who, only (`GET /api/v1/me`): the token's own row, no membership read.
        let row = grants::token(&mut conn, &hash_token(token), "access")
            .await?
            .filter(|r| r.expires_at > now)
            .filter(|r| Scopes::parse(&r.scopes).has(scopes::ACCOUNT))
            .ok_or(Error::Unauthenticated)?;
        let auth = Authenticated {
            session_id: row.session_id,
            user_id: row.user_id,
            expires_at: row.expires_at,
            support: None,
        };
        return Ok((auth, None));
    };
    let found = grants::access_with_membership(&mut conn, &hash_token(token))
        .await?
        .filter(|f| f.expires_at > now)
        .filter(|f| Scopes::parse(&f.scopes).has(scopes::ACCOUNT))
        .ok_or(Error::Unauthenticated)?;
    let same_account = found.account_id.as_deref() == Some(account_id);
    let view = match (&found.permissions, same_account) {
        (Some(permissions), true) => Some(MembershipView {
            is_owner: found.owner_user_id.as_deref() == Some(found.user_id.as_str()),
            permissions: permissions.clone(),
            last_login_at: found.member_last_login_at,
        }),
        _ => None,
    };
    Ok((
        Authenticated {
            session_id: found.session_id,
            user_id: found.user_id,
            expires_at: found.expires_at,
            support: None,
        },
        view,
    ))
}

/// Revokes a token an app holds (RFC 7009): a refresh token with its whole grant, an access
/// token alone. A token of another app, or none, changes nothing (and is not told apart).
pub async fn revoke(state: &AppState, client: &Client, token: &str) -> Result<()> {
    let hash = hash_token(token);
    let mut conn = state.db.pool().acquire().await?;
    for kind in ["refresh", "access"] {
        if let Some(row) = grants::token(&mut conn, &hash, kind)
            .await?
            .filter(|r| r.client_id == client.client_id)
        {
            if kind == "refresh" {
                grants::delete_grant(&mut conn, &row.grant_id).await?;
            } else {
                grants::delete_token(&mut conn, &hash).await?;
            }
        }
    }
    Ok(())
}

/// What introspection (RFC 7662) says of a token: `{"active": false}` unless it is live, and then
/// its scopes, app, times, person and today's claims (`roster_account` with today's
/// permissions). A token whose person no longer reaches its account is inactive (its grant is
/// revoked).
pub async fn introspect(state: &AppState, token: &str) -> Result<Value> {
    let now = state.clock.now_ms();
    let hash = hash_token(token);
    let mut conn = state.db.pool().acquire().await?;
    let mut found = None;
    for kind in ["access", "refresh"] {
        if let Some(row) = grants::token(&mut conn, &hash, kind).await? {
            found = Some(row);
            break;
        }
    }
    drop(conn);
    let Some(row) = found.filter(|r| r.expires_at > now && r.used_at.is_none()) else {
        return Ok(json!({ "active": false }));
    };
    let scopes = Scopes::parse(&row.scopes);
    let Some(mut claims) =
        super::claims::about(state, &row.user_id, &scopes, row.account_id.as_deref()).await?
    else {
        let mut conn = state.db.pool().acquire().await?;
        grants::delete_grant(&mut conn, &row.grant_id).await?;
        return Ok(json!({ "active": false }));
    };
    let facts = json!({
        "active": true,
        "scope": row.scopes,
        "client_id": row.client_id,
        "token_type": if row.kind == "access" { "Bearer" } else { "refresh_token" },
        "iat": row.created_at / 1000,
        "exp": row.expires_at / 1000,
        "iss": issuer(state),
        "aud": row.client_id,
        "sid": row.session_id,
        "auth_time": row.auth_time / 1000,
    });
    if let Value::Object(facts) = facts {
        claims.extend(facts);
    }
    Ok(Value::Object(claims))
}
