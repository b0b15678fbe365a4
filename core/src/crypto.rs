//! Ids, one-time tokens and their hashes.
//!
//! Tokens (sessions, email links, admin tokens) are 256 random bits, handed out once and stored only
//! as their SHA-256: a database leak gives no usable token, and a lookup by hash is constant-time
//! with respect to the token's value.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// A new opaque id: a UUIDv7 (time-ordered, so ids also sort by creation). Its random bits come
/// from uuid's `fast-rng` (a thread-local CSPRNG seeded by the operating system), not a system call
/// per id: every plugin hook call takes one. Ids are not secrets; tokens come from
/// [`random_bytes`].
pub fn new_id() -> String {
    let mut buffer = uuid::Uuid::encode_buffer();
    uuid::Uuid::now_v7()
        .hyphenated()
        .encode_lower(&mut buffer)
        .to_owned()
}

/// `n` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Internal(anyhow::anyhow!("no randomness available: {e}")))?;
    Ok(bytes)
}

/// A fresh secret token: 32 random bytes, base64url (43 characters).
pub fn new_token() -> Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    // In one pass (`hex::encode` goes char by char): this runs on every authenticated request.
    base16ct::lower::encode_string(&Sha256::digest(token.as_bytes()))
}

/// A one-time backup code: 80 random bits as four groups of four base32 characters.
pub fn new_backup_code() -> Result<String> {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes = random_bytes::<10>()?;
    let mut bits: u128 = 0;
    for byte in bytes {
        bits = (bits << 8) | u128::from(byte);
    }
    let mut code = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            code.push('-');
        }
        let index = usize::try_from((bits >> (75 - 5 * i)) & 31).unwrap_or(0);
        code.push(char::from(ALPHABET[index]));
    }
    Ok(code)
}

/// A 6-digit one-time code, for a person to copy from an email.
pub fn new_digit_code() -> Result<String> {
    let n = u32::from_le_bytes(random_bytes::<4>()?);
    Ok(format!("{:06}", n % 1_000_000))
}

/// Backup codes are compared case-insensitively and without separators.
pub fn normalize_backup_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_distinct_and_hash_stably() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), hash_token(&b));
        assert_eq!(hash_token(&a).len(), 64);
    }

    #[test]
    fn backup_codes_have_four_groups() {
        let code = new_backup_code().unwrap();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3);
        assert_eq!(normalize_backup_code(&code.to_lowercase()).len(), 16);
        assert_ne!(code, new_backup_code().unwrap());
    }

    #[test]
    fn ids_sort_by_creation() {
        let first = new_id();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert!(new_id() > first);
    }
}
