//! Settings and Staff in the admin area. `/admin/settings`: the effective settings, secrets
//! masked, read-only (`settings::effective`, as `GET /api/v1/admin/settings`). `/admin/staff`:
//! the staff members; an administrator adds one (the page shows their one-time setup link, as the
//! CLI prints it), gives one a new link, disables, enables and removes them — never the last
//! active administrator (`staff`'s rule, for the CLI and this page alike).

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form, refused};
use crate::error::Error;
use crate::staff::credentials::Role;

use crate::staff;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/settings", get(settings_page))
        .route("/admin/staff", get(staff_page).post(create))
        .route("/admin/staff/{id}/link", post(new_link))
        .route("/admin/staff/{id}/disable", post(disable))
        .route("/admin/staff/{id}/enable", post(enable))
        .route("/admin/staff/{id}/remove", post(remove))
}

async fn settings_page(State(state): State<AppState>, page: StaffPage) -> Response {
    let view = match crate::settings::effective::view(&state, &page.context()) {
        Ok(view) => view,
        Err(e) => return refused(&page.chrome, e),
    };
    let values: Vec<_> = crate::settings::effective::flattened(&view)
        .into_iter()
        .map(|(key, value)| context! { key, value })
        .collect();
    page.render("admin/settings.html", context! { values })
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message after form `key` succeeded (by key, so that a link cannot make the page say
/// anything else).
fn notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "disabled" => "admin-done-staff-disabled",
        "enabled" => "admin-done-staff-enabled",
        "removed" => "admin-done-staff-removed",
        _ => return None,
    })
}

async fn staff_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = q.done.as_deref().and_then(notice);
    let notice = notice.map(|id| page.chrome.text(id, &[]));
    show(&state, &page, StatusCode::OK, notice, None, None).await
}

/// The list, with a notice, an error, or a new setup link (shown once) above it.
async fn show(
    state: &AppState,
    page: &StaffPage,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
    link: Option<(String, String)>,
) -> Response {
    let members = match staff::list(&state.db).await {
        Ok(members) => members,
        Err(e) => return page.chrome.failed(e),
    };
    page.chrome.render(
        status,
        "admin/staff.html",
        context! {
            members => minijinja::value::Serde(&members),
            notice,
            error,
            link => link.map(|(email, url)| context! { email, url }),
            me => page.staff.staff_id.clone(),
        },
    )
}

async fn after(state: &AppState, page: &StaffPage, result: Result<&str, Error>) -> Response {
    let result = result.map(|done| format!("/admin/staff?done={done}"));
    after_form(page, "staff member", result, |status, text| {
        show(state, page, status, None, Some(text), None)
    })
    .await
}

fn setup_url(state: &AppState, token: &str) -> String {
    state
        .settings
        .server
        .public_url
        .join(&format!("/admin/setup/{token}"))
}

#[derive(Debug, Deserialize)]
struct NewStaff {
    email: String,
    role: String,
}

async fn create(
    State(state): State<AppState>,
    page: StaffPage,
    Form(form): Form<NewStaff>,
) -> Response {
    let role = match form.role.as_str() {
        "administrator" => Role::Administrator,
        "support" => Role::Support,
        _ => {
            return after(
                &state,
                &page,
                Err(Error::Validation(
                    "role must be administrator or support".to_owned(),
                )),
            )
            .await;
        }
    };
    let now = state.clock.now_ms();
    match staff::create(&state.db, &page.context(), now, &form.email, role).await {
        Ok((member, token)) => {
            let link = (member.email.clone(), setup_url(&state, &token));
            let text = format!(
                "{} was added. Send them this link: it works once, for three days.",
                member.email
            );
            show(
                &state,
                &page,
                StatusCode::CREATED,
                Some(text),
                None,
                Some(link),
            )
            .await
        }
        Err(e) => after(&state, &page, Err(e)).await,
    }
}

async fn new_link(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let now = state.clock.now_ms();
    let member = match staff::get(&state.db, &id).await {
        Ok(member) => member,
        Err(e) => return refused(&page.chrome, e),
    };
    match staff::new_link(&state.db, &page.context(), now, &id).await {
        Ok(token) => {
            let email = [("email", member.email.as_str())];
            let text = page.chrome.text("admin-done-staff-link", &email);
            let link = (member.email, setup_url(&state, &token));
            show(&state, &page, StatusCode::OK, Some(text), None, Some(link)).await
        }
        Err(e) => after(&state, &page, Err(e)).await,
    }
}

async fn disable(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let now = state.clock.now_ms();
    let result = staff::set_active(&state.db, &page.context(), now, &id, false)
        .await
        .map(|_| "disabled");
    after(&state, &page, result).await
}

async fn enable(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let now = state.clock.now_ms();
    let result = staff::set_active(&state.db, &page.context(), now, &id, true)
        .await
        .map(|_| "enabled");
    after(&state, &page, result).await
}

async fn remove(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
) -> Response {
    let now = state.clock.now_ms();
    let result = staff::remove(&state.db, &page.context(), now, &id)
        .await
        .map(|_| "removed");
    after(&state, &page, result).await
}
