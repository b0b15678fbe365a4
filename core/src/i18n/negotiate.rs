//! Which language a request is answered in: the signed-in person's own, else the one the picker
//! remembered in a cookie, else the browser's `Accept-Language`, else `ui.default_language`.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::{Messages, PSEUDO, SHIPPED};

/// The cookie the public pages' language picker sets (a year; not a secret).
pub const LANGUAGE_COOKIE: &str = "roster_lang";

/// WHMCS's language names (its `language` column and API values), as Roster's tags.
const WHMCS_NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("german", "de"),
    ("french", "fr"),
    ("spanish", "es"),
    ("portuguese-br", "pt-BR"),
    ("portuguese-pt", "pt-BR"),
    ("dutch", "nl"),
    ("italian", "it"),
];

/// A stored or given language as a tag Roster has messages for: a tag in any case or with `_`
/// (`de`, `DE-at`, `pt_br`), or a WHMCS language name (`german`, `portuguese-br`). None for
/// anything else (an empty profile, a language Roster does not ship).
pub fn from_profile(value: &str) -> Option<&'static str> {
    let value = value.trim().replace('_', "-").to_lowercase();
    if value.is_empty() {
        return None;
    }
    if value == PSEUDO.to_lowercase() {
        return Some(PSEUDO);
    }
    if let Some((_, tag)) = WHMCS_NAMES.iter().find(|(name, _)| *name == value) {
        return Some(tag);
    }
    let available: Vec<LanguageIdentifier> = SHIPPED
        .iter()
        .filter_map(|(tag, _)| tag.parse().ok())
        .collect();
    let requested: LanguageIdentifier = value.parse().ok()?;
    let found = negotiate_languages(&[requested], &available, None, NegotiationStrategy::Lookup);
    let found = found.first()?.to_string();
    SHIPPED
        .iter()
        .find(|(tag, _)| *tag == found)
        .map(|(tag, _)| *tag)
}

/// The language a person reads mail and pages in when no request says more: their profile's
/// (`language`, a tag or a WHMCS name), else `default` (`ui.default_language`).
pub fn for_person(profile: &str, default: &str) -> &'static str {
    from_profile(profile)
        .or_else(|| from_profile(default))
        .unwrap_or(super::FALLBACK)
}

/// The language of a request (see the module's text). `default` is `ui.default_language`.
pub fn choose(
    messages: &Messages,
    user: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
    default: &str,
) -> &'static str {
    let usable = |tag: Option<&'static str>| tag.filter(|t| messages.has(t));
    if let Some(tag) = usable(user.and_then(from_profile)) {
        return tag;
    }
    if let Some(tag) = usable(cookie.and_then(from_profile)) {
        return tag;
    }
    if let Some(header) = accept_language {
        let requested = fluent_langneg::accepted_languages::parse(header);
        let available: Vec<LanguageIdentifier> = SHIPPED
            .iter()
            .filter_map(|(tag, _)| tag.parse().ok())
            .collect();
        let found =
            negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
        if let Some(first) = found.first() {
            let first = first.to_string();
            if let Some((tag, _)) = SHIPPED.iter().find(|(tag, _)| *tag == first) {
                return tag;
            }
        }
    }
    from_profile(default).unwrap_or(super::FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_take_tags_in_any_case_and_whmcs_names() {
        assert_eq!(from_profile("de"), Some("de"));
        assert_eq!(from_profile("DE-at"), Some("de"));
        assert_eq!(from_profile("pt_br"), Some("pt-BR"));
        assert_eq!(from_profile("german"), Some("de"));
        assert_eq!(from_profile("portuguese-br"), Some("pt-BR"));
        assert_eq!(from_profile("en-XA"), Some(PSEUDO));
        assert_eq!(from_profile("klingon"), None);
        assert_eq!(from_profile(""), None);
    }

    #[test]
    fn the_user_then_the_cookie_then_the_browser_then_the_default() {
        let messages = Messages::shipped().unwrap();
        let choose = |user, cookie, accept| choose(&messages, user, cookie, accept, "en");
        assert_eq!(choose(Some("nl"), Some("fr"), Some("de")), "nl");
        assert_eq!(choose(None, Some("fr"), Some("de")), "fr");
        assert_eq!(choose(Some("klingon"), None, Some("de-CH, fr;q=0.5")), "de");
        assert_eq!(choose(None, None, Some("ja, fr;q=0.4")), "fr");
        assert_eq!(choose(None, None, Some("pt")), "pt-BR");
        assert_eq!(choose(None, None, Some("ja")), "en");
        assert_eq!(choose(None, None, None), "en");
        assert_eq!(super::choose(&messages, None, None, None, "it"), "it");
    }
}
