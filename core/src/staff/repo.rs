//! Staff's SQL: members (`staff`), their setup links (`staff_setup_links`) and their sessions
//! (`staff_sessions`). Their sign-in challenges are `crate::sessions::challenge`'s.

use sqlx::AnyConnection;

use crate::error::{Error, Result};
use crate::settings::Backend;
use crate::users::normalize_email;

/// A row of `staff`, secrets included (they stay in this folder).
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Row {
    pub id: String,
    pub email: String,
    pub role: String,
    pub status: String,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: i64,
    /// A tag, or empty for the browser's choice.
    pub language: String,
    /// An IANA name, or empty for `ui.time_zone`.
    pub time_zone: String,
}

const COLUMNS: &str = "id, email, role, status, password_hash, totp_secret, totp_last_step, \
                       last_login_at, last_login_ip, created_at, language, time_zone";

pub(crate) async fn get(conn: &mut AnyConnection, id: &str) -> Result<Row> {
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound("staff member"))
}

pub(crate) async fn by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<Row>> {
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE email_normalized = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(normalize_email(email))
        .fetch_optional(conn)
        .await?)
}

pub(crate) async fn list(conn: &mut AnyConnection) -> Result<Vec<Row>> {
    let sql = format!("SELECT {COLUMNS} FROM staff ORDER BY email_normalized");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?)
}

/// A new member, active, without credentials (`email` as given, and normalized).
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    (email, normalized): (&str, &str),
    role: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO staff (id, email, email_normalized, role, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 'active', $5, $5)",
    )
    .bind(id.to_owned())
    .bind(email.to_owned())
    .bind(normalized.to_owned())
    .bind(role.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    status: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE staff SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.to_owned())
        .bind(now)
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// A member's own language and time zone (each a checked value, or empty).
pub(crate) async fn set_preferences(
    conn: &mut AnyConnection,
    id: &str,
    (language, time_zone): (&str, &str),
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE staff SET language = $1, time_zone = $2, updated_at = $3 WHERE id = $4")
        .bind(language.to_owned())
        .bind(time_zone.to_owned())
        .bind(now)
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM staff WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// The other active administrators' ids; on PostgreSQL their rows are locked for the
/// transaction, so that two concurrent removals cannot both see the other one.
pub(crate) async fn other_active_administrators(
    conn: &mut AnyConnection,
    backend: Backend,
    id: &str,
) -> Result<Vec<String>> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "SELECT id FROM staff WHERE role = 'administrator' AND status = 'active' AND id <> $1{lock}"
    );
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_all(conn)
        .await?)
}

/// The member's new password hash and (from a setup link that enrols an authenticator app) TOTP
/// secret with the step its code used; `None`: no TOTP (a passkey was enrolled instead).
pub(crate) async fn set_credentials(
    conn: &mut AnyConnection,
    id: &str,
    password_hash: &str,
    totp: Option<(&str, i64)>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE staff SET password_hash = $1, totp_secret = $2, totp_last_step = $3, \
         updated_at = $4 WHERE id = $5",
    )
    .bind(password_hash.to_owned())
    .bind(totp.map(|(secret, _)| secret.to_owned()))
    .bind(totp.map(|(_, step)| step))
    .bind(now)
    .bind(id.to_owned())
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes a TOTP step at sign-in, atomically: false when it is not later than the last one taken
/// (a code raced by two requests signs in once).
pub(crate) async fn take_sign_in_step(
    conn: &mut AnyConnection,
    id: &str,
    step: i64,
    now: i64,
    ip: Option<String>,
) -> Result<bool> {
    let taken = sqlx::query(
        "UPDATE staff SET totp_last_step = $1, last_login_at = $2, last_login_ip = $3 \
         WHERE id = $4 AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(now)
    .bind(ip)
    .bind(id.to_owned())
    .execute(conn)
    .await?
    .rows_affected();
    Ok(taken > 0)
}

/// Records a sign-in whose second factor was a passkey (no time step to take).
pub(crate) async fn signed_in(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    ip: Option<String>,
) -> Result<bool> {
    let done = sqlx::query("UPDATE staff SET last_login_at = $1, last_login_ip = $2 WHERE id = $3")
        .bind(now)
        .bind(ip)
        .bind(id.to_owned())
        .execute(conn)
        .await?
        .rows_affected();
    Ok(done > 0)
}

/// A setup link: its member and the TOTP secret made with it.
#[derive(sqlx::FromRow)]
pub(crate) struct Link {
    pub staff_id: String,
    pub totp_secret: String,
}

/// Replaces the member's setup link (the old one stops working).
pub(crate) async fn replace_link(
    conn: &mut AnyConnection,
    staff_id: &str,
    (token_hash, totp_secret): (&str, &str),
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM staff_setup_links WHERE staff_id = $1")
        .bind(staff_id.to_owned())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO staff_setup_links (token_hash, staff_id, totp_secret, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash.to_owned())
    .bind(staff_id.to_owned())
    .bind(totp_secret.to_owned())
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn live_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<Link>> {
    Ok(sqlx::query_as(
        "SELECT staff_id, totp_secret FROM staff_setup_links \
         WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash.to_owned())
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// Uses a setup link up; false when it was gone already.
pub(crate) async fn use_link(conn: &mut AnyConnection, token_hash: &str) -> Result<bool> {
    let used = sqlx::query("DELETE FROM staff_setup_links WHERE token_hash = $1")
        .bind(token_hash.to_owned())
        .execute(conn)
        .await?
        .rows_affected();
    Ok(used > 0)
}

/// A new session's row.
pub(crate) struct NewSession<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub staff_id: &'a str,
    pub now: i64,
    pub expires_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

pub(crate) async fn insert_session(conn: &mut AnyConnection, s: NewSession<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO staff_sessions \
         (id, token_hash, staff_id, created_at, last_seen_at, expires_at, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
    )
    .bind(s.id.to_owned())
    .bind(s.token_hash.to_owned())
    .bind(s.staff_id.to_owned())
    .bind(s.now)
    .bind(s.expires_at)
    .bind(s.ip)
    .bind(s.user_agent)
    .execute(conn)
    .await?;
    Ok(())
}

/// A session with its member.
#[derive(sqlx::FromRow)]
pub(crate) struct FoundSession {
    pub session_id: String,
    pub expires_at: i64,
    pub last_seen_at: i64,
    #[sqlx(flatten)]
    pub member: Row,
}

pub(crate) async fn session_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<FoundSession>> {
    Ok(sqlx::query_as(
        "SELECT ss.id AS session_id, ss.expires_at, ss.last_seen_at, s.id, s.email, s.role, \
                s.status, s.password_hash, s.totp_secret, s.totp_last_step, s.last_login_at, \
                s.last_login_ip, s.created_at, s.language, s.time_zone \
         FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id WHERE ss.token_hash = $1",
    )
    .bind(token_hash.to_owned())
    .fetch_optional(conn)
    .await?)
}

pub(crate) async fn touch_session(conn: &mut AnyConnection, id: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete_session(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete_sessions_of(conn: &mut AnyConnection, staff_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1")
        .bind(staff_id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes ended sessions and used setup links; answers how many went.
pub(crate) async fn sweep(conn: &mut AnyConnection, now: i64) -> Result<u64> {
    let mut gone = 0;
    for sql in [
        "DELETE FROM staff_sessions WHERE expires_at < $1",
        "DELETE FROM staff_setup_links WHERE expires_at < $1",
    ] {
        gone += sqlx::query(sql)
            .bind(now)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(gone)
}
