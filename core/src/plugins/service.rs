//! The plugins' use cases that staff call — reload one, retry a parked event — with an audit
//! event each, so that the admin API and the admin area record the same thing
//! (`plugin.reloaded`, `plugin.event_retried`) with the staff member or token as the actor.

use std::sync::Arc;

use serde_json::json;

use super::Loaded;
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
