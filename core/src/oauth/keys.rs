//! Signing keys: ID tokens and logout tokens are signed with RS256 (what every client library
//! expects) or ES256 (chosen per app). One key of each algorithm is made at first start and kept
//! in the database, so every replica signs with the same ones.
//!
//! Rotation (`roster admin signing-key rotate`) adds a new generation that is published in the
//! JWKS at once and signs only from `signs_from` (after a lead time, one hour unless told: relying
//! parties that cache the JWKS see it before they meet a token it signed). The key it replaces
//! stays in the JWKS for [`LONGEST_SIGNED_LIFE`] after that, so that what it signed still
//! verifies, and is then deleted.

use std::time::Duration;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::jwk::{Jwk, PublicKeyUse};
use jsonwebtoken::{EncodingKey, Header};
use serde::Serialize;
use serde_json::json;

use super::repo::{self, KeyRow};
use crate::audit::{self, Acting, Event};
use crate::clock::ms;
use crate::crypto::random_bytes;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::staff::roles::op;

/// The longest anything signed with a key stays good (an ID token lives at most an hour): how
/// long a replaced key stays in the JWKS after its successor began to sign.
pub const LONGEST_SIGNED_LIFE: Duration = Duration::from_secs(3600);

/// How long a rotated-in key is published before it signs, unless the rotation says otherwise.
pub const DEFAULT_LEAD: Duration = Duration::from_secs(3600);

/// A signing algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Alg {
    /// RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit keys.
    Rs256,
    /// ECDSA on P-256 with SHA-256.
    Es256,
}

impl Alg {
    pub const ALL: [Self; 2] = [Self::Rs256, Self::Es256];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rs256 => "RS256",
            Self::Es256 => "ES256",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    fn jwt(self) -> jsonwebtoken::Algorithm {
        match self {
            Self::Rs256 => jsonwebtoken::Algorithm::RS256,
            Self::Es256 => jsonwebtoken::Algorithm::ES256,
        }
    }

    fn encoding_key(self, pem: &str) -> Result<EncodingKey> {
        let key = match self {
            Self::Rs256 => EncodingKey::from_rsa_pem(pem.as_bytes()),
            Self::Es256 => EncodingKey::from_ec_pem(pem.as_bytes()),
        };
        key.map_err(|e| Error::Internal(anyhow::anyhow!("signing key {}: {e}", self.as_str())))
    }
}

fn internal(what: &str) -> Error {
    Error::Internal(anyhow::anyhow!("{what}"))
}

/// A new private key of `alg` as PKCS#8 PEM.
fn generate_pem(alg: Alg) -> Result<String> {
    let der = match alg {
        Alg::Rs256 => aws_lc_rs::rsa::KeyPair::generate(KeySize::Rsa2048)
            .and_then(|k| k.as_der())
            .map_err(|_| internal("cannot make an RSA key"))?
            .as_ref()
            .to_vec(),
        Alg::Es256 => EcdsaKeyPair::generate_pkcs8(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            &aws_lc_rs::rand::SystemRandom::new(),
        )
        .map_err(|_| internal("cannot make a P-256 key"))?
        .as_ref()
        .to_vec(),
    };
    Ok(pem::encode(&pem::Pem::new("PRIVATE KEY", der)))
}

/// A new key (made on a blocking thread: an RSA key takes tens of milliseconds of CPU).
async fn new_key(alg: Alg, generation: i64, now: i64, signs_from: i64) -> Result<KeyRow> {
    let private_pem = tokio::task::spawn_blocking(move || generate_pem(alg))
        .await
        .map_err(|e| internal(&format!("making a signing key: {e}")))??;
    Ok(KeyRow {
        kid: URL_SAFE_NO_PAD.encode(random_bytes::<12>()?),
        alg: alg.as_str().to_owned(),
        generation,
        private_pem,
        created_at: now,
        signs_from,
    })
}

/// At start-up: the first key of each algorithm, unless there is one (another replica may be
/// making it at the same moment: one of the two inserts wins); and the replaced keys whose
/// overlap has ended are deleted.
pub async fn ensure(db: &Db, now: i64) -> Result<()> {
    let mut conn = db.pool().acquire().await?;
    for alg in Alg::ALL {
        if repo::latest_generation(&mut conn, alg.as_str())
            .await?
            .is_none()
            && repo::insert_key(&mut conn, &new_key(alg, 1, now, now).await?).await?
        {
            tracing::info!(
                alg = alg.as_str(),
                "made the first OpenID Connect signing key"
            );
        }
    }
    prune(&mut conn, now).await
}

