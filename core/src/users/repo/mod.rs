//! SQL of users and their credentials. Functions take a connection so callers choose the
//! transaction.

pub mod second_factor;
pub mod tokens;

use sqlx::AnyConnection;

use super::{User, UserStatus};
use crate::error::{Error, Result};

/// Every column of `users`, in [`UserRow`]'s order.
const COLUMNS: &str = "id, email, email_normalized, first_name, last_name, language, password_hash, \
     email_verified_at, status, totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step, \
     security_question, security_answer_hash, last_login_at, last_login_ip, created_at, updated_at, \
     number, totp_reenrol_at, time_zone";

/// A `users` row, secrets included: never leaves the domain layer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub email_normalized: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    pub password_hash: String,
    pub email_verified_at: Option<i64>,
    pub status: String,
    pub totp_secret: Option<String>,
    pub totp_pending_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    pub totp_last_step: Option<i64>,
    pub security_question: Option<String>,
    pub security_answer_hash: Option<String>,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub number: i64,
    /// Set when a second factor could not be carried over by the import.
    pub totp_reenrol_at: Option<i64>,
    /// An IANA name, or empty for `ui.time_zone`.
    pub time_zone: String,
}

impl UserRow {
    pub fn status(&self) -> Result<UserStatus> {
        self.status.parse()
    }

    pub fn is_active(&self) -> bool {
        self.status == UserStatus::Active.as_str()
    }

    /// Whether the user can sign in with a password: the stored hash is one some password
    /// matches (a dropped password, or an import that could not bring one over, stores `""`).
    pub fn has_password(&self) -> bool {
        super::legacy_password::Scheme::of(&self.password_hash)
            != super::legacy_password::Scheme::Unusable
    }

