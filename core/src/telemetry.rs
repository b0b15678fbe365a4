//! Logging: human-readable or JSON lines, filtered by `log.filter` (or `RUST_LOG`). The server logs
//! to stdout; one-shot commands log to stderr, so that their stdout is only their output (a token,
//! a table).

use std::io::IsTerminal;

use tracing_subscriber::fmt::writer::BoxMakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, fmt};

use crate::settings::{LogFormat, LogSettings};

/// Where log lines go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Stdout,
    Stderr,
}

/// Installs the global subscriber. Fails if one is already installed or the filter is invalid.
pub fn init(settings: &LogSettings, target: Target) -> Result<(), anyhow::Error> {
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
                    .with_writer(writer(target)),
            )
            .try_init()?,
        LogFormat::Pretty => registry
            .with(
                fmt::layer()
                    .with_ansi(match target {
                        Target::Stdout => std::io::stdout().is_terminal(),
                        Target::Stderr => std::io::stderr().is_terminal(),
                    })
                    .with_writer(writer(target)),
            )
            .try_init()?,
    }
    Ok(())
}

fn writer(target: Target) -> BoxMakeWriter {
    match target {
        Target::Stdout => BoxMakeWriter::new(std::io::stdout),
        Target::Stderr => BoxMakeWriter::new(std::io::stderr),
    }
}
