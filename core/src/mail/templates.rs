//! Mail templates: minijinja, built in, their words from the messages of the recipient's language
//! (`core/locales/*/mail.ftl`), overridable file by file from `ui.mail_templates_dir`: a file in
//! `<dir>/<tag>/` for one language, in `<dir>/` for every language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{Environment, ErrorKind, UndefinedBehavior};
use serde::Serialize;

use super::MailError;
use crate::i18n::{FALLBACK, Messages, PSEUDO, Problem, SHIPPED};

/// The messages Roster sends, each with values like the ones it is sent with (what start-up
/// renders every template with, in every language).
pub const NAMES: [&str; 11] = [
    "verify-email",
    "email-change",
    "email-in-use",
    "password-reset",
    "set-password",
    "signup-attempt",
    "sign-in-code",
    "password-changed",
    "invitation",
    "support-sign-in",
    "support-consent",
];

/// The built-in templates, by file name.
fn builtin(name: &str) -> Option<&'static str> {
    Some(match name {
        "verify-email.subject.txt" => include_str!("../../templates/mail/verify-email.subject.txt"),
        "verify-email.txt" => include_str!("../../templates/mail/verify-email.txt"),
        "verify-email.html" => include_str!("../../templates/mail/verify-email.html"),
        "password-reset.subject.txt" => {
            include_str!("../../templates/mail/password-reset.subject.txt")
        }
        "password-reset.txt" => include_str!("../../templates/mail/password-reset.txt"),
        "password-reset.html" => include_str!("../../templates/mail/password-reset.html"),
        "set-password.subject.txt" => include_str!("../../templates/mail/set-password.subject.txt"),
        "set-password.txt" => include_str!("../../templates/mail/set-password.txt"),
        "set-password.html" => include_str!("../../templates/mail/set-password.html"),
        "support-sign-in.subject.txt" => {
            include_str!("../../templates/mail/support-sign-in.subject.txt")
        }
        "support-sign-in.txt" => include_str!("../../templates/mail/support-sign-in.txt"),
        "support-sign-in.html" => include_str!("../../templates/mail/support-sign-in.html"),
        "support-consent.subject.txt" => {
            include_str!("../../templates/mail/support-consent.subject.txt")
        }
        "support-consent.txt" => include_str!("../../templates/mail/support-consent.txt"),
        "support-consent.html" => include_str!("../../templates/mail/support-consent.html"),
        "password-changed.subject.txt" => {
            include_str!("../../templates/mail/password-changed.subject.txt")
        }
        "password-changed.txt" => include_str!("../../templates/mail/password-changed.txt"),
        "password-changed.html" => include_str!("../../templates/mail/password-changed.html"),
        "signup-attempt.subject.txt" => {
            include_str!("../../templates/mail/signup-attempt.subject.txt")
        }
        "signup-attempt.txt" => include_str!("../../templates/mail/signup-attempt.txt"),
        "signup-attempt.html" => include_str!("../../templates/mail/signup-attempt.html"),
        "email-change.subject.txt" => include_str!("../../templates/mail/email-change.subject.txt"),
        "email-change.txt" => include_str!("../../templates/mail/email-change.txt"),
        "email-change.html" => include_str!("../../templates/mail/email-change.html"),
        "email-in-use.subject.txt" => include_str!("../../templates/mail/email-in-use.subject.txt"),
        "email-in-use.txt" => include_str!("../../templates/mail/email-in-use.txt"),
        "email-in-use.html" => include_str!("../../templates/mail/email-in-use.html"),
        "sign-in-code.subject.txt" => include_str!("../../templates/mail/sign-in-code.subject.txt"),
        "sign-in-code.txt" => include_str!("../../templates/mail/sign-in-code.txt"),
        "sign-in-code.html" => include_str!("../../templates/mail/sign-in-code.html"),
        "invitation.subject.txt" => include_str!("../../templates/mail/invitation.subject.txt"),
        "invitation.txt" => include_str!("../../templates/mail/invitation.txt"),
        "invitation.html" => include_str!("../../templates/mail/invitation.html"),
        "_layout.html" => include_str!("../../templates/mail/_layout.html"),
        "_button.html" => include_str!("../../templates/mail/_button.html"),
        "_signature.txt" => include_str!("../../templates/mail/_signature.txt"),
        _ => return None,
    })
}

