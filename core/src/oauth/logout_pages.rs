//! RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): `/oauth/logout`, the
//! `end_session_endpoint`. An app sends the browser here with `id_token_hint` (or `client_id`),
//! `post_logout_redirect_uri` and `state`.
//!
//! - With a valid `id_token_hint` naming the browser's own session (`sid`), the session ends at
//!   once; otherwise the person is asked ("Sign out of …?", a form with the CSRF token), so that a
//!   link on another site cannot sign anyone out.
//! - The browser returns only to a post-logout URI the app registered (with `state`); a bad hint or
//!   an unregistered address is a page, never a redirect.
//! - An app may also `POST` the request (form-encoded): it is answered with a redirect to the same
//!   request as a `GET`, which then goes as above.

use axum::Form;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::context;

use super::logout::{self, LogoutRequest};
use crate::http::auth::{ClientIp, clear_session_cookie};
use crate::http::forms::{form_value, see_other};
use crate::http::page_access::SignedIn;
use crate::http::pages::{Chrome, allow_sources, csp_source};
use crate::state::AppState;

/// The parameters carried from the request to the confirmation form.
const CARRIED: [&str; 4] = [
    "id_token_hint",
    "client_id",
    "post_logout_redirect_uri",
    "state",
];

/// The page routes (behind the pages' CSRF layer): the request, and the confirmation's answer.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/oauth/logout", get(ask))
        .route("/oauth/logout/confirm", post(answer))
}

/// An app's form-encoded `POST` of the request, outside the pages' CSRF layer (it comes from the
/// app's site): turned into the same request as a `GET`.
pub fn app_post_routes() -> Router<AppState> {
    Router::new().route("/oauth/logout", post(app_post))
}

fn given<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, v)| k == name && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

async fn checked(
    state: &AppState,
    pairs: &[(String, String)],
) -> crate::error::Result<LogoutRequest> {
    logout::check(
        &state.db,
        given(pairs, "id_token_hint"),
        given(pairs, "client_id"),
        given(pairs, "post_logout_redirect_uri"),
        given(pairs, "state"),
    )
    .await
}

/// A sign-out request refused: English pages give the precise reason, other languages say that
/// the request is not valid (the reasons name protocol parameters, as the domain words them).
fn refused(chrome: &Chrome, error: crate::error::Error) -> Response {
    match error {
        crate::error::Error::Validation(_) if chrome.lang != crate::i18n::FALLBACK => chrome.say(
            StatusCode::BAD_REQUEST,
            "logout-link-broken",
            "logout-refused-text",
            &[],
        ),
        crate::error::Error::Validation(why) => chrome.say(
            StatusCode::BAD_REQUEST,
            "logout-link-broken",
            "logout-not-signed-out",
            &[("why", &crate::i18n::capitalised(&why))],
        ),
        other => chrome.failed(other),
    }
}

/// Where the browser goes once signed out: the app's address, or a page saying so.
fn done(state: &AppState, chrome: &Chrome, request: &LogoutRequest, ended: bool) -> Response {
    let mut response = match &request.return_to {
        Some(to) => see_other(to),
        None => chrome.say(
            StatusCode::OK,
            "logout-done",
            "logout-done-text",
            &[("product", state.settings.ui.product_name.trim())],
        ),
    };
    if ended {
        response
            .headers_mut()
            .append(header::SET_COOKIE, clear_session_cookie(&state.settings));
    }
    response
}

async fn ask(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user: Option<SignedIn>,
    RawQuery(query): RawQuery,
) -> Response {
    let pairs = crate::http::forms::query_pairs(query.as_deref());
    let request = match checked(&state, &pairs).await {
        Ok(request) => request,
        Err(e) => return refused(&chrome, e),
    };
    let Some(SignedIn { user, .. }) = user else {
        return done(&state, &chrome, &request, false);
    };
    if request.hinted_session.as_deref() == Some(user.0.session_id.as_str()) {
        let ctx = user.context(&ip);
        return match crate::sessions::log_out(&state, &ctx, &user.0).await {
            Ok(()) | Err(crate::error::Error::NotFound(_)) => done(&state, &chrome, &request, true),
            Err(e) => chrome.failed(e),
        };
    }
    let hidden: Vec<(&str, &str)> = CARRIED
        .iter()
        .filter_map(|name| given(&pairs, name).map(|v| (*name, v)))
        .collect();
    let response = chrome.render(
        StatusCode::OK,
        "oauth-logout.html",
        context! {
            app => request.client.as_ref().map(|c| c.name.clone()),
            hidden => minijinja::value::Serde(&hidden),
        },
    );
    let target = request.return_to.as_deref().and_then(csp_source);
    allow_sources(response, target.as_deref(), None)
}

async fn answer(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user: Option<SignedIn>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let request = match checked(&state, &pairs).await {
        Ok(request) => request,
        Err(e) => return refused(&chrome, e),
    };
    if form_value(&pairs, "decision") != "sign_out" {
        return see_other("/accounts");
    }
    let Some(SignedIn { user, .. }) = user else {
        return done(&state, &chrome, &request, false);
    };
    let ctx = user.context(&ip);
    match crate::sessions::log_out(&state, &ctx, &user.0).await {
        Ok(()) | Err(crate::error::Error::NotFound(_)) => done(&state, &chrome, &request, true),
        Err(e) => chrome.failed(e),
    }
}

async fn app_post(Form(pairs): Form<Vec<(String, String)>>) -> Response {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs.iter().filter(|(k, _)| CARRIED.contains(&k.as_str())) {
        query.append_pair(name, value);
    }
    see_other(&format!("/oauth/logout?{}", query.finish())).into_response()
}
