//! The audit log: every state change writes one event, in the same transaction as the change.

pub mod http;
mod repo;

pub use repo::{AuditFilter, AuditRecord, list, record};

use serde_json::Value;

/// Records one change twice, in the caller's transaction (DESIGN.md rule 10): the audit event,
/// and the domain event `kind` with `payload` for plugins, about the same account and user.
pub async fn record_change(
    conn: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    event: Event<'_>,
    kind: &str,
    payload: Value,
) -> crate::error::Result<()> {
    let account_id = event.account_id.map(str::to_owned);
    let user_id = event.user_id.map(str::to_owned);
    record(conn, ctx, now, event).await?;
    crate::events::record(
        conn,
        now,
        kind,
        account_id.as_deref(),
        user_id.as_deref(),
        payload,
    )
    .await
}

/// Who did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User(String),
    /// An admin API token or WHMCS API credential, by name.
    Admin(String),
    /// A staff member in the admin area, by email: recorded as kind `admin` with the email as its
    /// id, so that the log keeps their name after they are removed.
    Staff(String),
    Plugin(String),
    System,
    /// The server itself, doing one named job: recorded as kind `system` with the job as its id
    /// (`system:import` for the WHMCS import).
    Job(&'static str),
}

impl Actor {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::User(_) => "user",
            Self::Admin(_) | Self::Staff(_) => "admin",
            Self::Plugin(_) => "plugin",
            Self::System | Self::Job(_) => "system",
        }
    }

    pub fn id(&self) -> Option<&str> {
        match self {
            Self::User(id) | Self::Admin(id) | Self::Staff(id) | Self::Plugin(id) => Some(id),
            Self::Job(name) => Some(name),
            Self::System => None,
        }
    }
}

/// Who is acting and from where: passed from the HTTP layer into every domain call that changes
/// state.
#[derive(Debug, Clone)]
pub struct Context {
    pub actor: Actor,
    pub ip: Option<String>,
}

impl Context {
    pub fn system() -> Self {
        Self {
            actor: Actor::System,
            ip: None,
        }
    }
}

/// One audit event. `before`/`after` hold the changed fields, never a secret.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub action: &'a str,
    pub account_id: Option<&'a str>,
    pub user_id: Option<&'a str>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl<'a> Event<'a> {
    /// An event about neither an account nor a user (staff and credentials).
    pub fn general(action: &'a str) -> Self {
        Self {
            action,
            account_id: None,
            user_id: None,
            before: None,
            after: None,
        }
    }

    /// An event about a user.
    pub fn user(action: &'a str, user_id: &'a str) -> Self {
        Self {
            action,
            account_id: None,
            user_id: Some(user_id),
            before: None,
            after: None,
        }
    }

    pub fn change(mut self, before: Value, after: Value) -> Self {
        self.before = Some(before);
        self.after = Some(after);
        self
    }

    pub fn after(mut self, after: Value) -> Self {
        self.after = Some(after);
        self
    }
}