/// A rendered message.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

/// Every language's templates: one environment per language, whose `t("id", name=value)` speaks
/// it.
pub struct Templates {
    envs: BTreeMap<&'static str, Environment<'static>>,
    messages: Arc<Messages>,
}

/// The provider's branding every message carries (`[ui]` and `server.public_url`): the product
/// name, the logo (an absolute URL: mail has no "this server"), the accent colour of the button.
#[derive(Debug, Clone, Serialize)]
pub struct Branding {
    pub product_name: String,
    pub logo_url: String,
    pub accent_color: String,
    pub public_url: String,
}

impl Default for Branding {
    fn default() -> Self {
        Self::of(&crate::settings::Settings::default())
    }
}

impl Branding {
    pub fn of(settings: &crate::settings::Settings) -> Self {
        let ui = &settings.ui;
        let logo_url = if ui.logo_url.starts_with('/') {
            settings.server.public_url.join(&ui.logo_url)
        } else {
            ui.logo_url.clone()
        };
        Self {
            product_name: ui.product_name.trim().to_owned(),
            logo_url,
            accent_color: ui.accent_color.clone(),
            public_url: settings.server.public_url.join(""),
        }
    }
}

/// Every language templates are written in.
fn languages() -> impl Iterator<Item = &'static str> {
    SHIPPED
        .iter()
        .map(|(tag, _)| *tag)
        .chain(std::iter::once(PSEUDO))
}

/// The file that provides template `name` in language `lang`: the provider's for the language,
/// else the provider's for every language, else none (the built-in one).
fn overriding(dir: Option<&Path>, lang: &str, name: &str) -> Option<PathBuf> {
    let dir = dir?;
    [dir.join(lang).join(name), dir.join(name)]
        .into_iter()
        .find(|p| p.is_file())
}

/// The environment of language `lang`. `strict`: a value the template names but is not given is
/// an error (start-up's check), not empty text.
fn environment(
    dir: Option<PathBuf>,
    lang: &'static str,
    branding: &Branding,
    messages: &Arc<Messages>,
    strict: bool,
) -> Environment<'static> {
    let mut env = Environment::new();
    if strict {
        env.set_undefined_behavior(UndefinedBehavior::Strict);
    }
    env.add_global("product_name", branding.product_name.clone());
    env.add_global("logo_url", branding.logo_url.clone());
    env.add_global("accent_color", branding.accent_color.clone());
    env.add_global("public_url", branding.public_url.clone());
    env.add_global("lang", lang);
    let words = messages.clone();
    env.add_function(
        "t",
        move |id: &str, kwargs: minijinja::value::Kwargs| -> Result<String, minijinja::Error> {
            if !words.knows(id) {
                return Err(minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("`{id}` is not a message Roster has"),
                ));
            }
            let args = crate::i18n::args_of(&kwargs)?;
            Ok(words.text(lang, id, Some(&args)))
        },
    );
    env.set_loader(move |name| {
        if let Some(path) = overriding(dir.as_deref(), lang, name) {
            return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("cannot read {}: {e}", path.display()),
                )
            });
        }
        Ok(builtin(name).map(str::to_owned))
    });
    env
}

impl Templates {
    pub fn new(dir: Option<PathBuf>, branding: &Branding, messages: Arc<Messages>) -> Self {
        let envs = languages()
            .map(|lang| {
                (
                    lang,
                    environment(dir.clone(), lang, branding, &messages, false),
                )
            })
            .collect();
        Self { envs, messages }
    }

