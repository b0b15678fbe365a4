//! Clients (accounts) in the admin area: `/admin/clients` (search, status filter, paging by id,
//! a page at a time) and a client's Summary tab, `/admin/clients/{id}` (profile, status, owner;
//! edit; close), on the admin API's domain calls (`accounts::service`).

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use crate::accounts::views::{PROFILE_FIELDS, ProfileForm};
use crate::accounts::{AccountStatus, service};
use crate::admin_area::{StaffPage, client_row, done_notice, refused};
use crate::error::Error;
use crate::http::forms::{field_errors, see_other};
use crate::http::paging::PageQuery;
use crate::http::paging::page as one_page;
use crate::memberships::Manager;
use crate::state::AppState;

/// Clients per page.
const PAGE: u32 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/clients", get(list))
        .route("/admin/clients/{id}", get(summary).post(save))
        .route("/admin/clients/{id}/close", post(close))
}

#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    search: Option<String>,
    status: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<ListQuery>,
    Query(paging): Query<PageQuery>,
) -> Response {
    let search = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(text) => match text.parse::<AccountStatus>() {
            Ok(status) => Some(status),
            Err(_) => return page.chrome.not_found(),
        },
    };
    let Ok(after) = paging.after() else {
        return page.chrome.not_found();
    };
    let limit = i64::from(PAGE) + 1;
    let found = match service::list(&state, search, status, after.as_deref(), limit).await {
        Ok(found) => found,
        Err(e) => return refused(&page.chrome, e),
    };
    let (found, next) = one_page(found, PAGE, |a| a.id.as_str());
    let clients: Vec<Value> = found.iter().map(client_row).collect();
    page.render(
        "admin/clients.html",
        context! {
            clients,
            search => search.unwrap_or_default(),
            status => status.map(AccountStatus::as_str).unwrap_or_default(),
            paged => paging.cursor.is_some(),
            next,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn summary(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = done_notice(&page, q.done.as_deref());
    show(&state, &page, &id, StatusCode::OK, None, notice.as_deref()).await
}

type Refusal = (
    ProfileForm,
    std::collections::BTreeMap<String, String>,
    Option<String>,
);

async fn show(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: StatusCode,
    refusal: Option<Refusal>,
    notice: Option<&str>,
) -> Response {
    let account = match service::get(state, id).await {
        Ok(account) => account,
        Err(e) => return refused(&page.chrome, e),
    };
    let owner = match crate::users::service::get(state, &account.owner_user_id).await {
        Ok(owner) => owner,
        Err(e) => return page.chrome.failed(e),
    };
    let (form, errors, error) =
        refusal.unwrap_or_else(|| (ProfileForm::of(&account), Default::default(), None));
    page.chrome.render(
        status,
        "admin/client.html",
        context! {
            tab => "summary",
            client => client_row(&account),
            owner => minijinja::value::Serde(&owner),
            profile => minijinja::value::Serde(&form),
            errors,
            error,
            notice,
        },
    )
}

async fn save(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(form): Form<ProfileForm>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    match service::update(&state, &page.context(), by, form.profile(), None).await {
        Ok(_) => see_other(&format!("/admin/clients/{id}?done=saved")),
        Err(e @ (Error::NotFound(_) | Error::Forbidden(_))) => refused(&page.chrome, e),
        Err(e) => match field_errors(&page.chrome, e, &PROFILE_FIELDS) {
            Ok((status, errors, error)) => {
                show(
                    &state,
                    &page,
                    &id,
                    status,
                    Some((form, errors, error)),
                    None,
                )
                .await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}

async fn close(State(state): State<AppState>, page: StaffPage, Path(id): Path<String>) -> Response {
    let profile = crate::accounts::AccountProfile::default();
    let by = Manager::Staff { account_id: &id };
    let closed = Some(AccountStatus::Closed);
    match service::update(&state, &page.context(), by, profile, closed).await {
        Ok(_) => see_other(&format!("/admin/clients/{id}?done=closed")),
        Err(e) => refused(&page.chrome, e),
    }
}
