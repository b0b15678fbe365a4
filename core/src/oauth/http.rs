//! The OpenID Connect endpoints (issue 25). So far: the JWKS.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(jwks))
}

/// The public keys ID tokens and logout tokens are signed with (RFC 7517), each with its `kid`:
/// the key that signs now, a rotated-in key published before it signs, and a replaced key for an
/// hour after its successor began to sign. Relying parties may cache it for five minutes.
#[utoipa::path(get, path = "/oauth/jwks", tag = "openid-connect",
    responses((status = 200, description = "A JSON Web Key Set", body = Object, content_type = "application/jwk-set+json"),
        (status = 503, body = Problem)))]
async fn jwks(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let set = super::keys::jwks(&state.db, state.clock.now_ms()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/jwk-set+json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        set.to_string(),
    ))
}
