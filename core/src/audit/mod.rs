//! The audit log: every state change writes one event, in the same transaction as the change.

pub mod admin_pages;
pub mod budget;
pub mod http;
mod repo;

pub use repo::{AuditFilter, AuditRecord, record};

use std::marker::PhantomData;

use serde_json::Value;

use crate::error::Result;
use crate::staff::roles::{Named, Role};

/// The events `filter` picks, newest first (staff of every role read the log).
pub async fn search(db: &crate::db::Db, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
    let mut conn = db.pool().acquire().await?;
    repo::list(&mut conn, filter).await
}

/// Records one change twice, in the caller's transaction (DESIGN.md rule 10): the audit event,
/// and the domain event `kind` with `payload` for plugins, about the same account and user.
pub async fn record_change(
    conn: &mut sqlx::AnyConnection,
    ctx: &Context,
    now: i64,
    event: Event<'_>,
    kind: &str,
    payload: Value,
) -> Result<()> {
    let account_id = event.account_id.map(str::to_owned);
    let user_id = event.user_id.map(str::to_owned);
    record(conn, ctx, now, event).await?;
    // Plugins see who acted in a support sign-in: the staff member, in the event's payload.
    let payload = match (&ctx.support, payload) {
        (Some(by), Value::Object(mut fields)) => {
            fields.insert("support_staff".to_owned(), Value::from(by.email.clone()));
            Value::Object(fields)
        }
        (_, payload) => payload,
    };
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

/// Who is acting: the one value every use case gets (inside its [`Context`]), whichever door the
/// request came through. Staff carry their role, so that each use case decides for itself
/// ([`Context::admit`]) whether they may do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A client-area user (their rights on an account are their membership: `memberships::Access`).
    User(String),
    /// An admin API token or WHMCS API credential, by name, with its role.
    Admin {
        name: String,
        role: Role,
    },
    /// A staff member in the admin area, by email, with their role: recorded as kind `admin` with
    /// the email as its id, so that the log keeps their name after they are removed.
    Staff {
        email: String,
        role: Role,
    },
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
            Self::Admin { .. } | Self::Staff { .. } => "admin",
            Self::Plugin(_) => "plugin",
            Self::System | Self::Job(_) => "system",
        }
    }

    pub fn id(&self) -> Option<&str> {
        match self {
            Self::User(id) | Self::Plugin(id) => Some(id),
            Self::Admin { name: id, .. } | Self::Staff { email: id, .. } => Some(id),
            Self::Job(name) => Some(name),
            Self::System => None,
        }
    }

    /// The staff role this actor holds (admin tokens, WHMCS credentials, staff members).
    pub fn role(&self) -> Option<Role> {
        match self {
            Self::Admin { role, .. } | Self::Staff { role, .. } => Some(*role),
            _ => None,
        }
    }
}

/// Who is acting and from where: passed from the door into every use case that changes state.
#[derive(Debug, Clone)]
pub struct Context {
    pub actor: Actor,
    pub ip: Option<String>,
    /// In a support sign-in, the staff member acting in the user's session: the user's rights
    /// decide what may be done (`actor` stays the user), the staff member is recorded as who did
    /// it, on behalf of the user, and what only the user may do is refused
    /// ([`Context::refuse_support`]).
    pub support: Option<SupportBy>,
}

/// A staff member acting in a user's session (support signing in as a client).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportBy {
    pub staff_id: String,
    pub email: String,
    pub role: Role,
}

impl Context {
    pub fn system() -> Self {
        Self {
            actor: Actor::System,
            ip: None,
            support: None,
        }
    }

    /// Refuses what only the user themself may do (their password, email, second factor,
    /// passkeys and sessions, backup codes, accepting an invitation, approving an app) when
    /// support signed in as them: 403 `support_sign_in_restricted`, saying `what`.
    pub fn refuse_support(&self, what: &'static str) -> Result<()> {
        match &self.support {
            Some(_) => Err(crate::error::Error::SupportRestricted(what)),
            None => Ok(()),
        }
    }

