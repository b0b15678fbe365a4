//! Admins: staff operators of the admin API. They are not users; they hold admin tokens, made by
//! `roster admin token create --name N` (printed once, stored as a SHA-256) and revocable.

mod repo;

use serde::Serialize;
use serde_json::json;

use crate::audit::{self, Context, Event};
use crate::crypto::{hash_token, new_id, new_token};
use crate::db::Db;
use crate::error::{Error, Result};

/// The prefix of every admin token, so that leaked tokens are easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "roster_admin_";

/// An admin token's record (never the token itself).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AdminToken {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// The admin behind a request.
#[derive(Debug, Clone)]
pub struct AdminIdentity {
    pub token_id: String,
    pub name: String,
}

fn parse_name(name: &str) -> Result<&str> {
    let name = name.trim();
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@".contains(c));
    if valid {
        Ok(name)
    } else {
        Err(Error::Validation(
            "a token name is 1-64 characters of letters, digits and - _ . @".to_owned(),
        ))
    }
}

/// Creates a token named `name`; returns the token (shown once) and its record.
pub async fn create(db: &Db, now: i64, name: &str) -> Result<(String, AdminToken)> {
    let name = parse_name(name)?;
    let token = format!("{TOKEN_PREFIX}{}", new_token()?);
    let id = new_id();
    let mut tx = db.begin().await?;
    repo::insert(&mut tx, &id, name, &hash_token(&token), now)
        .await
        .map_err(|e| {
            if e.is_unique_violation() {
                Error::Conflict(format!("a token named `{name}` exists; revoke it first"))
            } else {
                e
            }
        })?;
    audit::record(
        &mut tx,
        &Context::system(),
        now,
        admin_event("admin_token.created", name),
    )
    .await?;
    let record = repo::get(&mut tx, &id).await?;
    tx.commit().await?;
    Ok((token, record))
}

fn admin_event<'a>(action: &'a str, name: &str) -> Event<'a> {
    Event {
        action,
        account_id: None,
        user_id: None,
        before: None,
        after: Some(json!({ "name": name })),
    }
}

pub async fn list(db: &Db) -> Result<Vec<AdminToken>> {
    let mut conn = db.pool().acquire().await?;
    repo::list(&mut conn).await
}

/// Revokes the live token named `name`; false when there is none.
pub async fn revoke(db: &Db, now: i64, name: &str) -> Result<bool> {
    let mut tx = db.begin().await?;
    let revoked = repo::revoke(&mut tx, name, now).await?;
    if revoked {
        audit::record(
            &mut tx,
            &Context::system(),
            now,
            admin_event("admin_token.revoked", name),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(revoked)
}

/// The admin a bearer token belongs to, while it is not revoked.
pub async fn authenticate(db: &Db, now: i64, token: &str) -> Result<AdminIdentity> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Err(Error::Unauthenticated);
    }
    let mut conn = db.pool().acquire().await?;
    let found = repo::live_by_hash(&mut conn, &hash_token(token))
        .await?
        .ok_or(Error::Unauthenticated)?;
    if found.last_used_at.is_none_or(|t| now - t > 60_000) {
        repo::touch(&mut conn, &found.id, now).await?;
    }
    Ok(AdminIdentity {
        token_id: found.id,
        name: found.name,
    })
}
