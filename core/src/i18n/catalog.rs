//! The messages of every language: the shipped files, the provider's overrides, and formatting.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::file::{Problem, line_of_message, messages_of, parse};
use super::{FALLBACK, PSEUDO, SHIPPED};

/// Each shipped language's files, built into the binary.
macro_rules! locales {
    ($($lang:literal),+ $(,)?) => {
        &[$(($lang, &[
            ("common.ftl", include_str!(concat!("../../locales/", $lang, "/common.ftl"))),
            ("sign-in.ftl", include_str!(concat!("../../locales/", $lang, "/sign-in.ftl"))),
            ("accounts.ftl", include_str!(concat!("../../locales/", $lang, "/accounts.ftl"))),
            ("users.ftl", include_str!(concat!("../../locales/", $lang, "/users.ftl"))),
            ("permissions.ftl", include_str!(concat!("../../locales/", $lang, "/permissions.ftl"))),
            ("mail.ftl", include_str!(concat!("../../locales/", $lang, "/mail.ftl"))),
            ("me.ftl", include_str!(concat!("../../locales/", $lang, "/me.ftl"))),
            ("links.ftl", include_str!(concat!("../../locales/", $lang, "/links.ftl"))),
            ("errors.ftl", include_str!(concat!("../../locales/", $lang, "/errors.ftl"))),
            ("oauth.ftl", include_str!(concat!("../../locales/", $lang, "/oauth.ftl"))),
            ("admin.ftl", include_str!(concat!("../../locales/", $lang, "/admin.ftl"))),
        ])),+]
    };
}

type Files = &'static [(&'static str, &'static [(&'static str, &'static str)])];

const FILES: Files = locales!["en", "de", "fr", "es", "pt-BR", "nl", "it"];

/// The messages of every shipped language and the pseudo-locale. Cheap to share (`Arc`).
///
/// Each language's files (with the provider's overrides, checked at start-up) are made into a
/// bundle the first time a page or an email is written in it: a parsed language holds about
/// 0.6 MB, and a provider whose customers read two languages holds two (docs/architecture.md,
/// "Languages").
pub struct Messages {
    languages: BTreeMap<&'static str, Language>,
    /// Each message id of the fallback language with the variables it takes.
    variables: BTreeMap<String, BTreeSet<String>>,
}

type Bundle = FluentBundle<Arc<FluentResource>>;

/// What one language is made of, and its bundle once made.
struct Language {
    files: &'static [(&'static str, &'static str)],
    /// The provider's messages for it, parsed and checked at start-up.
    overrides: Vec<Arc<FluentResource>>,
    bundle: OnceLock<Bundle>,
}

impl Language {
    fn new(files: &'static [(&'static str, &'static str)]) -> Self {
        Self {
            files,
            overrides: Vec::new(),
            bundle: OnceLock::new(),
        }
    }

