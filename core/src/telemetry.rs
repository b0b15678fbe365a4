//! Logging: human-readable or JSON lines, filtered by `log.filter` (or `RUST_LOG`). The server logs
//! to stdout; one-shot commands log to stderr, so that their stdout is only their output (a token,
//! a table).
//!
//! The server's lines (one per request at `info`) are formatted where they happen and written by a
//! thread of their own, a batch at a time (`tracing_appender::non_blocking` over a buffered
//! stdout): written inline, each line was a `write` system call on the request's thread, a third
//! of the cost of `/healthz` (docs/benchmarks.md). Nothing is dropped: past [`QUEUED_LINES`] queued
//! lines the request waits. The queue is written out when the [`Guard`] drops at exit; a crash loses what
//! was still queued (milliseconds of lines).

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

/// Keeps the server's log writer running; dropped at exit, it writes out what is still queued.
#[must_use = "the log writer stops when the guard drops"]
pub struct Guard {
    _writer: Option<tracing_appender::non_blocking::WorkerGuard>,
}

/// Installs the global subscriber. Fails if one is already installed or the filter is invalid.
pub fn init(settings: &LogSettings, target: Target) -> Result<Guard, anyhow::Error> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(filter) if !filter.is_empty() => EnvFilter::try_new(filter)?,
        _ => EnvFilter::try_new(&settings.filter)?,
    };
    let registry = tracing_subscriber::registry().with(filter);
    let (writer, guard) = writer(target);
    match settings.format {
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_writer(writer),
            )
            .try_init()?,
        LogFormat::Pretty => registry
            .with(
                fmt::layer()
                    .with_ansi(match target {
                        Target::Stdout => std::io::stdout().is_terminal(),
                        Target::Stderr => std::io::stderr().is_terminal(),
                    })
                    .with_writer(writer),
            )
            .try_init()?,
    }
    Ok(guard)
}

/// How many lines may wait for the writer thread before a request waits for it: about a tenth of a
/// second of lines at the request rates this machine reaches, which the writer drains in far less.
/// The queue is allocated whole at start-up (32 bytes a line): the library's default, 128k lines,
/// held 4 MiB resident for good (docs/benchmarks.md, "The resident set").
const QUEUED_LINES: usize = 8 * 1024;

fn writer(target: Target) -> (BoxMakeWriter, Guard) {
    match target {
        Target::Stdout => {
            let buffered = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout());
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .lossy(false)
                .buffered_lines_limit(QUEUED_LINES)
                .thread_name("roster-log")
                .finish(buffered);
            let guard = Guard {
                _writer: Some(guard),
            };
            (BoxMakeWriter::new(writer), guard)
        }
        Target::Stderr => (BoxMakeWriter::new(std::io::stderr), Guard { _writer: None }),
    }
}
