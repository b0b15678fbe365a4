//! User Management in the client area, `/accounts/{id}/users` (owner only; read-only with a
//! notice when `user_management.enabled = false`): each user with their permissions, 2FA and last
//! visit; editing permissions; removing (after a confirmation page); the invite form and the
//! pending invitations (their forms are in `invitations::owner_pages`). And `/accounts/{id}/leave`
//! for a member. Every rule is the domain's ([`Manager`]), as for the API.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};

use super::views::{Outcome, after, show};
use super::{Manager, service};
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{form_values, see_other};
use crate::http::page_access::AccountPage;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/accounts/{id}/users", get(users_page))
        .route(
            "/accounts/{id}/users/{user_id}/permissions",
            post(set_permissions),
        )
        .route(
            "/accounts/{id}/users/{user_id}/remove",
            get(remove_page).post(remove),
        )
        .route("/accounts/{id}/leave", get(leave_page).post(leave))
}

#[derive(Debug, Default, serde::Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message a finished form shows (by key, so that a link cannot make the page say anything
/// else).
fn done_notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "permissions" => "users-done-permissions",
        "removed" => "users-done-removed",
        "invited" => "users-done-invited",
        "resent" => "users-done-resent",
        "cancelled" => "users-done-cancelled",
        _ => return None,
    })
}

async fn users_page(
    State(state): State<AppState>,
    page: AccountPage,
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> Response {
    let outcome = Outcome {
        notice: q
            .done
            .as_deref()
            .and_then(done_notice)
            .map(|id| page.chrome.text(id, &[])),
        ..Outcome::default()
    };
    show(&state, &page, outcome).await
}

async fn set_permissions(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, user_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    let result = service::set_permissions(
        &state,
        &ctx,
        by,
        &user_id,
        &form_values(&pairs, "permissions"),
    )
    .await
    .map(|_| "permissions");
    after(&state, &page, result, None).await
}

async fn remove_page(
    State(state): State<AppState>,
    page: AccountPage,
    Path((_, user_id)): Path<(String, String)>,
) -> Response {
    let by = Manager::Member(&page.access);
    let members = match service::list_members(&state, by).await {
        Ok(members) => members,
        Err(e) => return page.refused(e),
    };
    let Some(member) = members.into_iter().find(|m| m.user_id == user_id) else {
        return page.chrome.not_found();
    };
    page.chrome.render(
        StatusCode::OK,
        "remove-user.html",
        context! { account_id => page.access.account_id.clone(), member => Value::from(minijinja::value::Serde(&member)) },
    )
}

async fn remove(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, user_id)): Path<(String, String)>,
) -> Response {
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    // A member removing themself through this form leaves, as the API's DELETE does.
    if by.is_self(&user_id) {
        return leave(State(state), page, ip).await;
    }
    let result = service::remove(&state, &ctx, by, &user_id)
        .await
        .map(|()| "removed");
    after(&state, &page, result, None).await
}

async fn leave_page(State(state): State<AppState>, page: AccountPage) -> Response {
    if page.access.is_owner {
        return page.refused(Error::OwnerCannotBeRemoved);
    }
    let name = match crate::accounts::service::get(&state, &page.access.account_id).await {
        Ok(account) => account.display_name(),
        Err(e) => return page.chrome.failed(e),
    };
    page.chrome.render(
        StatusCode::OK,
        "leave.html",
        context! { account_id => page.access.account_id.clone(), account_name => name },
    )
}

async fn leave(State(state): State<AppState>, page: AccountPage, ip: ClientIp) -> Response {
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    match service::remove(&state, &ctx, by, &page.access.user_id).await {
        Ok(()) => see_other("/accounts?left=1"),
        Err(e) => page.refused(e),
    }
}
