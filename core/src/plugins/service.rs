//! The plugins' use cases that staff call — describe one, reload one, retry a parked event — the
//! actions with an audit event each, so that the admin API and the admin area show and record the
//! same thing (`plugin.reloaded`, `plugin.event_retried`) with the staff member or token as the
//! actor.

use std::sync::Arc;

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::queue::QueueState;
use super::{HookStats, Loaded};
use crate::audit::Acting;
use crate::audit::{self, Event};
use crate::error::Result;
use crate::staff::roles::op;
use crate::state::AppState;

/// Reloads plugin `name` from its files (see [`super::Plugins::reload`]) and records who did it.
pub async fn reload(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    name: &str,
) -> Result<Arc<Loaded>> {
    let ctx = ctx.admitted()?.context();
    let fresh = state.plugins.reload(name).await?;
    let mut conn = state.db.pool().acquire().await?;
    audit::record(
        &mut conn,
        ctx,
        state.clock.now_ms(),
        Event::general("plugin.reloaded").after(
            json!({ "plugin": name, "version": fresh.manifest.version, "digest": fresh.digest }),
        ),
    )
    .await?;
    Ok(fresh)
}

/// Delivers parked event `seq` to plugin `name` again, now, and records the attempt and its
/// outcome; answers the plugin's error when it failed again (the event stays parked).
pub async fn retry_parked(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    name: &str,
    seq: i64,
) -> Result<Option<String>> {
    let ctx = ctx.admitted()?.context();
    let error = state.plugins.retry_parked(name, seq).await?;
    let mut conn = state.db.pool().acquire().await?;
    audit::record(
        &mut conn,
        ctx,
        state.clock.now_ms(),
        Event::general("plugin.event_retried").after(
            json!({ "plugin": name, "seq": seq, "delivered": error.is_none(), "error": error }),
        ),
    )
    .await?;
    Ok(error)
}

/// One loaded plugin.
#[derive(Debug, Serialize, ToSchema)]
pub struct PluginView {
    pub(crate) name: String,
    version: String,
    api_version: String,
    /// `loaded` (plugins that fail to load stop start-up; a failed reload keeps the old version).
    state: &'static str,
    priority: i32,
    hooks: Vec<String>,
    capabilities: Vec<String>,
    /// SHA-256 of the component now running.
    digest: String,
    /// Unix ms.
    loaded_at: i64,
    deadline_ms: u64,
    after_deadline_ms: u64,
    memory_bytes: u64,
    /// `fail_closed` or `fail_open`.
    on_error: String,
    permission_keys: Vec<String>,
    /// Per subscribed hook, in this server process since it started.
    stats: Vec<HookStats>,
    /// After-hook delivery (shared by all replicas); absent without after-hooks.
    queue: Option<QueueState>,
}

/// What the admin API and the admin area show of a loaded plugin.
pub(crate) async fn view(state: &AppState, plugin: &Loaded) -> crate::error::Result<PluginView> {
    let queue = state.plugins.queue_state(plugin.name()).await?;
    Ok(PluginView {
        name: plugin.name().to_owned(),
        version: plugin.manifest.version.clone(),
        api_version: plugin.manifest.api_version.clone(),
        state: "loaded",
        priority: plugin.priority,
        hooks: plugin
            .manifest
            .hooks
            .iter()
            .map(|h| h.name().to_owned())
            .collect(),
        capabilities: plugin
            .manifest
            .capabilities
            .iter()
            .map(|c| c.name().to_owned())
            .collect(),
        digest: plugin.digest.clone(),
        loaded_at: plugin.loaded_at,
        deadline_ms: u64::try_from(plugin.settings.deadline.as_millis()).unwrap_or(u64::MAX),
        after_deadline_ms: u64::try_from(plugin.settings.after_deadline.as_millis())
            .unwrap_or(u64::MAX),
        memory_bytes: plugin.settings.memory_bytes,
        on_error: match plugin.settings.on_error {
            crate::settings::OnPluginError::FailClosed => "fail_closed",
            crate::settings::OnPluginError::FailOpen => "fail_open",
        }
        .to_owned(),
        permission_keys: plugin
            .permission_keys
            .iter()
            .map(|(k, _)| k.clone())
            .collect(),
        stats: plugin
            .manifest
            .hooks
            .iter()
            .map(|h| plugin.counters.stats(*h))
            .collect(),
        queue,
    })
}
