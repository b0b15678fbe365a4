//! What `/me` shows, shared by the doors that post to it: the profile, address, password and
//! session forms (`me_pages`) and the second factor's (`me_totp_pages`) come back to it with their
//! outcome.

use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};

use super::service;
use crate::error::Error;
use crate::http::page_access::SignedIn;
use crate::state::AppState;

/// Which form a message belongs to, and what it says.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    pub(super) status: Option<StatusCode>,
    /// The section (`profile`, `email`, `password`, `totp`, `sessions`) and its error.
    pub(super) error: Option<(&'static str, String)>,
    pub(super) errors: std::collections::BTreeMap<String, String>,
    pub(super) typed: Option<Value>,
}

/// The page, with a form's outcome (its error next to it, what was typed) and a notice.
pub(super) async fn show(
    state: &AppState,
    page: &SignedIn,
    outcome: Outcome,
    notice: Option<&str>,
) -> Response {
    let chrome = &page.chrome;
    let user_id = &page.user.0.user_id;
    let user = match service::get(state, user_id).await {
        Ok(user) => user,
        Err(e) => return chrome.failed(e),
    };
    let sessions = match crate::sessions::list(state, user_id).await {
        Ok(list) => list,
        Err(e) => return chrome.failed(e),
    };
    let sessions: Vec<Value> = sessions
        .iter()
        .map(|s| {
            context! {
                current => s.id == page.user.0.session_id,
                ..Value::from(minijinja::value::Serde(s))
            }
        })
        .collect();
    let apps = match crate::oauth::consents::list(state, user_id).await {
        Ok(apps) => apps,
        Err(e) => return chrome.failed(e),
    };
    let (section, error) = outcome.error.unzip();
    chrome.render(
        outcome.status.unwrap_or(StatusCode::OK),
        "me.html",
        context! {
            user => Value::from(minijinja::value::Serde(&user)),
            typed => outcome.typed.unwrap_or_else(|| Value::from(minijinja::value::Serde(&user))),
            sessions,
            apps => Value::from(minijinja::value::Serde(&apps)),
            section,
            error,
            errors => outcome.errors,
            notice,
            min_length => state.settings.auth.password.min_length,
        },
    )
}

/// A wrong current password is that field's error.
pub(super) fn current_password_named<T>(result: Result<T, Error>) -> Result<T, Error> {
    result.map_err(|e| match e {
        Error::InvalidCredentials => {
            Error::Validation("current_password is not your current password".to_owned())
        }
        other => other,
    })
}
