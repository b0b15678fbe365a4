//! Domain events: every state change records one, in its own transaction, for the plugins'
//! `after-*` hooks (DESIGN.md rule 10, §3). The plugin host delivers them from this table.

use serde_json::Value;
use sqlx::AnyConnection;

use crate::crypto::new_id;
use crate::error::Result;

/// The kinds of event, as plugins see them.
pub mod kind {
    pub const USER_CREATED: &str = "user.created";
    pub const USER_UPDATED: &str = "user.updated";
    pub const USER_DELETED: &str = "user.deleted";
    pub const CONTACT_CREATED: &str = "contact.created";
    pub const CONTACT_UPDATED: &str = "contact.updated";
    pub const CONTACT_DELETED: &str = "contact.deleted";
    pub const LOGIN: &str = "user.logged_in";
    pub const ACCOUNT_CREATED: &str = "account.created";
    pub const ACCOUNT_UPDATED: &str = "account.updated";
    pub const ACCOUNT_DELETED: &str = "account.deleted";
    pub const PERMISSIONS_CHANGED: &str = "membership.permissions_changed";
    pub const USER_ADDED: &str = "membership.added";
    pub const USER_REMOVED: &str = "membership.removed";
    pub const OWNERSHIP_CHANGED: &str = "account.ownership_changed";
    pub const INVITATION_CREATED: &str = "invitation.created";
    pub const INVITATION_ACCEPTED: &str = "invitation.accepted";
    pub const INVITATION_CANCELLED: &str = "invitation.cancelled";
    pub const INVITATION_RESENT: &str = "invitation.resent";
    /// A person allowed an app (Sign in with Roster); the audit log's action of the same name.
    pub const CONSENT_GRANTED: &str = "oauth.consent_granted";
    pub const CONSENT_WITHDRAWN: &str = "oauth.consent_withdrawn";
}

/// Records one event.
pub async fn record(
    conn: &mut AnyConnection,
    now: i64,
    kind: &str,
    account_id: Option<&str>,
    user_id: Option<&str>,
    payload: Value,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO domain_events (id, kind, account_id, user_id, payload, occurred_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(kind.to_owned())
    .bind(account_id.map(str::to_owned))
    .bind(user_id.map(str::to_owned))
    .bind(payload.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
