//! The plugin tables: each plugin's key-value store, its delivery cursor over `domain_events`
//! and its parked events (migration 0005).

use sqlx::Row;

use crate::db::Db;
use crate::error::Result;
use crate::settings::Backend;

pub async fn kv_get(db: &Db, plugin: &str, key: &str) -> Result<Option<String>> {
    let row = sqlx::query("SELECT value FROM plugin_kv WHERE plugin = $1 AND key = $2")
        .bind(plugin.to_owned())
        .bind(key.to_owned())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| r.try_get("value")).transpose()?)
}

pub async fn kv_set(db: &Db, plugin: &str, key: &str, value: &str, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO plugin_kv (plugin, key, value, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (plugin, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(plugin.to_owned())
    .bind(key.to_owned())
    .bind(value.to_owned())
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn kv_delete(db: &Db, plugin: &str, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM plugin_kv WHERE plugin = $1 AND key = $2")
        .bind(plugin.to_owned())
        .bind(key.to_owned())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A plugin's delivery state.
#[derive(Debug, Clone)]
pub struct Cursor {
    /// The position of the last event passed (delivered, parked or not subscribed).
    pub last_seq: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub delivered: i64,
}

/// Creates the plugin's cursor at the newest event, if it has none: a newly installed plugin gets
/// the events committed from now on, not the history. (`WHERE true` is SQLite's way of telling
/// an upsert's `ON CONFLICT` from a join in `INSERT … SELECT`.)
pub async fn ensure_cursor(db: &Db, plugin: &str, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO plugin_cursors (plugin, last_seq, updated_at) \
         SELECT $1, COALESCE(MAX(position), 0), $2 FROM domain_events WHERE true \
         ON CONFLICT (plugin) DO NOTHING",
    )
    .bind(plugin.to_owned())
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Takes (or renews) the plugin's delivery lease for `owner`; false when another replica holds it.
pub async fn claim(db: &Db, plugin: &str, owner: &str, now: i64, until: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE plugin_cursors SET lease_owner = $1, lease_until = $2 \
         WHERE plugin = $3 AND (lease_owner IS NULL OR lease_owner = $1 OR lease_until < $4)",
    )
    .bind(owner.to_owned())
    .bind(until)
    .bind(plugin.to_owned())
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives the lease back (graceful shutdown), so another replica or the next start can go on at once.
pub async fn release(db: &Db, plugin: &str, owner: &str) -> Result<()> {
    sqlx::query(
        "UPDATE plugin_cursors SET lease_owner = NULL, lease_until = 0 \
         WHERE plugin = $1 AND lease_owner = $2",
    )
    .bind(plugin.to_owned())
    .bind(owner.to_owned())
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn cursor(db: &Db, plugin: &str) -> Result<Option<Cursor>> {
    let row = sqlx::query(
        "SELECT last_seq, attempts, next_attempt_at, last_error, delivered \
         FROM plugin_cursors WHERE plugin = $1",
    )
    .bind(plugin.to_owned())
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        Ok(Cursor {
            last_seq: r.try_get("last_seq")?,
            attempts: r.try_get("attempts")?,
            next_attempt_at: r.try_get("next_attempt_at")?,
            last_error: r.try_get("last_error")?,
            delivered: r.try_get("delivered")?,
        })
    })
    .transpose()
}

/// One stored domain event.
#[derive(Debug, Clone)]
pub struct EventRow {
    /// Its position in delivery order (`domain_events.position`): what plugins see as `seq`.
    pub seq: i64,
    pub id: String,
    pub kind: String,
    pub account_id: Option<String>,
    pub user_id: Option<String>,
    pub payload: String,
    pub occurred_at: i64,
}

/// The next events to deliver after position `seq`, in delivery order.
pub async fn events_after(db: &Db, seq: i64, limit: i64) -> Result<Vec<EventRow>> {
    let rows = sqlx::query(
        "SELECT position AS seq, id, kind, account_id, user_id, payload, occurred_at \
         FROM domain_events WHERE position > $1 ORDER BY position LIMIT CAST($2 AS BIGINT)",
    )
    .bind(seq)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EventRow {
                seq: r.try_get("seq")?,
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                account_id: r.try_get("account_id")?,
                user_id: r.try_get("user_id")?,
                payload: r.try_get("payload")?,
                occurred_at: r.try_get("occurred_at")?,
            })
        })
        .collect()
}

/// Moves the cursor past `seq` (delivered: `delivered` says whether it counts as a delivery),
/// only while `owner` holds the lease. False when the lease was lost.
pub async fn advance(
    db: &Db,
    plugin: &str,
    owner: &str,
    seq: i64,
    delivered: bool,
    now: i64,
    lease_until: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE plugin_cursors SET last_seq = $1, attempts = 0, next_attempt_at = 0, \
         last_error = NULL, delivered = delivered + $2, updated_at = $3, lease_until = $4 \
         WHERE plugin = $5 AND lease_owner = $6 AND last_seq < $1",
    )
    .bind(seq)
    .bind(i64::from(delivered))
    .bind(now)
    .bind(lease_until)
    .bind(plugin.to_owned())
    .bind(owner.to_owned())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt at the event after the cursor; the next try waits until `retry_at`.
pub async fn failed(
    db: &Db,
    plugin: &str,
    owner: &str,
    error: &str,
    now: i64,
    retry_at: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE plugin_cursors SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2, \
         updated_at = $3 WHERE plugin = $4 AND lease_owner = $5",
    )
    .bind(retry_at)
    .bind(error.to_owned())
    .bind(now)
    .bind(plugin.to_owned())
    .bind(owner.to_owned())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Parks `event` for the plugin and moves the cursor past it, in one transaction.