    /// Renders `NAME.subject.txt`, `NAME.txt` and, when it exists, `NAME.html`, in language
    /// `lang` (the fallback's where Roster has no such language). A duration given as
    /// `expires_in_seconds` is shown as `expires_in`, in words of the language.
    pub fn render(
        &self,
        name: &str,
        lang: &str,
        values: &serde_json::Value,
    ) -> Result<Rendered, MailError> {
        let (lang, env) = self
            .envs
            .get_key_value(lang)
            .or_else(|| self.envs.get_key_value(FALLBACK))
            .ok_or_else(|| MailError::Template("no languages".to_owned()))?;
        let mut values = values.clone();
        if let Some(object) = values.as_object_mut()
            && let Some(secs) = object.get("expires_in_seconds").and_then(|v| v.as_u64())
        {
            let words = self
                .messages
                .duration(lang, std::time::Duration::from_secs(secs));
            object.insert("expires_in".to_owned(), words.into());
        }
        render_in(env, name, &values)
    }

    /// Checks the provider's folder: every file is a template Roster sends (in `<dir>/` or a
    /// shipped language's `<dir>/<tag>/`), and every message renders in every language with the
    /// values it is sent with. The first problem names the file and line.
    pub fn check(dir: &Path, branding: &Branding, messages: &Arc<Messages>) -> Result<(), Problem> {
        let problem = |path: &Path, line: usize, message: String| Problem {
            file: path.display().to_string(),
            line,
            message,
        };
        let entries = |path: &Path| -> Result<Vec<PathBuf>, Problem> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| problem(path, 1, format!("cannot be read: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            found.sort();
            Ok(found)
        };
        let file_name = |p: &Path| {
            p.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_owned()
        };
        for path in entries(dir)? {
            let name = file_name(&path);
            if path.is_dir() {
                if !languages().any(|lang| lang == name) {
                    return Err(problem(
                        &path,
                        1,
                        format!("no shipped language is `{name}`"),
                    ));
                }
                for inner in entries(&path)? {
                    if builtin(&file_name(&inner)).is_none() {
                        return Err(problem(
                            &inner,
                            1,
                            "is not a mail template Roster has (see core/templates/mail/README.md)"
                                .to_owned(),
                        ));
                    }
                }
            } else if builtin(&name).is_none() && name != "README.md" {
                return Err(problem(
                    &path,
                    1,
                    "is not a mail template Roster has (see core/templates/mail/README.md)"
                        .to_owned(),
                ));
            }
        }
        let values = serde_json::json!({
            "first_name": "Ada", "link": branding.public_url.clone() + "link",
            "expires_in_seconds": 3_600, "code": "123456",
            "account_name": "Example Ltd", "invited_by": "Olive Owner", "sent_by_staff": false,
            "staff": "ops@provider.example", "until": "17:35 CET",
        });
        for lang in languages() {
            let env = environment(Some(dir.to_path_buf()), lang, branding, messages, true);
            let mut values = values.clone();
            values["expires_in"] = messages
                .duration(lang, std::time::Duration::from_secs(3_600))
                .into();
            for name in NAMES {
                if let Err(MailError::Render(e)) = render_in(&env, name, &values) {
                    let file = e.name().unwrap_or(name).to_owned();
                    let path = overriding(Some(dir), lang, &file)
                        .unwrap_or_else(|| PathBuf::from(format!("core/templates/mail/{file}")));
                    let detail = e
                        .detail()
                        .map_or_else(|| e.kind().to_string(), str::to_owned);
                    return Err(problem(
                        &path,
                        e.line().unwrap_or(1),
                        format!("does not render in `{lang}`: {detail}"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Renders the three parts of message `name` with one language's environment.
fn render_in(
    env: &Environment<'static>,
    name: &str,
    values: &serde_json::Value,
) -> Result<Rendered, MailError> {
    let render = |file: String| -> Result<Option<String>, MailError> {
        match env.get_template(&file) {
            Ok(template) => Ok(Some(template.render(minijinja::value::Serde(values))?)),
            Err(e) if e.kind() == ErrorKind::TemplateNotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    };
    let missing = |file: &str| MailError::Template(format!("no template {file}"));
    let subject = render(format!("{name}.subject.txt"))?.ok_or_else(|| missing("subject"))?;
    let text = render(format!("{name}.txt"))?.ok_or_else(|| missing("text"))?;
    Ok(Rendered {
        subject: subject.lines().next().unwrap_or_default().trim().to_owned(),
        text,
        html: render(format!("{name}.html"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(dir: Option<PathBuf>, branding: &Branding) -> Templates {
        Templates::new(dir, branding, Arc::new(Messages::shipped().unwrap()))
    }

    #[test]
    fn builtin_templates_render_and_escape_html_only() {
        let templates = templates(None, &Branding::default());
        let values = serde_json::json!({
            "first_name": "<Ada>", "link": "https://x.test/verify-email/abc", "expires_in": "1h",
        });
        let mail = templates.render("verify-email", "en", &values).unwrap();
        assert_eq!(mail.subject, "Verify your email address");
        assert!(mail.text.contains("Hello <Ada>,"));
        assert!(mail.text.contains("https://x.test/verify-email/abc"));
        let html = mail.html.unwrap();
        assert!(html.contains("Hello &lt;Ada&gt;,"));
        assert!(mail.text.contains("\n-- \nRoster\n"), "{}", mail.text);
        assert!(html.contains("Verify my email address</a>"), "{html}");
    }

    #[test]
    fn an_invitation_quotes_the_inviters_words_and_never_speaks_them() {
        let templates = templates(None, &Branding::default());
        let words = "Billing: your hosting is suspended, pay at evil.test";
        let values = serde_json::json!({
            "invited_by": words, "account_name": "<b>Urgent</b>", "sent_by_staff": false,
            "link": "https://x.test/invite/abc", "expires_in": "7 days",
        });
        let mail = templates.render("invitation", "en", &values).unwrap();
        assert_eq!(mail.subject, "Account Access Invitation");
        assert!(mail.text.contains("their own words"), "{}", mail.text);
        // Each of the customer's words only on a quoted line of its own.
        for line in mail
            .text
            .lines()
            .filter(|l| l.contains("evil.test") || l.contains("Urgent"))
        {
            assert!(line.trim_start().starts_with("> "), "{line}");
        }
        let html = mail.html.unwrap();
        assert!(html.contains(&format!("<q>{words}</q>")), "{html}");
        assert!(
            html.contains("<q>&lt;b&gt;Urgent&lt;&#x2f;b&gt;</q>"),
            "{html}"
        );
    }

    #[test]
    fn every_message_carries_the_providers_branding() {
        let mut settings = crate::settings::Settings::default();
        settings.ui.product_name = "Acme Hosting".to_owned();
        settings.ui.logo_url = "/static/logo.png".to_owned();
        settings.ui.accent_color = "#aa3300".to_owned();
        let templates = templates(None, &Branding::of(&settings));
        let values = serde_json::json!({
            "first_name": "Ada", "link": "https://x.test/l", "expires_in": "7 days",
            "account_name": "Shop", "invited_by": "Olive", "sent_by_staff": false,
        });
        for name in NAMES {
            let mail = templates.render(name, "en", &values).unwrap();
            assert!(mail.text.contains("Acme Hosting"), "{name}: {}", mail.text);
            // HTML escaping writes `/` as `&#x2f;` (as valid in an attribute).
            let html = mail.html.unwrap().replace("&#x2f;", "/");
            assert!(
                html.contains("http://localhost:8080/static/logo.png"),
                "{name}"
            );
            assert!(html.contains("alt=\"Acme Hosting\""), "{name}");
            assert!(!html.contains("{{"), "{name}");
        }
        let invitation = templates.render("invitation", "en", &values).unwrap();
        assert!(invitation.html.unwrap().contains("bgcolor=\"#aa3300\""));
    }

    #[test]
    fn a_file_in_the_override_folder_wins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("password-changed.subject.txt"),
            "Mot de passe changé\n",
        )
        .unwrap();
        let templates = templates(Some(dir.path().to_path_buf()), &Branding::default());
        let mail = templates
            .render(
                "password-changed",
                "en",
                &serde_json::json!({ "first_name": "Ada" }),
            )
            .unwrap();
        assert_eq!(mail.subject, "Mot de passe changé");
        assert!(mail.text.contains("Hello Ada"), "built-in body still used");
    }

    #[test]
    fn every_message_speaks_the_recipients_language() {
        let templates = templates(None, &Branding::default());
        let values = serde_json::json!({
            "first_name": "Ada", "link": "https://x.test/l", "expires_in_seconds": 7 * 86_400,
            "account_name": "Shop", "invited_by": "Olive", "sent_by_staff": false, "code": "1",
        });
        let mail = templates.render("invitation", "de", &values).unwrap();
        assert_eq!(mail.subject, "Einladung zum Kontozugriff");
        assert!(mail.text.contains("gilt 7 Tage lang"), "{}", mail.text);
        let html = mail.html.unwrap();
        assert!(html.contains("<html lang=\"de\">"), "{html}");
        assert!(html.contains("Einladung annehmen</a>"), "{html}");
        for name in NAMES {
            for (lang, _) in SHIPPED {
                let mail = templates.render(name, lang, &values).unwrap();
                assert!(!mail.subject.is_empty(), "{name} {lang}");
                assert!(!mail.text.contains("mail-"), "{name} {lang}: {}", mail.text);
            }
            let english = templates.render(name, "en", &values).unwrap();
            let german = templates.render(name, "de", &values).unwrap();
            assert_ne!(english.subject, german.subject, "{name}");
        }
        // A language Roster does not have: English.
        let mail = templates.render("verify-email", "xx", &values).unwrap();
        assert_eq!(mail.subject, "Verify your email address");
    }

    #[test]
    fn a_languages_folder_overrides_that_language_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("fr")).unwrap();
        std::fs::write(
            dir.path().join("fr").join("password-changed.subject.txt"),
            "Votre mot de passe a changé chez {{ product_name }}\n",
        )
        .unwrap();
        let branding = Branding::default();
        let messages = Arc::new(Messages::shipped().unwrap());
        Templates::check(dir.path(), &branding, &messages).unwrap();
        let templates = templates(Some(dir.path().to_path_buf()), &branding);
        let values = serde_json::json!({ "first_name": "Ada" });
        let french = templates.render("password-changed", "fr", &values).unwrap();
        assert_eq!(french.subject, "Votre mot de passe a changé chez Roster");
        let german = templates.render("password-changed", "de", &values).unwrap();
        assert_eq!(german.subject, "Ihr Passwort wurde geändert");
    }

    #[test]
    fn a_template_that_does_not_render_is_named_with_its_line() {
        let branding = Branding::default();
        let messages = Arc::new(Messages::shipped().unwrap());
        let check = |file: &str, text: &str| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            let problem = Templates::check(dir.path(), &branding, &messages).unwrap_err();
            (problem, path.display().to_string())
        };
        let (problem, path) = check("de/invitation.txt", "Hallo\n\n{{ link }\n");
        assert_eq!((problem.file.as_str(), problem.line), (path.as_str(), 3));
        let (problem, path) = check("invitation.txt", "Hi\n{{ inviter_name }}\n");
        assert_eq!((problem.file.as_str(), problem.line), (path.as_str(), 2));
        assert!(problem.message.contains("does not render"), "{problem}");
        let (problem, _) = check("verify-email.txt", "{{ t(\"no-such-message\") }}\n");
        assert!(problem.message.contains("no-such-message"), "{problem}");
        let (problem, path) = check("welcome.txt", "Hi\n");
        assert_eq!(problem.file, path);
        let (problem, _) = check("xx/verify-email.txt", "Hi\n");
        assert!(problem.message.contains("`xx`"), "{problem}");
    }
}
