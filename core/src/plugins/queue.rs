//! After-hooks: committed domain events delivered from the database, at least once, in order.
//!
//! Committed events are first given their place in delivery order (`domain_events.position`,
//! [`repo::sequence`]); plugins see it as the event's `seq`. Each plugin has a cursor over those
//! positions (`plugin_cursors.last_seq`). A replica that holds the plugin's lease (so two replicas
//! never deliver the same plugin's events at once) reads the events after the cursor in order, calls the plugin for those it subscribes to, and moves
//! the cursor past each one once the call succeeded. A failed call is retried with exponential
//! backoff; after `plugins.queue.max_attempts` failures the event is parked (visible in the admin
//! API, deliverable again from there) and the cursor moves on. The action that recorded the event
//! committed long before: nothing here can undo it.
//!
//! Writes on different accounts commit side by side, but an event gets its position only once no
//! running transaction can precede it (migration 0011), so none can appear behind the cursor; one
//! account's writes take the account's lock first (`accounts::steps::lock`), so its events keep
//! their commit order.
//! Delivery is at least once: if the server stops between a successful call and the cursor's
//! update, the event is delivered again; plugins use the event id to recognise it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;

use wasmtime::Store;
use wasmtime::component::{ComponentExportIndex, ComponentType, Instance, Lower};

use super::after_events::to_wit;
use super::api_0_1;
use super::bindings::roster::plugin::types;
use super::error::PluginError;
use super::host::{HostState, Phase};
use super::manifest::{Api, Hook};
use super::repo::{self, EventRow};
use super::{Inner, Loaded, Plugins, Tally};
use crate::clock::ms;
use crate::crypto::new_id;
use crate::error::Result;

/// How many events one pass reads per plugin.
const BATCH: i64 = 100;

/// Calls the plugin's after-hook for one event, on a blocking thread.
async fn deliver(
    inner: &Arc<Inner>,
    plugin: &Arc<Loaded>,
    event: &EventRow,
) -> Result<(), PluginError> {
    let Some(hook) = Hook::for_event_kind(&event.kind) else {
        return Ok(());
    };
    let Some(wit) = to_wit(event) else {
        return Ok(());
    };
    let inner = inner.clone();
    let plugin = plugin.clone();
    tokio::task::spawn_blocking(move || {
        let call = types::CallContext {
            call_id: wit.id.clone(),
            actor: types::Actor::System,
            ip: None,
        };
        plugin.counters.start(hook);
        let started = Instant::now();
        let outcome = plugin.call(
            &inner.shared.engine,
            Phase::After,
            &call.call_id,
            plugin.settings.after_deadline,
            |instance, exports, store| match exports.api {
                Api::Current => after_event(instance, store, &exports.after_event, &call, &wit),
                Api::V0_1 => match api_0_1::event(wit.clone()) {
                    Some(old) => after_event(instance, store, &exports.after_event, &call, &old),
                    None => Ok(Ok(())),
                },
            },
        );
        let (tally, result) = match outcome {
            Ok(Ok(())) => (Tally::Ok, Ok(())),
            Ok(Err(message)) => (
                Tally::Error,
                Err(PluginError::Returned(super::first_line(&message))),
            ),
            Err(failure @ PluginError::Timeout) => (Tally::Timeout, Err(failure)),
            Err(failure) => (Tally::Trap, Err(failure)),
        };
        plugin.record_call(hook, started.elapsed(), tally);
        result
    })
    .await
    .map_err(|e| PluginError::Trap(format!("plugin task: {e}")))?
}

/// Calls one after-event export with the event as the plugin's API line has it.
fn after_event<E: ComponentType + Lower>(
    instance: &Instance,
    store: &mut Store<HostState>,
    index: &ComponentExportIndex,
    call: &types::CallContext,
    event: &E,
) -> wasmtime::Result<Result<(), String>> {
    let f = instance
        .get_typed_func::<(&types::CallContext, &E), (Result<(), String>,)>(&mut *store, index)?;
    Ok(f.call(store, (call, event))?.0)
}

