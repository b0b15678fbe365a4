//! The authenticator's model: the AAGUID in a new passkey's authenticator data (read with a CBOR
//! library from the attestation object, which `webauthn-rs` does not hand back when attestation
//! is `none`), and a name for the well-known ones. It is what the authenticator says of itself,
//! never verified (no attestation is asked for): shown to help a person tell their passkeys
//! apart, never used to decide anything.

use webauthn_rs::prelude::{RegisterPublicKeyCredential, Uuid};

/// The AAGUID of the answer's authenticator, when it gave one (browsers may zero it).
pub(super) fn of_answer(answer: &RegisterPublicKeyCredential) -> Option<String> {
    let object: &[u8] = answer.response.attestation_object.as_ref();
    of_attestation_object(object)
}

fn of_attestation_object(object: &[u8]) -> Option<String> {
    let value: ciborium::Value = ciborium::from_reader(object).ok()?;
    let (_, data) = value
        .as_map()?
        .iter()
        .find(|(key, _)| key.as_text() == Some("authData"))?;
    let data = data.as_bytes()?;
    // The RP id's hash (32 bytes), the flags (1), the counter (4), then with the AT flag the
    // attested credential data, which starts with the AAGUID (16).
    let flags = *data.get(32)?;
    if flags & 0x40 == 0 {
        return None;
    }
    let aaguid = data.get(37..53)?;
    if aaguid.iter().all(|b| *b == 0) {
        return None;
    }
    Uuid::from_slice(aaguid).ok().map(|u| u.to_string())
}

/// A name for a well-known authenticator model (from the passkey providers' public list,
/// github.com/passkeydeveloper/passkey-authenticator-aaguids); `None` for any other.
pub fn model(aaguid: &str) -> Option<&'static str> {
    Some(match aaguid {
        "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4" => "Google Password Manager",
        "adce0002-35bc-c60a-648b-0b25f1f05503" => "Chrome on Mac",
        "b5397666-4885-aa6b-cebf-e52262a439a2" => "Chromium browser",
        "771b48fd-d3d4-4f74-9232-fc157ab0507a" => "Edge on Mac",
        "fbfc3007-154e-4ecc-8c0b-6e020557d7bd" | "dd4ec289-e01d-41c9-bb89-70fa845d4bf2" => {
            "iCloud Keychain"
        }
        "08987058-cadc-4b81-b6e1-30de50dcbe96"
        | "9ddd1817-af5a-4672-a2b9-3e3dd95000a9"
        | "6028b017-b1d4-4c02-b4b3-afcdafc96bb2" => "Windows Hello",
        "bada5566-a7aa-401f-bd96-45619a55120d" => "1Password",
        "d548826e-79b4-db40-a3d8-11116f7e8349" => "Bitwarden",
        "531126d6-e717-415c-9320-3d9aa6981239" => "Dashlane",
        "b84e4048-15dc-4dd0-8640-f4f60813c8af" => "NordPass",
        "0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6" => "Keeper",
        "53414d53-554e-4700-0000-000000000000" => "Samsung Pass",
        "cb69481e-8ff7-4039-93ec-0a2729a154a8"
        | "ee882879-721c-4913-9775-3dfcce97072a"
        | "fa2b99dc-9e39-4257-8f92-4a30d23c4118"
        | "2fc0579f-8113-47ea-b116-bb5a8db9202a" => "YubiKey 5",
        "a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa" => "Security Key by Yubico",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attestation object (`fmt: none`) around authenticator data with the AT flag and `aaguid`.
    fn object(flags: u8, aaguid: [u8; 16]) -> Vec<u8> {
        let mut data = vec![0u8; 32];
        data.push(flags);
        data.extend_from_slice(&[0, 0, 0, 1]);
        data.extend_from_slice(&aaguid);
        data.extend_from_slice(&[0, 2, 9, 9]);
        let value = ciborium::Value::Map(vec![
            (
                ciborium::Value::Text("fmt".into()),
                ciborium::Value::Text("none".into()),
            ),
            (
                ciborium::Value::Text("authData".into()),
                ciborium::Value::Bytes(data),
            ),
        ]);
        let mut bytes = Vec::new();
        ciborium::into_writer(&value, &mut bytes).unwrap();
        bytes
    }

    #[test]
    fn the_aaguid_is_read_from_the_authenticator_data() {
        let google = Uuid::parse_str("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4").unwrap();
        let found = of_attestation_object(&object(0x45, *google.as_bytes())).unwrap();
        assert_eq!(found, "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
        assert_eq!(model(&found), Some("Google Password Manager"));
    }

    #[test]
    fn a_zeroed_or_missing_aaguid_is_none() {
        assert_eq!(of_attestation_object(&object(0x45, [0; 16])), None);
        assert_eq!(of_attestation_object(&object(0x05, [7; 16])), None);
        assert_eq!(of_attestation_object(b"not cbor"), None);
        assert_eq!(model("00000000-0000-0000-0000-000000000001"), None);
    }
}
