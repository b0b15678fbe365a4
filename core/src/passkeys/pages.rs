//! `/me`'s passkey forms: adding one (a name and the current password, then a page whose script
//! lets the browser create the passkey and posts its answer back), renaming and removing (plain
//! forms, no script). The same use cases as the API's `/api/v1/me/passkeys` (`super::service`);
//! a refusal shows `/me` with the reason next to the passkey section.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use minijinja::context;
use secrecy::SecretString;
use serde::Deserialize;

use super::service;
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{explain, given};
use crate::http::page_access::SignedIn;
use crate::http::pages::with_script;
use crate::sessions::Subject;
use crate::state::AppState;
use crate::users::views::{Outcome, after, show};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me/passkeys/new", post(begin))
        .route("/me/passkeys", post(finish))
        .route("/me/passkeys/{id}/rename", post(rename))
        .route("/me/passkeys/{id}/remove", post(remove))
}

#[derive(Deserialize)]
struct BeginForm {
    passkey_name: String,
    passkey_password: Option<SecretString>,
}

/// The add form: the name is checked and the password proved before the browser is asked.
async fn begin(
    State(state): State<AppState>,
    page: SignedIn,
    Form(form): Form<BeginForm>,
) -> Response {
    let typed = context! { passkey_name => form.passkey_name.clone() };
    let name = match super::checked_name(&form.passkey_name) {
        Ok(name) => name,
        Err(_) => {
            let max = super::MAX_NAME.to_string();
            let text = page.chrome.text("passkey-name-length", &[("max", &max)]);
            return refused(
                &state,
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(("passkey_name", text)),
                typed,
            )
            .await;
        }
    };
    match service::begin_registration(&state, &page.user.0, given(form.passkey_password.as_ref()))
        .await
    {
        Ok(began) => {
            let response = page.chrome.render(
                StatusCode::OK,
                "passkey-add.html",
                context! { name, ceremony => began.ceremony, options => minijinja::value::Serde(&began.options), base => "/me", admin => false },
            );
            with_script(response, false)
        }
        Err(Error::InvalidCredentials) => {
            let text = page.chrome.text("me-wrong-password", &[]);
            refused(
                &state,
                &page,
                StatusCode::UNAUTHORIZED,
                Some(("passkey_password", text)),
                typed,
            )
            .await
        }
        Err(e) => match explain(&page.chrome, e) {
            Ok((status, text)) => {
                let outcome = Outcome {
                    status: Some(status),
                    error: Some(("passkeys", text)),
                    typed: Some(typed),
                    ..Outcome::default()
                };
                show(&state, &page, outcome, None).await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}

/// `/me` with a refusal next to one of the add form's fields.
async fn refused(
    state: &AppState,
    page: &SignedIn,
    status: StatusCode,
    field: Option<(&str, String)>,
    typed: minijinja::Value,
) -> Response {
    let mut outcome = Outcome {
        status: Some(status),
        error: Some(("passkeys", page.chrome.text("form-check-fields", &[]))),
        typed: Some(typed),
        ..Outcome::default()
    };
    if let Some((field, text)) = field {
        outcome.errors.insert(field.to_owned(), text);
    }
    show(state, page, outcome, None).await
}

#[derive(Deserialize)]
struct FinishForm {
    ceremony: String,
    name: String,
    /// The browser's answer, as WebAuthn's JSON.
    credential: String,
}

async fn finish(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<FinishForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let result = match serde_json::from_str(&form.credential) {
        Ok(credential) => {
            service::finish_registration(
                &state,
                &ctx,
                &page.user.0,
                &form.ceremony,
                &form.name,
                credential,
            )
            .await
        }
        Err(_) => Err(Error::Validation(
            "the browser's answer could not be read".to_owned(),
        )),
    };
    let result = result.map_err(|e| match e {
        Error::Validation(_) => Error::Validation(
            "the passkey was not added: the browser's answer did not verify (made for another \
             site, without your fingerprint, face or screen lock, or too late). Try again."
                .to_owned(),
        ),
        other => other,
    });
    after(
        &state,
        &page,
        "passkeys",
        &[],
        result,
        "passkey-added",
        None,
    )
    .await
}

#[derive(Deserialize)]
struct RenameForm {
    name: String,
}

async fn rename(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Path(id): Path<String>,
    Form(form): Form<RenameForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let result = service::rename(
        &state,
        &ctx,
        (Subject::User, &page.user.0.user_id),
        &id,
        &form.name,
    )
    .await;
    let result = result.map_err(|e| match e {
        Error::Validation(_) => Error::Validation(format!(
            "a passkey's name is 1 to {} characters",
            super::MAX_NAME
        )),
        other => other,
    });
    after(
        &state,
        &page,
        "passkeys",
        &[],
        result,
        "passkey-renamed",
        None,
    )
    .await
}

async fn remove(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Path(id): Path<String>,
) -> Response {
    let ctx = page.user.context(&ip);
    let result = service::remove(
        &state,
        &ctx,
        (Subject::User, &page.user.0.user_id),
        &id,
        false,
    )
    .await;
    after(
        &state,
        &page,
        "passkeys",
        &[],
        result,
        "passkey-removed",
        None,
    )
    .await
}
