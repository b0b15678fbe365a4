//! Before-hooks: each subscribed plugin in priority order, in a fresh instance, within its
//! deadline; the first denial wins, a failure follows the plugin's `on_error`. The domain calls the
//! typed entry points (`before_invitation_create`, `before_login`, …, in `before_hooks`); the
//! chain runs on the blocking pool.

use std::sync::Arc;
use std::time::Instant;

use wasmtime::Store;
use wasmtime::component::{Component, ComponentExportIndex, ComponentType, Instance, Lower};

use super::bindings::roster::plugin::types;
use super::counters::Tally;
use super::error::PluginError;
use super::host::{HostState, Phase};
use super::manifest::{Api, Hook};
use super::{Loaded, Plugins, first_line};
use crate::audit::{Actor, Context};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::permissions::Catalog;
use crate::settings::OnPluginError;

impl Plugins {
    pub(super) async fn run_before(
        &self,
        hook: Hook,
        ctx: &Context,
        request: Request,
    ) -> Result<Request> {
        let plugins = self.subscribed(hook);
        if plugins.is_empty() {
            return Ok(request);
        }
        let this = self.clone();
        let ctx = ctx.clone();
        tokio::task::spawn_blocking(move || this.run_chain(&plugins, hook, &ctx, request))
            .await
            .map_err(|e| Error::internal(format!("plugin task: {e}")))?
    }

    /// Runs the before-hook chain on the calling thread: each subscribed plugin in priority
    /// order, each in a fresh instance; the first deny wins.
    pub(super) fn run_before_blocking(
        &self,
        hook: Hook,
        ctx: &Context,
        request: Request,
    ) -> Result<Request> {
        self.run_chain(&self.subscribed(hook), hook, ctx, request)
    }

    fn run_chain(
        &self,
        plugins: &[Arc<Loaded>],
        hook: Hook,
        ctx: &Context,
        request: Request,
    ) -> Result<Request> {
        let Some(inner) = self.inner.as_ref() else {
            return Ok(request);
        };
        let actor = match &ctx.actor {
            Actor::User(id) => types::Actor::User(id.clone()),
            Actor::Admin { name: id, .. } | Actor::Staff { email: id, .. } => {
                types::Actor::Admin(id.clone())
            }
            Actor::Plugin(id) => types::Actor::Plugin(id.clone()),
            Actor::System | Actor::Job(_) => types::Actor::System,
        };
        let mut request = request;
        for plugin in plugins {
            let call = types::CallContext {
                call_id: new_id(),
                actor: actor.clone(),
                ip: ctx.ip.clone(),
            };
            plugin.counters.start(hook);
            let started = Instant::now();
            let outcome = plugin.call(
                &inner.shared.engine,
                Phase::Before,
                &call.call_id,
                plugin.settings.deadline,
                |instance, exports, store| request.call(instance, exports, store, &call),
            );
            let verdict = judge(hook, &inner.catalog, outcome);
            let tally = match &verdict {
                Verdict::Allow | Verdict::Grant(_) => Tally::Ok,
                Verdict::Deny { .. } => Tally::Deny,
                Verdict::Failed(PluginError::Timeout) => Tally::Timeout,
                Verdict::Failed(PluginError::Trap(_)) => Tally::Trap,
                Verdict::Failed(_) => Tally::Error,
                Verdict::Garbage(_) => Tally::Error,
            };
            plugin.record_call(hook, started.elapsed(), tally);
            match verdict {
                Verdict::Allow => {}
                Verdict::Grant(permissions) => request.grant(permissions),
                Verdict::Deny { code, message } => {
                    tracing::info!(
                        plugin = plugin.name(),
                        hook = hook.name(),
                        call_id = %call.call_id,
                        reason = %code,
                        "action vetoed by plugin"
                    );
                    return Err(Error::VetoedByPlugin {
                        plugin: plugin.name().to_owned(),
                        code,
                        message,
                    });
                }
                Verdict::Failed(failure) => {
                    on_failure(plugin, hook, &call.call_id, &failure.to_string())?
                }
                Verdict::Garbage(why) => on_failure(plugin, hook, &call.call_id, &why)?,
            }
        }
        Ok(request)
    }
}

/// A before-hook's input.
#[derive(Debug, Clone)]
pub(super) enum Request {
    InvitationCreate(types::InvitationCreate),
    InvitationAccept(types::InvitationAccept),
    OwnershipTransfer(types::OwnershipTransfer),
    UserRemoval(types::UserRemoval),
    Login(types::LoginAttempt),
    TokenIssue(types::TokenIssue),
}

impl Request {
    pub(super) fn invitation_create(account_id: &str, email: &str, permissions: &[String]) -> Self {
        Self::InvitationCreate(types::InvitationCreate {
            account_id: account_id.to_owned(),
            email: email.to_owned(),
            permissions: permissions.to_vec(),
        })
    }

