//! The apps staff register (OpenID Connect relying parties): `roster admin oauth-client`.
//!
//! - A **confidential** app (a server-side app) authenticates at the token endpoint with its
//!   secret (`client_secret_basic` or `client_secret_post`); the secret is shown once and stored
//!   as its SHA-256. `rotate-secret` makes a new one; the old one keeps working for a grace
//!   period the operator chooses, so the app can be redeployed without an outage.
//! - A **public** app (a native or single-page app) has no secret and must use PKCE.
//! - A **trusted** app is the provider's own: no consent page (the account chooser still shows).
//! - Redirect URIs are matched exactly, except that a loopback redirect (`http://127.0.0.1`,
//!   `http://[::1]`) may come with any port (RFC 8252 §7.3). They are `https`, loopback `http`,
//!   or, for a public app, a private-use scheme with a dot in it (`com.example.app:/callback`,
//!   RFC 8252 §7.1); never a fragment.

use std::time::Duration;

use serde::Serialize;
use serde_json::json;
use subtle::ConstantTimeEq;
use url::{Host, Url};

use super::keys::Alg;
use super::repo::{self, ClientRow};
use crate::audit::{self, Acting, Event};
use crate::clock::ms;
use crate::crypto::{hash_token, new_token, random_bytes};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::staff::roles::op;

/// At most this many redirect URIs (and as many post-logout ones) per app.
pub const MAX_URIS: usize = 10;

/// An app as shown (never its secret).
#[derive(Debug, Clone, Serialize)]
pub struct Client {
    pub client_id: String,
    pub name: String,
    /// `confidential` or `public`.
    pub kind: String,
    /// Whether the provider marked it as its own (no consent page).
    pub trusted: bool,
    pub redirect_uris: Vec<String>,
    pub post_logout_redirect_uris: Vec<String>,
    pub backchannel_logout_uri: Option<String>,
    pub logo_uri: Option<String>,
    /// `RS256` or `ES256`.
    pub id_token_alg: String,
    /// Until when the secret before the last rotation still works.
    pub previous_secret_until: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Client {
    pub fn is_public(&self) -> bool {
        self.kind == "public"
    }

    /// Whether `uri` is one of this app's redirect URIs (a loopback one with any port).
    pub fn redirects_to(&self, uri: &str) -> bool {
        matches_registered(&self.redirect_uris, uri)
    }

    /// Whether `uri` is one of this app's post-logout redirect URIs.
    pub fn returns_after_logout_to(&self, uri: &str) -> bool {
        matches_registered(&self.post_logout_redirect_uris, uri)
    }
}

fn from_row(row: ClientRow) -> Client {
    let list = |text: &str| serde_json::from_str::<Vec<String>>(text).unwrap_or_default();
    Client {
        redirect_uris: list(&row.redirect_uris),
        post_logout_redirect_uris: list(&row.post_logout_redirect_uris),
        trusted: row.consent == "trusted",
        client_id: row.id,
        name: row.name,
        kind: row.kind,
        backchannel_logout_uri: row.backchannel_logout_uri,
        logo_uri: row.logo_uri,
        id_token_alg: row.id_token_alg,
        previous_secret_until: row.previous_secret_until,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// What staff register (the `roster admin oauth-client create` flags too).
#[derive(Debug, Clone, clap::Args)]
pub struct NewClient {
    /// Its name, shown to people on the consent page
    #[arg(long)]
    pub name: String,
    /// Where it may be sent back after sign-in (repeat for several; matched exactly)
    #[arg(long = "redirect-uri", required = true)]
    pub redirect_uris: Vec<String>,
    /// A native or single-page app: no secret, PKCE required
    #[arg(long)]
    pub public: bool,
    /// The provider's own app: no consent page (the account chooser still shows)
    #[arg(long)]
    pub trusted: bool,
    /// Where it may send people after signing out of Roster (repeat for several)
    #[arg(long = "post-logout-redirect-uri")]
    pub post_logout_redirect_uris: Vec<String>,
    /// Where Roster posts a logout token when a session the app got tokens from ends
    #[arg(long)]
    pub backchannel_logout_uri: Option<String>,
    /// An https image shown on the consent page
    #[arg(long)]
    pub logo_uri: Option<String>,
    /// How its ID tokens are signed
    #[arg(long, value_enum, default_value = "rs256")]
    pub id_token_alg: Alg,
}

/// Whether a URL's host is the loopback interface by address (RFC 8252 §8.3: not `localhost`).
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    }
}

/// A redirect URI as registered: absolute, no fragment, and a scheme this kind of app may use.
fn parse_redirect(text: &str, public: bool, what: &str) -> Result<String> {
    let bad = |why: &str| Error::Validation(format!("{what} `{text}` {why}"));
    let url = Url::parse(text).map_err(|_| bad("is not an absolute URI"))?;
    if url.fragment().is_some() {
        return Err(bad("has a fragment"));
    }
    let allowed = match url.scheme() {
        "https" => url.host().is_some(),
        "http" => is_loopback(&url),
        scheme => public && scheme.contains('.'),
    };
    if !allowed {
        return Err(bad(
            "must be https, http on 127.0.0.1 or [::1], or (a public app) a private-use scheme \
             such as com.example.app:/callback",
        ));
    }
    Ok(text.to_owned())
}

fn parse_uris(texts: &[String], public: bool, what: &str) -> Result<Vec<String>> {
    if texts.len() > MAX_URIS {
        return Err(Error::Validation(format!(
            "at most {MAX_URIS} {what}s per app"
        )));
    }
    texts
        .iter()
        .map(|t| parse_redirect(t.trim(), public, what))
        .collect()
}

/// Exact match, or the same loopback redirect on another port (RFC 8252 §7.3).
fn matches_registered(registered: &[String], uri: &str) -> bool {
    if registered.iter().any(|r| r == uri) {
        return true;
    }
    let Ok(asked) = Url::parse(uri) else {
        return false;
    };
    if asked.scheme() != "http" || !is_loopback(&asked) {
        return false;
    }
    registered
        .iter()
        .filter_map(|r| Url::parse(r).ok())
        .any(|mut r| is_loopback(&r) && r.set_port(asked.port()).is_ok() && r == asked)
}

fn parse_name(name: &str) -> Result<String> {
    let name = crate::users::fields::trimmed_within(name, 80).unwrap_or_default();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Error::Validation(
            "an app's name is 1 to 80 characters, shown on the consent page".to_owned(),
        ));
    }
    Ok(name.to_owned())
}