    /// Who the audit log names: the staff member in a support sign-in, else the actor; and the
    /// user they acted for.
    pub fn recorded(&self) -> (&'static str, Option<&str>, Option<&str>) {
        match (&self.support, &self.actor) {
            (Some(by), Actor::User(user)) => ("admin", Some(by.email.as_str()), Some(user)),
            _ => (self.actor.kind(), self.actor.id(), None),
        }
    }

    /// This actor admitted to a use case whose operation is `O` (the use case's signature names
    /// it: the door writes `ctx.admit()?`, before it reads the request's input). Refuses with 403
    /// `forbidden` what the actor's role may not do (the role table, [`Role::may`]); users are held
    /// to their membership by the use case itself, plugins and the server act on their own behalf.
    pub fn admit<O: Named>(&self) -> Result<Admitted<'_, O>> {
        if let Some(role) = self.actor.role() {
            role.require(O::OPERATION)?;
        }
        Ok(Admitted {
            ctx: self,
            operation: PhantomData,
        })
    }
}

/// Who is acting, as a use case that staff can reach takes it: `ctx: impl Acting<'_, op::Change>`
/// names the use case's own operation, and its first step, `ctx.admitted()?`, applies the role
/// table. A door passes either
/// - `&Context`: checked on entry to the use case, or
/// - an [`Admitted`] from [`Context::admit`]: checked by the door before it read the request's
///   input (so a support token hears 403 whatever body it sent), the operation still named by the
///   use case's signature.
///
/// Either way the use case cannot run for an actor whose role may not do it, and no door names an
/// operation or works one out of a path.
pub trait Acting<'a, O> {
    fn admitted(self) -> Result<Admitted<'a, O>>;
}

impl<'a, O: Named> Acting<'a, O> for &'a Context {
    fn admitted(self) -> Result<Admitted<'a, O>> {
        self.admit()
    }
}

impl<'a, O> Acting<'a, O> for Admitted<'a, O> {
    fn admitted(self) -> Result<Admitted<'a, O>> {
        Ok(self)
    }
}

/// Who is acting, admitted to one use case (see [`Acting`]); only [`Context::admit`] makes one.
#[derive(Debug)]
pub struct Admitted<'a, O> {
    ctx: &'a Context,
    operation: PhantomData<O>,
}

impl<O> Clone for Admitted<'_, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O> Copy for Admitted<'_, O> {}

impl<'a, O> Admitted<'a, O> {
    /// The context, for what the use case records.
    pub fn context(self) -> &'a Context {
        self.ctx
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
    /// An event about what the two ids name (either may be absent); the constructors below are
    /// its common cases. Fill in the sides with [`Event::after`] or [`Event::change`].
    pub fn about(action: &'a str, account_id: Option<&'a str>, user_id: Option<&'a str>) -> Self {
        Self {
            action,
            account_id,
            user_id,
            before: None,
            after: None,
        }
    }

    /// An event about neither an account nor a user (staff and credentials).
    pub fn general(action: &'a str) -> Self {
        Self::about(action, None, None)
    }

    /// An event about a user.
    pub fn user(action: &'a str, user_id: &'a str) -> Self {
        Self::about(action, None, Some(user_id))
    }

    /// An event about an account.
    pub fn account(action: &'a str, account_id: &'a str) -> Self {
        Self::about(action, Some(account_id), None)
    }

    /// An event about a user on an account (memberships, ownership, acceptance).
    pub fn member(action: &'a str, account_id: &'a str, user_id: &'a str) -> Self {
        Self::about(action, Some(account_id), Some(user_id))
    }

    pub fn change(mut self, before: Value, after: Value) -> Self {
        self.before = Some(before);
        self.after = Some(after);
        self
    }

    pub fn before(mut self, before: Value) -> Self {
        self.before = Some(before);
        self
    }

    pub fn after(mut self, after: Value) -> Self {
        self.after = Some(after);
        self
    }
}
