//! The one shared state every handler receives through axum's `State`.
//!
//! Axum clones the state for every extractor and middleware that asks for it, several times per
//! request, so it is one reference-counted pointer: a clone is one atomic increment, not one per
//! part (and no copy of the mailer's addresses).

use std::ops::Deref;
use std::sync::Arc;

use crate::clock::Clock;
use crate::db::Db;
use crate::mail::Mailer;
use crate::permissions::Catalog;
use crate::plugins::Plugins;
use crate::settings::Settings;
use crate::users::Passwords;

#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

/// What [`AppState`] shares; its fields are read through the state (`state.db`).
#[derive(Debug)]
pub struct Shared {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub mailer: Mailer,
    pub passwords: Passwords,
    pub clock: Clock,
    /// Every permission key: the built-in ones and those plugins add.
    pub catalog: Arc<Catalog>,
    /// The loaded WebAssembly plugins and their hooks.
    pub plugins: Plugins,
    /// Every word a person reads, in each language (`i18n`).
    pub messages: Arc<crate::i18n::Messages>,
}

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}
