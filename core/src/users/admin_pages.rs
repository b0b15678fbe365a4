//! Users in the admin area: `/admin/users` (search on email and names, paging by id) and a
//! user's page, `/admin/users/{id}`: the clients they reach with the owner flag, 2FA state and
//! sessions; disable/enable, send a reset link, turn off 2FA, and delete (after a confirmation
//! page; refused with the domain's message while they own a client). The admin API's domain calls
//! (`users::service`), as staff.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form, refused};
use crate::error::Error;
use crate::http::forms::see_other;
use crate::http::paging::PageQuery;
use crate::http::paging::page as one_page;
use crate::sessions::Subject;
use crate::state::AppState;
use crate::users::UserStatus;
use crate::users::profile::{self, AdminUpdate};
use crate::users::service;
use crate::users::{links, second_factor};

/// Users per page, and the most clients a user's page lists.
const PAGE: u32 = 50;
const CLIENTS_SHOWN: i64 = 200;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/{id}", get(user_page))
        .route("/admin/users/{id}/disable", post(disable))
        .route("/admin/users/{id}/enable", post(enable))
        .route("/admin/users/{id}/password-reset", post(send_reset))
        .route("/admin/users/{id}/totp-off", post(totp_off))
        .route("/admin/users/{id}/delete", get(delete_page).post(delete))
}

#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    search: Option<String>,
    done: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<ListQuery>,
    Query(paging): Query<PageQuery>,
) -> Response {
    let search = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let Ok(after) = paging.after() else {
        return page.chrome.not_found();
    };
    let found = match service::list(&state, search, after.as_deref(), i64::from(PAGE) + 1).await {
        Ok(found) => found,
        Err(e) => return refused(&page.chrome, e),
    };
    let (found, next) = one_page(found, PAGE, |u| u.id.as_str());
    page.render(
        "admin/users.html",
        context! {
            users => minijinja::value::Serde(&found),
            search => search.unwrap_or_default(),
            paged => paging.cursor.is_some(),
            next,
            notice => (q.done.as_deref() == Some("deleted"))
                .then(|| page.chrome.text("admin-done-user-deleted", &[])),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message after form `key` succeeded (by key, so that a link cannot make the page say
/// anything else).
fn notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "disabled" => "admin-done-user-disabled",
        "enabled" => "admin-done-user-enabled",
        "reset" => "admin-done-user-reset",
        "totp-off" => "admin-done-user-totp-off",
        "support-ended" => "admin-done-support-ended",
        _ => return None,
    })
}

async fn user_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = q.done.as_deref().and_then(notice);
    let notice = notice.map(|id| page.chrome.text(id, &[]));
    show(&state, &page, &id, StatusCode::OK, notice.as_deref(), None).await
}

async fn show(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
) -> Response {
    let user = match service::get(state, id).await {
        Ok(user) => user,
        Err(e) => return refused(&page.chrome, e),
    };
    let clients = match crate::memberships::service::reached_by(state, id, CLIENTS_SHOWN).await {
        Ok(clients) => clients,
        Err(e) => return page.chrome.failed(e),
    };
    let sessions = match crate::sessions::list(state, id).await {
        Ok(sessions) => sessions,
        Err(e) => return page.chrome.failed(e),
    };
    let passkeys = match crate::passkeys::service::list(state, Subject::User, id).await {
        Ok(list) => list.len(),
        Err(e) => return page.chrome.failed(e),
    };
    let clients: Vec<Value> = clients
        .iter()
        .map(|c| {
            context! {
                id => c.account.id.clone(),
                number => c.account.number,
                name => c.account.display_name(),
                status => c.account.status.clone(),
                is_owner => c.is_owner,
                permission_titles => page.chrome.permission_titles(&c.permissions),
            }
        })
        .collect();
    let more_clients = clients_len_is_capped(&clients);
    page.chrome.render(
        status,
        "admin/user.html",
        context! {
            user => minijinja::value::Serde(&user),
            clients,
            passkeys,
            more_clients,
            sessions => minijinja::value::Serde(&sessions),
            notice,
            error,
        },
    )
}

fn clients_len_is_capped(clients: &[Value]) -> bool {
    i64::try_from(clients.len()).unwrap_or(i64::MAX) >= CLIENTS_SHOWN
}

/// Back to the user's page: 303 with `done`, or the page with the refusal.
async fn after(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    result: Result<&str, Error>,
) -> Response {
    let result = result.map(|done| format!("/admin/users/{id}?done={done}"));
    after_form(page, "user", result, |status, text| {
        show(state, page, id, status, None, Some(text))
    })
    .await
}

async fn set_status(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: UserStatus,
) -> Result<(), Error> {
    let update = AdminUpdate {
        status: Some(status),
        ..AdminUpdate::default()
    };
    profile::admin_update(state, &page.context(), id, update)
        .await
        .map(|_| ())
}

async fn disable(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let result = set_status(&state, &page, &id, UserStatus::Disabled)
        .await
        .map(|()| "disabled");
    after(&state, &page, &id, result).await
}

async fn enable(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let result = set_status(&state, &page, &id, UserStatus::Active)
        .await
        .map(|()| "enabled");
    after(&state, &page, &id, result).await
}

async fn send_reset(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let result = links::admin_send_password_reset(&state, &page.context(), &id)
        .await
        .map(|()| "reset");
    after(&state, &page, &id, result).await
}

async fn totp_off(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let result = second_factor::clear_totp(&state, &page.context(), &id)
        .await
        .map(|()| "totp-off");
    after(&state, &page, &id, result).await
}

async fn delete_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    match service::for_deletion(&state, &page.context(), &id).await {
        Ok(user) => page.render(
            "admin/delete-user.html",
            context! { user => minijinja::value::Serde(&user) },
        ),
        Err(e) => refused(&page.chrome, e),
    }
}

async fn delete(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    match service::admin_delete(&state, &page.context(), &id).await {
        Ok(()) => see_other("/admin/users?done=deleted"),
        Err(e @ Error::UserOwnsAccounts(_)) => {
            let text = crate::http::forms::sentence(&page.chrome, &e);
            show(&state, &page, &id, StatusCode::CONFLICT, None, Some(text)).await
        }
        Err(e) => after(&state, &page, &id, Err(e)).await,
    }
}
