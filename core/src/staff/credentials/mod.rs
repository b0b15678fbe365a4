//! Staff credentials. They are not users. Two kinds, listed and revoked together:
//! - admin tokens (`roster admin token create --name N`), sent as `Authorization: Bearer` to the
//!   admin API;
//! - WHMCS API credentials (`roster admin api-credential create --name N`), an identifier and a
//!   secret sent to `/includes/api.php` as WHMCS's API clients send them.
//!
//! Each is shown once and stored as a SHA-256, and holds a [`Role`].

pub mod admin_http;
mod repo;

use serde::Serialize;
use serde_json::json;
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

pub use crate::staff::roles::Role;

use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::crypto::{hash_token, new_id, new_token, random_bytes};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::staff::roles::op;

/// The prefix of every admin token, so that leaked tokens are easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "roster_admin_";

/// Which door a credential opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Authorization: Bearer` on the admin API.
    Token,
    /// `identifier` and `secret` on the WHMCS API.
    ApiCredential,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::ApiCredential => "api_credential",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Self::Token => "admin token",
            Self::ApiCredential => "API credential",
        }
    }
}

/// A credential's record (never its secret).
#[derive(Debug, Clone, Serialize, sqlx::FromRow, ToSchema)]
pub struct AdminToken {
    pub id: String,
    pub name: String,
    /// `token` or `api_credential`.
    pub kind: String,
    /// `administrator` or `support`.
    pub role: String,
    /// The WHMCS API identifier (API credentials only).
    pub identifier: Option<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// The staff credential behind a request.
#[derive(Debug, Clone)]
pub struct AdminIdentity {
    pub token_id: String,
    pub name: String,
    pub role: Role,
}

/// A new WHMCS API credential, as shown once.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NewApiCredential {
    pub identifier: String,
    /// Shown once: only its SHA-256 is kept.
    pub secret: String,
    pub credential: AdminToken,
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
            "a name is 1-64 characters of letters, digits and - _ . @".to_owned(),
        ))
    }
}

/// Creates an admin token named `name`; returns the token (shown once) and its record.
pub async fn create(db: &Db, now: i64, name: &str, role: Role) -> Result<(String, AdminToken)> {
    let token = format!("{TOKEN_PREFIX}{}", new_token()?);
    let ctx = Context::system();
    let issued = Issued {
        kind: Kind::Token,
        identifier: None,
        secret: &token,
    };
    let record = insert(db, &ctx, now, name, role, issued).await?;
    Ok((token, record))
}

/// Creates a WHMCS API credential: a 32-character identifier and a secret (shown once).
pub async fn create_api_credential(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    name: &str,
    role: Role,
) -> Result<NewApiCredential> {
    let ctx = ctx.admitted()?.context();
    let identifier = alphanumeric(random_bytes::<24>()?);
    let secret = alphanumeric(random_bytes::<24>()?);
    let issued = Issued {
        kind: Kind::ApiCredential,
        identifier: Some(&identifier),
        secret: &secret,
    };
    let credential = insert(db, ctx, now, name, role, issued).await?;
    Ok(NewApiCredential {
        identifier,
        secret,
        credential,
    })
}

/// 24 random bytes as 32 letters and digits (WHMCS's credentials look like this; no character
/// that a form encoding or a shell would change).
fn alphanumeric(bytes: [u8; 24]) -> String {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(32);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b));
        for shift in [18, 12, 6, 0] {
            // 6 bits picked from 62 symbols: a slight bias toward the first two, 190 bits in all.
            out.push(char::from(ALPHABET[((n >> shift) & 63) as usize % 62]));
        }
    }
    out
}

/// What a new credential is: its kind, its WHMCS identifier (API credentials) and its secret.
struct Issued<'a> {
    kind: Kind,
    identifier: Option<&'a str>,
    secret: &'a str,
}

async fn insert(
    db: &Db,
    ctx: &Context,
    now: i64,
    name: &str,
    role: Role,
    issued: Issued<'_>,
) -> Result<AdminToken> {
    let Issued {
        kind,
        identifier,
        secret,
    } = issued;
    let name = parse_name(name)?;
    let id = new_id();
    let mut tx = db.begin().await?;
    let row = repo::NewCredential {
        id: &id,
        name,
        kind: kind.as_str(),
        role: role.as_str(),
        identifier,
        token_hash: &hash_token(secret),
    };
    repo::insert(&mut tx, &row, now).await.map_err(|e| {
        if e.is_unique_violation() {
            Error::Conflict(format!(
                "a live credential named `{name}` exists; revoke it first"
            ))
        } else {
            e
        }
    })?;
    let action = match kind {
        Kind::Token => "admin_token.created",
        Kind::ApiCredential => "api_credential.created",
    };
    audit::record(&mut tx, ctx, now, admin_event(action, name, role)).await?;
    let record = repo::get(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(record)
}

fn admin_event<'a>(action: &'a str, name: &str, role: Role) -> Event<'a> {
    Event::general(action).after(json!({ "name": name, "role": role.as_str() }))
}

