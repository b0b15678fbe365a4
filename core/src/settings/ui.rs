//! `[ui]`: the provider's branding on the pages and in the emails.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct UiSettings {
    /// The name customers know the provider by: page titles, the header, email subjects and
    /// signatures.
    pub product_name: String,
    /// An https (or same-server, starting with `/`) URL of the logo shown in the page header and
    /// at the top of emails; empty for none (the product name is shown instead).
    pub logo_url: String,
    /// The accent colour of buttons and links, `#rgb` or `#rrggbb`.
    pub accent_color: String,
    /// The language of a page or email when nothing else says which (a shipped tag: `en`, `de`,
    /// `fr`, `es`, `pt-BR`, `nl`, `it`).
    pub default_language: String,
    /// A folder of the provider's own wording: `<tag>.ftl` files (Fluent) that override shipped
    /// messages by id; checked at start-up. None: the shipped wording.
    pub messages_dir: Option<std::path::PathBuf>,
    /// A folder of the provider's mail templates: a file in `<dir>/<tag>/` overrides a built-in
    /// template for that language, one in `<dir>/` for every language; checked at start-up.
    /// (`mail.templates_dir` is its older name.)
    pub mail_templates_dir: Option<std::path::PathBuf>,
    /// The time zone pages show times in when the user chose none (an IANA name such as
    /// `Europe/Berlin`, or `UTC`).
    pub time_zone: String,
}

impl Default for UiSettings {
    fn default() -> Self {
        Self {
            product_name: "Roster".to_owned(),
            logo_url: String::new(),
            accent_color: "#1f5fbf".to_owned(),
            default_language: "en".to_owned(),
            messages_dir: None,
            mail_templates_dir: None,
            time_zone: "UTC".to_owned(),
        }
    }
}

impl UiSettings {
    /// Why a value cannot be used, as (key, message).
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let name = self.product_name.trim();
        if name.is_empty() || name.len() > 80 || name.chars().any(char::is_control) {
            return Some((
                "ui.product_name",
                "must be 1 to 80 characters without control characters".to_owned(),
            ));
        }
        let logo = &self.logo_url;
        if !logo.is_empty() {
            let usable = if logo.starts_with('/') && !logo.starts_with("//") {
                !logo
                    .chars()
                    .any(|c| c.is_control() || c.is_whitespace() || c == '"')
            } else {
                url::Url::parse(logo).is_ok_and(|u| u.scheme() == "https" && u.host().is_some())
            };
            if !usable {
                return Some((
                    "ui.logo_url",
                    format!("`{logo}` is not an https URL or a path on this server"),
                ));
            }
        }
        if crate::i18n::from_profile(&self.default_language)
            .is_none_or(|tag| tag == crate::i18n::PSEUDO)
        {
            let shipped: Vec<&str> = crate::i18n::SHIPPED.iter().map(|(t, _)| *t).collect();
            return Some((
                "ui.default_language",
                format!(
                    "`{}` is not a language Roster ships ({})",
                    self.default_language,
                    shipped.join(", ")
                ),
            ));
        }
        if !crate::i18n::is_time_zone(&self.time_zone) {
            return Some((
                "ui.time_zone",
                format!(
                    "`{}` is not a time zone (an IANA name such as Europe/Berlin, or UTC)",
                    self.time_zone
                ),
            ));
        }
        let colour = self.accent_color.strip_prefix('#').unwrap_or("");
        if !(colour.len() == 3 || colour.len() == 6)
            || !colour.chars().all(|c| c.is_ascii_hexdigit())
        {
            return Some((
                "ui.accent_color",
                format!("`{}` is not a colour like #1f5fbf", self.accent_color),
            ));
        }
        None
    }

    /// The origin the logo is loaded from, when it is on another server (for the pages' CSP).
    pub fn logo_origin(&self) -> Option<String> {
        url::Url::parse(&self.logo_url)
            .ok()
            .map(|u| u.origin().ascii_serialization())
    }
}
