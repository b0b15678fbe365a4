//! The mail outbox (migration 0010): a message is written with [`enqueue`] in the transaction of
//! the change that causes it, so it exists exactly when the change does, and delivered from the
//! database by [`run`] on any replica.
//!
//! - **Claiming.** A replica takes due messages for `mail.outbox.lease` (`claimed_by`,
//!   `claimed_until`) with one `UPDATE … RETURNING`; on PostgreSQL the rows are picked with
//!   `FOR UPDATE SKIP LOCKED`, so replicas never take the same message. A claim left by a replica
//!   that died runs out and the message is taken again: at least once across a crash, once on a
//!   clean run. The claim is renewed just before each send, so a slow batch never sends what
//!   another replica took over when its lease ran out.
//! - **Retries.** A failed attempt waits `mail.outbox.backoff`, doubling up to `max_backoff`; after
//!   `max_attempts` (or at once for a failure that cannot pass: a template that does not render, an
//!   address the server refuses for good) the message is `failed`, listed by the admin API with a
//!   retry.
//! - **After sending** the values (which hold one-time links) are erased; the row stays a while
//!   for support questions (the sweeper removes sent rows after a day).
//! - **Shutdown** stops taking messages, lets the one being sent finish, and releases the rest of
//!   what this replica holds.

use std::sync::OnceLock;
use std::time::Duration;

use sqlx::AnyConnection;
use tokio::sync::watch;

use super::MailError;
use crate::clock::ms;
use crate::crypto::new_id;
use crate::error::Result;
use crate::settings::Backend;
use crate::state::AppState;

/// Messages taken at once.
const BATCH: i64 = 20;

/// This process's name in `claimed_by`.
fn replica() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(new_id)
}

/// Who a message goes to, and in which language it is written (a shipped tag).
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub email: &'a str,
    pub language: &'a str,
}

/// Writes a message to the outbox, in the caller's transaction: it is sent once that commits.
pub async fn enqueue(
    conn: &mut AnyConnection,
    now: i64,
    to: Recipient<'_>,
    template: &str,
    values: serde_json::Value,
) -> Result<()> {
    enqueue_expiring(conn, now, to, template, values, None).await
}

/// [`enqueue`] for a message that carries a one-time link or code good until `expires_at`: once
/// that has passed, its values are erased even if it was never sent ([`expire`]).
pub async fn enqueue_expiring(
    conn: &mut AnyConnection,
    now: i64,
    to: Recipient<'_>,
    template: &str,
    values: serde_json::Value,
    expires_at: Option<i64>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO mail_outbox (id, recipient, template, values_json, state, attempts, \
         next_attempt_at, created_at, values_expire_at, language) \
         VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(to.email.to_owned())
    .bind(template.to_owned())
    .bind(values.to_string())
    .bind(now)
    .bind(expires_at)
    .bind(to.language.to_owned())
    .execute(conn)
    .await?;
    Ok(())
}

/// The values of an unsent message whose link has expired: erased, and a message still waiting
/// is given up (`failed`, "the link expired before it could be sent"): a failed message never
/// keeps a working link, and a retry cannot send a dead one. Answers how many.
pub async fn expire(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    Ok(sqlx::query(
        "UPDATE mail_outbox SET values_json = 'null', values_expire_at = NULL, \
           last_error = CASE WHEN state = 'pending' \
             THEN 'the link expired before it could be sent' ELSE last_error END, \
           state = 'failed' \
         WHERE state <> 'sent' AND values_expire_at IS NOT NULL AND values_expire_at <= $1 \
           AND (claimed_until IS NULL OR claimed_until < $1)",
    )
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected())
}

#[derive(sqlx::FromRow)]
struct Claimed {
    id: String,
    seq: i64,
    recipient: String,
    template: String,
    values_json: String,
    attempts: i64,
    language: String,
}

/// Takes up to [`BATCH`] due messages for this replica.
async fn claim(state: &AppState, now: i64) -> Result<Vec<Claimed>> {
    let lock = match state.db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE mail_outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN \
           (SELECT id FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= $3 \
              AND (claimed_until IS NULL OR claimed_until < $3) \
            ORDER BY next_attempt_at, seq LIMIT CAST($4 AS BIGINT){lock}) \
         RETURNING id, recipient, template, values_json, attempts, seq, language"
    );
    let mut conn = state.db.pool().acquire().await?;
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(replica())
        .bind(now + ms(state.settings.mail.outbox.lease))
        .bind(now)
        .bind(BATCH)
        .fetch_all(&mut *conn)
        .await?)
}

/// Whether a failure can pass on a later attempt.
fn transient(error: &MailError) -> bool {
    match error {
        MailError::Smtp(e) => !e.is_permanent(),
        MailError::File(_) | MailError::Timeout(_) => true,
        MailError::Address(_)
        | MailError::Build(_)
        | MailError::Settings(_)
        | MailError::Template(_)
        | MailError::Render(_) => false,
    }
}

/// Renews this replica's claim on a message just before sending it, so that a batch that takes
/// longer than the lease does not send what another replica took over meanwhile; false when the
/// claim was lost (the message is left alone).
async fn still_ours(state: &AppState, id: &str) -> Result<bool> {
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    let renewed = sqlx::query(
        "UPDATE mail_outbox SET claimed_until = $1 \
         WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
    )
    .bind(now + ms(state.settings.mail.outbox.lease))
    .bind(id.to_owned())
    .bind(replica())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(renewed == 1)
}