/// Every credential of both kinds, live and revoked.
pub async fn list(db: &Db) -> Result<Vec<AdminToken>> {
    let mut conn = db.pool().acquire().await?;
    repo::list(&mut conn).await
}

/// Revokes the live credential of this kind named `name`; false when there is none.
pub async fn revoke(db: &Db, ctx: &Context, now: i64, kind: Kind, name: &str) -> Result<bool> {
    let mut tx = db.begin().await?;
    let Some(record) = repo::live_by_name(&mut tx, name)
        .await?
        .filter(|r| r.kind == kind.as_str())
    else {
        return Ok(false);
    };
    revoke_record(&mut tx, ctx, now, &record).await?;
    tx.commit().await?;
    Ok(true)
}

/// Revokes the credential of this kind with this id (admin API); `not_found` when there is no
/// live one.
pub async fn revoke_by_id(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    kind: Kind,
    id: &str,
) -> Result<AdminToken> {
    let ctx = ctx.admitted()?.context();
    let mut tx = db.begin().await?;
    let record = repo::get(&mut tx, id).await?;
    if record.revoked_at.is_some() || record.kind != kind.as_str() {
        return Err(Error::NotFound("credential"));
    }
    revoke_record(&mut tx, ctx, now, &record).await?;
    let record = repo::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(record)
}

async fn revoke_record(
    tx: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    record: &AdminToken,
) -> Result<()> {
    repo::revoke(tx, &record.id, now).await?;
    let action = if record.kind == Kind::ApiCredential.as_str() {
        "api_credential.revoked"
    } else {
        "admin_token.revoked"
    };
    audit::record(
        tx,
        ctx,
        now,
        admin_event(action, &record.name, Role::parse(&record.role)),
    )
    .await
}

/// The admin a bearer token belongs to, while it is not revoked.
pub async fn authenticate(db: &Db, now: i64, token: &str) -> Result<AdminIdentity> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Err(Error::Unauthenticated);
    }
    let mut conn = db.pool().acquire().await?;
    let found = repo::live_by_hash(&mut conn, &hash_token(token))
        .await?
        .filter(|t| t.kind == Kind::Token.as_str())
        .ok_or(Error::Unauthenticated)?;
    identity(&mut conn, now, found).await
}

/// Why a WHMCS API credential was refused (WHMCS answers the two differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiAuthFailure {
    /// No live credential has this identifier.
    UnknownIdentifier,
    /// The identifier is known and the secret is wrong.
    WrongSecret,
}

/// The staff credential an `identifier` and `secret` belong to, while it is not revoked.
pub async fn authenticate_api(
    db: &Db,
    now: i64,
    identifier: &str,
    secret: &str,
) -> Result<std::result::Result<AdminIdentity, ApiAuthFailure>> {
    let mut conn = db.pool().acquire().await?;
    let Some(found) = repo::live_by_identifier(&mut conn, identifier).await? else {
        return Ok(Err(ApiAuthFailure::UnknownIdentifier));
    };
    let stored = repo::hash_of(&mut conn, &found.id).await?;
    if !bool::from(hash_token(secret).as_bytes().ct_eq(stored.as_bytes())) {
        return Ok(Err(ApiAuthFailure::WrongSecret));
    }
    identity(&mut conn, now, found).await.map(Ok)
}

async fn identity(
    conn: &mut sqlx::AnyConnection,
    now: i64,
    found: AdminToken,
) -> Result<AdminIdentity> {
    if found.last_used_at.is_none_or(|t| now - t > 60_000) {
        repo::touch(conn, &found.id, now).await?;
    }
    Ok(AdminIdentity {
        role: Role::parse(&found.role),
        token_id: found.id,
        name: found.name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_32_letters_and_digits() {
        let a = alphanumeric([0u8; 24]);
        let b = alphanumeric([255u8; 24]);
        for s in [&a, &b] {
            assert_eq!(s.len(), 32);
            assert!(s.chars().all(|c| c.is_ascii_alphanumeric()), "{s}");
        }
        assert_ne!(a, b);
    }
}