    /// The user as the recipient of mail: their address, in their language (`ui.default_language`
    /// when their profile names none Roster ships).
    pub fn recipient<'a>(
        &'a self,
        settings: &crate::settings::Settings,
    ) -> crate::mail::outbox::Recipient<'a> {
        crate::mail::outbox::Recipient {
            email: &self.email,
            language: crate::i18n::for_person(&self.language, &settings.ui.default_language),
        }
    }

    pub fn to_user(&self) -> Result<User> {
        Ok(User {
            id: self.id.clone(),
            number: self.number,
            email: self.email.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            language: self.language.clone(),
            time_zone: self.time_zone.clone(),
            status: self.status()?,
            email_verified_at: self.email_verified_at,
            totp_enabled: self.totp_secret.is_some(),
            totp_reenrol_required: self.totp_reenrol_at.is_some() && self.totp_secret.is_none(),
            has_password: self.has_password(),
            security_question: self.security_question.clone(),
            last_login_at: self.last_login_at,
            last_login_ip: self.last_login_ip.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// What a new user row needs.
#[derive(Debug)]
pub struct NewUserRow<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub language: &'a str,
    pub password_hash: &'a str,
    pub email_verified_at: Option<i64>,
    pub now: i64,
}

/// Inserts a user; an email that exists already is [`Error::EmailTaken`].
pub async fn insert(conn: &mut AnyConnection, row: &NewUserRow<'_>) -> Result<()> {
    let result = sqlx::query(
        "INSERT INTO users (id, email, email_normalized, first_name, last_name, language, \
         password_hash, email_verified_at, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9)",
    )
    .bind(row.id.to_owned())
    .bind(row.email.to_owned())
    .bind(row.email_normalized.to_owned())
    .bind(row.first_name.to_owned())
    .bind(row.last_name.to_owned())
    .bind(row.language.to_owned())
    .bind(row.password_hash.to_owned())
    .bind(row.email_verified_at)
    .bind(row.now)
    .execute(conn)
    .await;
    match result.map_err(Error::from) {
        Err(e) if e.is_unique_violation() => Err(Error::EmailTaken),
        other => other.map(|_| ()),
    }
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// The user with this id, or [`Error::NotFound`].
pub async fn get(conn: &mut AnyConnection, id: &str) -> Result<UserRow> {
    by_id(conn, id).await?.ok_or(Error::NotFound("user"))
}

pub async fn by_email(conn: &mut AnyConnection, email_normalized: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email_normalized = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(email_normalized.to_owned())
        .fetch_optional(conn)
        .await?)
}

/// A page of users, by id (= creation order), optionally matching `search` in email or names, or
/// equal to the user's number (`1042` or `#1042`).
pub async fn list(
    conn: &mut AnyConnection,
    search: Option<&str>,
    after_id: Option<&str>,
    limit: i64,
) -> Result<Vec<UserRow>> {
    use crate::db::conditions::{Arg, Conditions};
    let mut conditions = Conditions::default();
    if let Some(search) = search {
        let names = "email_normalized LIKE ? ESCAPE '\\' OR lower(first_name) LIKE ? ESCAPE '\\' \
                     OR lower(last_name) LIKE ? ESCAPE '\\' \
                     OR lower(first_name || ' ' || last_name) LIKE ? ESCAPE '\\'";
        let pattern = Arg::Text(crate::db::contains_pattern(search));
        let patterns = std::iter::repeat_n(pattern, 4);
        match crate::db::as_number(search) {
            Some(number) => conditions.add(
                &format!("({names} OR number = ?)"),
                patterns.chain([Arg::Int(number)]),
            ),
            None => conditions.add(&format!("({names})"), patterns),
        }
    }
    if let Some(after) = after_id {
        conditions.add("id > ?", [Arg::Text(after.to_owned())]);
    }
    let limit = conditions.limit(limit);
    let sql = format!(
        "SELECT {COLUMNS} FROM users{} ORDER BY id LIMIT {limit}",
        conditions.sql()
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    Ok(conditions.bind(query).fetch_all(conn).await?)
}

/// Profile fields (already validated). `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct ProfileChange {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Option<String>,
    pub time_zone: Option<String>,
    /// (email, normalized): changing it also clears `email_verified_at` unless `verified_at` says.
    pub email: Option<(String, String)>,
    pub email_verified_at: Option<Option<i64>>,
    pub status: Option<UserStatus>,
}

pub async fn update_profile(
    conn: &mut AnyConnection,
    id: &str,
    change: &ProfileChange,
    now: i64,
) -> Result<()> {
    let (email, normalized) = change.email.clone().unzip();
    let result = sqlx::query(
        "UPDATE users SET \
           first_name = COALESCE($2, first_name), \
           last_name = COALESCE($3, last_name), \
           language = COALESCE($4, language), \
           email = COALESCE($5, email), \
           email_normalized = COALESCE($6, email_normalized), \
           email_verified_at = CASE WHEN $7 = 1 THEN $8 ELSE email_verified_at END, \
           status = COALESCE($9, status), \
           updated_at = $10, \
           time_zone = COALESCE($11, time_zone) \
         WHERE id = $1",
    )
    .bind(id.to_owned())
    .bind(change.first_name.clone())
    .bind(change.last_name.clone())
    .bind(change.language.clone())
    .bind(email)
    .bind(normalized)
    .bind(i64::from(change.email_verified_at.is_some()))
    .bind(change.email_verified_at.flatten())
    .bind(change.status.map(|s| s.as_str().to_owned()))
    .bind(now)
    .bind(change.time_zone.clone())
    .execute(conn)
    .await;
    match result.map_err(Error::from) {
        Err(e) if e.is_unique_violation() => Err(Error::EmailTaken),
        Err(e) => Err(e),
        Ok(done) if done.rows_affected() == 0 => Err(Error::NotFound("user")),
        Ok(_) => Ok(()),
    }
}

pub async fn set_password_hash(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id.to_owned())
        .bind(hash.to_owned())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_security_question(
    conn: &mut AnyConnection,
    id: &str,
    question_and_hash: Option<(&str, &str)>,
    now: i64,
) -> Result<()> {
    let (question, hash) = question_and_hash.unzip();
    sqlx::query(
        "UPDATE users SET security_question = $2, security_answer_hash = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id.to_owned())
    .bind(question.map(str::to_owned))
    .bind(hash.map(str::to_owned))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn record_login(
    conn: &mut AnyConnection,
    id: &str,
    ip: Option<&str>,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE users SET last_login_at = $2, last_login_ip = $3 WHERE id = $1")
        .bind(id.to_owned())
        .bind(now)
        .bind(ip.map(str::to_owned))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn mark_email_verified(
    conn: &mut AnyConnection,
    id: &str,
    email: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET email_verified_at = $3, updated_at = $3 \
         WHERE id = $1 AND email = $2 AND email_verified_at IS NULL",
    )
    .bind(id.to_owned())
    .bind(email.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the user's row before deleting it: on PostgreSQL `FOR UPDATE`, which waits for a
/// transaction in flight that references the row (an ownership transfer to the user holds a key
/// share lock on it); SQLite's writer lock does the same for the no-op update.
pub async fn lock_for_delete(conn: &mut AnyConnection, id: &str) -> Result<()> {
    let sql = if conn.backend_name() == "PostgreSQL" {
        "SELECT id FROM users WHERE id = $1 FOR UPDATE"
    } else {
        "UPDATE users SET updated_at = updated_at WHERE id = $1"
    };
    sqlx::query(sql).bind(id.to_owned()).execute(conn).await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<()> {
    let done = sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound("user"));
    }
    Ok(())
}

// --- second factor ---------------------------------------------------------------------------

pub use second_factor::{
    accept_totp_step, clear_totp, enable_totp, forget_backup_codes, lock, replace_backup_codes,
    set_pending_totp, unused_backup_codes, use_backup_code,
};