/// The wait before attempt `attempts + 1` (after `attempts` failures).
fn backoff(inner: &Inner, attempts: i64) -> Duration {
    let queue = &inner.shared.settings.plugins.queue;
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    queue
        .backoff
        .saturating_mul(2u32.saturating_pow(exponent))
        .min(queue.max_backoff)
}

/// One delivery pass for one plugin: as many events as are due, stopping at the first failure.
async fn pass(
    inner: &Arc<Inner>,
    plugin: &Arc<Loaded>,
    owner: &str,
    shutdown: &watch::Receiver<bool>,
) -> Result<()> {
    let db = &inner.shared.db;
    let clock = &inner.shared.clock;
    let name = plugin.name();
    let lease = ms(inner.shared.settings.plugins.queue.lease);
    let now = clock.now_ms();
    if !repo::claim(db, name, owner, now, now + lease).await? {
        return Ok(());
    }
    let Some(cursor) = repo::cursor(db, name).await? else {
        return Ok(());
    };
    if cursor.next_attempt_at > now {
        return Ok(());
    }
    let mut attempts = cursor.attempts;
    let mut last = cursor.last_seq;
    loop {
        let events = repo::events_after(db, last, BATCH).await?;
        if events.is_empty() {
            return Ok(());
        }
        let mut passed_over = false;
        for event in &events {
            if *shutdown.borrow() {
                // Stop between two events: the cursor is saved after each one.
                return Ok(());
            }
            let subscribed =
                Hook::for_event_kind(&event.kind).is_some_and(|h| plugin.subscribes(h));
            if !subscribed {
                // Passed over; the cursor moves with the next delivery or at the end of the batch.
                last = event.seq;
                passed_over = true;
                continue;
            }
            match deliver(inner, plugin, event).await {
                Ok(()) => {
                    let now = clock.now_ms();
                    if !repo::advance(db, name, owner, event.seq, true, now, now + lease).await? {
                        return Ok(());
                    }
                    attempts = 0;
                    last = event.seq;
                    passed_over = false;
                }
                Err(error) => {
                    attempts += 1;
                    let now = clock.now_ms();
                    let max = i64::from(inner.shared.settings.plugins.queue.max_attempts.max(1));
                    if attempts >= max {
                        tracing::warn!(
                            plugin = name,
                            event_id = %event.id,
                            kind = %event.kind,
                            attempts,
                            error = %error,
                            "after-hook failed too often; event parked"
                        );
                        if !repo::park(db, name, owner, event, attempts, &error.to_string(), now)
                            .await?
                        {
                            return Ok(());
                        }
                        attempts = 0;
                        last = event.seq;
                        passed_over = false;
                        continue;
                    }
                    let retry_at = now + ms(backoff(inner, attempts));
                    tracing::info!(
                        plugin = name,
                        event_id = %event.id,
                        attempts,
                        error = %error,
                        "after-hook failed; will retry"
                    );
                    repo::failed(db, name, owner, &error.to_string(), now, retry_at).await?;
                    return Ok(());
                }
            }
        }
        // Events passed over at the end of the batch: one update moves the cursor past them all.
        if passed_over {
            let now = clock.now_ms();
            if !repo::advance(db, name, owner, last, false, now, now + lease).await? {
                return Ok(());
            }
        }
    }
}

impl Plugins {
    /// Creates the delivery cursor of every loaded plugin that has after-hooks (at the newest
    /// event, for a plugin seen for the first time). Called at start-up, before serving.
    pub async fn prepare_queue(&self) -> Result<()> {
        let Some(inner) = &self.inner else {
            return Ok(());
        };
        // Number what was written while no plugin ran first, so that a new plugin's cursor
        // starts after it.
        while repo::sequence(&inner.shared.db).await? > 0 {}
        for plugin in inner.loaded.load().iter().filter(|p| has_after_hooks(p)) {
            repo::ensure_cursor(&inner.shared.db, plugin.name(), inner.shared.clock.now_ms())
                .await?;
        }
        Ok(())
    }

