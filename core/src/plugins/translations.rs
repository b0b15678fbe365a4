//! A plugin's own words in the languages Roster ships: the titles of the permissions it adds and
//! the messages of its vetoes, from its manifest (`[translations.<tag>]`). Pages show them in the
//! reader's language; where a language has none, the plugin's own text (its permission title,
//! its veto message) stands.
//!
//! ```toml
//! [translations.de.permissions]
//! "vps.reboot" = "Server neu starten"
//! [translations.de.vetoes]
//! domain_not_allowed = "Diese Domain darf nicht eingeladen werden."
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The longest translated text, in characters.
const MAX_CHARS: usize = 300;

/// One language's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// A permission key's title.
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
    /// A veto's message, by the reason code the plugin vetoes with.
    #[serde(default)]
    pub vetoes: BTreeMap<String, String>,
}

/// Every language's words, by shipped language tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Translations(pub BTreeMap<String, Words>);

impl Translations {
    /// Why the translations cannot be used (a language Roster does not ship, an empty or overlong
    /// text, a control character), naming the manifest's key.
    pub fn problem(&self) -> Option<String> {
        for (tag, words) in &self.0 {
            if !crate::i18n::SHIPPED.iter().any(|(t, _)| t == tag) {
                let shipped: Vec<&str> = crate::i18n::SHIPPED.iter().map(|(t, _)| *t).collect();
                return Some(format!(
                    "translations.{tag}: Roster ships no language `{tag}` ({})",
                    shipped.join(", ")
                ));
            }
            let texts = words
                .permissions
                .iter()
                .map(|(k, v)| ("permissions", k, v))
                .chain(words.vetoes.iter().map(|(k, v)| ("vetoes", k, v)));
            for (table, key, text) in texts {
                let length = text.trim().chars().count();
                if length == 0 || length > MAX_CHARS || text.chars().any(char::is_control) {
                    return Some(format!(
                        "translations.{tag}.{table}.{key}: must be 1 to {MAX_CHARS} characters \
                         without control characters"
                    ));
                }
            }
        }
        None
    }

    /// The first translated permission that is not one of `keys` (what the plugin adds).
    pub fn unknown_permission(&self, keys: &[(String, String)]) -> Option<String> {
        self.0.iter().find_map(|(tag, words)| {
            words
                .permissions
                .keys()
                .find(|k| !keys.iter().any(|(key, _)| key == *k))
                .map(|k| {
                    format!(
                        "translations.{tag}.permissions: `{k}` is not a permission this plugin adds"
                    )
                })
        })
    }

    /// Each language's title of permission `key`.
    pub fn titles_of(&self, key: &str) -> BTreeMap<String, String> {
        self.0
            .iter()
            .filter_map(|(tag, words)| {
                words
                    .permissions
                    .get(key)
                    .map(|t| (tag.clone(), t.trim().to_owned()))
            })
            .collect()
    }

    /// The message of veto `code` in language `tag`, if the plugin gives one.
    pub fn veto(&self, tag: &str, code: &str) -> Option<&str> {
        self.0
            .get(tag)
            .and_then(|w| w.vetoes.get(code))
            .map(|t| t.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Translations {
        #[derive(Deserialize)]
        struct File {
            translations: Translations,
        }
        toml::from_str::<File>(text).unwrap().translations
    }

    #[test]
    fn words_are_checked_and_found_by_language() {
        let words = parse(
            "[translations.de.permissions]\n\"vps.reboot\" = \"Server neu starten\"\n\
             [translations.de.vetoes]\nno = \"Nein.\"\n",
        );
        assert_eq!(words.problem(), None);
        assert_eq!(words.veto("de", "no"), Some("Nein."));
        assert_eq!(words.veto("fr", "no"), None);
        assert_eq!(words.titles_of("vps.reboot")["de"], "Server neu starten");
        let keys = vec![("vps.reboot".to_owned(), "Reboot".to_owned())];
        assert_eq!(words.unknown_permission(&keys), None);
        assert!(words.unknown_permission(&[]).is_some());
        let klingon = parse("[translations.tlh.vetoes]\nno = \"ghobe'\"\n");
        assert!(klingon.problem().unwrap().contains("translations.tlh"));
        let empty = parse("[translations.fr.vetoes]\nno = \" \"\n");
        assert!(
            empty
                .problem()
                .unwrap()
                .contains("translations.fr.vetoes.no")
        );
    }
}
