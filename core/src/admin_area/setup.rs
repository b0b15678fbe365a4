//! The setup link (`/admin/setup/{token}`): a new staff member chooses a password and enrols a
//! second factor: an authenticator app (the link's TOTP secret, proven with a code) or, with
//! `staff.require_passkey`, a passkey the page's script lets the browser create (the one script,
//! `/assets/passkeys.js`). The domain steps are `staff::setup`.

use std::collections::BTreeMap;

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use minijinja::context;
use secrecy::SecretString;
use serde::Deserialize;

use super::AdminChrome;
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{field_errors, see_other};
use crate::http::pages::{Chrome, with_script};
use crate::staff::setup::{self, NewPasskey};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/setup/{token}", get(setup_page).post(complete))
}

async fn setup_page(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    Path(token): Path<String>,
) -> Response {
    show_setup(&state, &chrome, &token, StatusCode::OK, None).await
}

/// A refusal: the errors next to their fields, and the form's own.
type Refusal = (BTreeMap<String, String>, Option<String>);

async fn show_setup(
    state: &AppState,
    chrome: &Chrome,
    token: &str,
    status: StatusCode,
    refusal: Option<Refusal>,
) -> Response {
    let (errors, error) = refusal.unwrap_or_default();
    let shown = if state.settings.staff.require_passkey {
        setup::preview_passkey(state, token)
            .await
            .map(|(member, began)| {
                let response = chrome.render(
                    status,
                    "admin/setup.html",
                    context! {
                        token,
                        member => minijinja::value::Serde(&member),
                        passkey => true,
                        ceremony => began.ceremony,
                        options => minijinja::value::Serde(&began.options),
                        errors,
                        error,
                    },
                );
                with_script(response, false)
            })
    } else {
        setup::preview(state, token)
            .await
            .map(|(member, enrolment)| {
                chrome.render(
                    status,
                    "admin/setup.html",
                    context! {
                        token,
                        member => minijinja::value::Serde(&member),
                        passkey => false,
                        enrolment => minijinja::value::Serde(&enrolment),
                        errors,
                        error,
                    },
                )
            })
    };
    match shown {
        Ok(response) => response,
        Err(Error::InvalidToken) => chrome.say(
            StatusCode::NOT_FOUND,
            "admin-setup-link-broken",
            "admin-setup-link-broken-text",
            &[],
        ),
        Err(e) => chrome.failed(e),
    }
}

#[derive(Deserialize)]
struct SetupForm {
    password: SecretString,
    /// The authenticator app's code (TOTP enrolment).
    code: Option<String>,
    /// The passkey enrolment: its ceremony, name and the browser's answer.
    ceremony: Option<String>,
    name: Option<String>,
    credential: Option<String>,
}

async fn complete(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    ip: ClientIp,
    Path(token): Path<String>,
    Form(form): Form<SetupForm>,
) -> Response {
    let name = form.name.as_deref().unwrap_or_default();
    if state.settings.staff.require_passkey && crate::passkeys::checked_name(name).is_err() {
        let mut errors = BTreeMap::new();
        let max = crate::passkeys::MAX_NAME.to_string();
        let text = chrome.text("passkey-name-length", &[("max", &max)]);
        errors.insert("name".to_owned(), text);
        let refusal = (errors, Some(chrome.text("form-check-fields", &[])));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return show_setup(&state, &chrome, &token, status, Some(refusal)).await;
    }
    let result = if state.settings.staff.require_passkey {
        let credential = form
            .credential
            .as_deref()
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        let passkey = NewPasskey {
            ceremony: form.ceremony.as_deref().unwrap_or_default(),
            name,
            credential,
        };
        setup::complete_with_passkey(&state, &token, &form.password, passkey, ip.0)
            .await
            .map(|_| ())
            .map_err(|e| match e {
                Error::Validation(_) => Error::Validation(
                    "the passkey was not created: the browser's answer did not verify. Try again."
                        .to_owned(),
                ),
                other => other,
            })
    } else {
        let code = form.code.as_deref().unwrap_or_default();
        setup::complete(&state, &token, &form.password, code, ip.0)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => see_other("/admin/login?done=setup"),
        Err(Error::InvalidSecondFactor) => {
            let mut errors = BTreeMap::new();
            errors.insert(
                "code".to_owned(),
                chrome.text("admin-setup-code-wrong", &[]),
            );
            let refusal = (errors, Some(chrome.text("form-check-fields", &[])));
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            show_setup(&state, &chrome, &token, status, Some(refusal)).await
        }
        Err(e) => match field_errors(&chrome, e, &["password", "code", "name"]) {
            Ok((status, errors, error)) => {
                show_setup(&state, &chrome, &token, status, Some((errors, error))).await
            }
            Err(e) => chrome.failed(e),
        },
    }
}
