//! `roster import whmcs`: bringing a provider's WHMCS 7 or 8 data into Roster (DESIGN.md rule 9
//! and §2a; the decisions where public material is silent are in docs/whmcs-import.md).
//!
//! `whmcs` reads the source from one consistent snapshot; `plan` decides what each source row
//! becomes against what Roster holds (so a second run brings only what changed); `write` carries
//! the plan out in batches; `report` says what happened to every row that was not simply created.

pub mod convert;
mod plan;
pub mod report;
mod rows;
pub mod sources;
mod whmcs;
mod write;

use std::path::PathBuf;

use sqlx::Row;

use crate::db::Db;
use crate::settings::Settings;
use crate::users::Passwords;
use plan::{Existing, Mapped};
use report::Report;

/// What the command was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// `mysql://USER:PASS@HOST/DB`
    pub from: String,
    pub dry_run: bool,
    /// Where to write the report: `.json` for JSON, anything else Markdown.
    pub report: Option<PathBuf>,
    /// Also record domain events, so that plugins' after-hooks see the imported rows.
    pub notify_plugins: bool,
    /// Draw a progress bar (on a terminal).
    pub progress: bool,
}

/// Runs the import; the report says what happened (and how many rows were refused).
pub async fn run(settings: &Settings, options: &Options) -> anyhow::Result<Report> {
    let source = whmcs::read(&options.from).await?;
    let db = Db::connect(&settings.database).await?;
    db.migrate().await?;
    let now = crate::clock::Clock::default().now_ms();
    let config = plan::Config {
        default_currency: settings.accounts.default_currency.clone(),
        invitation_expiry_ms: crate::clock::ms(settings.invitations.expiry),
        now,
    };
    let existing = existing(&db, now).await?;
    let plan = plan::plan(&source, existing, config);
    let mut report = plan.report;
    report.source = format!(
        "{} ({} clients, {} logins, {} contacts, {} open invitations)",
        source.version.as_str(),
        source.clients.len(),
        source.logins.len(),
        source.contacts.len(),
        source.invites.len()
    );
    report.dry_run = options.dry_run;
    if !options.dry_run && !plan.ops.is_empty() {
        let passwords = Passwords::new(settings.auth.argon2, settings.auth.password.clone())?;
        let writer = write::Writer {
            db: &db,
            passwords: &passwords,
            notify_plugins: options.notify_plugins,
            now,
        };
        writer.raise_sequences(plan.max_numbers).await?;
        let bar = progress_bar(options.progress, plan.ops.len());
        for batch in plan.ops.chunks(write::BATCH) {
            writer.batch(batch).await?;
            bar.inc(batch.len() as u64);
        }
        bar.finish_and_clear();
    }
    db.close().await;
    if let Some(path) = &options.report {
        let text = if path.extension().is_some_and(|e| e == "json") {
            report.to_json()
        } else {
            report.to_markdown()
        };
        std::fs::write(path, text)
            .map_err(|e| anyhow::anyhow!("cannot write the report to {}: {e}", path.display()))?;
    }
    Ok(report)
}

fn progress_bar(shown: bool, total: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} importing [{bar:40}] {pos}/{len} writes ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// What Roster holds that the plan must know: the rows earlier runs imported, users by email,
/// owners and memberships, the numbers taken.
async fn existing(db: &Db, now: i64) -> anyhow::Result<Existing> {
    let mut conn = db.pool().acquire().await?;
    let mut existing = Existing::default();
    for row in sqlx::query(
        "SELECT kind, source_id, roster_id, snapshot FROM import_sources WHERE source = 'whmcs'",
    )
    .fetch_all(&mut *conn)
    .await?
    {
        let snapshot: String = row.try_get("snapshot")?;
        existing.mapped.insert(
            (row.try_get("kind")?, row.try_get("source_id")?),
            Mapped {
                roster_id: row.try_get("roster_id")?,
                snapshot: serde_json::from_str(&snapshot).unwrap_or_default(),
            },
        );
    }
    for row in sqlx::query("SELECT id, email_normalized, number FROM users")
        .fetch_all(&mut *conn)
        .await?
    {
        let id: String = row.try_get("id")?;
        existing
            .users_by_email
            .insert(row.try_get("email_normalized")?, id.clone());
        existing.user_ids.insert(id);
        existing.user_numbers.insert(row.try_get("number")?);
    }
    for row in sqlx::query("SELECT id, owner_user_id, number FROM accounts")
        .fetch_all(&mut *conn)
        .await?
    {
        existing
            .owners
            .insert(row.try_get("id")?, row.try_get("owner_user_id")?);
        existing.account_numbers.insert(row.try_get("number")?);
    }
    for row in sqlx::query("SELECT account_id, user_id, permissions FROM memberships")
        .fetch_all(&mut *conn)
        .await?
    {
        let permissions: String = row.try_get("permissions")?;
        existing.memberships.insert(
            (row.try_get("account_id")?, row.try_get("user_id")?),
            crate::permissions::decode(&permissions),
        );
    }
    for row in sqlx::query(
        "SELECT account_id, email_normalized FROM invitations \
         WHERE state = 'pending' AND expires_at > $1",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?
    {
        existing
            .pending_invitations
            .insert((row.try_get("account_id")?, row.try_get("email_normalized")?));
    }
    for row in sqlx::query("SELECT number FROM contacts")
        .fetch_all(&mut *conn)
        .await?
    {
        existing.contact_numbers.insert(row.try_get("number")?);
    }
    Ok(existing)
}
