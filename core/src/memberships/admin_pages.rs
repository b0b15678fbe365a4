//! A client's **Users** tab, `/admin/clients/{id}/users` (WHMCS's Users tab of the client
//! profile): every user with the owner badge, permissions, 2FA state and last login; associating
//! an existing user by email; inviting by email; editing permissions; removing (after a
//! confirmation page); and "Make owner" (after a confirmation page, with "keep the previous owner
//! as a user"). Each form calls the domain function the admin API calls, as staff
//! (`Manager::Staff`); a `support` member sees only the invite form (and each use case refuses
//! the other posts, and the confirmation pages, with the 403 page).

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form, done_notice, refused};
use crate::error::Error;
use crate::http::forms::{form_value, form_values};
use crate::invitations;
use crate::memberships::{Manager, service};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/clients/{id}/users", get(users_page).post(associate))
        .route("/admin/clients/{id}/invitations", post(invite))
        .route(
            "/admin/clients/{id}/users/{user_id}/permissions",
            post(set_permissions),
        )
        .route(
            "/admin/clients/{id}/users/{user_id}/remove",
            get(remove_page).post(remove),
        )
        .route(
            "/admin/clients/{id}/owner/{user_id}",
            get(owner_page).post(make_owner),
        )
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// What the tab shows above its lists after a form, or with a refusal.
#[derive(Debug, Default)]
struct Outcome {
    status: Option<StatusCode>,
    notice: Option<String>,
    error: Option<String>,
    /// The associate and invite forms as typed, when one came back with an error.
    typed: Option<Value>,
}

async fn users_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let outcome = Outcome {
        notice: done_notice(&page, q.done.as_deref()),
        ..Outcome::default()
    };
    show(&state, &page, &id, outcome).await
}

async fn show(state: &AppState, page: &StaffPage, id: &str, outcome: Outcome) -> Response {
    let account = match crate::accounts::service::get(state, id).await {
        Ok(account) => account,
        Err(e) => return refused(&page.chrome, e),
    };
    let members = match service::list_members(state, Manager::Staff { account_id: id }).await {
        Ok(members) => members,
        Err(e) => return refused(&page.chrome, e),
    };
    let members = super::views::titled(&page.chrome, &members, |m| &m.permissions);
    page.chrome.render(
        outcome.status.unwrap_or(StatusCode::OK),
        "admin/client-users.html",
        context! {
            tab => "users",
            client => crate::admin_area::client_row(&account),
            members,
            catalog => minijinja::value::Serde(page.chrome.permission_catalog()),
            notice => outcome.notice,
            error => outcome.error,
            typed => outcome.typed.unwrap_or_else(|| context! { associate_email => "", invite_email => "", access => "chosen", permissions => Vec::<String>::new() }),
        },
    )
}

/// Back to the tab after a form: 303 on success, the tab with the reason otherwise.
async fn after(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    result: Result<&'static str, Error>,
    typed: Option<Value>,
) -> Response {
    let result = result.map(|done| format!("/admin/clients/{id}/users?done={done}"));
    after_form(page, "account", result, |status, text| {
        let outcome = Outcome {
            status: Some(status),
            error: Some(text),
            typed,
            ..Outcome::default()
        };
        show(state, page, id, outcome)
    })
    .await
}

/// The permissions a form chose: every key for "all", else the boxes ticked.
fn chosen_permissions(state: &AppState, pairs: &[(String, String)]) -> (bool, Vec<String>) {
    let all = form_value(pairs, "access") == "all";
    let chosen = form_values(pairs, "permissions");
    (
        all,
        if all {
            state.catalog.all_keys()
        } else {
            chosen
        },
    )
}

async fn associate(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let email = form_value(&pairs, "email");
    let (all, permissions) = chosen_permissions(&state, &pairs);
    let result = service::associate_by_email(&state, &page.context(), &id, &email, &permissions)
        .await
        .map(|_| "associated");
    let typed = context! {
        associate_email => email, invite_email => "", access => if all { "all" } else { "chosen" },
        permissions => form_values(&pairs, "permissions"),
    };
    after(&state, &page, &id, result, Some(typed)).await
}

async fn invite(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let email = form_value(&pairs, "email");
    let (all, permissions) = chosen_permissions(&state, &pairs);
    let by = Manager::Staff { account_id: &id };
    let result = invitations::service::invite(&state, &page.context(), by, &email, &permissions)
        .await
        .map(|_| "invited");
    let typed = context! {
        associate_email => "", invite_email => email, access => if all { "all" } else { "chosen" },
        permissions => form_values(&pairs, "permissions"),
    };
    after(&state, &page, &id, result, Some(typed)).await
}

async fn set_permissions(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, user_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    let permissions = form_values(&pairs, "permissions");
    let result = service::set_permissions(&state, &page.context(), by, &user_id, &permissions)
        .await
        .map(|_| "permissions");
    after(&state, &page, &id, result, None).await
}

/// A confirmation page before a change (make owner, remove): the 403 page for a role that may not
/// make it (the use case decides).
async fn confirm_page(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    user_id: &str,
    template: &str,
) -> Response {
    let by = Manager::Staff { account_id: id };
    let member = match service::member_for_change(state, &page.context(), by, user_id).await {
        Ok(member) => member,
        Err(e) => return refused(&page.chrome, e),
    };
    let account = match crate::accounts::service::get(state, id).await {
        Ok(account) => account,
        Err(e) => return refused(&page.chrome, e),
    };
    page.render(
        template,
        context! {
            client => crate::admin_area::client_row(&account),
            member => minijinja::value::Serde(&member),
        },
    )
}

async fn remove_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, user_id)): Path<(String, String)>,
) -> Response {
    confirm_page(&state, &page, &id, &user_id, "admin/remove-user.html").await
}

async fn remove(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, user_id)): Path<(String, String)>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    let result = service::remove(&state, &page.context(), by, &user_id)
        .await
        .map(|()| "removed");
    after(&state, &page, &id, result, None).await
}

async fn owner_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, user_id)): Path<(String, String)>,
) -> Response {
    confirm_page(&state, &page, &id, &user_id, "admin/make-owner.html").await
}

async fn make_owner(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, user_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    // An unticked checkbox sends nothing: keeping the previous owner is what the box says.
    let keep = form_value(&pairs, "keep_previous_owner") == "yes";
    let result = crate::memberships::transfer::transfer_ownership(
        &state,
        &page.context(),
        &id,
        &user_id,
        keep,
    )
    .await
    .map(|_| "owner");
    after(&state, &page, &id, result, None).await
}
