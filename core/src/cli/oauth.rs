//! `roster admin signing-key`: the keys that sign Sign in with Roster's ID and logout tokens.

use std::time::Duration;

use clap::Subcommand;

use crate::audit::Context;
use crate::db::Db;
use crate::oauth::keys::{self, Alg};

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