pub async fn park(
    db: &Db,
    plugin: &str,
    owner: &str,
    event: &EventRow,
    attempts: i64,
    error: &str,
    now: i64,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let moved = sqlx::query(
        "UPDATE plugin_cursors SET last_seq = $1, attempts = 0, next_attempt_at = 0, \
         last_error = $2, updated_at = $3 WHERE plugin = $4 AND lease_owner = $5 AND last_seq < $1",
    )
    .bind(event.seq)
    .bind(error.to_owned())
    .bind(now)
    .bind(plugin.to_owned())
    .bind(owner.to_owned())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO plugin_parked (plugin, event_seq, event_id, kind, account_id, attempts, error, parked_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plugin, event_seq) DO NOTHING",
    )
    .bind(plugin.to_owned())
    .bind(event.seq)
    .bind(event.id.clone())
    .bind(event.kind.clone())
    .bind(event.account_id.clone())
    .bind(attempts)
    .bind(error.to_owned())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// One parked event, as the admin API shows it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Parked {
    pub event_seq: i64,
    pub event_id: String,
    pub kind: String,
    pub account_id: Option<String>,
    pub attempts: i64,
    pub error: String,
    /// Unix milliseconds.
    pub parked_at: i64,
}

pub async fn parked(db: &Db, plugin: &str, limit: i64) -> Result<Vec<Parked>> {
    let rows = sqlx::query(
        "SELECT event_seq, event_id, kind, account_id, attempts, error, parked_at \
         FROM plugin_parked WHERE plugin = $1 ORDER BY event_seq LIMIT CAST($2 AS BIGINT)",
    )
    .bind(plugin.to_owned())
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Parked {
                event_seq: r.try_get("event_seq")?,
                event_id: r.try_get("event_id")?,
                kind: r.try_get("kind")?,
                account_id: r.try_get("account_id")?,
                attempts: r.try_get("attempts")?,
                error: r.try_get("error")?,
                parked_at: r.try_get("parked_at")?,
            })
        })
        .collect()
}

pub async fn parked_count(db: &Db, plugin: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM plugin_parked WHERE plugin = $1")
        .bind(plugin.to_owned())
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn is_parked(db: &Db, plugin: &str, seq: i64) -> Result<bool> {
    let row =
        sqlx::query("SELECT 1 AS parked FROM plugin_parked WHERE plugin = $1 AND event_seq = $2")
            .bind(plugin.to_owned())
            .bind(seq)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.is_some())
}

/// Takes one parked event out of the parked list (to deliver it again); false when not parked.
pub async fn unpark(db: &Db, plugin: &str, seq: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM plugin_parked WHERE plugin = $1 AND event_seq = $2")
        .bind(plugin.to_owned())
        .bind(seq)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The event at position `seq`.
pub async fn event(db: &Db, seq: i64) -> Result<Option<EventRow>> {
    Ok(events_after(db, seq - 1, 1)
        .await?
        .into_iter()
        .find(|e| e.seq == seq))
}

/// Events not yet delivered to the plugin: after its cursor, or committed but not numbered yet.
pub async fn pending(db: &Db, last_seq: i64) -> Result<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM domain_events WHERE position > $1 OR position IS NULL",
    )
    .bind(last_seq)
    .fetch_one(db.pool())
    .await?;
    Ok(row.try_get("n")?)
}

/// How many events one numbering pass takes at most.
const SEQUENCE_BATCH: i64 = 1000;

/// PostgreSQL: the lock of the numbering pass, tried, never waited for (another replica is
/// numbering meanwhile). Writes never take it.
const SEQUENCER_LOCK: &str = "SELECT pg_try_advisory_xact_lock(7226455371) AS got";

/// Gives committed events their place in delivery order (migration 0011): the events without a
/// position that no running transaction can still precede, numbered after the highest position in
/// (`txid`, `seq`) order. On PostgreSQL those are the events of transactions older than every
/// running one (`pg_snapshot_xmin`): an event that commits later has a higher `txid` than all of
/// them, so positions only ever grow in the order events are delivered. SQLite commits one writer
/// at a time, in `seq` order. Answers how many events were numbered.
pub async fn sequence(db: &Db) -> Result<u64> {
    let ready = match db.backend() {
        Backend::Sqlite => "",
        Backend::Postgres => " AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
    };
    // Most passes find nothing to number: a read (on the partial index) instead of a write
    // transaction, which on SQLite would take the only write lock every poll.
    let waiting =
        sqlx::query("SELECT 1 AS waiting FROM domain_events WHERE position IS NULL LIMIT 1")
            .fetch_optional(db.pool())
            .await?;
    if waiting.is_none() {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    if db.backend() == Backend::Postgres {
        let got: bool = sqlx::query_scalar(SEQUENCER_LOCK)
            .fetch_one(&mut *tx)
            .await?;
        if !got {
            return Ok(0);
        }
    }
    let sql = format!(
        "UPDATE domain_events SET position = numbered.position FROM (\
           SELECT seq, (SELECT COALESCE(MAX(position), 0) FROM domain_events) \
             + ROW_NUMBER() OVER (ORDER BY txid, seq) AS position \
           FROM domain_events WHERE position IS NULL{ready} \
           ORDER BY txid, seq LIMIT {SEQUENCE_BATCH}) AS numbered \
         WHERE domain_events.seq = numbered.seq"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
