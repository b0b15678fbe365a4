//! WHMCS's API, spoken: `POST /includes/api.php` with the user, client and contact actions, so
//! that scripts written against WHMCS work unchanged (docs/whmcs-api.md). Ids are the integer
//! `number`s of accounts, users and contacts. Every action calls the same domain functions as the
//! native admin API, with the API credential as the acting admin.
mod access;
pub mod actions;
mod call;
mod clients;
mod contacts;
mod params;
mod reply;
mod repo;
mod users;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use crate::audit::{Actor, Context};
use crate::http::auth::ClientIp;
use crate::staff::credentials::{self, AdminIdentity, ApiAuthFailure};
use crate::state::AppState;

use actions::Action;
use call::Call;
pub use params::Params;
pub use reply::{Format, Reply};

/// The endpoint (outside the native API's CSRF layer: it takes no cookie).
pub fn routes() -> Router<AppState> {
    // POST only: a GET would carry the credentials in the query string, which ends up in proxy
    // and access logs (axum answers it 405 with `Allow: POST`).
    Router::new().route("/includes/api.php", post(endpoint))
}

/// One call: the action, the caller's address and credentials, the role, then the action.
async fn endpoint(
    State(state): State<AppState>,
    ip: ClientIp,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let settings = &state.settings.whmcs_api;
    if !settings.enabled {
        return crate::http::input::not_found().into_response();
    }
    let params = match Params::parse(query.as_deref(), &body) {
        Ok(params) => params,
        Err(reply) => return reply.render(Format::Json),
    };
    let format = Format::of(params.get("responsetype"));
    let reply = call(&state, &params, &ip).await;
    reply.render(format)
}

async fn call(state: &AppState, params: &Params, ip: &ClientIp) -> Reply {
    let Some(action) = params.get("action").map(str::to_ascii_lowercase) else {
        return Reply::refused(StatusCode::BAD_REQUEST, "Empty action request");
    };
    let settings = &state.settings.whmcs_api;
    if !settings.allows(ip.0.as_deref()) && !access_key_matches(state, params) {
        return Reply::forbidden(format!(
            "Invalid IP {}",
            ip.0.as_deref().unwrap_or("unknown")
        ));
    }
    let admin = match authenticate(state, params, ip).await {
        Ok(admin) => admin,
        Err(reply) => return reply,
    };
    let Some(found) = Action::find(&action) else {
        return Reply::refused(
            StatusCode::BAD_REQUEST,
            format!("Invalid API Action: \"{action}\" is not a valid API action"),
        );
    };
    let call = Call {
        state,
        params,
        action: &action,
        ctx: Context {
            actor: Actor::Admin {
                name: admin.name.clone(),
                role: admin.role,
            },
            ip: ip.0.clone(),
            support: None,
        },
        admin,
    };
    let reply = found.run(&call).await;
    tracing::info!(
        action,
        credential = %call.admin.name,
        success = reply.is_success(),
        "WHMCS API call"
    );
    reply
}

/// `accesskey`, compared in constant time with `whmcs_api.access_key` (none set: never).
fn access_key_matches(state: &AppState, params: &Params) -> bool {
    use subtle::ConstantTimeEq;
    match (
        &state.settings.whmcs_api.access_key,
        params.get("accesskey"),
    ) {
        (Some(key), Some(sent)) => bool::from(
            crate::crypto::hash_token(key.expose())
                .as_bytes()
                .ct_eq(crate::crypto::hash_token(sent).as_bytes()),
        ),
        _ => false,
    }
}

/// `identifier`/`secret`, or the same pair in `username`/`password` (empty fields are absent).
/// Failed attempts count against the login rate limit of the caller's address.
async fn authenticate(
    state: &AppState,
    params: &Params,
    ip: &ClientIp,
) -> Result<AdminIdentity, Reply> {
    let identifier = params.first(&["identifier", "username"]);
    let secret = params.first(&["secret", "password"]);
    let (Some(identifier), Some(secret)) = (identifier, secret) else {
        return Err(Reply::forbidden("Authentication Failed"));
    };
    // Failed attempts from one address are limited like logins; past the limit nothing is
    // checked until the window ends (so guessing on is pointless).
    let limits = &state.settings.auth.rate_limit;
    let pool = state.db.pool();
    let now = state.clock.now_ms();
    let bucket = format!("whmcs_api:ip:{}", ip.0.as_deref().unwrap_or("unknown"));
    let exhausted =
        crate::ratelimit::exhausted(pool, &bucket, limits.per_ip, limits.per_ip_window, now)
            .await
            .unwrap_or(true);
    if exhausted {
        return Err(Reply::forbidden(
            "Authentication Failed: too many failed attempts, try again later",
        ));
    }
    let failed = |message: &'static str| async move {
        // The count is what matters; an error here leaves the refusal as it is.
        let _ = crate::ratelimit::hit(pool, &bucket, u32::MAX, limits.per_ip_window, now).await;
        Reply::forbidden(message)
    };
    match credentials::authenticate_api(&state.db, now, identifier, secret).await {
        Ok(Ok(admin)) => Ok(admin),
        Ok(Err(ApiAuthFailure::UnknownIdentifier)) => {
            Err(failed("Invalid or missing credentials").await)
        }
        Ok(Err(ApiAuthFailure::WrongSecret)) => Err(failed("Authentication Failed").await),
        Err(e) => Err(Reply::refused(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("An unexpected error occurred: {e}"),
        )),
    }
}
