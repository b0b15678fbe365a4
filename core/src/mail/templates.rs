//! Mail templates: minijinja, built in, overridable file by file from `mail.templates_dir`.

use std::path::PathBuf;

use minijinja::{Environment, ErrorKind};
use serde::Serialize;

use super::MailError;

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

pub struct Templates {
    env: Environment<'static>,
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

impl Templates {
    pub fn new(override_dir: Option<PathBuf>, branding: &Branding) -> Self {
        let mut env = Environment::new();
        env.add_global("product_name", branding.product_name.clone());
        env.add_global("logo_url", branding.logo_url.clone());
        env.add_global("accent_color", branding.accent_color.clone());
        env.add_global("public_url", branding.public_url.clone());
        env.set_loader(move |name| {
            if let Some(dir) = &override_dir {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            ErrorKind::InvalidOperation,
                            format!("cannot read {}: {e}", path.display()),
                        )
                    });
                }
            }
            Ok(builtin(name).map(str::to_owned))
        });
        Self { env }
    }

    /// Renders `NAME.subject.txt`, `NAME.txt` and, when it exists, `NAME.html`.
    pub fn render(&self, name: &str, values: &impl Serialize) -> Result<Rendered, MailError> {
        let render = |file: String| -> Result<Option<String>, MailError> {
            match self.env.get_template(&file) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_render_and_escape_html_only() {
        let templates = Templates::new(None, &Branding::default());
        let values = serde_json::json!({
            "first_name": "<Ada>", "link": "https://x.test/verify-email/abc", "expires_in": "1h",
        });
        let mail = templates.render("verify-email", &values).unwrap();
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
        let templates = Templates::new(None, &Branding::default());
        let words = "Billing: your hosting is suspended, pay at evil.test";
        let values = serde_json::json!({
            "invited_by": words, "account_name": "<b>Urgent</b>", "sent_by_staff": false,
            "link": "https://x.test/invite/abc", "expires_in": "7 days",
        });
        let mail = templates.render("invitation", &values).unwrap();
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
        let templates = Templates::new(None, &Branding::of(&settings));
        let values = serde_json::json!({
            "first_name": "Ada", "link": "https://x.test/l", "expires_in": "7 days",
            "account_name": "Shop", "invited_by": "Olive", "sent_by_staff": false,
        });
        for name in [
            "verify-email",
            "password-reset",
            "set-password",
            "signup-attempt",
            "email-change",
            "email-in-use",
            "sign-in-code",
            "password-changed",
            "invitation",
        ] {
            let mail = templates.render(name, &values).unwrap();
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
        let invitation = templates.render("invitation", &values).unwrap();
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
        let templates = Templates::new(Some(dir.path().to_path_buf()), &Branding::default());
        let mail = templates
            .render(
                "password-changed",
                &serde_json::json!({ "first_name": "Ada" }),
            )
            .unwrap();
        assert_eq!(mail.subject, "Mot de passe changé");
        assert!(mail.text.contains("Hello Ada"), "built-in body still used");
    }
}
