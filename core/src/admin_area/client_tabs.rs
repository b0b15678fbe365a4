//! A client's other tabs: **Invitations** (every state, newest first; resend and cancel),
//! **Contacts** (read-only) and **Audit** (this client's events, newest first, a page at a time).
//! The domain calls are the admin API's, as staff.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{StaffPage, after_form, done_notice, refused};
use crate::accounts::pages::titles;
use crate::audit::AuditFilter;
use crate::error::Error;
use crate::invitations;
use crate::memberships::Manager;
use crate::state::AppState;

/// Invitations shown, and audit events per page.
const INVITATIONS_SHOWN: i64 = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/clients/{id}/invitations", get(invitations_tab))
        .route(
            "/admin/clients/{id}/invitations/{invitation_id}/resend",
            post(resend),
        )
        .route(
            "/admin/clients/{id}/invitations/{invitation_id}/cancel",
            post(cancel),
        )
        .route("/admin/clients/{id}/contacts", get(contacts_tab))
        .route("/admin/clients/{id}/audit", get(audit_tab))
}

/// The client as the tabs' heading shows it, or the refusal page.
async fn client(state: &AppState, page: &StaffPage, id: &str) -> Result<Value, Response> {
    match crate::accounts::service::get(state, id).await {
        Ok(account) => Ok(super::clients::row(&account)),
        Err(e) => Err(refused(&page.chrome, e)),
    }
}

#[derive(Debug, Default, Deserialize)]
struct TabQuery {
    done: Option<String>,
    before: Option<String>,
}

async fn invitations_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<TabQuery>,
) -> Response {
    let notice = q.done.as_deref().and_then(done_notice);
    show_invitations(&state, &page, &id, StatusCode::OK, notice, None).await
}

async fn show_invitations(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
) -> Response {
    let client = match client(state, page, id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let by = Manager::Staff { account_id: id };
    let found = match invitations::history::list_recent(state, by, INVITATIONS_SHOWN).await {
        Ok(found) => found,
        Err(e) => return refused(&page.chrome, e),
    };
    let invitations: Vec<Value> = found
        .iter()
        .map(|i| {
            context! {
                permission_titles => titles(state, &i.permissions),
                pending => i.state == invitations::State::Pending,
                accepted => i.state == invitations::State::Accepted,
                may_resend => i.state.may_resend(),
                ..Value::from(minijinja::value::Serde(i))
            }
        })
        .collect();
    page.chrome.render(
        status,
        "admin/client-invitations.html",
        context! { tab => "invitations", client, invitations, notice, error },
    )
}

async fn act(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    result: Result<&'static str, Error>,
) -> Response {
    let result = result.map(|done| format!("/admin/clients/{id}/invitations?done={done}"));
    after_form(page, "account", result, |status, text| {
        show_invitations(state, page, id, status, None, Some(text))
    })
    .await
}

async fn resend(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, invitation_id)): Path<(String, String)>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    let result = invitations::resend(&state, &page.context(), by, &invitation_id)
        .await
        .map(|_| "resent");
    act(&state, &page, &id, result).await
}

async fn cancel(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, invitation_id)): Path<(String, String)>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    let result = invitations::cancel(&state, &page.context(), by, &invitation_id)
        .await
        .map(|()| "cancelled");
    act(&state, &page, &id, result).await
}

async fn contacts_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let client = match client(&state, &page, &id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let contacts = match crate::contacts::list(&state, Manager::Staff { account_id: &id }).await {
        Ok(contacts) => contacts,
        Err(e) => return refused(&page.chrome, e),
    };
    page.render(
        "admin/client-contacts.html",
        context! { tab => "contacts", client, contacts => minijinja::value::Serde(&contacts) },
    )
}

async fn audit_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<TabQuery>,
) -> Response {
    let client = match client(&state, &page, &id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let filter = AuditFilter {
        account_id: Some(id.clone()),
        before_id: q.before.clone().filter(|b| !b.is_empty()),
        limit: super::audit::AUDIT_PAGE + 1,
        ..AuditFilter::default()
    };
    let (events, next) = match super::audit::page_of(&state, &filter).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    page.render(
        "admin/client-audit.html",
        context! { tab => "audit", client, events, next, paged => q.before.is_some() },
    )
}
