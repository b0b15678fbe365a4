//! The `roster` binary: parse the command line, load settings, run.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    roster::cli::main().await
}