    fn bundle(&self, tag: &str) -> &Bundle {
        self.bundle.get_or_init(|| {
            let mut bundle = match shipped_bundle(tag, self.files) {
                Ok(bundle) => bundle,
                // A unit test makes every shipped language's bundle; should one fail anyway, its
                // messages fall back to English rather than the page failing.
                Err(problem) => {
                    tracing::error!(%problem, language = tag, "shipped messages unusable");
                    new_bundle(tag)
                }
            };
            for resource in &self.overrides {
                bundle.add_resource_overriding(Arc::clone(resource));
            }
            bundle
        })
    }
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("languages", &self.languages.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl minijinja::value::Object for Messages {}

fn new_bundle(tag: &str) -> Bundle {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages escape what they show, and emails are text: no bidi isolation marks around values.
    bundle.set_use_isolating(false);
    bundle
}

/// Language `tag`'s shipped files as a bundle (the pseudo-locale's transformed).
fn shipped_bundle(tag: &str, files: &[(&str, &'static str)]) -> Result<Bundle, Problem> {
    let mut bundle = new_bundle(tag);
    if tag == PSEUDO {
        bundle.set_transform(Some(pseudo));
    }
    for (name, text) in files {
        let file = format!("core/locales/{tag}/{name}");
        let resource = parse(&file, (*text).to_owned())?;
        bundle
            .add_resource(Arc::new(resource))
            .map_err(|e| Problem {
                file,
                line: 1,
                message: format!("a message is defined twice: {e:?}"),
            })?;
    }
    Ok(bundle)
}

fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(text, false, true, true)
}

impl Messages {
    /// The shipped messages only (what `roster messages export` prints; what tests check).
    pub fn shipped() -> Result<Self, Problem> {
        Self::load(None)
    }

    /// The shipped messages with the provider's overrides from `dir`, one file per language named
    /// by its tag (`de.ftl`, `pt-BR.ftl`): any shipped message by its id. Refused, naming the file
    /// and line: a file that is not Fluent, an unknown message id, a variable the message is not
    /// given, a file for a language Roster does not ship.
    pub fn load(dir: Option<&Path>) -> Result<Self, Problem> {
        let mut languages = BTreeMap::new();
        let mut variables = BTreeMap::new();
        for (tag, files) in FILES {
            if *tag == FALLBACK {
                for (name, text) in *files {
                    let file = format!("core/locales/{tag}/{name}");
                    variables.extend(messages_of(&parse(&file, (*text).to_owned())?));
                }
                // The pseudo-locale: the fallback's shipped messages, transformed.
                languages.insert(PSEUDO, Language::new(files));
            }
            languages.insert(*tag, Language::new(files));
        }
        let mut messages = Self {
            languages,
            variables,
        };
        if let Some(dir) = dir {
            messages.override_from(dir)?;
        }
        Ok(messages)
    }

    fn override_from(&mut self, dir: &Path) -> Result<(), Problem> {
        let unreadable = |file: &Path, e: std::io::Error| Problem {
            file: file.display().to_string(),
            line: 1,
            message: format!("cannot be read: {e}"),
        };
        let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        paths.sort();
        for path in paths {
            let file = path.display().to_string();
            let tag = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let Some(language) = self.languages.get_mut(tag.as_str()) else {
                let known: Vec<&str> = SHIPPED.iter().map(|(t, _)| *t).collect();
                return Err(Problem {
                    file,
                    line: 1,
                    message: format!("no shipped language is `{tag}` (one of {known:?})"),
                });
            };
            let text = std::fs::read_to_string(&path).map_err(|e| unreadable(&path, e))?;
            let resource = parse(&file, text)?;
            for (id, used) in messages_of(&resource) {
                let line = line_of_message(resource.source(), &id);
                let Some(given) = self.variables.get(&id) else {
                    return Err(Problem {
                        file,
                        line,
                        message: format!("`{id}` is not a message Roster shows"),
                    });
                };
                if let Some(unknown) = used.difference(given).next() {
                    let given: Vec<&String> = given.iter().collect();
                    return Err(Problem {
                        file,
                        line,
                        message: format!(
                            "`{id}` uses `${unknown}`, which it is not given (it has {given:?})"
                        ),
                    });
                }
            }
            let resource = Arc::new(resource);
            language.overrides.push(Arc::clone(&resource));
            // The pseudo-locale is English's messages, transformed: the provider's too.
            if tag == FALLBACK
                && let Some(pseudo) = self.languages.get_mut(PSEUDO)
            {
                pseudo.overrides.push(resource);
            }
        }
        Ok(())
    }

    /// Whether `tag` is a language with messages (shipped, or the pseudo-locale).
    pub fn has(&self, tag: &str) -> bool {
        self.languages.contains_key(tag)
    }

    /// Message `id` in language `tag`, with `args`; in the fallback language where `tag` lacks it,
    /// and the id itself where no language has it (tests look for raw ids).
    pub fn text(&self, tag: &str, id: &str, args: Option<&FluentArgs>) -> String {
        for tag in [tag, FALLBACK] {
            let Some(bundle) = self.languages.get(tag).map(|l| l.bundle(tag)) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    message = id,
                    language = tag,
                    ?errors,
                    "a message lacks a value"
                );
            }
            return text.into_owned();
        }
        tracing::warn!(message = id, "no such message");
        id.to_owned()
    }

    /// The shipped messages of language `tag` as Fluent, each file headed by its name (what
    /// `roster messages export` prints); none for a language Roster does not ship.
    pub fn export(tag: &str) -> Option<String> {
        let (_, files) = FILES.iter().find(|(t, _)| *t == tag)?;
        let mut text = format!(
            "# The messages Roster ships in `{tag}`. Copy the ones to change into {tag}.ftl in\n\
             # ui.messages_dir; a message left out keeps its shipped words.\n"
        );
        for (name, body) in *files {
            text.push_str(&format!("\n# core/locales/{tag}/{name}\n\n{body}"));
        }
        Some(text)
    }

    /// [`Messages::text`] with its variables as pairs: a value that is a whole number is given as
    /// a number, so plurals follow it.
    pub fn text_with(&self, tag: &str, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value.parse::<i64>() {
                Ok(number) => fluent.set(*name, number),
                Err(_) => fluent.set(*name, (*value).to_owned()),
            }
        }
        self.text(tag, id, Some(&fluent))
    }

