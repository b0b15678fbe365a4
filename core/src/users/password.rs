//! Password hashing (argon2id, on the blocking pool) and the password policy.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretString};

use super::legacy_password::{self, Scheme};
use crate::error::{Error, Result};
use crate::settings::{Argon2Settings, PasswordPolicy};

const COMMON_PASSWORDS: &str = include_str!("../../data/common-passwords.txt");

fn common_passwords() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// The outcome of checking a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    pub ok: bool,
    /// The stored hash was made with other parameters than today's: store a new one.
    pub needs_rehash: bool,
}

/// Hashes and checks passwords with the configured parameters. Cheap to clone.
#[derive(Clone)]
pub struct Passwords {
    inner: Arc<Inner>,
}

struct Inner {
    params: Argon2Settings,
    policy: PasswordPolicy,
    argon2: Argon2<'static>,
    /// Checked when the email is unknown, so that answers take as long as for a real user.
    dummy_hash: String,
}

impl std::fmt::Debug for Passwords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passwords")
            .field("params", &self.inner.params)
            .finish()
    }
}

impl Passwords {
    /// Builds the hasher (and its dummy hash: one argon2 run, at start-up).
    pub fn new(params: Argon2Settings, policy: PasswordPolicy) -> Result<Self> {
        let argon2 = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(
                params.memory_kib,
                params.iterations,
                params.parallelism,
                None,
            )
            .map_err(|e| Error::internal(format!("argon2 parameters: {e}")))?,
        );
        let dummy_hash = argon2
            .hash_password(b"roster-dummy-password-for-unknown-users")
            .map_err(|e| Error::internal(format!("argon2: {e}")))?
            .to_string();
        Ok(Self {
            inner: Arc::new(Inner {
                params,
                policy,
                argon2,
                dummy_hash,
            }),
        })
    }

    /// Refuses a password the policy does not allow, saying why. `personal` holds the user's own
    /// data (email, names) that the password must not be.
    pub fn check_policy(&self, password: &SecretString, personal: &[&str]) -> Result<()> {
        let policy = &self.inner.policy;
        let text = password.expose_secret();
        let length = text.chars().count();
        if length < policy.min_length {
            return Err(Error::WeakPassword(format!(
                "the password must be at least {} characters long",
                policy.min_length
            )));
        }
        if length > policy.max_length {
            return Err(Error::WeakPassword(format!(
                "the password must be at most {} characters long",
                policy.max_length
            )));
        }
        let lower = text.to_lowercase();
        if policy.reject_common && common_passwords().contains(&lower) {
            return Err(Error::WeakPassword(
                "this password is too common; choose another".to_owned(),
            ));
        }
        if personal
            .iter()
            .any(|p| !p.is_empty() && p.to_lowercase() == lower)
        {
            return Err(Error::WeakPassword(
                "the password must not be your email address or name".to_owned(),
            ));
        }
        Ok(())
    }

    /// A new argon2id hash (PHC string), computed on the blocking pool.
    pub async fn hash(&self, password: &SecretString) -> Result<String> {
        let inner = self.inner.clone();
        let password = password.clone();
        tokio::task::spawn_blocking(move || {
            inner
                .argon2
                .hash_password(password.expose_secret().as_bytes())
                .map(|h| h.to_string())
                .map_err(|e| Error::internal(format!("argon2: {e}")))
        })
        .await
        .map_err(|e| Error::internal(format!("hashing task: {e}")))?
    }

    /// Checks `password` against `hash`; with no hash (unknown user) or one that no password can
    /// match (an imported user without one) checks a dummy hash so that the answer takes as long,
    /// and reports failure. Hashes imported from WHMCS (bcrypt, salted MD5) are checked with their
    /// own algorithm and always need a rehash.
    pub async fn verify(
        &self,
        password: &SecretString,
        hash: Option<&str>,
    ) -> Result<Verification> {
        let inner = self.inner.clone();
        let password = password.clone();
        let hash = hash.map(str::to_owned);
        tokio::task::spawn_blocking(move || {
            let text = password.expose_secret();
            let check_argon2 =
                |hash: &str| inner.argon2.verify_password(text.as_bytes(), hash).is_ok();
            match hash.as_deref().map(Scheme::of) {
                Some(Scheme::Argon2) => {
                    let hash = hash.as_deref().unwrap_or_default();
                    let ok = check_argon2(hash);
                    Verification {
                        ok,
                        needs_rehash: ok && !inner.is_current(hash),
                    }
                }
                Some(Scheme::Bcrypt | Scheme::SaltedMd5) => {
                    let ok = legacy_password::verify(text, hash.as_deref().unwrap_or_default());
                    Verification {
                        ok,
                        needs_rehash: ok,
                    }
                }
                Some(Scheme::Unusable) | None => {
                    check_argon2(&inner.dummy_hash);
                    Verification {
                        ok: false,
                        needs_rehash: false,
                    }
                }
            }
        })
        .await
        .map_err(|e| Error::internal(format!("hashing task: {e}")))
    }
}

