//! `roster admin`: staff credentials (admin API tokens and WHMCS API credentials).

use clap::Subcommand;

use crate::admins::{self, AdminToken, Kind, Role};
use crate::audit::Context;
use crate::db::Db;
use crate::settings::Settings;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Admin API tokens (Authorization: Bearer on /api/v1/admin)
    Token {
        #[command(subcommand)]
        command: CredentialCommand,
    },
    /// WHMCS API credentials (identifier and secret for /includes/api.php)
    ApiCredential {
        #[command(subcommand)]
        command: CredentialCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum CredentialCommand {
    /// Create one and print it (once: only its hash is stored)
    Create {
        /// A name for it (who or what uses it)
        #[arg(long)]
        name: String,
        /// What it may do
        #[arg(long, value_enum, default_value = "administrator")]
        role: Role,
    },
    /// List them (names, roles and dates, never the secrets)
    List,
    /// Revoke the one with this name
    Revoke {
        #[arg(long)]
        name: String,
    },
}

pub async fn run(settings: Settings, command: AdminCommand) -> Result<(), anyhow::Error> {
    let (kind, command) = match command {
        AdminCommand::Token { command } => (Kind::Token, command),
        AdminCommand::ApiCredential { command } => (Kind::ApiCredential, command),
    };
    let db = Db::connect(&settings.database).await?;
    db.migrate().await?;
    let result = credential(&db, kind, command).await;
    db.close().await;
    Ok(result?)
}

async fn credential(db: &Db, kind: Kind, command: CredentialCommand) -> crate::Result<()> {
    let now = crate::clock::Clock::default().now_ms();
    let noun = kind.noun();
    match command {
        CredentialCommand::Create { name, role } => {
            let name = match kind {
                Kind::Token => {
                    let (token, record) = admins::create(db, now, &name, role).await?;
                    println!("{token}");
                    record.name
                }
                Kind::ApiCredential => {
                    let new = admins::create_api_credential(db, now, &name, role).await?;
                    println!("identifier: {}", new.identifier);
                    println!("secret:     {}", new.secret);
                    new.credential.name
                }
            };
            eprintln!(
                "{noun} `{name}` ({}) created: keep it now, it is not shown again",
                role.as_str()
            );
            Ok(())
        }
        CredentialCommand::List => {
            let all = admins::list(db).await?;
            print_list(all.iter().filter(|t| t.kind == kind.as_str()));
            Ok(())
        }
        CredentialCommand::Revoke { name } => {
            if admins::revoke(db, &Context::system(), now, kind, &name).await? {
                println!("revoked {noun} `{name}`");
                Ok(())
            } else {
                Err(crate::Error::NotFound(
                    "live credential of this kind with that name",
                ))
            }
        }
    }
}

fn print_list<'a>(credentials: impl Iterator<Item = &'a AdminToken>) {
    println!(
        "{:<24} {:<14} {:<8} {:<34} {:<15} LAST USED",
        "NAME", "ROLE", "STATE", "IDENTIFIER", "CREATED (ms)"
    );
    for t in credentials {
        let state = if t.revoked_at.is_some() {
            "revoked"
        } else {
            "live"
        };
        let used = t
            .last_used_at
            .map(|t| t.to_string())
            .unwrap_or_else(|| "never".to_owned());
        println!(
            "{:<24} {:<14} {:<8} {:<34} {:<15} {}",
            t.name,
            t.role,
            state,
            t.identifier.as_deref().unwrap_or("-"),
            t.created_at,
            used
        );
    }
}