/// Deletes, per algorithm, the keys older than the one that signs, once the signer has signed
/// for [`LONGEST_SIGNED_LIFE`].
async fn prune(conn: &mut sqlx::AnyConnection, now: i64) -> Result<()> {
    let rows = repo::keys(conn).await?;
    for alg in Alg::ALL {
        if let Some(signer) = signer_of(&rows, alg, now)
            && signer.signs_from + ms(LONGEST_SIGNED_LIFE) <= now
        {
            repo::delete_older(conn, alg.as_str(), signer.generation).await?;
        }
    }
    Ok(())
}

/// The key of `alg` that signs now: the newest generation whose `signs_from` has passed.
fn signer_of(rows: &[KeyRow], alg: Alg, now: i64) -> Option<&KeyRow> {
    rows.iter()
        .filter(|k| k.alg == alg.as_str() && k.signs_from <= now)
        .max_by_key(|k| k.generation)
}

/// Whether a key is in the JWKS: until its successor has signed for [`LONGEST_SIGNED_LIFE`].
fn published(rows: &[KeyRow], key: &KeyRow, now: i64) -> bool {
    rows.iter()
        .find(|k| k.alg == key.alg && k.generation == key.generation + 1)
        .is_none_or(|next| next.signs_from + ms(LONGEST_SIGNED_LIFE) > now)
}

/// A rotation's result: the new key of each algorithm rotated.
#[derive(Debug, Clone, Serialize)]
pub struct Rotated {
    pub kid: String,
    pub alg: &'static str,
    pub signs_from: i64,
}

/// Adds a new generation for each of `algs`, published now and signing after `lead`.
pub async fn rotate(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    algs: &[Alg],
    lead: Duration,
) -> Result<Vec<Rotated>> {
    let ctx = ctx.admitted()?.context();
    let mut done = Vec::new();
    let mut tx = db.begin().await?;
    for alg in algs {
        let generation = repo::latest_generation(&mut tx, alg.as_str())
            .await?
            .unwrap_or(0)
            + 1;
        let key = new_key(*alg, generation, now, now + ms(lead)).await?;
        if !repo::insert_key(&mut tx, &key).await? {
            return Err(Error::Conflict(
                "another rotation of the signing keys is under way; try again".to_owned(),
            ));
        }
        let rotated = Rotated {
            kid: key.kid,
            alg: alg.as_str(),
            signs_from: key.signs_from,
        };
        let event = Event::general("signing_key.rotated").after(json!(rotated));
        audit::record(&mut tx, ctx, now, event).await?;
        done.push(rotated);
    }
    tx.commit().await?;
    Ok(done)
}

/// A key as listed (never its private part).
#[derive(Debug, Clone, Serialize)]
pub struct KeyInfo {
    pub kid: String,
    pub alg: String,
    pub generation: i64,
    pub created_at: i64,
    pub signs_from: i64,
    /// `signing`, `next` (published, not signing yet), `retiring` (replaced, still published).
    pub state: &'static str,
}

/// Every key still kept, with what it does now.
pub async fn list(db: &Db, now: i64) -> Result<Vec<KeyInfo>> {
    let mut conn = db.pool().acquire().await?;
    let rows = repo::keys(&mut conn).await?;
    Ok(rows
        .iter()
        .map(|k| {
            let signer = Alg::parse(&k.alg).and_then(|alg| signer_of(&rows, alg, now));
            let state = match signer {
                Some(s) if s.kid == k.kid => "signing",
                _ if k.signs_from > now => "next",
                _ => "retiring",
            };
            KeyInfo {
                kid: k.kid.clone(),
                alg: k.alg.clone(),
                generation: k.generation,
                created_at: k.created_at,
                signs_from: k.signs_from,
                state,
            }
        })
        .collect())
}

/// The JWKS (RFC 7517): the public half of every published key.
pub async fn jwks(db: &Db, now: i64) -> Result<serde_json::Value> {
    let mut conn = db.pool().acquire().await?;
    let rows = repo::keys(&mut conn).await?;
    let mut keys = Vec::new();
    for key in rows.iter().filter(|k| published(&rows, k, now)) {
        let Some(alg) = Alg::parse(&key.alg) else {
            continue;
        };
        let mut jwk = Jwk::from_encoding_key(&alg.encoding_key(&key.private_pem)?, alg.jwt())
            .map_err(|e| internal(&format!("the JWK of key {}: {e}", key.kid)))?;
        jwk.common.key_id = Some(key.kid.clone());
        jwk.common.public_key_use = Some(PublicKeyUse::Signature);
        keys.push(jwk);
    }
    Ok(json!({ "keys": keys }))
}

