//! The one shared state every handler receives through axum's `State`.

use std::sync::Arc;

use crate::clock::Clock;
use crate::db::Db;
use crate::mail::Mailer;
use crate::permissions::Catalog;
use crate::plugins::Plugins;
use crate::settings::Settings;
use crate::users::Passwords;

#[derive(Clone, Debug)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub mailer: Mailer,
    pub passwords: Passwords,
    pub clock: Clock,
    /// Every permission key: the built-in ones and those plugins add.
    pub catalog: Arc<Catalog>,
    /// The loaded WebAssembly plugins and their hooks.
    pub plugins: Plugins,
}
