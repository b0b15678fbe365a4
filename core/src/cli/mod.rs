//! The `roster` command line: `serve`, `migrate`, `config`, `mail test`, `import whmcs`, `admin`,
//! `messages`.

mod admin;
mod messages;
mod oauth;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use admin::AdminCommand;

use crate::db::Db;
use crate::mail::{Mailer, OutgoingMail};
use crate::settings::{Loaded, Settings};
use crate::startup::{App, shutdown_signal};

#[derive(Debug, Parser)]
#[command(
    name = "roster",
    version,
    about = "Roster: users, accounts and invitations for hosting platforms"
)]
pub struct Cli {
    /// Settings file [default: config/roster.toml when it exists]
    #[arg(long, global = true, env = "ROSTER_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (applies pending migrations first)
    Serve,
    /// Apply pending database migrations and exit
    Migrate,
    /// Print the effective settings as TOML, secrets masked
    Config,
    /// Mail tools
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
    /// Bring data from another system
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The provider's wording: check override folders, export a language's messages
    Messages {
        #[command(subcommand)]
        command: messages::MessagesCommand,
    },
    /// Staff credentials: admin API tokens and WHMCS API credentials
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a WHMCS 7 or 8 database (read-only; run it again to bring what changed since)
    Whmcs {
        /// The WHMCS database: mysql://USER:PASS@HOST/DB
        #[arg(long, value_name = "URL")]
        from: String,
        /// Report what would happen, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Write the full report to FILE (JSON when it ends in .json, else Markdown)
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Let plugins' after-hooks see the imported rows (off by default)
        #[arg(long)]
        notify_plugins: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send a test message with the configured transport, to check the mail settings
    Test {
        /// Recipient address
        #[arg(long)]
        to: String,
    },
}

/// Parses the command line, loads settings and runs the command. Errors print one line on stderr.
pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    let Loaded { settings, warnings } = match Settings::load(cli.config.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("roster: {e}");
            return ExitCode::from(2);
        }
    };
    if let Command::Config = cli.command {
        for warning in &warnings {
            eprintln!("roster: warning: {warning}");
        }
        return match settings.to_masked_toml() {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("roster: cannot print the settings: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let log_target = match cli.command {
        Command::Serve => crate::telemetry::Target::Stdout,
        _ => crate::telemetry::Target::Stderr,
    };
    // Held to the end: dropping it writes out the queued log lines.
    let _log = match crate::telemetry::init(&settings.log, log_target) {
        Ok(guard) => guard,
        Err(e) => {
            eprintln!("roster: cannot start logging: {e}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &warnings {
        tracing::warn!("{warning}");
    }
    let result = match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(settings).await,
        Command::Mail {
            command: MailCommand::Test { to },
        } => mail_test(settings, to).await,
        Command::Admin { command } => admin::run(settings, command).await,
        Command::Messages { command } => messages::run(&settings, command),
        Command::Import {
            command:
                ImportCommand::Whmcs {
                    from,
                    dry_run,
                    report,
                    notify_plugins,
                },
        } => {
            let options = crate::import::Options {
                from,
                dry_run,
                report,
                notify_plugins,
                progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            };
            return import_whmcs(settings, options).await;
        }
        Command::Config => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("roster: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), anyhow::Error> {
    let app = App::build(settings).await?;
    tracing::info!(
        addr = %app.local_addr(),
        metrics_addr = app.metrics_addr().map(|a| a.to_string()),
        database = app.state().db.backend().as_str(),
        "listening"
    );
    app.run(shutdown_signal()).await?;
    Ok(())
}

/// Runs the import and prints the summary; fails (exit 1) when a source row was refused.
async fn import_whmcs(settings: Settings, options: crate::import::Options) -> ExitCode {
    match crate::import::run(&settings, &options).await {
        Ok(report) => {
            println!("{}", report.source);
            println!("{}", report.table());
            if options.dry_run {
                println!("dry run: nothing was written");
            }
            let refused = report.refused();
            if refused > 0 {
                eprintln!(
                    "roster: {refused} source row(s) refused{}",
                    match &options.report {
                        Some(path) => format!("; see {}", path.display()),
                        None => "; run with --report FILE to see which and why".to_owned(),
                    }
                );
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("roster: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(settings: Settings) -> Result<(), anyhow::Error> {
    let db = Db::connect(&settings.database).await?;
    let applied = db.migrate().await?;
    let total = db.check_ready().await?;
    db.close().await;
    println!("applied {applied} migration(s); {total} in all, database is up to date");
    Ok(())
}

async fn mail_test(settings: Settings, to: String) -> Result<(), anyhow::Error> {
    let mailer = Mailer::from_settings(&settings.mail)?;
    mailer
        .send(OutgoingMail {
            to: to.clone(),
            subject: "Roster test message".to_owned(),
            text: format!(
                "This is a test message from Roster ({}).\n\nIf you can read it, outgoing mail works.\n",
                settings.server.public_url.as_str()
            ),
            html: None,
        })
        .await?;
    println!(
        "sent a test message to {to} (mail.transport = {:?})",
        settings.mail.transport
    );
    Ok(())
}