/// The claims of a JWT Roster signed with a key it still keeps, or none (a bad signature, an
/// unknown key, not a JWT). Expiry is not checked: an `id_token_hint` may have expired.
pub async fn verify(db: &Db, token: &str) -> Result<Option<serde_json::Value>> {
    let Some(kid) = jsonwebtoken::decode_header(token).ok().and_then(|h| h.kid) else {
        return Ok(None);
    };
    let mut conn = db.pool().acquire().await?;
    let rows = repo::keys(&mut conn).await?;
    let Some((key, alg)) = rows
        .iter()
        .find(|k| k.kid == kid)
        .and_then(|k| Alg::parse(&k.alg).map(|alg| (k, alg)))
    else {
        return Ok(None);
    };
    let jwk = Jwk::from_encoding_key(&alg.encoding_key(&key.private_pem)?, alg.jwt())
        .map_err(|e| internal(&format!("the JWK of key {}: {e}", key.kid)))?;
    let decoding = jsonwebtoken::DecodingKey::from_jwk(&jwk)
        .map_err(|e| internal(&format!("the public key of {}: {e}", key.kid)))?;
    let mut validation = jsonwebtoken::Validation::new(alg.jwt());
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_aud = false;
    Ok(
        jsonwebtoken::decode::<serde_json::Value>(token, &decoding, &validation)
            .ok()
            .map(|t| t.claims),
    )
}

/// Signs `claims` as a JWT with the key of `alg` that signs now (`typ` in the header when
/// given, as logout tokens need).
pub async fn sign<T: Serialize>(
    db: &Db,
    now: i64,
    alg: Alg,
    typ: Option<&str>,
    claims: &T,
) -> Result<String> {
    let mut conn = db.pool().acquire().await?;
    let rows = repo::keys(&mut conn).await?;
    let key = signer_of(&rows, alg, now).ok_or_else(|| internal("no signing key"))?;
    let mut header = Header::new(alg.jwt());
    header.kid = Some(key.kid.clone());
    if let Some(typ) = typ {
        header.typ = Some(typ.to_owned());
    }
    jsonwebtoken::encode(&header, claims, &alg.encoding_key(&key.private_pem)?)
        .map_err(|e| internal(&format!("signing with key {}: {e}", key.kid)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(alg: Alg, generation: i64, signs_from: i64) -> KeyRow {
        KeyRow {
            kid: format!("{}-{generation}", alg.as_str()),
            alg: alg.as_str().to_owned(),
            generation,
            private_pem: String::new(),
            created_at: 0,
            signs_from,
        }
    }

    #[test]
    fn a_rotated_key_is_published_before_it_signs_and_its_predecessor_after() {
        let hour = ms(LONGEST_SIGNED_LIFE);
        let rows = [key(Alg::Rs256, 1, 0), key(Alg::Rs256, 2, 1_000)];
        // Before the new key's lead time has passed, the old one signs; both are published.
        assert_eq!(signer_of(&rows, Alg::Rs256, 999).unwrap().generation, 1);
        assert!(rows.iter().all(|k| published(&rows, k, 999)));
        // Then the new one signs; the old one stays published for the longest signed life.
        assert_eq!(signer_of(&rows, Alg::Rs256, 1_000).unwrap().generation, 2);
        assert!(published(&rows, &rows[0], 1_000 + hour - 1));
        assert!(!published(&rows, &rows[0], 1_000 + hour));
        assert!(published(&rows, &rows[1], 1_000 + hour));
        // Another algorithm's keys are not this one's.
        assert!(signer_of(&rows, Alg::Es256, 5_000).is_none());
    }

    #[test]
    fn generated_keys_load_and_make_a_jwk() {
        for alg in Alg::ALL {
            let pem = generate_pem(alg).unwrap();
            let jwk = Jwk::from_encoding_key(&alg.encoding_key(&pem).unwrap(), alg.jwt()).unwrap();
            let text = serde_json::to_value(&jwk).unwrap();
            match alg {
                Alg::Rs256 => assert_eq!(text["kty"], "RSA", "{text}"),
                Alg::Es256 => assert_eq!(text["crv"], "P-256", "{text}"),
            }
            assert!(!pem.contains("RSA PRIVATE KEY"), "PKCS#8, not PKCS#1");
        }
    }
}
