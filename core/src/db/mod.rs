//! The repository layer's connection: one pool over sqlx's `Any` driver, so every query is written
//! once and runs on SQLite (embedded default) and PostgreSQL (production) alike.
//!
//! Portability rules for SQL written against this pool (see docs/architecture.md): `$1` placeholders;
//! integers, text, booleans and blobs only (timestamps are unix milliseconds in `BIGINT`, ids are text,
//! JSON is text); one migration folder per database in `migrations/`, kept in step.
//!
//! A `LIMIT` takes its bound value as `LIMIT CAST($n AS BIGINT)`, never as a bare `LIMIT $n`:
//! SQLite (3.47 and later) reads a bare placeholder's value while it plans the statement, so every
//! new value expires the cached statement and each run compiles it again (`sqlite3Reprepare`: it
//! cost `GET /me/accounts` two thirds of its throughput, docs/benchmarks.md). A cast is computed
//! when the statement runs; PostgreSQL takes either. A test over the source keeps it so.

pub mod conditions;

use std::path::Path;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::error::Result;
use crate::settings::{Backend, DatabaseSettings};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// SQLite connection set-up: WAL for concurrent readers, foreign keys enforced, a busy timeout so
/// writers queue instead of failing.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
     PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

/// The database handle every repository takes.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

/// Why the server is not ready to serve.
#[derive(Debug, thiserror::Error)]
pub enum NotReady {
    #[error("database unreachable")]
    Unreachable(#[source] sqlx::Error),
    #[error("{0} migration(s) not applied")]
    PendingMigrations(usize),
}

impl Db {
    /// Opens the pool. For SQLite the file and its folder are created when missing.
    pub async fn connect(settings: &DatabaseSettings) -> Result<Self> {
        install_default_drivers();
        let backend = settings.url.backend();
        let mut options = AnyPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            // sqlx pings every connection it hands out by default: one extra round trip per
            // query. A connection that broke meanwhile fails its query instead and is dropped.
            .test_before_acquire(false);
        let url = match backend {
            Backend::Postgres => settings.url.expose().to_owned(),
            Backend::Sqlite => {
                let prepared = prepare_sqlite_url(settings.url.expose())?;
                if prepared.in_memory {
                    // Each connection to `:memory:` is its own database: keep exactly one.
                    options = options.max_connections(1).min_connections(1);
                }
                options = options.after_connect(|conn, _meta| {
                    Box::pin(async move {
                        conn.execute(SQLITE_PRAGMAS).await?;
                        Ok(())
                    })
                });
                prepared.url
            }
        };
        let pool = options.connect(&url).await?;
        Ok(Self { pool, backend })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a write transaction.
    /// - SQLite runs one write transaction at a time, and takes the write lock at once
    ///   (`BEGIN IMMEDIATE`): a transaction that reads and then writes would otherwise fail with
    ///   "database is locked" when another writer got in between, instead of waiting its turn.
    /// - PostgreSQL runs them side by side. Writes on one account take that account's lock first
    ///   ([`crate::accounts::steps::lock`]), so they queue behind each other and nothing else.
    ///
    /// No plugin is called while a write transaction is open: the domain judges a request with
    /// the before-hooks first, then opens the transaction and checks the preconditions again.
    /// The time a write waits for its turn is `/metrics`' `roster_db_write_wait_seconds`.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                let started = std::time::Instant::now();
                let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                crate::stats::write_wait(started.elapsed());
                Ok(tx)
            }
            Backend::Postgres => self.pool.begin().await,
        }
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// Applies the embedded migrations that are not applied yet; returns how many ran.
    pub async fn migrate(&self) -> Result<usize> {
        let (before, _) = self.applied().await.unwrap_or_default();
        self.migrator().run(&self.pool).await?;
        let (after, _) = self.applied().await?;
        Ok(usize::try_from(after.saturating_sub(before)).unwrap_or_default())
    }

    /// Ready means: the database answers and every embedded migration is applied.
    pub async fn check_ready(&self) -> Result<usize, NotReady> {
        let (applied, latest) = self.applied().await.map_err(NotReady::Unreachable)?;
        // sqlx applies migrations in version order, so the ones after the latest are pending.
        let pending = self
            .migrator()
            .iter()
            .filter(|m| m.migration_type.is_up_migration() && m.version > latest)
            .count();
        if pending > 0 {
            return Err(NotReady::PendingMigrations(pending));
        }
        Ok(usize::try_from(applied).unwrap_or_default())
    }

