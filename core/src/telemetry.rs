//! Logging: human-readable or JSON lines on stdout, filtered by `log.filter` (or `RUST_LOG`).

use std::io::IsTerminal;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, fmt};

use crate::settings::{LogFormat, LogSettings};

/// Installs the global subscriber. Fails if one is already installed or the filter is invalid.
pub fn init(settings: &LogSettings) -> Result<(), anyhow::Error> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(filter) if !filter.is_empty() => EnvFilter::try_new(filter)?,
        _ => EnvFilter::try_new(&settings.filter)?,
    };
    let registry = tracing_subscriber::registry().with(filter);
    match settings.format {
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_writer(std::io::stdout),
            )
            .try_init()?,
        LogFormat::Pretty => registry
            .with(
                fmt::layer()
                    .with_ansi(std::io::stdout().is_terminal())
                    .with_writer(std::io::stdout),
            )
            .try_init()?,
    }
    Ok(())
}
