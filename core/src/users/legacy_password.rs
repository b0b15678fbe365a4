//! Password hashes brought over from WHMCS (the import), checked at login until the user's first
//! successful login replaces them with argon2id:
//! - bcrypt (`$2y$`, `$2a$`, `$2b$`), WHMCS 6.3 and later: stored as it was;
//! - salted MD5 of WHMCS 4.2–6.2, `md5hex(salt . password):salt`: stored as `$whmcs-md5$` and the
//!   original text, so that no other hash can be mistaken for it.
//!
//! Anything else (the reversible encryption of very old installs, bare MD5, an empty value) cannot be
//! checked: the user is imported without a password and sets one through a reset link.

use md5::{Digest, Md5};
use subtle::ConstantTimeEq;

const SALTED_MD5: &str = "$whmcs-md5$";

/// How a stored hash is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Argon2,
    Bcrypt,
    SaltedMd5,
    /// No password can match (none was set, or the old one could not be brought over).
    Unusable,
}

impl Scheme {
    pub fn of(stored: &str) -> Self {
        if stored.starts_with("$argon2") {
            Self::Argon2
        } else if is_bcrypt(stored) {
            Self::Bcrypt
        } else if stored.starts_with(SALTED_MD5) {
            Self::SaltedMd5
        } else {
            Self::Unusable
        }
    }
}

fn is_bcrypt(text: &str) -> bool {
    ["$2y$", "$2a$", "$2b$"].iter().any(|p| text.starts_with(p)) && text.len() == 60
}

/// What Roster stores for a WHMCS password column, or `None` when it cannot be checked.
pub fn import(whmcs: &str) -> Option<String> {
    let text = whmcs.trim();
    if is_bcrypt(text) {
        return Some(text.to_owned());
    }
    let (hex, salt) = text.split_once(':')?;
    let salted_md5 = hex.len() == 32
        && hex.chars().all(|c| c.is_ascii_hexdigit())
        && !salt.is_empty()
        && salt.len() <= 64;
    salted_md5.then(|| format!("{SALTED_MD5}{}:{salt}", hex.to_ascii_lowercase()))
}

/// Checks `password` against a bcrypt or salted-MD5 hash (CPU work: call it on the blocking pool).
pub fn verify(password: &str, stored: &str) -> bool {
    match Scheme::of(stored) {
        // PHP's `$2y$` is the same algorithm as `$2b$`; the crate reads all three prefixes.
        Scheme::Bcrypt => bcrypt::verify(password, stored).unwrap_or(false),
        Scheme::SaltedMd5 => {
            let Some((hex, salt)) = stored
                .strip_prefix(SALTED_MD5)
                .and_then(|rest| rest.split_once(':'))
            else {
                return false;
            };
            let mut md5 = Md5::new();
            md5.update(salt.as_bytes());
            md5.update(password.as_bytes());
            let computed = hex::encode(md5.finalize());
            computed.as_bytes().ct_eq(hex.as_bytes()).into()
        }
        Scheme::Argon2 | Scheme::Unusable => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcrypt_from_php_is_kept_and_checked() {
        // PHP: password_hash("correct horse", PASSWORD_BCRYPT) with cost 4, then `$2b$` → `$2y$`.
        let made = bcrypt::hash("correct horse", 4).unwrap();
        let php = made.replacen("$2b$", "$2y$", 1);
        let stored = import(&php).unwrap();
        assert_eq!(stored, php);
        assert_eq!(Scheme::of(&stored), Scheme::Bcrypt);
        assert!(verify("correct horse", &stored));
        assert!(!verify("correct horsE", &stored));
    }

    #[test]
    fn salted_md5_is_tagged_and_checked() {
        // md5("ab$:c" . "secret99")
        let mut md5 = Md5::new();
        md5.update(b"ab$:csecret99");
        let whmcs = format!("{}:ab$:c", hex::encode(md5.finalize()).to_uppercase());
        let stored = import(&whmcs).unwrap();
        assert!(stored.starts_with("$whmcs-md5$"));
        assert_eq!(Scheme::of(&stored), Scheme::SaltedMd5);
        assert!(verify("secret99", &stored));
        assert!(!verify("secret98", &stored));
    }

    #[test]
    fn what_cannot_be_checked_is_not_imported() {
        for unusable in [
            "",
            "   ",
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "aGVsbG8gd29ybGQ=",
            "$2y$10$short",
            "zz4dcc3b5aa765d61d8327deb882cf99:abcde",
        ] {
            assert_eq!(import(unusable), None, "{unusable:?}");
        }
        assert_eq!(Scheme::of(""), Scheme::Unusable);
        assert!(!verify("", ""));
    }
}
