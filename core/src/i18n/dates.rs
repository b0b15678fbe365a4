//! Dates and times as a person reads them: in their time zone (an IANA name: the user's
//! `time_zone`, else `ui.time_zone`), in the order their language writes them. The zone database
//! is built into the binary (`jiff`'s bundled tzdb), so every machine names the same zones.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// How each language writes a date and a time (strftime; `%Z` is the zone's abbreviation, or its
/// offset where the zone has none).
fn pattern(lang: &str) -> &'static str {
    match lang {
        "de" => "%d.%m.%Y, %H:%M %Z",
        "fr" | "es" | "pt-BR" | "it" => "%d/%m/%Y %H:%M %Z",
        "nl" => "%d-%m-%Y %H:%M %Z",
        // English (and the pseudo-locale): the unambiguous ISO order, which reads the same in
        // every English-speaking country.
        _ => "%Y-%m-%d %H:%M %Z",
    }
}

/// Whether `name` is a time zone Roster knows (`Europe/Berlin`, `UTC`).
pub fn is_time_zone(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && TimeZone::get(name).is_ok()
}

/// `ms` (unix milliseconds) in time zone `zone` (UTC for a name Roster does not know), written the
/// way language `lang` writes dates; empty for a time out of range.
pub fn datetime(lang: &str, zone: &str, ms: i64) -> String {
    let Ok(at) = Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let zone = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    at.to_zoned_datetime(zone)
        .strftime(pattern(lang))
        .to_string()
}

/// The time of day of `ms` in `zone`, with the zone (`16:35 UTC`, `17:35 CET`): the same in every
/// shipped language.
pub fn time_of_day(zone: &str, ms: i64) -> String {
    let Ok(at) = Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let zone = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    at.to_zoned_datetime(zone).strftime("%H:%M %Z").to_string()
}

/// The time zones a person chooses from, sorted: `UTC` and every `Area/Place` name (the `Etc/`
/// aliases and the old unprefixed ones left out).
pub fn zones() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
        .collect();
    names.push("UTC".to_owned());
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-07 16:35:00 UTC.
    const AT: i64 = 1_796_661_300_000;

    #[test]
    fn each_language_writes_the_time_in_the_readers_zone() {
        assert_eq!(datetime("en", "UTC", AT), "2026-12-07 16:35 UTC");
        assert_eq!(time_of_day("Europe/Berlin", AT), "17:35 CET");
        assert_eq!(datetime("de", "Europe/Berlin", AT), "07.12.2026, 17:35 CET");
        assert_eq!(datetime("fr", "Europe/Paris", AT), "07/12/2026 17:35 CET");
        assert_eq!(
            datetime("pt-BR", "America/Sao_Paulo", AT),
            "07/12/2026 13:35 -03"
        );
        assert_eq!(
            datetime("nl", "Europe/Amsterdam", AT),
            "07-12-2026 17:35 CET"
        );
        // A zone Roster does not know: UTC.
        assert_eq!(datetime("en", "Mars/Olympus", AT), "2026-12-07 16:35 UTC");
        assert_eq!(datetime("en", "UTC", i64::MAX), "");
    }

    #[test]
    fn zones_are_the_iana_names() {
        let zones = zones();
        assert!(zones.len() > 300, "{}", zones.len());
        for name in ["Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "UTC"] {
            assert!(zones.iter().any(|z| z == name), "{name}");
            assert!(is_time_zone(name));
        }
        assert!(!is_time_zone("Mars/Olympus"));
        assert!(!is_time_zone(""));
    }
}
