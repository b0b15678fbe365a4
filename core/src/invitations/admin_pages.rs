//! A client's **Invitations** tab in the admin area, `/admin/clients/{id}/invitations`: every
//! state, newest first; resend and cancel. The domain calls are the admin API's, as staff.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form, client_heading, done_notice, refused};
use crate::error::Error;
use crate::invitations;
use crate::memberships::Manager;
use crate::state::AppState;

/// Invitations shown.
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
}

#[derive(Debug, Default, Deserialize)]
struct TabQuery {
    done: Option<String>,
}

async fn invitations_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<TabQuery>,
) -> Response {
    let notice = done_notice(&page, q.done.as_deref());
    show_invitations(&state, &page, &id, StatusCode::OK, notice.as_deref(), None).await
}

async fn show_invitations(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
) -> Response {
    let client = match client_heading(state, page, id).await {
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
                permission_titles => page.chrome.permission_titles(&i.permissions),
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
    let result = invitations::service::resend(&state, &page.context(), by, &invitation_id)
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
    let result = invitations::service::cancel(&state, &page.context(), by, &invitation_id)
        .await
        .map(|()| "cancelled");
    act(&state, &page, &id, result).await
}
