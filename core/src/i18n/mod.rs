//! Every word a person reads, in their language (issue 27; docs/architecture.md, "Languages"):
//! Project Fluent message files built into the binary (`core/locales/<tag>/*.ftl`), one set per
//! shipped language, with the provider's overrides (`ui.messages_dir`, `<tag>.ftl`) checked at
//! start-up. [`Messages`] formats a message; [`choose`] picks the language of a request.

mod catalog;
mod negotiate;

pub use catalog::{Messages, Problem};
pub use negotiate::{LANGUAGE_COOKIE, choose, from_profile};

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