    fn call(
        &self,
        instance: &Instance,
        exports: &HookExports,
        store: &mut Store<HostState>,
        ctx: &types::CallContext,
    ) -> wasmtime::Result<types::Decision> {
        match self {
            Self::InvitationCreate(r) => {
                decide(instance, store, &exports.before_invitation_create, ctx, r)
            }
            Self::InvitationAccept(r) => {
                decide(instance, store, &exports.before_invitation_accept, ctx, r)
            }
            Self::OwnershipTransfer(r) => {
                decide(instance, store, &exports.before_ownership_transfer, ctx, r)
            }
            Self::UserRemoval(r) => decide(instance, store, &exports.before_user_removal, ctx, r),
            Self::Login(r) => decide(instance, store, &exports.before_login, ctx, r),
            // A plugin of an API line without this hook cannot subscribe to it (its manifest is
            // refused), so it is never asked.
            Self::TokenIssue(r) => match &exports.before_token_issue {
                Some(index) => decide(instance, store, index, ctx, r),
                None => Ok(types::Decision::Allow),
            },
        }
    }

    fn grant(&mut self, permissions: Vec<String>) {
        if let Self::InvitationAccept(r) = self {
            r.permissions = permissions;
        }
    }
}

/// Calls one before-hook export: `(call-context, request) -> decision`.
fn decide<R>(
    instance: &Instance,
    store: &mut Store<HostState>,
    index: &ComponentExportIndex,
    ctx: &types::CallContext,
    request: &R,
) -> wasmtime::Result<types::Decision>
where
    R: ComponentType + Lower,
{
    let f = instance
        .get_typed_func::<(&types::CallContext, &R), (types::Decision,)>(&mut *store, index)?;
    Ok(f.call(store, (ctx, request))?.0)
}

/// Where each function of `roster:plugin/hooks` sits in a component, found once at load, and the
/// API line the component was built for.
pub(crate) struct HookExports {
    pub(super) api: Api,
    pub(super) permission_keys: ComponentExportIndex,
    before_invitation_create: ComponentExportIndex,
    before_invitation_accept: ComponentExportIndex,
    before_ownership_transfer: ComponentExportIndex,
    before_user_removal: ComponentExportIndex,
    before_login: ComponentExportIndex,
    /// Since 0.2.0.
    before_token_issue: Option<ComponentExportIndex>,
    pub(crate) after_event: ComponentExportIndex,
}

impl HookExports {
    pub(super) fn find(component: &Component, api: Api) -> std::result::Result<Self, PluginError> {
        let interface = format!("roster:plugin/hooks@{}", api.package_version());
        let hooks = component
            .get_export_index(None, interface.as_str())
            .ok_or_else(|| format!("does not export {interface}"))?;
        let function = |name: &str| {
            component
                .get_export_index(Some(&hooks), name)
                .ok_or_else(|| format!("{interface} has no `{name}`"))
        };
        Ok(Self {
            api,
            before_token_issue: match api {
                Api::V0_1 => None,
                Api::Current => Some(function("before-token-issue")?),
            },
            permission_keys: function("permission-keys")?,
            before_invitation_create: function("before-invitation-create")?,
            before_invitation_accept: function("before-invitation-accept")?,
            before_ownership_transfer: function("before-ownership-transfer")?,
            before_user_removal: function("before-user-removal")?,
            before_login: function("before-login")?,
            after_event: function("after-event")?,
        })
    }
}

/// A before-hook's answer, checked.
#[derive(Debug)]
enum Verdict {
    Allow,
    Grant(Vec<String>),
    Deny { code: String, message: String },
    Failed(PluginError),
    Garbage(String),
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn judge(
    hook: Hook,
    catalog: &Catalog,
    outcome: std::result::Result<types::Decision, PluginError>,
) -> Verdict {
    match outcome {
        Err(failure) => Verdict::Failed(failure),
        Ok(types::Decision::Allow) => Verdict::Allow,
        Ok(types::Decision::Deny(denial)) => {
            let message = denial.message.trim();
            if !valid_code(&denial.code) {
                Verdict::Garbage(format!(
                    "denied with a malformed code `{}`",
                    first_line(&denial.code)
                ))
            } else if message.is_empty() || message.chars().count() > 500 {
                Verdict::Garbage(
                    "denied without a message (or with more than 500 characters)".into(),
                )
            } else {
                Verdict::Deny {
                    code: denial.code,
                    message: message.to_owned(),
                }
            }
        }
        Ok(types::Decision::GrantPermissions(keys)) => {
            if hook != Hook::BeforeInvitationAccept {
                return Verdict::Garbage(format!("answered grant-permissions to {hook}"));
            }
            match catalog.parse_set(&keys) {
                Ok(set) => Verdict::Grant(set),
                Err(e) => Verdict::Garbage(format!("granted {e}")),
            }
        }
    }
}

/// A failed before-hook under the plugin's `on_error` policy.
fn on_failure(plugin: &Loaded, hook: Hook, call_id: &str, why: &str) -> Result<()> {
    match plugin.settings.on_error {
        OnPluginError::FailClosed => {
            tracing::warn!(
                plugin = plugin.name(),
                hook = hook.name(),
                call_id,
                error = why,
                "plugin failed; the action is refused (on_error = fail_closed)"
            );
            Err(Error::PluginFailed {
                plugin: plugin.name().to_owned(),
            })
        }
        OnPluginError::FailOpen => {
            tracing::warn!(
                plugin = plugin.name(),
                hook = hook.name(),
                call_id,
                error = why,
                "plugin failed; the action goes on (on_error = fail_open)"
            );
            Ok(())
        }
    }
}
