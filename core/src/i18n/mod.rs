//! Every word a person reads, in their language (issue 27; docs/architecture.md, "Languages"):
//! Project Fluent message files built into the binary (`core/locales/<tag>/*.ftl`), one set per
//! shipped language, with the provider's overrides (`ui.messages_dir`, `<tag>.ftl`) checked at
//! start-up. [`Messages`] formats a message; [`choose`] picks the language of a request.

mod catalog;
mod dates;
mod file;
mod negotiate;

pub use catalog::Messages;
pub use dates::{datetime, is_time_zone, time_of_day, zones};
pub use file::Problem;
pub use negotiate::{LANGUAGE_COOKIE, choose, for_person, from_profile};

/// The languages Roster ships, by their BCP 47 tag, with their own names (the picker shows each
/// in itself). English is the fallback of every message.
pub const SHIPPED: &[(&str, &str)] = &[
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt-BR", "Português (Brasil)"),
    ("nl", "Nederlands"),
    ("it", "Italiano"),
];

/// The pseudo-locale: English, accented and about 40% longer, in brackets, to show in tests a
/// string that is not translated (plain English) or cut off (a missing bracket).
pub const PSEUDO: &str = "en-XA";

/// The fallback language: every message exists in it.
pub const FALLBACK: &str = "en";

/// A template's keyword arguments (`t("id", name=value)`) as a message's: whole numbers stay
/// numbers (so plurals follow them), anything else is its text.
pub fn args_of(
    kwargs: &minijinja::value::Kwargs,
) -> Result<fluent_bundle::FluentArgs<'static>, minijinja::Error> {
    let mut args = fluent_bundle::FluentArgs::new();
    for name in kwargs.args() {
        let value: minijinja::Value = kwargs.get(name)?;
        match value.as_i64() {
            Some(number) => args.set(name.to_owned(), number),
            None => args.set(name.to_owned(), value.to_string()),
        }
    }
    Ok(args)
}

/// `text` with a capital first letter (the domain words its reasons in lower case, to be put into
/// sentences); nothing else changes.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
