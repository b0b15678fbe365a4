//! SQL of sign-in challenges (`login_challenges` for users, `staff_login_challenges` for staff;
//! `super::super::challenge` says what they are).

use sqlx::AnyConnection;

use crate::error::Result;
use crate::sessions::Subject;

/// The table of a subject's challenges, and its column naming whose it is.
fn table(subject: Subject) -> (&'static str, &'static str) {
    match subject {
        Subject::User => ("login_challenges", "user_id"),
        Subject::Staff => ("staff_login_challenges", "staff_id"),
    }
}

pub async fn insert(
    conn: &mut AnyConnection,
    subject: Subject,
    subject_id: &str,
    hash: &str,
    now: i64,
    expires_at: i64,
    mail_code_hash: Option<String>,
) -> Result<()> {
    let (table, column) = table(subject);
    let mail = if subject == Subject::User {
        ", mail_code_hash) VALUES ($1, $2, $3, $4, $5)"
    } else {
        ") VALUES ($1, $2, $3, $4)"
    };
    let sql = format!("INSERT INTO {table} (token_hash, {column}, created_at, expires_at{mail}");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(hash.to_owned())
        .bind(subject_id.to_owned())
        .bind(now)
        .bind(expires_at);
    if subject == Subject::User {
        query = query.bind(mail_code_hash);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Whose the live challenge with this hash is, and the hash of its mailed code (users only).
pub async fn live(
    conn: &mut AnyConnection,
    subject: Subject,
    hash: &str,
    now: i64,
) -> Result<Option<(String, Option<String>)>> {
    let (table, column) = table(subject);
    let mail = if subject == Subject::User {
        "mail_code_hash"
    } else {
        "CAST(NULL AS TEXT)"
    };
    let sql =
        format!("SELECT {column}, {mail} FROM {table} WHERE token_hash = $1 AND expires_at > $2");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(hash.to_owned())
        .bind(now)
        .fetch_optional(conn)
        .await?)
}

/// Deletes the challenge; false when it was gone already.
pub async fn delete(conn: &mut AnyConnection, subject: Subject, hash: &str) -> Result<bool> {
    let (table, _) = table(subject);
    let sql = format!("DELETE FROM {table} WHERE token_hash = $1");
    let used = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(hash.to_owned())
        .execute(conn)
        .await?
        .rows_affected();
    Ok(used > 0)
}

/// Uses up the user's live challenge whose mailed code has this hash; false when none has.
pub async fn use_mailed_code(
    conn: &mut AnyConnection,
    user_id: &str,
    code_hash: &str,
    now: i64,
) -> Result<bool> {
    let used = sqlx::query(
        "DELETE FROM login_challenges \
         WHERE user_id = $1 AND mail_code_hash = $2 AND expires_at > $3",
    )
    .bind(user_id.to_owned())
    .bind(code_hash.to_owned())
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(used > 0)
}

/// Deletes the expired challenges of both kinds; returns how many went.
pub async fn delete_expired(conn: &mut AnyConnection, now: i64) -> Result<u64> {
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
