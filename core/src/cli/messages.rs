//! `roster messages`: the provider's wording outside the server. `check` runs start-up's check of
//! an override folder (and of a mail-template folder) alone; `export` prints a language's shipped
//! messages, the starting point of an override file.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Subcommand;

use crate::i18n::Messages;
use crate::mail::templates::{Branding, Templates};
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum MessagesCommand {
    /// Check a folder of message overrides (de.ftl, pt-BR.ftl, …) as start-up does
    Check {
        /// The folder (what ui.messages_dir would name)
        dir: PathBuf,
        /// Also check a folder of mail templates (what ui.mail_templates_dir would name)
        #[arg(long, value_name = "DIR")]
        mail_templates: Option<PathBuf>,
    },
    /// Print the shipped messages of a language (Fluent), to start an override file from
    Export {
        /// A language tag Roster ships (en, de, fr, es, pt-BR, nl, it)
        lang: String,
    },
}

pub fn run(settings: &Settings, command: MessagesCommand) -> Result<(), anyhow::Error> {
    match command {
        MessagesCommand::Check {
            dir,
            mail_templates,
        } => {
            let messages = Messages::load(Some(&dir))
                .map_err(|problem| anyhow::anyhow!("messages: {problem}"))?;
            println!("{}: every override is a message Roster has", dir.display());
            if let Some(templates) = mail_templates {
                let messages = Arc::new(messages);
                Templates::check(&templates, &Branding::of(settings), &messages)
                    .map_err(|problem| anyhow::anyhow!("mail templates: {problem}"))?;
                println!(
                    "{}: every message renders in every language",
                    templates.display()
                );
            }
            Ok(())
        }
        MessagesCommand::Export { lang } => {
            let text = crate::i18n::from_profile(&lang)
                .and_then(Messages::export)
                .ok_or_else(|| {
                    let shipped: Vec<&str> =
                        crate::i18n::SHIPPED.iter().map(|(tag, _)| *tag).collect();
                    anyhow::anyhow!(
                        "`{lang}` is not a language Roster ships ({})",
                        shipped.join(", ")
                    )
                })?;
            print!("{text}");
            Ok(())
        }
    }
}