    /// Delivers events to after-hooks until `shutdown` turns true; then finishes the call in
    /// progress, gives the leases back and returns.
    pub async fn run_queue(&self, mut shutdown: watch::Receiver<bool>) {
        let Some(inner) = self.inner.clone() else {
            return;
        };
        let owner = format!("{}-{}", std::process::id(), new_id());
        let poll = inner.shared.settings.plugins.queue.poll_interval;
        loop {
            if *shutdown.borrow() {
                break;
            }
            if let Err(e) = repo::sequence(&inner.shared.db).await {
                tracing::warn!(error = %e, "could not number the committed events");
            }
            let plugins = inner.loaded.load_full();
            for plugin in plugins.iter().filter(|p| has_after_hooks(p)) {
                if *shutdown.borrow() {
                    break;
                }
                if let Err(e) = pass(&inner, plugin, &owner, &shutdown).await {
                    tracing::warn!(plugin = plugin.name(), error = %e, "after-hook delivery pass failed");
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = inner.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        for plugin in inner.loaded.load().iter() {
            if let Err(e) = repo::release(&inner.shared.db, plugin.name(), &owner).await {
                tracing::warn!(plugin = plugin.name(), error = %e, "could not release the delivery lease");
            }
        }
    }

    /// The delivery state of one plugin, for the admin API.
    pub async fn queue_state(&self, name: &str) -> Result<Option<QueueState>> {
        let Some(inner) = &self.inner else {
            return Ok(None);
        };
        let db = &inner.shared.db;
        let Some(cursor) = repo::cursor(db, name).await? else {
            return Ok(None);
        };
        Ok(Some(QueueState {
            last_seq: cursor.last_seq,
            delivered: cursor.delivered,
            backlog: repo::pending(db, cursor.last_seq).await?,
            failed_attempts: cursor.attempts,
            next_attempt_at: (cursor.next_attempt_at > 0).then_some(cursor.next_attempt_at),
            last_error: cursor.last_error,
            parked: repo::parked_count(db, name).await?,
        }))
    }

    pub async fn parked(&self, name: &str, limit: i64) -> Result<Vec<repo::Parked>> {
        match &self.inner {
            Some(inner) => repo::parked(&inner.shared.db, name, limit).await,
            None => Ok(Vec::new()),
        }
    }

    /// Delivers one parked event again, now; on success it leaves the parked list. Answers the
    /// error when the plugin fails again (the event stays parked).
    pub async fn retry_parked(&self, name: &str, seq: i64) -> Result<Option<String>> {
        let inner = self
            .inner
            .as_ref()
            .ok_or(crate::error::Error::NotFound("plugin"))?;
        let plugin = self
            .get(name)
            .ok_or(crate::error::Error::NotFound("plugin"))?;
        if !repo::is_parked(&inner.shared.db, name, seq).await? {
            return Err(crate::error::Error::NotFound("parked event"));
        }
        let event = repo::event(&inner.shared.db, seq)
            .await?
            .ok_or(crate::error::Error::NotFound("parked event"))?;
        match deliver(inner, &plugin, &event).await {
            Ok(()) => {
                repo::unpark(&inner.shared.db, name, seq).await?;
                Ok(None)
            }
            Err(error) => Ok(Some(error.to_string())),
        }
    }
}

fn has_after_hooks(plugin: &Loaded) -> bool {
    plugin.manifest.hooks.iter().any(|h| !h.is_before())
}

/// The after-hook delivery state of one plugin.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct QueueState {
    /// Every event up to this `seq` (position in delivery order) is delivered, parked or not
    /// subscribed.
    pub last_seq: i64,
    /// Events delivered successfully (all replicas, since the plugin was first loaded).
    pub delivered: i64,
    /// Events recorded after `last_seq` (of any kind; those the plugin does not subscribe to are
    /// skipped).
    pub backlog: i64,
    /// Failed attempts at the next event.
    pub failed_attempts: i64,
    /// When the next attempt is due (unix ms), while retrying.
    pub next_attempt_at: Option<i64>,
    pub last_error: Option<String>,
    pub parked: i64,
}