/// Sends one claimed message and records how it went.
async fn deliver(state: &AppState, message: Claimed) -> Result<()> {
    if !still_ours(state, &message.id).await? {
        return Ok(());
    }
    let values: serde_json::Value =
        serde_json::from_str(&message.values_json).unwrap_or(serde_json::Value::Null);
    let sent = state
        .mailer
        .send_template(
            &message.recipient,
            &message.template,
            &message.language,
            &values,
        )
        .await;
    let now = state.clock.now_ms();
    let mut conn = state.db.pool().acquire().await?;
    match sent {
        Ok(()) => {
            crate::stats::mail("sent");
            sqlx::query(
                "UPDATE mail_outbox SET state = 'sent', sent_at = $1, values_json = '{}', \
                 attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, \
                 last_error = NULL WHERE id = $2 AND claimed_by = $3",
            )
            .bind(now)
            .bind(message.id)
            .bind(replica())
            .execute(&mut *conn)
            .await?;
        }
        Err(e) => {
            let settings = &state.settings.mail.outbox;
            let attempts = message.attempts + 1;
            let give_up = !transient(&e) || attempts >= i64::from(settings.max_attempts);
            let wait = settings
                .backoff
                .saturating_mul(1 << attempts.clamp(1, 20).saturating_sub(1))
                .min(settings.max_backoff);
            crate::stats::mail(if give_up { "failed" } else { "retrying" });
            // The recipient and template only: the message holds one-time links.
            tracing::warn!(to = %message.recipient, template = %message.template, attempts,
                gave_up = give_up, error = %e, "mail not sent");
            sqlx::query(
                "UPDATE mail_outbox SET state = $1, attempts = $2, next_attempt_at = $3, \
                 last_error = $4, claimed_by = NULL, claimed_until = NULL \
                 WHERE id = $5 AND claimed_by = $6",
            )
            .bind(if give_up { "failed" } else { "pending" })
            .bind(attempts)
            .bind(now + ms(wait))
            .bind(e.to_string())
            .bind(message.id)
            .bind(replica())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Gives back what this replica holds and has not sent.
async fn release(state: &AppState) -> Result<()> {
    let mut conn = state.db.pool().acquire().await?;
    sqlx::query(
        "UPDATE mail_outbox SET claimed_by = NULL, claimed_until = NULL \
         WHERE claimed_by = $1 AND state = 'pending'",
    )
    .bind(replica())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Sends what is due, a batch at a time, until nothing is due or `stop` is set; answers how many
/// messages it took.
async fn deliver_due(state: &AppState, stop: &watch::Receiver<bool>) -> Result<usize> {
    let mut taken = 0;
    loop {
        let mut batch = claim(state, state.clock.now_ms()).await?;
        // `RETURNING` gives no order: send in the order they were written.
        batch.sort_by_key(|m| m.seq);
        if batch.is_empty() {
            return Ok(taken);
        }
        taken += batch.len();
        for message in batch {
            if *stop.borrow() {
                release(state).await?;
                return Ok(taken);
            }
            deliver(state, message).await?;
        }
    }
}

/// Delivers the outbox until `stop` turns true: at once when woken ([`super::Mailer::wake`], after
/// a change committed), else every `mail.outbox.poll_interval`. On stop, releases what it holds.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let poll = state.settings.mail.outbox.poll_interval;
    let woken = state.mailer.woken();
    loop {
        if let Err(e) = deliver_due(&state, &stop).await {
            tracing::warn!(error = %e, "mail outbox: delivery round failed");
        }
        if *stop.borrow() {
            break;
        }
        tokio::select! {
            () = woken.notified() => {}
            () = tokio::time::sleep(poll) => {}
            _ = stop.changed() => {}
        }
    }
    if let Err(e) = release(&state).await {
        tracing::warn!(error = %e, "mail outbox: releasing claims failed");
    }
}

/// Waits until no mail is left to send now: no background work that may write one, and no message
/// due (one that failed and waits for its retry is not due). For tests and shutdown.
pub async fn settled(state: &AppState) {
    loop {
        state.mailer.settled().await;
        match due(state).await {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "mail outbox: cannot count due messages");
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn due(state: &AppState) -> Result<i64> {
    let mut conn = state.db.pool().acquire().await?;
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= $1",
    )
    .bind(state.clock.now_ms())
    .fetch_one(&mut *conn)
    .await?)
}

/// Messages waiting (`pending`) and given up (`failed`): the `/metrics` gauges.
pub async fn depth(state: &AppState) -> Result<(i64, i64)> {
    let mut conn = state.db.pool().acquire().await?;
    let count = |s: &'static str| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM mail_outbox WHERE state = $1").bind(s)
    };
    let pending = count("pending").fetch_one(&mut *conn).await?;
    let failed = count("failed").fetch_one(&mut *conn).await?;
    Ok((pending, failed))
}

/// Deletes sent messages older than `before`; answers how many went.
pub async fn sweep(conn: &mut AnyConnection, before: i64) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM mail_outbox WHERE state = 'sent' AND sent_at < $1")
            .bind(before)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
