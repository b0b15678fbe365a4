//! The pages' one stylesheet, `/assets/roster.css`: `core/assets/roster.css` with the provider's
//! accent colour (`[ui] accent_color`, checked at start-up) set in front of it.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::state::AppState;

const STYLESHEET: &str = include_str!("../../assets/roster.css");

pub fn routes() -> Router<AppState> {
    Router::new().route("/assets/roster.css", get(stylesheet))
}

async fn stylesheet(State(state): State<AppState>) -> Response {
    let css = format!(
        ":root {{ --accent: {}; }}\n{STYLESHEET}",
        state.settings.ui.accent_color
    );
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        css,
    )
        .into_response()
}
