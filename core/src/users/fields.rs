//! What Roster takes as a person's name part, a language tag and an email address, written once:
//! the limits, and the OpenAPI schema every request body gives such a field
//! (`#[schema(schema_with = fields::name)]`), so that the document says what the checks
//! ([`super::parse_name`], [`super::parse_language`], [`super::Email::parse`]) accept, for users,
//! contacts, accounts' billing addresses and invitations alike.

use utoipa::openapi::schema::{KnownFormat, SchemaType};
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaFormat, Type};

/// A name part (first or last name) is 1 to this many characters, trimmed.
pub const NAME_MAX_CHARS: usize = 100;
/// A time zone's name is at most this many characters (the longest IANA name has 32).
pub const TIME_ZONE_MAX_CHARS: usize = 64;
/// An email address is at most this many bytes (RFC 5321's path limit, less the brackets).
pub const EMAIL_MAX_BYTES: usize = 254;
/// A language tag is 2 to 35 bytes (RFC 5646's longest useful tag), parts of 1 to 8 letters or
/// digits joined by `-`.
pub const LANGUAGE_BYTES: std::ops::RangeInclusive<usize> = 2..=35;
const LANGUAGE_PATTERN: &str = "^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$";

/// `text` without its surrounding spaces, if it is at most `max` characters as sent. Every limit
/// counts what the request carried, spaces included, as the OpenAPI document's `maxLength` does:
/// a value a client checked against the document is one the server takes, and the other way
/// round (a name of 100 letters behind a space is 101 characters, and refused).
pub fn trimmed_within(text: &str, max: usize) -> Option<&str> {
    (text.chars().count() <= max).then(|| text.trim())
}

fn text(nullable: bool) -> ObjectBuilder {
    let kind = if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::new(Type::String)
    };
    ObjectBuilder::new().schema_type(kind)
}

fn name_schema(nullable: bool) -> Object {
    text(nullable)
        .min_length(Some(1))
        .max_length(Some(NAME_MAX_CHARS))
        .build()
}

fn language_schema(nullable: bool) -> Object {
    text(nullable)
        .description(Some("A language tag such as `en` or `pt-BR`."))
        .min_length(Some(*LANGUAGE_BYTES.start()))
        .max_length(Some(*LANGUAGE_BYTES.end()))
        .pattern(Some(LANGUAGE_PATTERN))
        .build()
}

fn email_schema(nullable: bool) -> Object {
    text(nullable)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
        .max_length(Some(EMAIL_MAX_BYTES))
        .build()
}

/// A required name part.
pub fn name() -> Object {
    name_schema(false)
}

/// A name part that may be left out (or `null`).
pub fn name_or_null() -> Object {
    name_schema(true)
}

/// A language tag that may be left out (or `null`).
pub fn language_or_null() -> Object {
    language_schema(true)
}

/// A time zone that may be left out (or `null`): at most [`TIME_ZONE_MAX_CHARS`], as
/// [`super::parse_time_zone`] takes it.
pub fn time_zone_or_null() -> Object {
    text(true)
        .description(Some(
            "The time zone pages show times in: an IANA name (`Europe/Berlin`, `UTC`), or `\"\"` \
             for the provider's (`ui.time_zone`).",
        ))
        .max_length(Some(TIME_ZONE_MAX_CHARS))
        .examples(["Europe/Berlin"])
        .build()
}

/// A required email address.
pub fn email() -> Object {
    email_schema(false)
}

/// An email address that may be left out (or `null`).
pub fn email_or_null() -> Object {
    email_schema(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::users::{Email, parse_language, parse_name};

    /// The schemas' limits are the checks' limits: each edge passes and one past it fails.
    #[test]
    fn the_checks_take_what_the_schemas_say() {
        let longest = "a".repeat(NAME_MAX_CHARS);
        assert!(parse_name("first_name", &longest).is_ok());
        assert!(parse_name("first_name", &format!("{longest}a")).is_err());
        assert!(parse_name("first_name", " ").is_err());
        assert_eq!(
            parse_name("first_name", &format!(" {}", &longest[1..])).unwrap(),
            longest[1..]
        );
        assert!(parse_name("first_name", &format!(" {longest}")).is_err());
        assert!(parse_name("first_name", &format!("{longest}\n")).is_err());

        let address = |last: usize| {
            let label = |c: &str| c.repeat(60);
            format!(
                "{}@{}.{}.{}.{}",
                "a".repeat(64),
                label("b"),
                label("c"),
                label("d"),
                "e".repeat(last)
            )
        };
        assert_eq!(address(6).len(), EMAIL_MAX_BYTES);
        assert!(Email::parse(&address(6)).is_ok());
        assert!(Email::parse(&address(7)).is_err());
        assert!(Email::parse(&format!(" {}", address(6))).is_err());

        let zone = format!("Europe/Berlin{}", " ".repeat(TIME_ZONE_MAX_CHARS - 13));
        assert_eq!(
            crate::users::parse_time_zone(&zone).unwrap(),
            "Europe/Berlin"
        );
        assert!(crate::users::parse_time_zone(&format!("{zone} ")).is_err());

        let tag = ["abcdefgh"; 4].join("-");
        assert_eq!(tag.len(), *LANGUAGE_BYTES.end());
        assert!(parse_language(&tag).is_ok());
        assert!(parse_language(&format!("{tag}-a")).is_err());
        assert!(parse_language("en").is_ok());
        assert!(parse_language("e").is_err());

        let schema = serde_json::to_value(name()).unwrap_or_default();
        assert_eq!(schema["maxLength"], NAME_MAX_CHARS);
        assert_eq!(schema["minLength"], 1);
        let schema = serde_json::to_value(time_zone_or_null()).unwrap_or_default();
        assert_eq!(schema["maxLength"], TIME_ZONE_MAX_CHARS);
        let schema = serde_json::to_value(language_or_null()).unwrap_or_default();
        assert_eq!(schema["type"], serde_json::json!(["string", "null"]));
        assert_eq!(schema["pattern"], LANGUAGE_PATTERN);
    }
}
