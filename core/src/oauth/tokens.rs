//! Tokens: what the token endpoint gives for a code (`codes.rs`) or a refresh token: an access
//! token, an ID token, with `offline_access` a refresh token.
//!
//! - **Access tokens** are opaque (`roster_at_…`), stored as their SHA-256, valid
//!   [`ACCESS_TOKEN_LIFE`]. **Refresh tokens** (`roster_rt_…`, only with `offline_access`) last
//!   [`REFRESH_TOKEN_LIFE`] from their last use and are rotated on every use; presenting a used one
//!   again revokes its whole grant (the family of tokens from one code).
//! - A refresh for an account the person no longer reaches, or that a plugin refuses
//!   (`before-token-issue`), fails (`invalid_grant`) and revokes the grant.

use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::clients::Client;
use super::keys::{self, Alg};
use super::repo::grants::{self, TokenRow};
use super::scopes::{self, Scopes};
use crate::audit::{Actor, Context};
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::{Error, Result};
use crate::plugins::TokenRequest;
use crate::state::AppState;

/// How long an access token (and an ID token) is good for.
pub const ACCESS_TOKEN_LIFE: Duration = Duration::from_secs(10 * 60);
/// How long a refresh token is good for after it was issued (each use gives a new one).
pub const REFRESH_TOKEN_LIFE: Duration = Duration::from_secs(30 * 24 * 60 * 60);

pub(super) const ACCESS_PREFIX: &str = "roster_at_";
const REFRESH_PREFIX: &str = "roster_rt_";

/// Why the token endpoint refuses (RFC 6749 §5.2).
#[derive(Debug)]
pub enum Refused {
    InvalidRequest(String),
    /// The app is unknown or its secret wrong (`rate_limited`: too many wrong ones lately).
    InvalidClient {
        why: String,
        retry_after_secs: Option<u64>,
    },
    InvalidGrant(String),
    InvalidScope(String),
    UnsupportedGrantType,
    Failed(Error),
}

impl From<Error> for Refused {
    fn from(e: Error) -> Self {
        Self::Failed(e)
    }
}

impl From<sqlx::Error> for Refused {
    fn from(e: sqlx::Error) -> Self {
        Self::Failed(e.into())
    }
}

/// What the token endpoint answers.
#[derive(Debug, Serialize)]
pub struct Issued {
    pub access_token: String,
    pub token_type: &'static str,
    pub expires_in: u64,
    pub id_token: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    pub scope: String,
}

/// The app calling the token endpoint: a confidential app by its secret (the current one, or the
/// previous one in its grace period), a public app by its id alone. Wrong secrets count against
/// the app's limit (`auth.rate_limit.per_email` in `per_email_window`); past it, even the right
/// secret is refused until the window ends. Only failures count, so a busy app is never slowed.
pub async fn client(
    state: &AppState,
    client_id: &str,
    secret: Option<&str>,
) -> std::result::Result<Client, Refused> {
    let unknown = || Refused::InvalidClient {
        why: "the app is unknown or its secret is wrong".to_owned(),
        retry_after_secs: None,
    };
    let client = match super::clients::get(&state.db, client_id).await {
        Ok(client) => client,
        Err(Error::NotFound(_)) => return Err(unknown()),
        Err(e) => return Err(e.into()),
    };
    let Some(secret) = secret else {
        return if client.is_public() {
            Ok(client)
        } else {
            Err(Refused::InvalidClient {
                why: "a confidential app must authenticate with its secret".to_owned(),
                retry_after_secs: None,
            })
        };
    };
    if client.is_public() {
        return Err(Refused::InvalidClient {
            why: "a public app has no secret".to_owned(),
            retry_after_secs: None,
        });
    }
    let limits = &state.settings.auth.rate_limit;
    let bucket = format!("oauth:client:{}", client.client_id);
    let now = state.clock.now_ms();
    let pool = state.db.pool();
    if crate::ratelimit::exhausted(
        pool,
        &bucket,
        limits.per_email,
        limits.per_email_window,
        now,
    )
    .await?
    {
        return Err(Refused::InvalidClient {
            why: "too many wrong secrets for this app lately".to_owned(),
            retry_after_secs: Some(limits.per_email_window.as_secs().max(1)),
        });
    }
    match super::clients::authenticate(&state.db, now, client_id, secret).await? {
        Some(client) => Ok(client),
        None => {
            let counted = crate::ratelimit::hit(
                pool,
                &bucket,
                limits.per_email,
                limits.per_email_window,
                now,
            )
            .await;
            tracing::warn!(client = %client_id, "a wrong client secret at the token endpoint");
            match counted {
                Err(Error::RateLimited { retry_after_secs }) => Err(Refused::InvalidClient {
                    why: "too many wrong secrets for this app lately".to_owned(),
                    retry_after_secs: Some(retry_after_secs),
                }),
                Err(e) => Err(e.into()),
                Ok(()) => Err(unknown()),
            }
        }
    }
}

