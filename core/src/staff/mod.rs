//! Staff members (DESIGN.md §1): the provider's people, who sign in to the admin area (`/admin`).
//! They are not users — their own table, sessions and sign-in — and hold a [`Role`], the same one
//! admin API tokens hold, checked by the same rule ([`roles::Operation`]).
//!
//! A member is created without a password (`roster admin staff create`, or by an administrator in
//! the admin area) and gets a one-time setup link, where they choose a password and enrol TOTP,
//! which is mandatory. A new link (`roster admin staff link`) replaces the old one: it is also how a
//! member who lost their password or authenticator gets back in. There is always an active
//! administrator once there was one: the last one cannot be disabled or removed.

pub mod admin_pages;
pub mod credentials;
pub mod roles;
pub mod sessions;
pub mod setup;
pub mod sign_in;

use serde::Serialize;
use serde_json::json;
use sqlx::AnyConnection;

use crate::audit::Acting;
use crate::audit::{self, Context, Event};
use crate::crypto::{hash_token, new_id, new_token};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::settings::Backend;
use crate::staff::roles::op;
use crate::users::{Email, normalize_email};
pub use roles::Role;

/// How long a setup link stays good.
pub const SETUP_LINK_LIFETIME: std::time::Duration = std::time::Duration::from_secs(3 * 24 * 3600);

/// A staff member as pages and the CLI show them (never a secret).
#[derive(Debug, Clone, Serialize)]
pub struct Staff {
    pub id: String,
    pub email: String,
    /// `administrator` or `support`.
    pub role: String,
    /// `active` or `disabled`.
    pub status: String,
    /// Whether they chose a password and enrolled TOTP (their setup link was used).
    pub set_up: bool,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: i64,
}

impl Staff {
    pub fn role(&self) -> Role {
        Role::parse(&self.role)
    }

    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

/// A row of `staff`, secrets included (they stay in this module and its children).
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
}

const COLUMNS: &str = "id, email, role, status, password_hash, totp_secret, totp_last_step, \
                       last_login_at, last_login_ip, created_at";

impl Row {
    pub fn to_staff(&self) -> Staff {
        Staff {
            id: self.id.clone(),
            email: self.email.clone(),
            role: self.role.clone(),
            status: self.status.clone(),
            set_up: self.password_hash.is_some(),
            last_login_at: self.last_login_at,
            last_login_ip: self.last_login_ip.clone(),
            created_at: self.created_at,
        }
    }
}

pub(crate) async fn row(conn: &mut AnyConnection, id: &str) -> Result<Row> {
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound("staff member"))
}

pub(crate) async fn row_by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<Row>> {
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE email_normalized = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(normalize_email(email))
        .fetch_optional(conn)
        .await?)
}

/// Records `action` done by the member themself (setting up, signing in), in their transaction.
pub(crate) async fn audit_own(
    conn: &mut AnyConnection,
    member: &Row,
    ip: Option<String>,
    now: i64,
    action: &'static str,
) -> Result<()> {
    let email = &member.email;
    let ctx = Context {
        actor: crate::audit::Actor::Staff {
            email: email.clone(),
            role: Role::parse(&member.role),
        },
        ip,
    };
    audit::record(
        conn,
        &ctx,
        now,
        Event::general(action).after(json!({ "email": email })),
    )
    .await
}

/// Every staff member, by email.
pub async fn list(db: &Db) -> Result<Vec<Staff>> {
    let mut conn = db.pool().acquire().await?;
    let sql = format!("SELECT {COLUMNS} FROM staff ORDER BY email_normalized");
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(Row::to_staff).collect())
}

pub async fn get(db: &Db, id: &str) -> Result<Staff> {
    let mut conn = db.pool().acquire().await?;
    Ok(row(&mut conn, id).await?.to_staff())
}

/// The member with this email address (any case).
pub async fn by_email(db: &Db, email: &str) -> Result<Staff> {
    let mut conn = db.pool().acquire().await?;
    row_by_email(&mut conn, email)
        .await?
        .map(|r| r.to_staff())
        .ok_or(Error::NotFound("staff member"))
}

