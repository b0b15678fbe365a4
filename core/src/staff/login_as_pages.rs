//! "Sign in as this user" in the admin area (a user's page, a client's Users tab): starts a
//! support sign-in (`staff::login_as`) and hands this browser the user's session cookie, so the
//! client area opens as the user; the staff session stays as it was.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::post;

use crate::admin_area::{StaffPage, refused};
use crate::error::Error;
use crate::http::auth::{SESSION_COOKIE, UserAgent, set_cookie};
use crate::http::forms::{encode, see_other};
use crate::staff::login_as;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users/{id}/sign-in-as", post(sign_in_as))
        .route(
            "/admin/users/{id}/support/{session_id}/end",
            post(end_support),
        )
}

async fn sign_in_as(
    State(state): State<AppState>,
    page: StaffPage,
    user_agent: UserAgent,
    Path(id): Path<String>,
) -> Response {
    let ctx = page.context();
    match login_as::start(&state, &ctx, &page.staff, &id, user_agent.0).await {
        Ok(started) => {
            let now = state.clock.now_ms();
            let lifetime = u64::try_from((started.ends_at - now) / 1000).unwrap_or(0);
            let mut response = see_other("/accounts");
            if let Some(cookie) = set_cookie(
                SESSION_COOKIE,
                &started.token,
                Some(lifetime),
                &state.settings,
            ) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        // English pages give the precise reason; other languages say what may be behind it.
        Err(Error::Forbidden(_)) if page.chrome.lang != crate::i18n::FALLBACK => page.chrome.say(
            StatusCode::FORBIDDEN,
            "page-not-allowed",
            "admin-sign-in-as-refused",
            &[],
        ),
        Err(e @ Error::Forbidden(_)) => {
            let heading = page.chrome.text("page-not-allowed", &[]);
            let text = crate::http::forms::sentence(&page.chrome, &e);
            page.chrome.message(StatusCode::FORBIDDEN, &heading, &text)
        }
        Err(e) => refused(&page.chrome, e),
    }
}

/// Ends one support sign-in as the user (the Sessions table of the user's page).
async fn end_support(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, session_id)): Path<(String, String)>,
) -> Response {
    let ctx = page.context();
    let result = login_as::end(&state, &ctx, &id, &session_id)
        .await
        .map(|()| format!("/admin/users/{}?done=support-ended#sessions", encode(&id)));
    crate::admin_area::after_form(&page, "support sign-in", result, |status, text| {
        let heading = page.chrome.text("admin-not-done", &[]);
        std::future::ready(page.chrome.message(status, &heading, &text))
    })
    .await
}
