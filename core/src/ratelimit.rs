//! Fixed-window rate limits kept in the database, so that every replica shares them. The counter is
//! incremented atomically *before* the guarded work, so parallel attempts cannot slip past it.

use std::time::Duration;

use sqlx::AnyPool;

use crate::clock::ms;
use crate::error::{Error, Result};

/// Counts one hit in `bucket`; refuses with [`Error::RateLimited`] when it is over `max` in the
/// current window.
pub async fn hit(
    pool: &AnyPool,
    bucket: &str,
    max: u32,
    window: Duration,
    now_ms: i64,
) -> Result<()> {
    let window_ms = ms(window);
    let (hits, window_start): (i64, i64) = sqlx::query_as(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
           window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
         RETURNING hits, window_start",
    )
    .bind(bucket.to_owned())
    .bind(now_ms)
    .bind(now_ms - window_ms)
    .fetch_one(pool)
    .await?;
    if hits > i64::from(max) {
        let remaining_ms = (window_start + window_ms - now_ms).max(1000);
        return Err(Error::RateLimited {
            retry_after_secs: u64::try_from((remaining_ms + 999) / 1000).unwrap_or(1),
        });
    }
    Ok(())
}

/// Whether `bucket` has used up its `max` hits in the current window (counts nothing).
pub async fn exhausted(
    pool: &AnyPool,
    bucket: &str,
    max: u32,
    window: Duration,
    now_ms: i64,
) -> Result<bool> {
    let hits: Option<i64> =
        sqlx::query_scalar("SELECT hits FROM rate_limits WHERE bucket = $1 AND window_start > $2")
            .bind(bucket.to_owned())
            .bind(now_ms - ms(window))
            .fetch_optional(pool)
            .await?;
    Ok(hits.is_some_and(|hits| hits >= i64::from(max)))
}

/// Forgets a bucket (e.g. an account's failed logins after a successful one).
pub async fn clear(pool: &AnyPool, bucket: &str) -> Result<()> {
    sqlx::query("DELETE FROM rate_limits WHERE bucket = $1")
        .bind(bucket.to_owned())
        .execute(pool)
        .await?;
    Ok(())
}

/// Removes counters whose window ended long ago (called by the background sweeper).
pub async fn sweep(pool: &AnyPool, older_than_ms: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
        .bind(older_than_ms)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
