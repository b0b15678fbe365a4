//! What `/me` shows, shared by the doors that post to it: the profile, address, password and
//! session forms (`me_pages`), the second factor's (`me_totp_pages`) and the passkeys'
//! (`passkeys::pages`) come back to it with their outcome.

use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};

use super::service;
use crate::error::Error;
use crate::http::forms::{field_errors, see_other};
use crate::http::page_access::SignedIn;
use crate::sessions::Subject;
use crate::state::AppState;

/// Which form a message belongs to, and what it says.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) status: Option<StatusCode>,
    /// The section (`profile`, `email`, `password`, `totp`, `passkeys`, `sessions`) and its error.
    pub(crate) error: Option<(&'static str, String)>,
    pub(crate) errors: std::collections::BTreeMap<String, String>,
    pub(crate) typed: Option<Value>,
}

/// The page, with a form's outcome (its error next to it, what was typed) and a notice.
pub(crate) async fn show(
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
    let passkeys = match crate::passkeys::service::list(state, Subject::User, user_id).await {
        Ok(list) => list,
        Err(e) => return chrome.failed(e),
    };
    let passkeys_usable = crate::passkeys::usable(&state.settings);
    let session_id = &page.user.0.session_id;
    let (backup_codes_left, recent_passkey, support) = match tokio::try_join!(
        super::second_factor::unused_backup_codes(state, user_id),
        super::proof::recent_passkey_sign_in(state, session_id),
        crate::sessions::support::overview(state, user_id),
    ) {
        Ok(found) => found,
        Err(e) => return chrome.failed(e),
    };
    // A login without a password proves changes by signing in with a passkey again, on this page.
    let signs_in_again = !user.has_password && !recent_passkey && passkeys_usable;
    let (section, error) = outcome.error.unzip();
    let typed = match outcome.typed {
        Some(typed) => context! { ..typed, ..Value::from(minijinja::value::Serde(&user)) },
        None => Value::from(minijinja::value::Serde(&user)),
    };
    // The language picked in the profile's list: the stored one as a shipped tag; a value Roster
    // does not ship (a WHMCS language) stays as it is, listed first.
    let stored = typed
        .get_attr("language")
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let language_chosen = crate::i18n::from_profile(&stored);
    // The pseudo-locale is not in the list either: kept as it is, like a WHMCS language.
    let language_shipped =
        language_chosen.is_some_and(|tag| tag != crate::i18n::PSEUDO) || stored.is_empty();
    let response = chrome.render(
        outcome.status.unwrap_or(StatusCode::OK),
        "me.html",
        context! {
            user => Value::from(minijinja::value::Serde(&user)),
            // What was typed, over the stored values (a form that types only some fields).
            typed,
            language_chosen => language_chosen.unwrap_or(chrome.lang),
            language_shipped,
            zones => crate::i18n::zones(),
            known_scopes => crate::oauth::scopes::SUPPORTED,
            default_time_zone => state.settings.ui.time_zone.clone(),
            sessions,
            apps => Value::from(minijinja::value::Serde(&apps)),
            passkeys => Value::from(minijinja::value::Serde(&passkeys)),
            passkeys_usable,
            backup_codes_left,
            recent_passkey,
            signs_in_again,
            section,
            error,
            errors => outcome.errors,
            notice,
            min_length => state.settings.auth.password.min_length,
            support => Value::from(minijinja::value::Serde(&support)),
        },
    );
    // The passkey section's controls that need script (adding one; signing in again) show only
    // with it; signing in again fetches its options.
    crate::http::pages::with_script(response, signs_in_again)
}

/// Back to `/me` after a form: 303 on success, the page with the reason next to its form otherwise.
pub(crate) async fn after<T>(
    state: &AppState,
    page: &SignedIn,
    section: &'static str,
    fields: &[&str],
    result: Result<T, Error>,
    done: &str,
    typed: Option<Value>,
) -> Response {
    match result {
        Ok(_) => see_other(&format!("/me?done={done}#{section}")),
        Err(e) => match field_errors(&page.chrome, e, fields) {
            Ok((status, errors, error)) => {
                let outcome = Outcome {
                    status: Some(status),
                    error: error.map(|e| (section, e)),
                    errors,
                    typed,
                };
                show(state, page, outcome, None).await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}

/// A wrong current password is that field's error.
pub(crate) fn current_password_named<T>(result: Result<T, Error>) -> Result<T, Error> {
    result.map_err(|e| match e {
        Error::InvalidCredentials => {
            Error::Validation("current_password is not your current password".to_owned())
        }
        other => other,
    })
}
