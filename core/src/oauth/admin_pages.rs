//! Apps in the admin area (`/admin/apps`): the apps that sign people in with Roster, each with its
//! client id, kind, redirect URIs and logout addresses. An administrator registers one (its secret
//! is shown once, on the page that answers), gives a confidential one a new secret (the old one
//! works for a day, or stops at once) and removes one. The same use cases as the admin API and
//! `roster admin oauth-client`.

use std::time::Duration;

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use serde::Deserialize;

use super::clients::{self, NewClient};
use super::keys::Alg;
use crate::admin_area::{StaffPage, after_form, refused};
use crate::error::Error;
use crate::http::forms::{form_value, form_values};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/apps", get(apps_page).post(create))
        .route("/admin/apps/{id}/rotate-secret", post(rotate))
        .route("/admin/apps/{id}/remove", post(remove))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn apps_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = (q.done.as_deref() == Some("removed"))
        .then(|| page.chrome.text("admin-done-app-removed", &[]));
    show(&state, &page, StatusCode::OK, notice, None, None).await
}

/// The list, with a notice, an error, or a new secret (shown once) above it.
async fn show(
    state: &AppState,
    page: &StaffPage,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
    secret: Option<(String, String)>,
) -> Response {
    let apps = match clients::list(&state.db).await {
        Ok(apps) => apps,
        Err(e) => return page.chrome.failed(e),
    };
    page.chrome.render(
        status,
        "admin/apps.html",
        context! {
            apps => minijinja::value::Serde(&apps),
            notice,
            error,
            secret => secret.map(|(client_id, secret)| context! { client_id, secret }),
            discovery => state.settings.server.public_url.join("/.well-known/openid-configuration"),
        },
    )
}

async fn after(state: &AppState, page: &StaffPage, result: Result<&str, Error>) -> Response {
    let result = result.map(|done| format!("/admin/apps?done={done}"));
    after_form(page, "app", result, |status, text| {
        show(state, page, status, None, Some(text), None)
    })
    .await
}

/// The lines of a text area, each trimmed, empty ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

async fn create(
    State(state): State<AppState>,
    page: StaffPage,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let optional = |name: &str| Some(form_value(&form, name)).filter(|v| !v.trim().is_empty());
    let kinds = form_values(&form, "options");
    let new = NewClient {
        name: form_value(&form, "name"),
        redirect_uris: lines(&form_value(&form, "redirect_uris")),
        public: kinds.iter().any(|k| k == "public"),
        trusted: kinds.iter().any(|k| k == "trusted"),
        post_logout_redirect_uris: lines(&form_value(&form, "post_logout_redirect_uris")),
        backchannel_logout_uri: optional("backchannel_logout_uri"),
        logo_uri: optional("logo_uri"),
        id_token_alg: if form_value(&form, "id_token_alg") == "ES256" {
            Alg::Es256
        } else {
            Alg::Rs256
        },
    };
    let now = state.clock.now_ms();
    match clients::create(&state.db, &page.context(), now, new).await {
        Ok((app, secret)) => {
            let id = match &secret {
                Some(_) => "admin-done-app-registered",
                None => "admin-done-app-registered-public",
            };
            let text = page.chrome.text(id, &[("app", &app.name)]);
            let shown = secret.map(|s| (app.client_id.clone(), s));
            show(&state, &page, StatusCode::CREATED, Some(text), None, shown).await
        }
        Err(e) => after(&state, &page, Err(e)).await,
    }
}

async fn rotate(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let grace = if form_value(&form, "grace") == "none" {
        Duration::ZERO
    } else {
        Duration::from_secs(24 * 60 * 60)
    };
    let app = match clients::get(&state.db, &id).await {
        Ok(app) => app,
        Err(e) => return refused(&page.chrome, e),
    };
    let now = state.clock.now_ms();
    match clients::rotate_secret(&state.db, &page.context(), now, &id, grace).await {
        Ok(secret) => {
            let said = if grace.is_zero() {
                "admin-done-app-secret-now"
            } else {
                "admin-done-app-secret-grace"
            };
            let text = page.chrome.text(said, &[("app", &app.name)]);
            show(
                &state,
                &page,
                StatusCode::OK,
                Some(text),
                None,
                Some((id, secret)),
            )
            .await
        }
        Err(e) => after(&state, &page, Err(e)).await,
    }
}

async fn remove(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let now = state.clock.now_ms();
    let result = clients::remove(&state.db, &page.context(), now, &id)
        .await
        .map(|_| "removed");
    after(&state, &page, result).await
}