    /// Whether `id` is a message Roster shows (every language has it).
    pub fn knows(&self, id: &str) -> bool {
        self.variables.contains_key(id)
    }

    /// `duration` in words of language `tag`, in at most two units ("1 day 2 hours"), plurals
    /// by the language's rules.
    pub fn duration(&self, tag: &str, duration: std::time::Duration) -> String {
        use crate::clock::Unit;
        crate::clock::counted(duration)
            .into_iter()
            .map(|(n, unit)| {
                let id = match unit {
                    Unit::Day => "duration-days",
                    Unit::Hour => "duration-hours",
                    Unit::Minute => "duration-minutes",
                    Unit::Second => "duration-seconds",
                };
                let mut args = FluentArgs::new();
                args.set("n", n);
                self.text(tag, id, Some(&args))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The ids of the messages of language `tag` (for the completeness checks).
    pub fn ids(&self, tag: &str) -> BTreeSet<String> {
        let Some((_, files)) = FILES.iter().find(|(t, _)| *t == tag) else {
            return BTreeSet::new();
        };
        files
            .iter()
            .filter_map(|(name, text)| parse(name, (*text).to_owned()).ok())
            .flat_map(|r| messages_of(&r).into_keys())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&'static str, &str)]) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (k, v) in pairs {
            args.set(*k, (*v).to_owned());
        }
        args
    }

    #[test]
    fn every_shipped_language_has_every_message_and_no_other() {
        let messages = Messages::shipped().unwrap();
        let english = messages.ids(FALLBACK);
        assert!(english.len() > 20);
        for (tag, _) in SHIPPED {
            assert_eq!(messages.ids(tag), english, "{tag}");
        }
    }

    /// Languages are made into bundles when first used: each shipped one must make one (every
    /// file Fluent, no message defined twice), or its pages would fall back to English.
    #[test]
    fn every_shipped_language_makes_a_bundle() {
        for (tag, files) in FILES {
            if let Err(problem) = shipped_bundle(tag, files) {
                panic!("{tag}: {problem}");
            }
        }
        let (_, english) = FILES.iter().find(|(tag, _)| *tag == FALLBACK).unwrap();
        assert!(shipped_bundle(PSEUDO, english).is_ok());
    }

    /// Every file below `folder` (of the core crate), with its text.
    fn files_below(folder: &str) -> Vec<(std::path::PathBuf, String)> {
        let mut found = Vec::new();
        let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    found.push((path, text));
                }
            }
        }
        found
    }

    /// The message ids the templates name (`t("id"` …).
    fn used_by_templates() -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        for (_, text) in files_below("templates") {
            for (at, _) in text.match_indices("t(\"") {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + 3..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                // `t("scope-" ~ s)`: a family of ids the code lists (see below).
                if !id.ends_with('-') {
                    used.insert(id);
                }
            }
        }
        used
    }

    /// The server's Rust code, its tests left out (the checks look for quoted message ids in it).
    fn rust_source() -> String {
        files_below("src")
            .into_iter()
            .filter(|(path, _)| path.extension().is_some_and(|x| x == "rs"))
            .map(|(_, file)| {
                // The server's code, not its tests.
                file.split("#[cfg(test)]")
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn the_pages_use_every_message_and_name_none_that_is_missing() {
        let english = Messages::shipped().unwrap().ids(FALLBACK);
        let mut used = used_by_templates();
        // Named by the code: ids quoted in its source, and the built-in permissions' titles.
        let source = rust_source();
        used.extend(
            english
                .iter()
                .filter(|id| source.contains(&format!("\"{id}\"")))
                .cloned(),
        );
        used.extend(
            crate::permissions::BUILTIN
                .iter()
                .map(|(key, _)| format!("permission-{key}")),
        );
        // What an app learns, by scope (`oauth::scopes`).
        used.extend(
            crate::oauth::scopes::SUPPORTED
                .iter()
                .map(|scope| format!("scope-{scope}")),
        );
        // A refusal's sentence, by its problem code (`http::forms::sentence`).
        used.extend(
            crate::http::problem::Code::ALL
                .iter()
                .map(|code| format!("error-{}", code.as_str().replace('_', "-"))),
        );
        let missing: Vec<_> = used.difference(&english).collect();
        assert!(missing.is_empty(), "used but not in en: {missing:?}");
        let unused: Vec<_> = english.difference(&used).collect();
        assert!(unused.is_empty(), "in en but used nowhere: {unused:?}");
    }

    #[test]
    fn messages_fall_back_to_english_and_show_their_variables() {
        let messages = Messages::shipped().unwrap();
        let product = args(&[("product", "Acme")]);
        assert_eq!(
            messages.text("de", "login-heading", Some(&product)),
            "Bei Acme anmelden"
        );
        assert_eq!(
            messages.text("xx", "login-heading", Some(&product)),
            "Sign in to Acme"
        );
        assert_eq!(
            messages.text("de", "no-such-message", None),
            "no-such-message"
        );
        let pseudo = messages.text(PSEUDO, "login-heading", Some(&product));
        assert!(
            pseudo.starts_with('[') && pseudo.contains("Acme"),
            "{pseudo}"
        );
        assert!(pseudo.chars().count() > "Sign in to Acme".len(), "{pseudo}");
    }

    #[test]
    fn durations_follow_each_languages_plurals() {
        let messages = Messages::shipped().unwrap();
        let week = std::time::Duration::from_secs(7 * 86_400);
        assert_eq!(messages.duration("en", week), "7 days");
        assert_eq!(messages.duration("de", week), "7 Tage");
        let hour = std::time::Duration::from_secs(3_600);
        assert_eq!(messages.duration("en", hour), "1 hour");
        assert_eq!(messages.duration("fr", hour), "1 heure");
        let mixed = std::time::Duration::from_secs(86_400 + 2 * 3_600);
        assert_eq!(messages.duration("nl", mixed), "1 dag 2 uur");
        // French counts 0 and 1 as singular.
        assert_eq!(
            messages.duration("fr", std::time::Duration::ZERO),
            "0 seconde"
        );
    }

    #[test]
    fn overrides_replace_messages_and_bad_ones_name_their_line() {
        let dir = std::env::temp_dir().join(format!("roster-messages-{}", crate::crypto::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("de.ftl"),
            "# ours\nlogin-heading = Willkommen bei { $product }\n",
        )
        .unwrap();
        let messages = Messages::load(Some(&dir)).unwrap();
        let product = args(&[("product", "Acme")]);
        assert_eq!(
            messages.text("de", "login-heading", Some(&product)),
            "Willkommen bei Acme"
        );
        assert_eq!(messages.text("de", "nav-accounts", None), "Konten");
        std::fs::write(dir.join("en.ftl"), "nav-accounts = Clients\n").unwrap();
        let english = Messages::load(Some(&dir)).unwrap();
        assert_eq!(english.text("en", "nav-accounts", None), "Clients");
        let pseudo = english.text(PSEUDO, "nav-accounts", None);
        assert!(pseudo.starts_with("[Ƈ"), "{pseudo}");
        assert_ne!(pseudo, messages.text(PSEUDO, "nav-accounts", None));
        std::fs::remove_file(dir.join("en.ftl")).unwrap();

        let refused = |text: &str| {
            std::fs::write(dir.join("de.ftl"), text).unwrap();
            Messages::load(Some(&dir)).unwrap_err()
        };
        let unknown = refused("nav-accounts = Konten\n\nno-such-thing = Hallo\n");
        assert_eq!(unknown.line, 3);
        assert!(unknown.file.ends_with("de.ftl"), "{unknown}");
        assert!(unknown.message.contains("no-such-thing"), "{unknown}");
        let variable = refused("login-heading = Hallo { $name }\n");
        assert!(variable.message.contains("$name"), "{variable}");
        let broken = refused("nav-accounts = Konten\nlogin-heading = { $product\n");
        assert_eq!(broken.line, 2, "{broken}");
        std::fs::remove_file(dir.join("de.ftl")).unwrap();
        std::fs::write(dir.join("xx.ftl"), "nav-accounts = X\n").unwrap();
        let language = Messages::load(Some(&dir)).unwrap_err();
        assert!(language.message.contains("`xx`"), "{language}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
