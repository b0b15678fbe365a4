//! The signed-in person's apps (Sign in with Roster): `GET /api/v1/me/apps` lists the apps they
//! allowed and the apps holding their tokens; `DELETE /api/v1/me/apps/{client_id}` withdraws one
//! (its tokens are revoked). The same use cases as "Apps with access" on `/me`.

use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::consents::{self, AppAccess};
use crate::http::auth::{ClientIp, CurrentUser};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_apps))
        .routes(routes!(withdraw_app))
}

/// The apps with access to the signed-in person: those they allowed (with the scopes) and the
/// provider's own apps holding their tokens.
#[utoipa::path(get, path = "/api/v1/me/apps", tag = "me",
    responses((status = 200, body = Vec<AppAccess>), (status = 401, body = Problem)))]
async fn list_apps(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<ApiJson<Vec<AppAccess>>, ApiError> {
    Ok(ApiJson(consents::list(&state, &user.0.user_id).await?))
}

/// Withdraws an app's access: the consent is forgotten (the app asks again next time) and every
/// token it holds of the person is revoked.
#[utoipa::path(delete, path = "/api/v1/me/apps/{client_id}", tag = "me",
    params(("client_id" = String, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn withdraw_app(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiPath(client_id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let ctx = user.context(&ip);
    consents::withdraw(&state, &ctx, &user.0.user_id, &client_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
