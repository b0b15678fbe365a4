//! The rules that turn WHMCS values into Roster's, each one reported when it changes something
//! (docs/whmcs-import.md lists them).

use base64::Engine;

use crate::permissions::Catalog;
use crate::users::Email;
use crate::users::totp::SHORTEST_IMPORTED_SECRET;

/// A name part: WHMCS allows empty ones (clients added through its API with `skipvalidation`),
/// Roster needs 1–100 characters. An empty first name becomes the email address's local part, an
/// empty last name a dash; a longer one is cut at 100 characters.
pub fn name(field: &str, value: &str, email: &str, notes: &mut Vec<String>) -> String {
    let cleaned: String = value.chars().filter(|c| !c.is_control()).collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        let filled = if field == "first name" {
            email
                .split('@')
                .next()
                .filter(|p| !p.trim().is_empty())
                .unwrap_or("-")
                .chars()
                .take(100)
                .collect()
        } else {
            "-".to_owned()
        };
        notes.push(format!("empty {field} imported as `{filled}`"));
        return filled;
    }
    if trimmed.chars().count() > 100 {
        notes.push(format!("{field} cut to 100 characters"));
        return trimmed.chars().take(100).collect();
    }
    trimmed.to_owned()
}

/// An optional text field of at most `max` characters: empty is none, control characters go, a
/// longer value is cut (and reported).
pub fn text(field: &str, value: &str, max: usize, notes: &mut Vec<String>) -> Option<String> {
    let cleaned: String = value.chars().filter(|c| !c.is_control()).collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() > max {
        notes.push(format!("{field} cut to {max} characters"));
        return Some(trimmed.chars().take(max).collect());
    }
    Some(trimmed.to_owned())
}

/// A country: ISO 3166-1 alpha-2, upper-cased; anything else is left out (and reported).
pub fn country(value: &str, notes: &mut Vec<String>) -> Option<String> {
    let upper = value.trim().to_ascii_uppercase();
    if upper.is_empty() {
        return None;
    }
    if upper.len() == 2 && upper.chars().all(|c| c.is_ascii_uppercase()) {
        Some(upper)
    } else {
        notes.push(format!("country `{value}` is not an ISO code: left out"));
        None
    }
}

/// A valid email address, or why not.
pub fn email(value: &str) -> Result<Email, String> {
    Email::parse(value).map_err(|_| format!("`{value}` is not a valid email address"))
}

/// WHMCS's language names (its language files) as language tags. An empty language is the
/// default (`en`); an unknown one too, and it is reported.
pub fn language(value: &str, notes: &mut Vec<String>) -> String {
    const NAMES: [(&str, &str); 26] = [
        ("arabic", "ar"),
        ("azerbaijani", "az"),
        ("catalan", "ca"),
        ("chinese", "zh"),
        ("croatian", "hr"),
        ("czech", "cs"),
        ("danish", "da"),
        ("dutch", "nl"),
        ("english", "en"),
        ("estonian", "et"),
        ("farsi", "fa"),
        ("french", "fr"),
        ("german", "de"),
        ("hebrew", "he"),
        ("hungarian", "hu"),
        ("italian", "it"),
        ("macedonian", "mk"),
        ("norwegian", "no"),
        ("portuguese-br", "pt-BR"),
        ("portuguese-pt", "pt-PT"),
        ("romanian", "ro"),
        ("russian", "ru"),
        ("spanish", "es"),
        ("swedish", "sv"),
        ("turkish", "tr"),
        ("ukranian", "uk"),
    ];
    let lower = value.trim().to_lowercase();
    if lower.is_empty() {
        return "en".to_owned();
    }
    if let Some((_, tag)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return (*tag).to_owned();
    }
    if crate::users::parse_language(value.trim()).is_ok() && lower.len() <= 5 {
        return value.trim().to_owned();
    }
    notes.push(format!("language `{value}` is unknown: imported as `en`"));
    "en".to_owned()
}

/// A WHMCS permission list (a comma list; a JSON array is accepted too) as catalog keys, in
/// catalog order. Unknown keys are dropped and reported.
pub fn permissions(value: &str, catalog: &Catalog, notes: &mut Vec<String>) -> Vec<String> {
    let trimmed = value.trim();
    let listed: Vec<String> = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed).unwrap_or_default()
    } else {
        trimmed
            .split(',')
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty())
            .collect()
    };
    let unknown: Vec<&String> = listed.iter().filter(|k| !catalog.contains(k)).collect();
    if !unknown.is_empty() {
        let keys: Vec<String> = unknown.iter().map(|k| format!("`{k}`")).collect();
        notes.push(format!("unknown permission {} dropped", keys.join(", ")));
    }
    catalog
        .all_keys()
        .into_iter()
        .filter(|k| listed.contains(k))
        .collect()
}

/// What became of a login's second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactor {
    None,
    /// A TOTP secret, base32, that keeps working with the user's authenticator app.
    Totp(String),
    /// Something was set up but cannot be carried over: the user sets it up again.
    Reenrol(String),
}

