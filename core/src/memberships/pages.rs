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

use super::{Manager, service};
use crate::accounts::pages::titles;
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{explain, form_values, see_other};
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

/// What the page shows above its lists after a form post, or with an error.
#[derive(Debug, Default)]
pub struct Outcome {
    pub status: Option<StatusCode>,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// The invite form as typed, when it came back with an error.
    pub invite: Option<Value>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// What a finished form says (by key, so that a link cannot make the page say anything else).
fn done_notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "permissions" => "The permissions are saved.",
        "removed" => "The user was removed from this account.",
        "invited" => "The invitation is on its way.",
        "resent" => "A new invitation link is on its way; the old link no longer works.",
        "cancelled" => "The invitation was cancelled; its link no longer works.",
        _ => return None,
    })
}

async fn users_page(
    State(state): State<AppState>,
    page: AccountPage,
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> Response {
    let outcome = Outcome {
        notice: q.done.as_deref().and_then(done_notice).map(str::to_owned),
        ..Outcome::default()
    };
    show(&state, &page, outcome).await
}

/// Renders User Management. A member who is not the owner gets the 403 page; with user
/// management turned off the owner sees the notice and no controls.
pub async fn show(state: &AppState, page: &AccountPage, outcome: Outcome) -> Response {
    let chrome = &page.chrome;
    let by = Manager::Member(&page.access);
    let account = match crate::accounts::service::get(state, &page.access.account_id).await {
        Ok(account) => account,
        Err(e) => return chrome.failed(e),
    };
    let base = context! {
        account_id => page.access.account_id.clone(),
        account_name => account.display_name(),
    };
    let members = match service::list_members(state, by).await {
        Ok(members) => members,
        Err(Error::UserManagementDisabled) => {
            return chrome.render(
                StatusCode::OK,
                "users.html",
                context! { disabled => true, ..base },
            );
        }
        Err(e) => return page.refused(e),
    };
    let invitations = match crate::invitations::service::list_pending(state, by).await {
        Ok(list) => list,
        Err(e) => return page.refused(e),
    };
    let members: Vec<Value> = members
        .into_iter()
        .map(|m| {
            context! {
                permission_titles => titles(state, &m.permissions),
                ..Value::from(minijinja::value::Serde(&m))
            }
        })
        .collect();
    let invitations: Vec<Value> = invitations
        .into_iter()
        .map(|i| {
            context! {
                permission_titles => titles(state, &i.permissions),
                ..Value::from(minijinja::value::Serde(&i))
            }
        })
        .collect();
    let status = outcome.status.unwrap_or(StatusCode::OK);
    chrome.render(
        status,
        "users.html",
        context! {
            disabled => false,
            members,
            invitations,
            catalog => minijinja::value::Serde(state.catalog.entries()),
            notice => outcome.notice,
            error => outcome.error,
            invite => outcome.invite.unwrap_or_else(|| context! { email => "", access => "chosen", permissions => Vec::<String>::new() }),
            ..base
        },
    )
}

/// Back to User Management after a form: 303 on success, the page with the reason otherwise.
pub async fn after(
    state: &AppState,
    page: &AccountPage,
    result: Result<&'static str, Error>,
    invite: Option<Value>,
) -> Response {
    match result {
        Ok(done) => see_other(&format!(
            "/accounts/{}/users?done={done}",
            page.access.account_id
        )),
        Err(e @ (Error::Forbidden(_) | Error::UserManagementDisabled)) => page.refused(e),
        Err(e) => match explain(e) {
            Ok((status, text)) => {
                let outcome = Outcome {
                    status: Some(status),
                    error: Some(text),
                    invite,
                    ..Outcome::default()
                };
                show(state, page, outcome).await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
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
