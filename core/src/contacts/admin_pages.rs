//! A client's **Contacts** tab in the admin area, `/admin/clients/{id}/contacts` (read-only), on
//! the admin API's domain call, as staff.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use minijinja::context;

use crate::admin_area::{StaffPage, client_heading, refused};
use crate::memberships::Manager;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/clients/{id}/contacts", get(contacts_tab))
}

async fn contacts_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let client = match client_heading(&state, &page, &id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let contacts = match super::service::list(&state, Manager::Staff { account_id: &id }).await {
        Ok(contacts) => contacts,
        Err(e) => return refused(&page.chrome, e),
    };
    page.render(
        "admin/client-contacts.html",
        context! { tab => "contacts", client, contacts => minijinja::value::Serde(&contacts) },
    )
}
