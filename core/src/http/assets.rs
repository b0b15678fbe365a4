//! The pages' one stylesheet, `/assets/roster.css`: `core/assets/roster.css` with the provider's
//! accent colour (`[ui] accent_color`, checked at start-up) set in front of it; and their one
//! script, `/assets/passkeys.js` (`core/assets/passkeys.js`: the passkey ceremonies, loaded only by
//! the pages that hold a passkey control).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::state::AppState;

const STYLESHEET: &str = include_str!("../../assets/roster.css");
const PASSKEYS: &str = include_str!("../../assets/passkeys.js");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/roster.css", get(stylesheet))
        .route("/assets/passkeys.js", get(passkeys))
}

async fn passkeys() -> Response {
    asset("text/javascript; charset=utf-8", PASSKEYS)
}

async fn stylesheet(State(state): State<AppState>) -> Response {
    let css = format!(
        ":root {{ --accent: {}; }}\n{STYLESHEET}",
        state.settings.ui.accent_color
    );
    asset("text/css; charset=utf-8", css)
}

fn asset(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        body,
    )
        .into_response()
}