/// Reads the second factor of a login: the module name (`totp`) and its data. Public material does
/// not settle how WHMCS serialises that data, so every form seen is accepted: a PHP-serialised or
/// JSON array with `secret` (base32, WHMCS 8's module), `tokendata` (base64 of a PHP-serialised
/// array with a hex `tokenkey`, the older module), or the bare base32 secret.
pub fn second_factor(module: &str, data: &str) -> SecondFactor {
    let module = module.trim().to_lowercase();
    if module.is_empty() {
        return SecondFactor::None;
    }
    if module != "totp" {
        return SecondFactor::Reenrol(format!("second factor `{module}` cannot be carried over"));
    }
    match totp_secret(data.trim()) {
        Some(secret) => SecondFactor::Totp(secret),
        None => SecondFactor::Reenrol("the TOTP secret does not decode".to_owned()),
    }
}

fn totp_secret(data: &str) -> Option<String> {
    if let Some(secret) = php_string(data, "secret").or_else(|| json_string(data, "secret")) {
        return base32(&secret);
    }
    let tokendata = php_string(data, "tokendata").or_else(|| json_string(data, "tokendata"));
    if let Some(tokendata) = tokendata {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(tokendata.trim())
            .ok()?;
        let inner = String::from_utf8(decoded).ok()?;
        let key = php_string(&inner, "tokenkey")?;
        let bytes = hex::decode(key.trim()).ok()?;
        return (bytes.len() >= SHORTEST_IMPORTED_SECRET)
            .then(|| totp_rs::Secret::from(bytes).to_base32());
    }
    base32(data)
}

/// A base32 secret, normalised (upper case, no spaces or padding), if it decodes to enough bits.
fn base32(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .collect::<String>()
        .to_uppercase();
    if cleaned.is_empty() {
        return None;
    }
    let secret = totp_rs::Secret::try_from_base32(&cleaned).ok()?;
    (AsRef::<[u8]>::as_ref(&secret).len() >= SHORTEST_IMPORTED_SECRET).then_some(cleaned)
}

/// The string value of `key` in a PHP-serialised array: `s:3:"key";s:N:"value";`.
fn php_string(data: &str, key: &str) -> Option<String> {
    let marker = format!("s:{}:\"{key}\";s:", key.len());
    let rest = &data[data.find(&marker)? + marker.len()..];
    let (length, rest) = rest.split_once(':')?;
    let length: usize = length.parse().ok()?;
    let value = rest.strip_prefix('"')?.get(..length)?;
    Some(value.to_owned())
}

fn json_string(data: &str, key: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(data).ok()?;
    value.get(key)?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "JBSWY3DPEHPK3PXP";

    #[test]
    fn second_factors_in_every_known_form() {
        let php = format!("a:1:{{s:6:\"secret\";s:16:\"{SECRET}\";}}");
        assert_eq!(
            second_factor("totp", &php),
            SecondFactor::Totp(SECRET.into())
        );
        let json = format!("{{\"secret\":\"{}\"}}", SECRET.to_lowercase());
        assert_eq!(
            second_factor("TOTP", &json),
            SecondFactor::Totp(SECRET.into())
        );
        // ga4php: base64 of a PHP-serialised array with the secret in hex.
        let key = hex::encode_upper(b"Hello!\xde\xad\xbe\xef");
        let inner = format!(
            "a:2:{{s:8:\"tokenkey\";s:{}:\"{key}\";s:9:\"tokentype\";s:4:\"TOTP\";}}",
            key.len()
        );
        let tokendata = base64::engine::general_purpose::STANDARD.encode(inner);
        let outer = format!(
            "a:1:{{s:9:\"tokendata\";s:{}:\"{tokendata}\";}}",
            tokendata.len()
        );
        assert_eq!(
            second_factor("totp", &outer),
            SecondFactor::Totp(SECRET.into())
        );
        assert_eq!(
            second_factor("totp", SECRET),
            SecondFactor::Totp(SECRET.into())
        );
        assert_eq!(second_factor("", "junk"), SecondFactor::None);
        assert!(matches!(
            second_factor("totp", "a:1:{s:6:\"secret\";s:4:\"!!!!\";}"),
            SecondFactor::Reenrol(_)
        ));
        assert!(matches!(
            second_factor("totp", "ABC"),
            SecondFactor::Reenrol(_)
        ));
        assert!(matches!(
            second_factor("duosecurity", ""),
            SecondFactor::Reenrol(_)
        ));
    }

    #[test]
    fn names_languages_and_permissions() {
        let mut notes = Vec::new();
        assert_eq!(
            name("first name", " ", "ada@example.com", &mut notes),
            "ada"
        );
        assert_eq!(name("last name", "", "ada@example.com", &mut notes), "-");
        assert_eq!(
            name("last name", "Lovelace", "a@b.c", &mut notes),
            "Lovelace"
        );
        assert_eq!(notes.len(), 2);
        assert_eq!(language("German", &mut notes), "de");
        assert_eq!(language("", &mut notes), "en");
        assert_eq!(language("klingon", &mut notes), "en");
        assert_eq!(notes.len(), 3);
        let catalog = Catalog::default();
        let keys = permissions("invoices, profile,bogus", &catalog, &mut notes);
        assert_eq!(keys, ["profile", "invoices"]);
        assert!(notes.last().unwrap().contains("`bogus`"));
        let keys = permissions("[\"tickets\"]", &catalog, &mut notes);
        assert_eq!(keys, ["tickets"]);
        assert_eq!(country("gb", &mut notes).as_deref(), Some("GB"));
        assert_eq!(country("Germany", &mut notes), None);
    }
}