/// The issuer: `server.public_url`.
pub fn issuer(state: &AppState) -> String {
    state.settings.server.public_url.as_str().to_owned()
}

/// The left half of an access token's SHA-256 (`at_hash`, OpenID Connect Core §3.1.3.6; both
/// RS256 and ES256 hash with SHA-256).
fn at_hash(access_token: &str) -> String {
    use base64::Engine;
    let digest = Sha256::digest(access_token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// A refresh token for new tokens (the used one is spent). `scope` may narrow the grant.
pub async fn refresh(
    state: &AppState,
    client: &Client,
    token: &str,
    scope: Option<&str>,
    ip: Option<String>,
) -> std::result::Result<Issued, Refused> {
    let now = state.clock.now_ms();
    let hash = hash_token(token);
    let mut conn = state.db.pool().acquire().await?;
    let row = grants::token(&mut conn, &hash, "refresh")
        .await?
        .filter(|r| r.client_id == client.client_id)
        .ok_or_else(|| {
            Refused::InvalidGrant("the refresh token is unknown or revoked".to_owned())
        })?;
    if !grants::use_refresh_token(&mut conn, &hash, now).await? {
        let revoked = grants::delete_grant(&mut conn, &row.grant_id).await?;
        tracing::warn!(client = %client.client_id, revoked, "a refresh token was used twice");
        return Err(Refused::InvalidGrant(
            "the refresh token was already used; its grant is revoked".to_owned(),
        ));
    }
    if row.expires_at <= now {
        return Err(Refused::InvalidGrant(
            "the refresh token expired".to_owned(),
        ));
    }
    let granted = Scopes::parse(&row.scopes);
    let scopes = match scope {
        Some(asked) => {
            let asked = Scopes::parse(asked);
            if !asked.within(&granted) || !asked.has(scopes::OPENID) {
                return Err(Refused::InvalidScope(
                    "a refresh may only narrow the scopes granted, keeping `openid`".to_owned(),
                ));
            }
            asked
        }
        None => granted,
    };
    if let Some(account_id) = &row.account_id
        && crate::memberships::service::one_reached_by(state, &row.user_id, account_id)
            .await?
            .is_none()
    {
        grants::delete_grant(&mut conn, &row.grant_id).await?;
        return Err(Refused::InvalidGrant(
            "the person no longer reaches the account this grant was for".to_owned(),
        ));
    }
    drop(conn);
    // Plugins may refuse the app for the person (and account) now, though they allowed it at
    // sign-in: the grant goes, as when the person no longer reaches the account.
    let ctx = Context {
        actor: Actor::User(row.user_id.clone()),
        ip,
        support: None,
    };
    let asked = TokenRequest {
        client_id: &client.client_id,
        client_name: &client.name,
        user_id: &row.user_id,
        account_id: row.account_id.as_deref(),
        scopes: &scopes.text(),
        refresh: true,
    };
    match state.plugins.before_token_issue(&ctx, asked).await {
        Ok(()) => {}
        Err(Error::VetoedByPlugin { message, .. }) => {
            let mut conn = state.db.pool().acquire().await?;
            grants::delete_grant(&mut conn, &row.grant_id).await?;
            return Err(Refused::InvalidGrant(message));
        }
        Err(e) => return Err(Refused::Failed(e)),
    }
    let grant = Grant {
        grant_id: row.grant_id,
        user_id: row.user_id,
        session_id: row.session_id,
        account_id: row.account_id,
        scopes,
        auth_time: row.auth_time,
        amr: row.amr,
    };
    issue(state, client, &grant, None).await
}

/// What one sign-in gave one app: every token issued from one code carries it.
pub(super) struct Grant {
    pub grant_id: String,
    pub user_id: String,
    pub session_id: String,
    pub account_id: Option<String>,
    pub scopes: Scopes,
    pub auth_time: i64,
    pub amr: String,
}

/// An access token, an ID token and (with `offline_access`) a refresh token for a grant.
pub(super) async fn issue(
    state: &AppState,
    client: &Client,
    grant: &Grant,
    nonce: Option<&str>,
) -> std::result::Result<Issued, Refused> {
    let now = state.clock.now_ms();
    let Some(claims) = super::claims::about(
        state,
        &grant.user_id,
        &grant.scopes,
        grant.account_id.as_deref(),
    )
    .await?
    else {
        let mut conn = state.db.pool().acquire().await?;
        grants::delete_grant(&mut conn, &grant.grant_id).await?;
        return Err(Refused::InvalidGrant(
            "the person no longer reaches the account this grant was for".to_owned(),
        ));
    };
    let access_token = format!("{ACCESS_PREFIX}{}", new_token()?);
    let refresh_token = if grant.scopes.has(scopes::OFFLINE_ACCESS) {
        Some(format!("{REFRESH_PREFIX}{}", new_token()?))
    } else {
        None
    };
    let id_token = id_token(state, client, grant, nonce, &access_token, claims, now).await?;
    let row = |token: &str, kind: &str, life: Duration| TokenRow {
        token_hash: hash_token(token),
        kind: kind.to_owned(),
        grant_id: grant.grant_id.clone(),
        client_id: client.client_id.clone(),
        user_id: grant.user_id.clone(),
        session_id: grant.session_id.clone(),
        account_id: grant.account_id.clone(),
        scopes: grant.scopes.text(),
        auth_time: grant.auth_time,
        amr: grant.amr.clone(),
        created_at: now,
        expires_at: now + ms(life),
        used_at: None,
    };
    let mut tx = state.db.begin().await?;
    super::repo::logout::remember_app(
        &mut tx,
        &grant.session_id,
        &client.client_id,
        &grant.user_id,
        now,
    )
    .await?;
    grants::insert_token(&mut tx, &row(&access_token, "access", ACCESS_TOKEN_LIFE)).await?;
    if let Some(refresh) = &refresh_token {
        grants::insert_token(&mut tx, &row(refresh, "refresh", REFRESH_TOKEN_LIFE)).await?;
    }
    tx.commit().await?;
    Ok(Issued {
        access_token,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_LIFE.as_secs(),
        id_token,
        refresh_token,
        scope: grant.scopes.text(),
    })
}

/// The signed ID token (OpenID Connect Core §2): who, for which app, how and when they signed
/// in, and the claims of the scopes.
async fn id_token(
    state: &AppState,
    client: &Client,
    grant: &Grant,
    nonce: Option<&str>,
    access_token: &str,
    mut claims: Map<String, Value>,
    now: i64,
) -> Result<String> {
    let seconds = now / 1000;
    let standard = json!({
        "iss": issuer(state),
        "aud": client.client_id,
        "azp": client.client_id,
        "iat": seconds,
        "exp": seconds + i64::try_from(ACCESS_TOKEN_LIFE.as_secs()).unwrap_or(600),
        "auth_time": grant.auth_time / 1000,
        "amr": grant.amr.split(' ').collect::<Vec<_>>(),
        "sid": grant.session_id,
        "at_hash": at_hash(access_token),
    });
    if let Value::Object(standard) = standard {
        claims.extend(standard);
    }
    if let Some(nonce) = nonce {
        claims.insert("nonce".into(), json!(nonce));
    }
    let alg = Alg::parse(&client.id_token_alg).unwrap_or(Alg::Rs256);
    keys::sign(&state.db, now, alg, Some("JWT"), &claims).await
}

/// Deletes the expired codes and tokens (the sweeper's part).
pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<u64> {
    grants::sweep(conn, now).await
}
