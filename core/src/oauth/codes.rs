//! Codes: what the authorization step gives the app, redeemed once at the token endpoint.
//!
//! - A **code** lives [`CODE_LIFE`] and works once. A second use (a replay: the code leaked)
//!   revokes every token its first use gave (RFC 6749 §4.1.2).
//! - **PKCE** (RFC 7636): a code asked for with a challenge needs its verifier; a code asked for
//!   without one may not be redeemed with one (RFC 9700 §2.1.1).

use std::time::Duration;

use sha2::{Digest, Sha256};

use super::clients::Client;
use super::repo::grants::{self, CodeRow};
use super::request::AuthRequest;
use super::scopes::Scopes;
use super::tokens::{Grant, Issued, Refused, issue, issuer};
use crate::clock::ms;
use crate::crypto::{hash_token, new_id, new_token};
use crate::error::Result;
use crate::memberships::service::MyAccount;
use crate::sessions::{Authenticated, SignInFacts};
use crate::state::AppState;

/// How long a code may be redeemed.
pub const CODE_LIFE: Duration = Duration::from_secs(60);
/// Codes one person may be given per minute (each is a row).
pub const CODES_PER_MINUTE: u32 = 30;

/// Gives a code for a request the person answered; answers where to send the browser (the app's
/// redirect URI with `code`, `state` and `iss`).
pub async fn issue_code(
    state: &AppState,
    req: &AuthRequest,
    auth: &Authenticated,
    facts: &SignInFacts,
    account: Option<&MyAccount>,
) -> Result<String> {
    auth.refuse_support("sign in to an app as the user")?;
    let now = state.clock.now_ms();
    crate::ratelimit::hit(
        state.db.pool(),
        &format!("oauth:code:{}", auth.user_id),
        CODES_PER_MINUTE,
        Duration::from_secs(60),
        now,
    )
    .await?;
    let code = new_token()?;
    let row = CodeRow {
        code_hash: hash_token(&code),
        grant_id: new_id(),
        client_id: req.client.client_id.clone(),
        user_id: auth.user_id.clone(),
        session_id: auth.session_id.clone(),
        account_id: account.map(|a| a.account.id.clone()),
        scopes: req.scopes.text(),
        redirect_uri: req.redirect_uri.clone(),
        nonce: req.nonce.clone(),
        code_challenge: req.code_challenge.clone(),
        auth_time: facts.auth_time,
        amr: facts.amr.clone(),
        created_at: now,
        expires_at: now + ms(CODE_LIFE),
        used_at: None,
    };
    let mut conn = state.db.pool().acquire().await?;
    grants::insert_code(&mut conn, &row).await?;
    let mut pairs = vec![("code", code)];
    if let Some(s) = &req.state {
        pairs.push(("state", s.clone()));
    }
    pairs.push(("iss", issuer(state)));
    Ok(super::request::with_query(&req.redirect_uri, &pairs))
}

/// Whether `verifier` answers `challenge` (S256).
fn pkce_matches(challenge: &str, verifier: &str) -> bool {
    use base64::Engine;
    let digest = Sha256::digest(verifier.as_bytes());
    let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest);
    bool::from(subtle::ConstantTimeEq::ct_eq(
        computed.as_bytes(),
        challenge.as_bytes(),
    ))
}

/// A code for tokens. `redirect_uri` must be the one the code was asked with.
pub async fn redeem_code(
    state: &AppState,
    client: &Client,
    code: &str,
    redirect_uri: Option<&str>,
    verifier: Option<&str>,
) -> std::result::Result<Issued, Refused> {
    let now = state.clock.now_ms();
    let hash = hash_token(code);
    let mut conn = state.db.pool().acquire().await?;
    let row = grants::code(&mut conn, &hash)
        .await?
        .filter(|r| r.client_id == client.client_id)
        .ok_or_else(|| Refused::InvalidGrant("the code is unknown or expired".to_owned()))?;
    if !grants::use_code(&mut conn, &hash, now).await? {
        let revoked = grants::delete_grant(&mut conn, &row.grant_id).await?;
        tracing::warn!(client = %client.client_id, revoked, "an authorization code was used twice");
        return Err(Refused::InvalidGrant(
            "the code was already used; the tokens it gave are revoked".to_owned(),
        ));
    }
    drop(conn);
    if row.expires_at <= now {
        return Err(Refused::InvalidGrant("the code expired".to_owned()));
    }
    if redirect_uri != Some(row.redirect_uri.as_str()) {
        return Err(Refused::InvalidGrant(
            "`redirect_uri` is not the one the code was asked with".to_owned(),
        ));
    }
    match (&row.code_challenge, verifier) {
        (Some(challenge), Some(verifier)) => {
            if !super::request::is_pkce_text(verifier) || !pkce_matches(challenge, verifier) {
                return Err(Refused::InvalidGrant(
                    "`code_verifier` does not match the code's challenge".to_owned(),
                ));
            }
        }
        (Some(_), None) => {
            return Err(Refused::InvalidGrant(
                "`code_verifier` is missing (the code was asked with PKCE)".to_owned(),
            ));
        }
        (None, Some(_)) => {
            return Err(Refused::InvalidGrant(
                "`code_verifier` given for a code asked without PKCE".to_owned(),
            ));
        }
        (None, None) => {}
    }
    if crate::sessions::sign_in_facts(state, &row.session_id)
        .await?
        .is_none()
    {
        return Err(Refused::InvalidGrant(
            "the sign-in the code came from has ended".to_owned(),
        ));
    }
    let grant = Grant {
        grant_id: row.grant_id,
        user_id: row.user_id,
        session_id: row.session_id,
        account_id: row.account_id,
        scopes: Scopes::parse(&row.scopes),
        auth_time: row.auth_time,
        amr: row.amr,
    };
    issue(state, client, &grant, row.nonce.as_deref()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_matches_rfc_7636_appendix_b() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(pkce_matches(challenge, verifier));
        assert!(!pkce_matches(
            challenge,
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl"
        ));
    }
}
