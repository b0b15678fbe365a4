//! "End now" on the banner of a support sign-in: ends that session (`sessions::support::end_now`)
//! and takes the browser back to the user's page in the admin area.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use axum::routing::post;

use crate::http::auth::{ClientIp, clear_session_cookie};
use crate::http::forms::see_other;
use crate::http::page_access::SignedIn;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/support/end", post(end_now))
}

async fn end_now(State(state): State<AppState>, page: SignedIn, ip: ClientIp) -> Response {
    let auth = &page.user.0;
    if auth.support.is_none() {
        return page.chrome.not_found();
    }
    let ctx = page.user.context(&ip);
    if let Err(e) = super::support::end_now(&state, &ctx, auth).await {
        return page.chrome.failed(e);
    }
    let mut response = see_other(&format!(
        "/admin/users/{}",
        crate::http::forms::encode(&auth.user_id)
    ));
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie(&state.settings));
    response
}
