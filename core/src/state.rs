//! The one shared state every handler receives through axum's `State`.

use std::sync::Arc;

use crate::db::Db;
use crate::mail::Mailer;
use crate::settings::Settings;

#[derive(Clone, Debug)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub mailer: Mailer,
}