    /// How many migrations are applied, and the latest version (0 for none), in one row: a
    /// readiness probe runs this every few seconds on every replica.
    async fn applied(&self) -> Result<(i64, i64), sqlx::Error> {
        sqlx::query_as(
            "SELECT COUNT(*) AS applied, COALESCE(MAX(version), 0) AS latest \
             FROM _sqlx_migrations WHERE success",
        )
        .fetch_one(&self.pool)
        .await
        .or_else(|e| match &e {
            // No migrations table yet: nothing applied.
            sqlx::Error::Database(db) if is_missing_table(db.message()) => Ok((0, 0)),
            _ => Err(e),
        })
    }

    /// Closes every connection (on shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The numbered tables (migration 0007): each draws `number` from its own sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Accounts,
    Users,
    Contacts,
}

impl Numbered {
    fn sequence(self, backend: Backend) -> &'static str {
        match (self, backend) {
            (Self::Accounts, Backend::Sqlite) => "accounts",
            (Self::Users, Backend::Sqlite) => "users",
            (Self::Contacts, Backend::Sqlite) => "contacts",
            (Self::Accounts, Backend::Postgres) => "account_numbers",
            (Self::Users, Backend::Postgres) => "user_numbers",
            (Self::Contacts, Backend::Postgres) => "contact_numbers",
        }
    }
}

/// Raises `table`'s number sequence to at least `at_least`, so that numbers drawn from now on
/// are above it: call it before inserting rows with numbers given by hand (the import keeps
/// WHMCS ids). Never lowers it.
pub async fn raise_sequence(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    table: Numbered,
    at_least: i64,
) -> Result<()> {
    let name = table.sequence(backend);
    match backend {
        Backend::Sqlite => {
            sqlx::query(
                "UPDATE number_sequences SET last_value = MAX(last_value, $2) WHERE name = $1",
            )
            .bind(name)
            .bind(at_least)
            .execute(conn)
            .await?;
        }
        Backend::Postgres => {
            // `setval(seq, n)`: the next value drawn is n + 1. The name is one of the fixed
            // identifiers above, never input.
            let sql = format!(
                "SELECT setval('{name}', $1) AS raised FROM {name} \
                 WHERE $1 > CASE WHEN is_called THEN last_value ELSE last_value - 1 END"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(at_least)
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

/// A `LIKE … ESCAPE '\\'` pattern matching `text` anywhere, lower-cased (compare with `lower(col)`).
pub fn contains_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// A search text that is a number (`1042`, `#1042`): matched against `number` columns.
pub fn as_number(text: &str) -> Option<i64> {
    text.trim()
        .trim_start_matches('#')
        .parse()
        .ok()
        .filter(|n: &i64| *n > 0)
}

fn is_missing_table(message: &str) -> bool {
    message.contains("no such table")
        || (message.contains("relation") && message.contains("does not exist"))
}

struct SqliteUrl {
    url: String,
    in_memory: bool,
}

/// Creates the folder of a file database and asks sqlx to create the file (`mode=rwc`).
fn prepare_sqlite_url(url: &str) -> Result<SqliteUrl> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let in_memory = path == ":memory:" || path.is_empty() || query.contains("mode=memory");
    if in_memory {
        return Ok(SqliteUrl {
            url: url.to_owned(),
            in_memory,
        });
    }
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            anyhow::anyhow!(
                "cannot create the database folder {}: {e}",
                parent.display()
            )
        })?;
    }
    let url = if query.split('&').any(|kv| kv.starts_with("mode=")) {
        url.to_owned()
    } else if query.is_empty() {
        format!("{url}?mode=rwc")
    } else {
        format!("{url}&mode=rwc")
    };
    Ok(SqliteUrl { url, in_memory })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("Ada_100%"), "%ada\\_100\\%%");
    }

    #[test]
    fn sqlite_urls_gain_create_mode_and_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/deeper/roster.db");
        let url = format!("sqlite://{}", path.display());
        let prepared = prepare_sqlite_url(&url).unwrap();
        assert_eq!(prepared.url, format!("{url}?mode=rwc"));
        assert!(!prepared.in_memory);
        assert!(path.parent().unwrap().is_dir());

        let kept = prepare_sqlite_url(&format!("{url}?mode=ro")).unwrap();
        assert_eq!(kept.url, format!("{url}?mode=ro"));
        assert!(prepare_sqlite_url("sqlite::memory:").unwrap().in_memory);
    }
}