impl Inner {
    fn is_current(&self, hash: &str) -> bool {
        let Ok(parsed) = argon2::password_hash::phc::PasswordHash::new(hash) else {
            return false;
        };
        let Ok(params) = Params::try_from(&parsed) else {
            return false;
        };
        parsed.algorithm == Algorithm::Argon2id.ident()
            && params.m_cost() == self.params.memory_kib
            && params.t_cost() == self.params.iterations
            && params.p_cost() == self.params.parallelism
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> Argon2Settings {
        Argon2Settings {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn secret(s: &str) -> SecretString {
        SecretString::from(s)
    }

    #[tokio::test]
    async fn hashes_verify_and_detect_old_parameters() {
        let passwords = Passwords::new(cheap(), PasswordPolicy::default()).unwrap();
        let hash = passwords.hash(&secret("a long passphrase")).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        let ok = passwords
            .verify(&secret("a long passphrase"), Some(&hash))
            .await
            .unwrap();
        assert_eq!(
            ok,
            Verification {
                ok: true,
                needs_rehash: false
            }
        );
        let wrong = passwords
            .verify(&secret("another one!"), Some(&hash))
            .await
            .unwrap();
        assert!(!wrong.ok);

        let stronger = Passwords::new(
            Argon2Settings {
                memory_kib: 128,
                ..cheap()
            },
            PasswordPolicy::default(),
        )
        .unwrap();
        let old = stronger
            .verify(&secret("a long passphrase"), Some(&hash))
            .await
            .unwrap();
        assert_eq!(
            old,
            Verification {
                ok: true,
                needs_rehash: true
            }
        );
    }

    #[tokio::test]
    async fn unknown_users_never_verify() {
        let passwords = Passwords::new(cheap(), PasswordPolicy::default()).unwrap();
        let v = passwords
            .verify(&secret("roster-dummy-password-for-unknown-users"), None)
            .await
            .unwrap();
        assert!(!v.ok);
    }

    #[test]
    fn policy_refuses_short_common_and_personal_passwords() {
        let passwords = Passwords::new(cheap(), PasswordPolicy::default()).unwrap();
        let check = |p: &str| passwords.check_policy(&secret(p), &["ada@example.com", "Lovelace"]);
        assert!(
            check("short")
                .unwrap_err()
                .to_string()
                .contains("at least 10")
        );
        assert!(
            check("Password123")
                .unwrap_err()
                .to_string()
                .contains("too common")
        );
        assert!(
            check("ADA@example.com")
                .unwrap_err()
                .to_string()
                .contains("email address or name")
        );
        assert!(
            check(&"x".repeat(300))
                .unwrap_err()
                .to_string()
                .contains("at most 256")
        );
        assert!(check("correct horse battery").is_ok());
    }
}
