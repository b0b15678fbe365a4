//! SQL of logout: `oauth_session_apps` (which apps a session gave tokens to) and
//! `oauth_logout_outbox` (the back-channel logout deliveries).

use sqlx::AnyConnection;

use crate::error::Result;

/// Records that `client_id` got tokens from `session_id` (once).
pub async fn remember_app(
    conn: &mut AnyConnection,
    session_id: &str,
    client_id: &str,
    user_id: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO oauth_session_apps (session_id, client_id, user_id, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (session_id, client_id) DO NOTHING",
    )
    .bind(session_id.to_owned())
    .bind(client_id.to_owned())
    .bind(user_id.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// For a session that ended: queues a logout for every app it gave tokens to that has a
/// back-channel logout URI (once per app and session), then forgets the session's apps, codes
/// and tokens. Answers how many logouts were queued.
pub async fn end_session(conn: &mut AnyConnection, session_id: &str, now: i64) -> Result<u64> {
    let queued = sqlx::query(
        "INSERT INTO oauth_logout_outbox (id, client_id, user_id, session_id, state, \
           next_attempt_at, created_at) \
         SELECT a.session_id || ':' || a.client_id, a.client_id, a.user_id, a.session_id, \
           'pending', $2, $2 \
         FROM oauth_session_apps a JOIN oauth_clients c ON c.id = a.client_id \
         WHERE a.session_id = $1 AND c.backchannel_logout_uri IS NOT NULL \
         ON CONFLICT (client_id, session_id) DO NOTHING",
    )
    .bind(session_id.to_owned())
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    for table in ["oauth_session_apps", "oauth_tokens", "oauth_codes"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE session_id = $1"
        )))
        .bind(session_id.to_owned())
        .execute(&mut *conn)
        .await?;
    }
    Ok(queued)
}

/// A logout being delivered.
#[derive(Debug, sqlx::FromRow)]
pub struct Claimed {
    pub id: String,
    pub client_id: String,
    pub user_id: String,
    pub session_id: String,
    pub attempts: i64,
}

/// Takes up to `batch` due logouts for `replica` until `until` (`FOR UPDATE SKIP LOCKED` on
/// PostgreSQL: replicas never take the same one).
pub async fn claim(
    conn: &mut AnyConnection,
    replica: &str,
    now: i64,
    until: i64,
    batch: i64,
    lock: &str,
) -> Result<Vec<Claimed>> {
    let sql = format!(
        "UPDATE oauth_logout_outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN \
           (SELECT id FROM oauth_logout_outbox WHERE state = 'pending' AND next_attempt_at <= $3 \
              AND (claimed_until IS NULL OR claimed_until < $3) \
            ORDER BY next_attempt_at LIMIT CAST($4 AS BIGINT){lock}) \
         RETURNING id, client_id, user_id, session_id, attempts"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(replica.to_owned())
        .bind(until)
        .bind(now)
        .bind(batch)
        .fetch_all(conn)
        .await?)
}

/// Renews `replica`'s claim just before sending; false when it was lost.
pub async fn renew(conn: &mut AnyConnection, id: &str, replica: &str, until: i64) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE oauth_logout_outbox SET claimed_until = $1 \
         WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
    )
    .bind(until)
    .bind(id.to_owned())
    .bind(replica.to_owned())
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// How a delivery went: `sent`, or `pending` again (retry at `next`), or `failed`.
#[derive(Debug)]
pub struct Outcome<'a> {
    pub state: &'a str,
    pub attempts: i64,
    pub next: i64,
    pub error: Option<&'a str>,
}

/// Records a delivery's outcome (only while `replica` holds it).
pub async fn settle(
    conn: &mut AnyConnection,
    id: &str,
    replica: &str,
    outcome: Outcome<'_>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE oauth_logout_outbox SET state = $1, attempts = $2, next_attempt_at = $3, \
           last_error = $4, sent_at = CASE WHEN $1 = 'sent' THEN $5 ELSE sent_at END, \
           claimed_by = NULL, claimed_until = NULL \
         WHERE id = $6 AND claimed_by = $7",
    )
    .bind(outcome.state.to_owned())
    .bind(outcome.attempts)
    .bind(outcome.next)
    .bind(outcome.error.map(str::to_owned))
    .bind(now)
    .bind(id.to_owned())
    .bind(replica.to_owned())
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives back what `replica` holds and has not sent.
pub async fn release(conn: &mut AnyConnection, replica: &str) -> Result<()> {
    sqlx::query(
        "UPDATE oauth_logout_outbox SET claimed_by = NULL, claimed_until = NULL \
         WHERE claimed_by = $1 AND state = 'pending'",
    )
    .bind(replica.to_owned())
    .execute(conn)
    .await?;
    Ok(())
}

/// Logouts due now (for tests and shutdown).
pub async fn due(conn: &mut AnyConnection, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM oauth_logout_outbox WHERE state = 'pending' AND next_attempt_at <= $1",
    )
    .bind(now)
    .fetch_one(conn)
    .await?)
}

/// Deletes delivered logouts older than `before`, and the apps of sessions that are gone;
/// answers how many rows went.
pub async fn sweep(conn: &mut AnyConnection, before: i64) -> Result<u64> {
    let sent = sqlx::query("DELETE FROM oauth_logout_outbox WHERE state = 'sent' AND sent_at < $1")
        .bind(before)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    let apps = sqlx::query(
        "DELETE FROM oauth_session_apps \
         WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id)",
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(sent + apps)
}
