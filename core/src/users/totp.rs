//! Time-based one-time passwords (RFC 6238, via totp-rs) and backup codes.

use totp_rs::{Builder, Secret, Totp};

use crate::error::{Error, Result};

/// A TOTP for `secret_base32`, labelled with the user's email and the configured issuer.
///
/// Secrets Roster makes are 160 bits. Secrets imported from WHMCS may be 80 bits (what its
/// authenticator module and most apps of its time made): RFC 4226 recommends 160 and requires 128,
/// and totp-rs refuses less, so those are built without that check (digits, step and algorithm stay
/// the defaults every authenticator app uses). Anything shorter than 80 bits is never imported.
pub fn totp(secret_base32: &str, email: &str, issuer: &str) -> Result<Totp> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| Error::internal(format!("stored TOTP secret: {e:?}")))?;
    let short = AsRef::<[u8]>::as_ref(&secret).len() < 16;
    let builder = Builder::new()
        .with_secret(secret)
        .with_account_name(email)
        .with_issuer(Some(issuer));
    if short {
        return Ok(builder.build_noncompliant());
    }
    builder
        .build()
        .map_err(|e| Error::internal(format!("TOTP: {e:?}")))
}

/// The shortest secret accepted from another system, in bytes.
pub const SHORTEST_IMPORTED_SECRET: usize = 10;

/// A fresh secret, base32.
pub fn new_secret() -> Result<String> {
    let bytes = crate::crypto::random_bytes::<20>()?;
    Ok(Secret::from(bytes).to_base32())
}

/// The time step a code is valid for (±1 step of clock drift), or `None`.
pub fn matching_step(totp: &Totp, code: &str, now_secs: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    totp.check(&code, now_secs)
        .and_then(|step| i64::try_from(step).ok())
}

/// The time step `code` matches for `secret_base32`, computed on the blocking pool (HMACs and
/// the secret's decoding are CPU work, like argon2).
pub async fn check(secret_base32: &str, code: &str, now_secs: u64) -> Result<Option<i64>> {
    let (secret, code) = (secret_base32.to_owned(), code.to_owned());
    tokio::task::spawn_blocking(move || {
        let totp = totp(&secret, "", "Roster")?;
        Ok(matching_step(&totp, &code, now_secs))
    })
    .await
    .map_err(|e| Error::internal(format!("TOTP task: {e}")))?
}

/// A new secret and what enrolment shows for it (the QR code is rendered on the blocking pool).
pub async fn start_enrolment(email: &str, issuer: &str) -> Result<(String, Enrolment)> {
    let (email, issuer) = (email.to_owned(), issuer.to_owned());
    tokio::task::spawn_blocking(move || {
        let secret = new_secret()?;
        let generator = totp(&secret, &email, &issuer)?;
        Ok((secret, enrolment(&generator)?))
    })
    .await
    .map_err(|e| Error::internal(format!("TOTP task: {e}")))?
}

/// What enrolment shows the user once: the secret, the `otpauth://` URI and a QR code of it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Enrolment {
    /// Base32 secret, for typing into an authenticator app.
    pub secret: String,
    pub otpauth_uri: String,
    /// A PNG of the QR code, as a `data:image/png;base64,…` URL.
    pub qr_png: String,
}

pub fn enrolment(totp: &Totp) -> Result<Enrolment> {
    let uri = totp
        .to_url()
        .map_err(|e| Error::internal(format!("TOTP URI: {e:?}")))?;
    let qr = totp
        .to_qr_base64()
        .map_err(|e| Error::internal(format!("TOTP QR: {e:?}")))?;
    Ok(Enrolment {
        secret: totp.secret().to_base32(),
        otpauth_uri: uri,
        qr_png: format!("data:image/png;base64,{qr}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_only() {
        let secret = new_secret().unwrap();
        let totp = totp(&secret, "ada@example.com", "Roster").unwrap();
        let now = 1_800_000_000;
        let code = totp.generate(now).to_string();
        assert_eq!(matching_step(&totp, &code, now), Some(60_000_000));
        assert_eq!(
            matching_step(&totp, &format!("{} {}", &code[..3], &code[3..]), now),
            Some(60_000_000)
        );
        assert_eq!(matching_step(&totp, &code, now + 3600), None);
        assert_eq!(matching_step(&totp, "12345", now), None);
        assert_eq!(matching_step(&totp, "abcdef", now), None);
    }

    #[test]
    fn enrolment_has_uri_and_qr() {
        let totp = totp(&new_secret().unwrap(), "ada@example.com", "Roster").unwrap();
        let e = enrolment(&totp).unwrap();
        assert!(
            e.otpauth_uri
                .starts_with("otpauth://totp/Roster:ada%40example.com?"),
            "{}",
            e.otpauth_uri
        );
        assert!(e.qr_png.starts_with("data:image/png;base64,"));
    }
}
