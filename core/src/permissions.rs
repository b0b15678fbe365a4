//! The permission catalog: the 13 built-in keys hosting customers know, and (with the plugin work)
//! namespaced keys that plugins add (`vps.reboot`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{Error, Result};
use crate::i18n::Messages;

/// The built-in permissions, with their English titles (what the API's catalog says). Pages show
/// the title of the page's language: message `permission-<key>` (`core/locales/*/permissions.ftl`).
pub const BUILTIN: [(&str, &str); 13] = [
    ("profile", "Modify Master Account Profile"),
    ("contacts", "View & Manage Contacts"),
    ("products", "View Products & Services"),
    ("manageproducts", "View & Modify Product Passwords"),
    ("productsso", "Perform Single Sign-On"),
    ("domains", "View Domains"),
    ("managedomains", "Manage Domain Settings"),
    ("invoices", "View & Pay Invoices"),
    ("quotes", "View & Accept Quotes"),
    ("tickets", "View & Open Support Tickets"),
    ("affiliates", "View & Manage Affiliate Account"),
    ("emails", "View Emails"),
    ("orders", "Place New Orders/Upgrades/Cancellations"),
];

/// One catalog entry.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct PermissionInfo {
    pub key: String,
    pub title: String,
    /// `builtin`, or the plugin that adds it.
    pub source: String,
    /// A plugin key's title in other languages, by language tag (from its manifest).
    #[serde(skip)]
    pub translations: BTreeMap<String, String>,
}

/// Every permission key the server knows.
#[derive(Debug, Clone)]
pub struct Catalog {
    entries: Vec<PermissionInfo>,
}

impl Default for Catalog {
    fn default() -> Self {
        Self {
            entries: BUILTIN
                .iter()
                .map(|(key, title)| PermissionInfo {
                    key: (*key).to_owned(),
                    title: (*title).to_owned(),
                    source: "builtin".to_owned(),
                    translations: BTreeMap::new(),
                })
                .collect(),
        }
    }
}

impl Catalog {
    /// Adds a plugin's keys, with their titles in other languages. A plugin key must be
    /// namespaced (`plugin.action`) and new.
    pub fn add_plugin_keys(
        &mut self,
        plugin: &str,
        keys: &[(String, String)],
        translations: &crate::plugins::translations::Translations,
    ) -> Result<()> {
        for (key, title) in keys {
            let valid = key
                .split_once('.')
                .is_some_and(|(ns, rest)| !ns.is_empty() && !rest.is_empty())
                && key.len() <= 64
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
            if !valid {
                return Err(Error::Validation(format!(
                    "plugin {plugin}: permission `{key}` must be namespaced like `{plugin}.action`"
                )));
            }
            if self.contains(key) {
                return Err(Error::Conflict(format!(
                    "permission `{key}` is defined twice"
                )));
            }
            self.entries.push(PermissionInfo {
                key: key.clone(),
                title: title.clone(),
                source: plugin.to_owned(),
                translations: translations.titles_of(key),
            });
        }
        Ok(())
    }

    pub fn entries(&self) -> &[PermissionInfo] {
        &self.entries
    }

    /// The title of `entry` in language `lang`: a built-in's from the messages
    /// (`permission-<key>`), a plugin's from its manifest's translations, else as it gives it.
    fn title_in(entry: &PermissionInfo, lang: &str, messages: &Messages) -> String {
        if entry.source == "builtin" {
            messages.text(lang, &format!("permission-{}", entry.key), None)
        } else {
            entry.translations.get(lang).unwrap_or(&entry.title).clone()
        }
    }

    /// Every entry with its title in language `lang` (what a page's permission boxes list).
    pub fn localized(&self, lang: &str, messages: &Messages) -> Vec<PermissionInfo> {
        self.entries
            .iter()
            .map(|p| PermissionInfo {
                title: Self::title_in(p, lang, messages),
                ..p.clone()
            })
            .collect()
    }

    /// The titles of `keys` in language `lang`, in the catalog's order (what pages show for a set
    /// of permissions).
    pub fn titles(&self, keys: &[String], lang: &str, messages: &Messages) -> Vec<String> {
        self.entries
            .iter()
            .filter(|p| keys.contains(&p.key))
            .map(|p| Self::title_in(p, lang, messages))
            .collect()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.entries.iter().any(|e| e.key == key)
    }

    /// Every key: what the owner holds.
    pub fn all_keys(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.key.clone()).collect()
    }

    /// Checks a requested permission set: every key known, no duplicates; returned sorted.
    pub fn parse_set(&self, keys: &[String]) -> Result<Vec<String>> {
        let mut set = BTreeSet::new();
        for key in keys {
            if !self.contains(key) {
                return Err(Error::Validation(format!(
                    "unknown permission `{key}` (see GET /api/v1/permissions)"
                )));
            }
            set.insert(key.clone());
        }
        Ok(set.into_iter().collect())
    }
}

/// How a set of permission keys is stored, by memberships and invitations alike: a JSON array of
/// keys in a text column.
pub fn encode(permissions: &[String]) -> String {
    serde_json::to_string(permissions).unwrap_or_else(|_| "[]".to_owned())
}

/// A stored set of permission keys ([`encode`]); text that is not one reads as no permission.
pub fn decode(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thirteen_builtin_keys() {
        let catalog = Catalog::default();
        assert_eq!(catalog.entries().len(), 13);
        assert!(catalog.contains("managedomains"));
        assert!(!catalog.contains("admin"));
    }

    #[test]
    fn builtin_titles_are_the_english_messages_and_translated() {
        let messages = Messages::shipped().unwrap();
        let catalog = Catalog::default();
        let english: Vec<String> = BUILTIN.iter().map(|(_, t)| (*t).to_owned()).collect();
        assert_eq!(
            catalog.titles(&catalog.all_keys(), "en", &messages),
            english
        );
        let german = catalog.localized("de", &messages);
        let invoices = german.iter().find(|p| p.key == "invoices").unwrap();
        assert_eq!(invoices.title, "Rechnungen ansehen und bezahlen");
    }

    #[test]
    fn sets_are_checked_sorted_and_deduplicated() {
        let catalog = Catalog::default();
        let set = catalog
            .parse_set(&["invoices".into(), "profile".into(), "invoices".into()])
            .unwrap();
        assert_eq!(set, vec!["invoices", "profile"]);
        assert!(catalog.parse_set(&["billing".into()]).is_err());
    }

    #[test]
    fn plugin_keys_must_be_namespaced_and_new() {
        let mut catalog = Catalog::default();
        catalog
            .add_plugin_keys(
                "vps",
                &[("vps.reboot".into(), "Reboot servers".into())],
                &Default::default(),
            )
            .unwrap();
        assert!(catalog.contains("vps.reboot"));
        assert!(
            catalog
                .add_plugin_keys("vps", &[("reboot".into(), "x".into())], &Default::default())
                .is_err()
        );
        assert!(
            catalog
                .add_plugin_keys(
                    "vps",
                    &[("vps.reboot".into(), "x".into())],
                    &Default::default()
                )
                .is_err()
        );
    }
}