/// Registers an app; answers it and, for a confidential app, its secret (shown once).
pub async fn create(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    new: NewClient,
) -> Result<(Client, Option<String>)> {
    let ctx = ctx.admitted()?.context();
    let name = parse_name(&new.name)?;
    if new.redirect_uris.is_empty() {
        return Err(Error::Validation(
            "an app needs at least one redirect URI".to_owned(),
        ));
    }
    let redirect_uris = parse_uris(&new.redirect_uris, new.public, "redirect URI")?;
    let post_logout = parse_uris(
        &new.post_logout_redirect_uris,
        new.public,
        "post-logout redirect URI",
    )?;
    let backchannel = new
        .backchannel_logout_uri
        .as_deref()
        .map(|u| parse_redirect(u.trim(), false, "back-channel logout URI"))
        .transpose()?;
    let logo = new
        .logo_uri
        .as_deref()
        .map(|u| parse_redirect(u.trim(), false, "logo URI"))
        .transpose()?;
    let secret = if new.public { None } else { Some(new_token()?) };
    let row = ClientRow {
        id: format!("roster_{}", hex::encode(random_bytes::<12>()?)),
        name,
        kind: if new.public { "public" } else { "confidential" }.to_owned(),
        consent: if new.trusted { "trusted" } else { "ask" }.to_owned(),
        redirect_uris: json!(redirect_uris).to_string(),
        post_logout_redirect_uris: json!(post_logout).to_string(),
        backchannel_logout_uri: backchannel,
        logo_uri: logo,
        id_token_alg: new.id_token_alg.as_str().to_owned(),
        previous_secret_until: None,
        created_at: now,
        updated_at: now,
    };
    let mut tx = db.begin().await?;
    let hash = secret.as_deref().map(hash_token);
    repo::insert_client(&mut tx, &row, hash.as_deref())
        .await
        .map_err(|e| {
            if e.is_unique_violation() {
                Error::Conflict(format!("an app named `{}` exists", row.name))
            } else {
                e
            }
        })?;
    let client = from_row(row);
    let event = Event::general("oauth_client.created").after(json!({
        "client_id": client.client_id, "name": client.name, "kind": client.kind,
        "trusted": client.trusted, "redirect_uris": client.redirect_uris,
    }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok((client, secret))
}

pub async fn list(db: &Db) -> Result<Vec<Client>> {
    let mut conn = db.pool().acquire().await?;
    Ok(repo::clients(&mut conn)
        .await?
        .into_iter()
        .map(from_row)
        .collect())
}

pub async fn get(db: &Db, client_id: &str) -> Result<Client> {
    let mut conn = db.pool().acquire().await?;
    repo::client(&mut conn, client_id)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound("app"))
}

/// A new secret for a confidential app (shown once); the old one keeps working for `grace`.
pub async fn rotate_secret(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    client_id: &str,
    grace: Duration,
) -> Result<String> {
    let ctx = ctx.admitted()?.context();
    let secret = new_token()?;
    let until = now + ms(grace);
    let mut tx = db.begin().await?;
    let client = repo::client(&mut tx, client_id)
        .await?
        .ok_or(Error::NotFound("app"))?;
    if !repo::rotate_secret(&mut tx, client_id, &hash_token(&secret), until, now).await? {
        return Err(Error::Validation(format!(
            "`{}` is a public app: it has no secret",
            client.name
        )));
    }
    let event = Event::general("oauth_client.secret_rotated").after(json!({
        "client_id": client_id, "name": client.name, "previous_secret_until": until,
    }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(secret)
}

/// Removes an app.
pub async fn remove(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    client_id: &str,
) -> Result<Client> {
    let ctx = ctx.admitted()?.context();
    let mut tx = db.begin().await?;
    let client = repo::client(&mut tx, client_id)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound("app"))?;
    repo::delete_client(&mut tx, client_id).await?;
    let event = Event::general("oauth_client.removed")
        .before(json!({ "client_id": client.client_id, "name": client.name }));
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(client)
}

/// The app a `client_id` and `secret` belong to (the current secret, or the previous one during
/// its grace period); `None` for a wrong pair, an unknown app or a public app.
pub async fn authenticate(
    db: &Db,
    now: i64,
    client_id: &str,
    secret: &str,
) -> Result<Option<Client>> {
    let mut conn = db.pool().acquire().await?;
    let Some((current, previous, until)) = repo::secret_hashes(&mut conn, client_id).await? else {
        return Ok(None);
    };
    let given = hash_token(secret);
    let is = |stored: Option<&String>| {
        stored.is_some_and(|s| bool::from(s.as_bytes().ct_eq(given.as_bytes())))
    };
    let good = is(current.as_ref()) || (until.is_some_and(|u| now < u) && is(previous.as_ref()));
    if !good {
        return Ok(None);
    }
    Ok(repo::client(&mut conn, client_id).await?.map(from_row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_are_https_loopback_http_or_a_public_apps_private_scheme() {
        for good in [
            "https://panel.example.com/callback",
            "http://127.0.0.1:8400/cb",
            "http://[::1]/cb",
        ] {
            assert!(
                parse_redirect(good, false, "redirect URI").is_ok(),
                "{good}"
            );
        }
        assert!(parse_redirect("com.example.app:/cb", true, "redirect URI").is_ok());
        for bad in [
            "http://panel.example.com/callback",
            "http://localhost:8400/cb",
            "https://panel.example.com/cb#x",
            "/callback",
            "javascript:alert(1)",
            "com.example.app:/cb",
        ] {
            assert!(parse_redirect(bad, false, "redirect URI").is_err(), "{bad}");
        }
    }

    #[test]
    fn redirects_match_exactly_but_a_loopback_port_may_vary() {
        let registered = vec![
            "https://panel.example.com/callback".to_owned(),
            "http://127.0.0.1/cb".to_owned(),
        ];
        assert!(matches_registered(
            &registered,
            "https://panel.example.com/callback"
        ));
        assert!(matches_registered(&registered, "http://127.0.0.1:51234/cb"));
        for other in [
            "https://panel.example.com/callback/",
            "https://panel.example.com/callback?x=1",
            "https://panel.example.com:8443/callback",
            "HTTPS://panel.example.com/callback",
            "http://127.0.0.1:51234/other",
            "http://[::1]:51234/cb",
        ] {
            assert!(!matches_registered(&registered, other), "{other}");
        }
    }
}