/// Creates a staff member and their setup link; answers the member and the link's token (the
/// path is `/admin/setup/{token}`).
pub async fn create(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    email: &str,
    role: Role,
) -> Result<(Staff, String)> {
    let ctx = ctx.admitted()?.context();
    let email = Email::parse(email)?;
    let id = new_id();
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO staff (id, email, email_normalized, role, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 'active', $5, $5)",
    )
    .bind(id.clone())
    .bind(email.as_str().to_owned())
    .bind(email.normalized())
    .bind(role.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(|e| match Error::from(e) {
        e if e.is_unique_violation() => {
            Error::Conflict("a staff member with this email address exists".to_owned())
        }
        e => e,
    })?;
    let token = insert_link(&mut tx, &id, now).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::general("staff.created")
            .after(json!({ "email": email.as_str(), "role": role.as_str() })),
    )
    .await?;
    let staff = row(&mut tx, &id).await?.to_staff();
    tx.commit().await?;
    Ok((staff, token))
}

/// A new setup link for a member (the old one stops working). Their password and TOTP keep
/// working until the new link is used.
pub async fn new_link(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    id: &str,
) -> Result<String> {
    let ctx = ctx.admitted()?.context();
    let mut tx = db.begin().await?;
    let member = row(&mut tx, id).await?;
    let token = insert_link(&mut tx, id, now).await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::general("staff.setup_link_sent").after(json!({ "email": member.email })),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

async fn insert_link(conn: &mut AnyConnection, staff_id: &str, now: i64) -> Result<String> {
    let token = new_token()?;
    let secret = crate::users::totp::new_secret()?;
    sqlx::query("DELETE FROM staff_setup_links WHERE staff_id = $1")
        .bind(staff_id.to_owned())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO staff_setup_links (token_hash, staff_id, totp_secret, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(staff_id.to_owned())
    .bind(secret)
    .bind(now)
    .bind(now + crate::clock::ms(SETUP_LINK_LIFETIME))
    .execute(conn)
    .await?;
    Ok(token)
}

/// Disables (ending their sessions) or enables a member. The last active administrator cannot be
/// disabled.
pub async fn set_active(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    id: &str,
    active: bool,
) -> Result<Staff> {
    let ctx = ctx.admitted()?.context();
    let mut tx = db.begin().await?;
    let member = row(&mut tx, id).await?;
    let status = if active { "active" } else { "disabled" };
    if member.status == status {
        return Ok(member.to_staff());
    }
    if !active {
        keep_an_administrator(&mut tx, db.backend(), &member, "disabled").await?;
        sessions::end_all(&mut tx, id).await?;
    }
    sqlx::query("UPDATE staff SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status)
        .bind(now)
        .bind(id.to_owned())
        .execute(&mut *tx)
        .await?;
    let action = if active {
        "staff.enabled"
    } else {
        "staff.disabled"
    };
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::general(action).after(json!({ "email": member.email })),
    )
    .await?;
    let after = row(&mut tx, id).await?.to_staff();
    tx.commit().await?;
    Ok(after)
}

/// Removes a member (their sessions go with them). The last active administrator cannot be
/// removed; the audit log keeps their email.
pub async fn remove(
    db: &Db,
    ctx: impl Acting<'_, op::Change>,
    now: i64,
    id: &str,
) -> Result<Staff> {
    let ctx = ctx.admitted()?.context();
    let mut tx = db.begin().await?;
    let member = row(&mut tx, id).await?;
    keep_an_administrator(&mut tx, db.backend(), &member, "removed").await?;
    sqlx::query("DELETE FROM staff WHERE id = $1")
        .bind(id.to_owned())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        ctx,
        now,
        Event::general("staff.removed")
            .after(json!({ "email": member.email, "role": member.role })),
    )
    .await?;
    tx.commit().await?;
    Ok(member.to_staff())
}

/// Refuses to take away the last active administrator. On PostgreSQL the active administrators'
/// rows are locked first, so that two concurrent removals cannot both see another one left.
async fn keep_an_administrator(
    tx: &mut AnyConnection,
    backend: Backend,
    member: &Row,
    verb: &str,
) -> Result<()> {
    if member.role != Role::Administrator.as_str() || member.status != "active" {
        return Ok(());
    }
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "SELECT id FROM staff WHERE role = 'administrator' AND status = 'active' AND id <> $1{lock}"
    );
    let others: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(member.id.clone())
        .fetch_all(tx)
        .await?;
    if others.is_empty() {
        return Err(Error::Conflict(format!(
            "{} is the last active administrator and cannot be {verb}; make another \
             administrator first",
            member.email
        )));
    }
    Ok(())
}
