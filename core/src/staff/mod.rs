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
pub mod login_as;
pub mod login_as_pages;
pub mod passkey_pages;
pub mod passkeys;
pub mod preferences;
mod repo;
pub mod roles;
pub mod sessions;
pub mod setup;
pub mod sign_in;

use serde::Serialize;
use serde_json::json;
use sqlx::AnyConnection;

use crate::audit::{self, Acting, Context, Event};
use crate::crypto::{hash_token, new_id, new_token};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::settings::Backend;
use crate::staff::roles::op;
use crate::users::Email;
use repo::Row;
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
    /// Whether they chose a password and a second factor (their setup link was used).
    pub set_up: bool,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: i64,
    /// The language the admin area speaks to them in (a tag), or empty for their browser's.
    pub language: String,
    /// The time zone they read dates in (an IANA name), or empty for `ui.time_zone`.
    pub time_zone: String,
}

impl Staff {
    pub fn role(&self) -> Role {
        Role::parse(&self.role)
    }

    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

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
            language: self.language.clone(),
            time_zone: self.time_zone.clone(),
        }
    }
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
        support: None,
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
    let rows = repo::list(&mut conn).await?;
    Ok(rows.iter().map(Row::to_staff).collect())
}

pub async fn get(db: &Db, id: &str) -> Result<Staff> {
    let mut conn = db.pool().acquire().await?;
    Ok(repo::get(&mut conn, id).await?.to_staff())
}

/// The member with this email address (any case).
pub async fn by_email(db: &Db, email: &str) -> Result<Staff> {
    let mut conn = db.pool().acquire().await?;
    repo::by_email(&mut conn, email)
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
    let address = (email.as_str(), email.normalized());
    repo::insert(&mut tx, &id, (address.0, &address.1), role.as_str(), now)
        .await
        .map_err(|e| match e {
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
    let staff = repo::get(&mut tx, &id).await?.to_staff();
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
    let member = repo::get(&mut tx, id).await?;
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
    let expires_at = now + crate::clock::ms(SETUP_LINK_LIFETIME);
    let link = (hash_token(&token), secret);
    repo::replace_link(conn, staff_id, (&link.0, &link.1), now, expires_at).await?;
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
    let member = repo::get(&mut tx, id).await?;
    let status = if active { "active" } else { "disabled" };
    if member.status == status {
        return Ok(member.to_staff());
    }
    if !active {
        keep_an_administrator(&mut tx, db.backend(), &member, "disabled").await?;
        sessions::end_all(&mut tx, id, now).await?;
    }
    repo::set_status(&mut tx, id, status, now).await?;
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
    let after = repo::get(&mut tx, id).await?.to_staff();
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
    let member = repo::get(&mut tx, id).await?;
    keep_an_administrator(&mut tx, db.backend(), &member, "removed").await?;
    sessions::end_all(&mut tx, id, now).await?;
    repo::delete(&mut tx, id).await?;
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
    let others = repo::other_active_administrators(tx, backend, &member.id).await?;
    if others.is_empty() {
        return Err(Error::Conflict(format!(
            "{} is the last active administrator and cannot be {verb}; make another \
             administrator first",
            member.email
        )));
    }
    Ok(())
}
