//! `/admin/me`, a staff member's own sign-in: their passkeys (added, last used, the
//! authenticator's model) with rename and remove, and adding one (the current password, then a
//! page whose script lets the browser create it); their language and time zone. The use cases
//! are `staff::passkeys` and `staff::preferences`.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use secrecy::SecretString;
use serde::Deserialize;

use crate::admin_area::StaffPage;
use crate::error::Error;
use crate::http::forms::{explain, see_other};
use crate::http::pages::with_script;
use crate::staff::passkeys;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/me", get(me_page))
        .route("/admin/me/passkeys/new", post(begin))
        .route("/admin/me/passkeys", post(finish))
        .route("/admin/me/passkeys/{id}/rename", post(rename))
        .route("/admin/me/passkeys/{id}/remove", post(remove))
        .route("/admin/me/preferences", post(preferences))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message after form `key` succeeded (by key, so that a link cannot make the page say
/// anything else).
fn notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "added" => "me-done-passkey-added",
        "renamed" => "me-done-passkey-renamed",
        "removed" => "me-done-passkey-removed",
        "preferences" => "admin-me-done-preferences",
        _ => return None,
    })
}

async fn me_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = q.done.as_deref().and_then(notice);
    let notice = notice.map(|id| page.chrome.text(id, &[]));
    show(&state, &page, StatusCode::OK, None, notice.as_deref()).await
}

/// The page, with a form's refusal above the passkeys and a notice.
async fn show(
    state: &AppState,
    page: &StaffPage,
    status: StatusCode,
    error: Option<String>,
    notice: Option<&str>,
) -> Response {
    let (held, totp) = match passkeys::list(state, &page.staff).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    let member = match crate::staff::get(&state.db, &page.staff.staff_id).await {
        Ok(member) => member,
        Err(e) => return page.chrome.failed(e),
    };
    let language_shipped = crate::i18n::SHIPPED
        .iter()
        .any(|(tag, _)| *tag == member.language);
    let response = page.chrome.render(
        status,
        "admin/me.html",
        context! {
            passkeys => minijinja::value::Serde(&held),
            totp,
            require_passkey => state.settings.staff.require_passkey,
            usable => crate::passkeys::usable(&state.settings),
            chosen => context! { language => member.language, time_zone => member.time_zone },
            language_shipped,
            zones => crate::i18n::zones(),
            default_time_zone => state.settings.ui.time_zone.clone(),
            error,
            notice,
        },
    );
    with_script(response, false)
}

/// Back to the page after a form: 303 on success, the page with the reason otherwise.
async fn after<T>(
    state: &AppState,
    page: &StaffPage,
    result: Result<T, Error>,
    done: &str,
) -> Response {
    let to = if done == "preferences" {
        "preferences"
    } else {
        "passkeys"
    };
    match result {
        Ok(_) => see_other(&format!("/admin/me?done={done}#{to}")),
        Err(e) => match explain(&page.chrome, e) {
            Ok((status, text)) => show(state, page, status, Some(text), None).await,
            Err(e) => page.chrome.failed(e),
        },
    }
}

#[derive(Deserialize)]
struct BeginForm {
    name: String,
    password: SecretString,
}

async fn begin(
    State(state): State<AppState>,
    page: StaffPage,
    Form(form): Form<BeginForm>,
) -> Response {
    let name = match crate::passkeys::checked_name(&form.name) {
        Ok(name) => name,
        Err(e) => return after(&state, &page, Err::<(), _>(e), "").await,
    };
    match passkeys::begin(&state, &page.staff, &form.password).await {
        Ok(began) => {
            let response = page.chrome.render(
                StatusCode::OK,
                "passkey-add.html",
                context! {
                    name,
                    ceremony => began.ceremony,
                    options => minijinja::value::Serde(&began.options),
                    base => "/admin/me",
                    admin => true,
                },
            );
            with_script(response, false)
        }
        Err(Error::InvalidCredentials) => {
            let result = Err::<(), _>(Error::Validation(
                "the password is not your current password".to_owned(),
            ));
            after(&state, &page, result, "").await
        }
        Err(e) => after(&state, &page, Err::<(), _>(e), "").await,
    }
}

#[derive(Deserialize)]
struct FinishForm {
    ceremony: String,
    name: String,
    credential: String,
}

async fn finish(
    State(state): State<AppState>,
    page: StaffPage,
    Form(form): Form<FinishForm>,
) -> Response {
    let credential = serde_json::from_str(&form.credential).unwrap_or_default();
    let ctx = page.context();
    let answer = (form.ceremony.as_str(), form.name.as_str());
    let result = passkeys::finish(&state, &ctx, &page.staff, answer, credential).await;
    let result = result.map_err(|e| match e {
        Error::Validation(_) => Error::Validation(
            "the passkey was not added: the browser's answer did not verify (made for another \
             site, without your fingerprint, face or screen lock, or too late). Try again."
                .to_owned(),
        ),
        other => other,
    });
    after(&state, &page, result, "added").await
}

#[derive(Deserialize)]
struct RenameForm {
    name: String,
}

async fn rename(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(form): Form<RenameForm>,
) -> Response {
    let ctx = page.context();
    let result = passkeys::rename(&state, &ctx, &page.staff, &id, &form.name).await;
    after(&state, &page, result, "renamed").await
}

async fn remove(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let ctx = page.context();
    let result = passkeys::remove(&state, &ctx, &page.staff, &id).await;
    after(&state, &page, result, "removed").await
}

#[derive(Deserialize)]
struct PreferencesForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
}

async fn preferences(
    State(state): State<AppState>,
    page: StaffPage,
    Form(form): Form<PreferencesForm>,
) -> Response {
    let (language, zone) = (form.language.as_str(), form.time_zone.as_str());
    let result =
        crate::staff::preferences::set(&state, &page.staff, page.ip.clone(), language, zone);
    after(&state, &page, result.await, "preferences").await
}
