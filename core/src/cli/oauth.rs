//! `roster admin oauth-client` (the apps that sign in with Roster) and `roster admin signing-key`
//! (the keys that sign their ID and logout tokens).

use std::time::Duration;

use clap::Subcommand;

use crate::audit::Context;
use crate::db::Db;
use crate::oauth::clients::{self, Client, NewClient};
use crate::oauth::keys::{self, Alg};

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Register an app and print its client_id (and, unless --public, its secret: shown once)
    Create(NewClient),
    /// List the apps (never their secrets)
    List,
    /// Print a new secret for an app; the old one keeps working for the grace period
    RotateSecret {
        #[arg(long)]
        client_id: String,
        /// How long the old secret keeps working (`0s`: not at all, for a leaked secret)
        #[arg(long, value_parser = humantime::parse_duration, default_value = "1d")]
        grace: Duration,
    },
    /// Remove an app
    Remove {
        #[arg(long)]
        client_id: String,
    },
}

pub async fn client(db: &Db, command: ClientCommand) -> crate::Result<()> {
    let now = crate::clock::Clock::default().now_ms();
    let ctx = Context::system();
    match command {
        ClientCommand::Create(new) => {
            let (app, secret) = clients::create(db, &ctx, now, new).await?;
            println!("client_id:     {}", app.client_id);
            if let Some(secret) = secret {
                println!("client_secret: {secret}");
                eprintln!(
                    "app `{}` registered: keep the secret now, it is not shown again",
                    app.name
                );
            } else {
                eprintln!(
                    "public app `{}` registered: no secret, it must use PKCE (S256)",
                    app.name
                );
            }
        }
        ClientCommand::List => {
            println!(
                "{:<32} {:<24} {:<13} {:<7} REDIRECT URIS",
                "CLIENT ID", "NAME", "KIND", "TRUSTED"
            );
            for app in clients::list(db).await? {
                print_client(&app);
            }
        }
        ClientCommand::RotateSecret { client_id, grace } => {
            let secret = clients::rotate_secret(db, &ctx, now, &client_id, grace).await?;
            println!("client_secret: {secret}");
            eprintln!(
                "new secret for {client_id}: the old one keeps working for {}",
                crate::clock::in_words(grace)
            );
        }
        ClientCommand::Remove { client_id } => {
            let app = clients::remove(db, &ctx, now, &client_id).await?;
            println!("removed app `{}` ({})", app.name, app.client_id);
        }
    }
    Ok(())
}

fn print_client(app: &Client) {
    println!(
        "{:<32} {:<24} {:<13} {:<7} {}",
        app.client_id,
        app.name,
        app.kind,
        if app.trusted { "yes" } else { "no" },
        app.redirect_uris.join(" ")
    );
}

#[derive(Debug, Subcommand)]
pub enum SigningKeyCommand {
    /// List the keys kept: which signs, which is published before it signs, which is retiring
    List,
    /// Add a new key, published in the JWKS at once and signing after the lead time; the key it
    /// replaces stays in the JWKS for an hour after that, so that what it signed still verifies
    Rotate {
        /// Which algorithm's key (both unless given)
        #[arg(long, value_enum)]
        alg: Option<Alg>,
        /// How long the new key is published before it signs (`0s` in an emergency: a leaked key)
        #[arg(long, value_parser = humantime::parse_duration, default_value = "1h")]
        lead: Duration,
    },
}

pub async fn signing_key(db: &Db, command: SigningKeyCommand) -> crate::Result<()> {
    let now = crate::clock::Clock::default().now_ms();
    // A database no server has started on yet gets its first keys, as a start would make them.
    keys::ensure(db, now).await?;
    match command {
        SigningKeyCommand::List => {
            println!(
                "{:<18} {:<6} {:>10} {:<9} {:>15}",
                "KID", "ALG", "GENERATION", "STATE", "SIGNS FROM (ms)"
            );
            for k in keys::list(db, now).await? {
                println!(
                    "{:<18} {:<6} {:>10} {:<9} {:>15}",
                    k.kid, k.alg, k.generation, k.state, k.signs_from
                );
            }
        }
        SigningKeyCommand::Rotate { alg, lead } => {
            let algs = alg.map_or(Alg::ALL.to_vec(), |a| vec![a]);
            for k in keys::rotate(db, &Context::system(), now, &algs, lead).await? {
                println!("{} {}", k.alg, k.kid);
                eprintln!(
                    "new {} key {} published; it signs from {} ({} from now)",
                    k.alg,
                    k.kid,
                    k.signs_from,
                    crate::clock::in_words(lead)
                );
            }
        }
    }
    Ok(())
}
