//! The sign-in challenge, one for users and staff: what the browser holds between the password and
//! the second factor. 256 random bits, stored as their SHA-256 with whose it is
//! (`login_challenges` for users, `staff_login_challenges` for staff), good until it expires
//! ([`LIFETIME`], or a mailed code's own) and for one successful second step. The flows around it
//! are the user's (`super::two_step`, `super::mailbox`) and the staff member's
//! (`crate::staff::sign_in`); what they share is here.

use std::time::Duration;

use sqlx::AnyConnection;

use super::devices::Subject;
use crate::clock::ms;
use crate::crypto::{hash_token, new_token};
use crate::error::{Error, Result};

/// How long the second step may wait.
pub const LIFETIME: Duration = Duration::from_secs(5 * 60);

/// The table of a subject's challenges, and its column naming whose it is.
fn table(subject: Subject) -> (&'static str, &'static str) {
    match subject {
        Subject::User => ("login_challenges", "user_id"),
        Subject::Staff => ("staff_login_challenges", "staff_id"),
    }
}

/// Stores a new challenge for `subject_id`, good for `lifetime`; for a user, with the hash of the
/// code mailed for it (`super::mailbox`). Answers the token to hand the browser.
pub async fn issue(
    conn: &mut AnyConnection,
    subject: Subject,
    subject_id: &str,
    now: i64,
    lifetime: Duration,
    mail_code_hash: Option<String>,
) -> Result<String> {
    let token = new_token()?;
    let (table, column) = table(subject);
    let mail = if subject == Subject::User {
        ", mail_code_hash) VALUES ($1, $2, $3, $4, $5)"
    } else {
        ") VALUES ($1, $2, $3, $4)"
    };
    let sql = format!("INSERT INTO {table} (token_hash, {column}, created_at, expires_at{mail}");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(hash_token(&token))
        .bind(subject_id.to_owned())
        .bind(now)
        .bind(now + ms(lifetime));
    if subject == Subject::User {
        query = query.bind(mail_code_hash);
    }
    query.execute(conn).await?;
    Ok(token)
}

/// A live challenge, as its second step reads it.
#[derive(Debug)]
pub struct Found {
    /// The stored hash, to use the challenge up with.
    pub hash: String,
    /// Whose it is: a user's or a staff member's id.
    pub subject_id: String,
    /// The hash of the code mailed for it (users only).
    pub mail_code_hash: Option<String>,
}

/// The live challenge `token` names; `unauthorized` when there is none (unknown, used or expired:
/// sign in again).
pub async fn find(
    conn: &mut AnyConnection,
    subject: Subject,
    token: &str,
    now: i64,
) -> Result<Found> {
    let (table, column) = table(subject);
    let mail = if subject == Subject::User {
        "mail_code_hash"
    } else {
        "CAST(NULL AS TEXT)"
    };
    let sql =
        format!("SELECT {column}, {mail} FROM {table} WHERE token_hash = $1 AND expires_at > $2");
    let hash = hash_token(token);
    let found: Option<(String, Option<String>)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(hash.clone())
        .bind(now)
        .fetch_optional(conn)
        .await?;
    let (subject_id, mail_code_hash) = found.ok_or(Error::Unauthenticated)?;
    Ok(Found {
        hash,
        subject_id,
        mail_code_hash,
    })
}

/// Uses the challenge up after a right second step; false when it was gone already (a raced
/// second use, which must not sign in twice).
pub async fn use_up(conn: &mut AnyConnection, subject: Subject, hash: &str) -> Result<bool> {
    let (table, _) = table(subject);
    let sql = format!("DELETE FROM {table} WHERE token_hash = $1");
    let used = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(hash.to_owned())
        .execute(conn)
        .await?
        .rows_affected();
    Ok(used > 0)
}

/// Deletes the expired challenges of both kinds; returns how many went.
pub async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    let mut gone = 0;
    for subject in [Subject::User, Subject::Staff] {
        let (table, _) = table(subject);
        let sql = format!("DELETE FROM {table} WHERE expires_at < $1");
        gone += sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(gone)
}
