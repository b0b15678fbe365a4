//! `roster admin`: staff members (the admin area's people) and staff credentials (admin API tokens
//! and WHMCS API credentials).

use clap::Subcommand;

use crate::audit::Context;
use crate::db::Db;
use crate::settings::Settings;
use crate::staff;
use crate::staff::credentials::{self, AdminToken, Kind, Role};

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
    /// Staff members, who sign in to the admin area (/admin) with a password and TOTP
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// The apps that sign in with Roster (OpenID Connect relying parties)
    OauthClient {
        #[command(subcommand)]
        command: super::oauth::ClientCommand,
    },
    /// The keys that sign Sign in with Roster's ID tokens (OpenID Connect)
    SigningKey {
        #[command(subcommand)]
        command: super::oauth::SigningKeyCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create a staff member and print their one-time setup link (password and TOTP)
    Create {
        #[arg(long)]
        email: String,
        /// What they may do
        #[arg(long, value_enum)]
        role: Role,
    },
    /// List staff members
    List,
    /// Print a new setup link for a member (lost password or authenticator); the old link stops
    /// working, and their password and TOTP work until the new link is used
    Link {
        #[arg(long)]
        email: String,
    },
    /// Disable a member: they cannot sign in, and their sessions end
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled member
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Remove a member (never the last active administrator)
    Remove {
        #[arg(long)]
        email: String,
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
    let db = Db::connect(&settings.database).await?;
    db.migrate().await?;
    let result = match command {
        AdminCommand::Token { command } => credential(&db, Kind::Token, command).await,
        AdminCommand::ApiCredential { command } => {
            credential(&db, Kind::ApiCredential, command).await
        }
        AdminCommand::Staff { command } => staff(&settings, &db, command).await,
        AdminCommand::OauthClient { command } => super::oauth::client(&db, command).await,
        AdminCommand::SigningKey { command } => super::oauth::signing_key(&db, command).await,
    };
    db.close().await;
    Ok(result?)
}

async fn staff(settings: &Settings, db: &Db, command: StaffCommand) -> crate::Result<()> {
    let now = crate::clock::Clock::default().now_ms();
    let ctx = Context::system();
    let link = |token: &str| {
        settings
            .server
            .public_url
            .join(&format!("/admin/setup/{token}"))
    };
    let lifetime = crate::clock::in_words(staff::SETUP_LINK_LIFETIME);
    match command {
        StaffCommand::Create { email, role } => {
            let (member, token) = staff::create(db, &ctx, now, &email, role).await?;
            println!("{}", link(&token));
            eprintln!(
                "staff member {} ({}) created: send them this link, good for {lifetime} and for \
                 one use, to choose a password and set up TOTP",
                member.email, member.role
            );
        }
        StaffCommand::List => {
            println!(
                "{:<36} {:<14} {:<9} {:<7} LAST SIGN-IN",
                "EMAIL", "ROLE", "STATUS", "SET UP"
            );
            for m in staff::list(db).await? {
                println!(
                    "{:<36} {:<14} {:<9} {:<7} {}",
                    m.email,
                    m.role,
                    m.status,
                    if m.set_up { "yes" } else { "no" },
                    m.last_login_at
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "never".to_owned())
                );
            }
        }
        StaffCommand::Link { email } => {
            let member = staff::by_email(db, &email).await?;
            let token = staff::new_link(db, &ctx, now, &member.id).await?;
            println!("{}", link(&token));
            eprintln!("a new setup link for {}, good for {lifetime}", member.email);
        }
        StaffCommand::Disable { email } => {
            let member = staff::by_email(db, &email).await?;
            staff::set_active(db, &ctx, now, &member.id, false).await?;
            println!("disabled staff member {}", member.email);
        }
        StaffCommand::Enable { email } => {
            let member = staff::by_email(db, &email).await?;
            staff::set_active(db, &ctx, now, &member.id, true).await?;
            println!("enabled staff member {}", member.email);
        }
        StaffCommand::Remove { email } => {
            let member = staff::by_email(db, &email).await?;
            staff::remove(db, &ctx, now, &member.id).await?;
            println!("removed staff member {}", member.email);
        }
    }
    Ok(())
}

async fn credential(db: &Db, kind: Kind, command: CredentialCommand) -> crate::Result<()> {
    let now = crate::clock::Clock::default().now_ms();
    let noun = kind.noun();
    match command {
        CredentialCommand::Create { name, role } => {
            let name = match kind {
                Kind::Token => {
                    let (token, record) = credentials::create(db, now, &name, role).await?;
                    println!("{token}");
                    record.name
                }
                Kind::ApiCredential => {
                    let new = credentials::create_api_credential(
                        db,
                        &Context::system(),
                        now,
                        &name,
                        role,
                    )
                    .await?;
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
            let all = credentials::list(db).await?;
            print_list(all.iter().filter(|t| t.kind == kind.as_str()));
            Ok(())
        }
        CredentialCommand::Revoke { name } => {
            if credentials::revoke(db, &Context::system(), now, kind, &name).await? {
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
