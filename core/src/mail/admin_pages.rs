//! The mail queue in the admin area, `/admin/mail`: the outbox's failed and waiting messages
//! (recipient, template, attempts, last error — never the content, which holds one-time links),
//! with a retry for a failed one (`mail::service::retry`, as `POST /api/v1/admin/mail/{id}/retry`;
//! administrators only).

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use serde::Deserialize;

use crate::admin_area::{StaffPage, after_form};
use crate::mail::service;
use crate::state::AppState;

/// Messages listed per state.
const SHOWN: i64 = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/mail", get(mail_page))
        .route("/admin/mail/{id}/retry", post(retry))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn mail_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = (q.done.as_deref() == Some("retried"))
        .then(|| page.chrome.text("admin-done-mail-retried", &[]));
    show(&state, &page, StatusCode::OK, notice.as_deref(), None).await
}

async fn show(
    state: &AppState,
    page: &StaffPage,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<String>,
) -> Response {
    let failed = match service::list(state, "failed", None, SHOWN).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    let pending = match service::list(state, "pending", None, SHOWN).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    page.chrome.render(
        status,
        "admin/mail.html",
        context! {
            failed => minijinja::value::Serde(&failed),
            pending => minijinja::value::Serde(&pending),
            notice,
            error,
        },
    )
}

async fn retry(State(state): State<AppState>, page: StaffPage, Path(id): Path<String>) -> Response {
    let result = service::retry(&state, &page.context(), &id)
        .await
        .map(|()| "/admin/mail?done=retried".to_owned());
    after_form(&page, "failed message", result, |status, text| {
        show(&state, &page, status, None, Some(text))
    })
    .await
}
