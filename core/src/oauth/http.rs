//! The OpenID Connect endpoints programs call: discovery, the JWKS, the token endpoint,
//! userinfo, revocation and introspection. (The authorization endpoint is a page: `pages.rs`.)
//!
//! The token endpoint and userinfo answer errors the way OAuth 2.0 defines them (`answers.rs`; RFC 6749 §5.2,
//! RFC 6750 §3: `{"error", "error_description"}` and `WWW-Authenticate`), not as problem
//! documents: that is what every OpenID Connect client library reads.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::answers::{basic_credentials, bearer_error, oauth_error, refused};
use super::clients::Client;
use super::scopes;
use super::tokens::{self, Refused};
use crate::http::auth::{ClientIp, bearer_token};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(jwks))
        .routes(routes!(openid_configuration))
        .routes(routes!(authorization_server))
        .routes(routes!(token))
        .routes(routes!(revoke))
        .routes(routes!(userinfo_get, userinfo_post))
        .layer(cross_origin())
        .routes(routes!(introspect))
}

/// A browser app (a public single-page app) calls discovery, the JWKS, the token endpoint,
/// revocation and userinfo from its own origin: any origin may, without credentials — nothing
/// here reads a cookie (the app's credentials, when it has any, are in the request itself).
/// Introspection is for confidential apps, which are servers: no browser call is allowed there.
fn cross_origin() -> tower_http::cors::CorsLayer {
    tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .max_age(std::time::Duration::from_secs(600))
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

/// What the provider offers and where (OpenID Connect Discovery 1.0 and RFC 8414).
fn metadata(state: &AppState) -> serde_json::Value {
    let issuer = tokens::issuer(state);
    json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth/authorize"),
        "token_endpoint": format!("{issuer}/oauth/token"),
        "userinfo_endpoint": format!("{issuer}/oauth/userinfo"),
        "revocation_endpoint": format!("{issuer}/oauth/revoke"),
        "end_session_endpoint": format!("{issuer}/oauth/logout"),
        "backchannel_logout_supported": true,
        "backchannel_logout_session_supported": true,
        "introspection_endpoint": format!("{issuer}/oauth/introspect"),
        "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "jwks_uri": format!("{issuer}/oauth/jwks"),
        "scopes_supported": scopes::SUPPORTED,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "code_challenge_methods_supported": ["S256"],
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "claims_supported": [
            "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "sid", "azp", "at_hash",
            "name", "given_name", "family_name", "locale", "updated_at", "email", "email_verified",
            "roster_account", "roster_accounts"
        ],
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "authorization_response_iss_parameter_supported": true,
    })
}

fn metadata_response(state: &AppState) -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=300")],
        axum::Json(metadata(state)),
    )
        .into_response()
}

/// OpenID Connect discovery: the issuer, the endpoints, and what each supports.
#[utoipa::path(get, path = "/.well-known/openid-configuration", tag = "openid-connect",
    responses((status = 200, description = "OpenID Provider Metadata", body = Object)))]
async fn openid_configuration(State(state): State<AppState>) -> Response {
    metadata_response(&state)
}

/// The same metadata for OAuth 2.0 clients (RFC 8414).
#[utoipa::path(get, path = "/.well-known/oauth-authorization-server", tag = "openid-connect",
    responses((status = 200, description = "Authorization Server Metadata", body = Object)))]
async fn authorization_server(State(state): State<AppState>) -> Response {
    metadata_response(&state)
}

/// The token endpoint (RFC 6749 §3.2): a code (with its PKCE verifier) or a refresh token for
/// tokens. Apps authenticate with `client_secret_basic` or `client_secret_post`; public apps send
/// their `client_id` alone. Wrong secrets are rate-limited per app.
#[utoipa::path(post, path = "/oauth/token", tag = "openid-connect",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "grant_type, code, redirect_uri, code_verifier, refresh_token, scope, client_id, client_secret"),
    responses((status = 200, description = "Tokens", body = Object),
        (status = 400, description = "An OAuth error", body = Object),
        (status = 401, description = "`invalid_client`", body = Object),
        (status = 429, description = "`invalid_client`: too many wrong secrets", body = Object),
        (status = 503, description = "`temporarily_unavailable`", body = Object)))]
async fn token(
    State(state): State<AppState>,
    ip: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let basic = basic_credentials(&headers);
    let is_basic = basic.is_some();
    match token_answer(&state, &headers, basic, &body, ip.0).await {
        Ok(issued) => (
            [
                (header::CACHE_CONTROL, "no-store"),
                (header::PRAGMA, "no-cache"),
            ],
            axum::Json(issued),
        )
            .into_response(),
        Err(refusal) => refused(refusal, is_basic),
    }
}

/// A form body of a program's call: each parameter at most once, no control characters.
type FormBody = std::collections::HashMap<String, String>;

fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<FormBody, Refused> {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return Err(Refused::InvalidRequest(
            "send the parameters as application/x-www-form-urlencoded".to_owned(),
        ));
    }
    let mut form = FormBody::new();
    for (name, value) in url::form_urlencoded::parse(body) {
        if crate::http::input::has_control(&value) {
            return Err(Refused::InvalidRequest(format!(
                "`{name}` holds a control character"
            )));
        }
        if form
            .insert(name.clone().into_owned(), value.into_owned())
            .is_some()
        {
            return Err(Refused::InvalidRequest(format!(
                "`{name}` is sent more than once"
            )));
        }
    }
    Ok(form)
}

fn field<'a>(form: &'a FormBody, name: &str) -> Option<&'a str> {
    form.get(name).map(String::as_str).filter(|v| !v.is_empty())
}

/// The app calling: `client_secret_basic` or `client_secret_post` (never both), or a public
/// app's `client_id` alone.
async fn calling_app(
    state: &AppState,
    basic: Option<Result<(String, String), Refused>>,
    form: &FormBody,
) -> Result<Client, Refused> {
    let (client_id, secret) = match (basic, field(form, "client_secret")) {
        (Some(_), Some(_)) => {
            return Err(Refused::InvalidRequest(
                "authenticate one way only: Basic or client_secret".to_owned(),
            ));
        }
        (Some(basic), None) => {
            let (id, secret) = basic?;
            if field(form, "client_id").is_some_and(|c| c != id) {
                return Err(Refused::InvalidRequest(
                    "`client_id` is not the one authenticated".to_owned(),
                ));
            }
            (id, Some(secret))
        }
        (None, secret) => (
            field(form, "client_id")
                .ok_or_else(|| Refused::InvalidClient {
                    why: "no app is named (client_id)".to_owned(),
                    retry_after_secs: None,
                })?
                .to_owned(),
            secret.map(str::to_owned),
        ),
    };
    tokens::client(state, &client_id, secret.as_deref()).await
}

async fn token_answer(
    state: &AppState,
    headers: &HeaderMap,
    basic: Option<Result<(String, String), Refused>>,
    body: &[u8],
    ip: Option<String>,
) -> Result<tokens::Issued, Refused> {
    let form = read_form(headers, body)?;
    let client = calling_app(state, basic, &form).await?;
    let field = |name: &str| field(&form, name);
    match field("grant_type") {
        Some("authorization_code") => {
            let code = field("code")
                .ok_or_else(|| Refused::InvalidRequest("`code` is missing".to_owned()))?;
            super::codes::redeem_code(
                state,
                &client,
                code,
                field("redirect_uri"),
                field("code_verifier"),
            )
            .await
        }
        Some("refresh_token") => {
            let refresh = field("refresh_token")
                .ok_or_else(|| Refused::InvalidRequest("`refresh_token` is missing".to_owned()))?;
            tokens::refresh(state, &client, refresh, field("scope"), ip).await
        }
        None => Err(Refused::InvalidRequest(
            "`grant_type` is missing".to_owned(),
        )),
        Some(_) => Err(Refused::UnsupportedGrantType),
    }
}

/// Revocation (RFC 7009): an app gives up a token it holds — a refresh token with everything its
/// grant gave, an access token alone. The answer is 200 whether or not the token was known.
#[utoipa::path(post, path = "/oauth/revoke", tag = "openid-connect",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "token, token_type_hint, and the app's credentials"),
    responses((status = 200, description = "Revoked (or unknown)"),
        (status = 400, description = "An OAuth error", body = Object),
        (status = 401, description = "`invalid_client`", body = Object),
        (status = 429, description = "`invalid_client`: too many wrong secrets", body = Object)))]
async fn revoke(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let basic = basic_credentials(&headers);
    let is_basic = basic.is_some();
    let done = async {
        let form = read_form(&headers, &body)?;
        let client = calling_app(&state, basic, &form).await?;
        let token = field(&form, "token")
            .ok_or_else(|| Refused::InvalidRequest("`token` is missing".to_owned()))?;
        super::bearer::revoke(&state, &client, token).await?;
        Ok::<(), Refused>(())
    };
    match done.await {
        Ok(()) => ([(header::CACHE_CONTROL, "no-store")], StatusCode::OK).into_response(),
        Err(refusal) => refused(refusal, is_basic),
    }
}

/// Introspection (RFC 7662), for the provider's confidential apps (a resource server asking
/// about a token it was handed): whether the token is live, and then its scopes, app, times,
/// person and today's claims (`roster_account` with today's permissions).
#[utoipa::path(post, path = "/oauth/introspect", tag = "openid-connect",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "token, token_type_hint, and the app's credentials"),
    responses((status = 200, description = "`{\"active\": …}` and the token's claims", body = Object),
        (status = 400, description = "An OAuth error", body = Object),
        (status = 401, description = "`invalid_client` (public apps may not introspect)", body = Object),
        (status = 429, description = "`invalid_client`: too many wrong secrets", body = Object)))]
async fn introspect(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let basic = basic_credentials(&headers);
    let is_basic = basic.is_some();
    let answer = async {
        let form = read_form(&headers, &body)?;
        let client = calling_app(&state, basic, &form).await?;
        if client.is_public() {
            return Err(Refused::InvalidClient {
                why: "a public app may not introspect tokens".to_owned(),
                retry_after_secs: None,
            });
        }
        let token = field(&form, "token")
            .ok_or_else(|| Refused::InvalidRequest("`token` is missing".to_owned()))?;
        Ok(super::bearer::introspect(&state, token).await?)
    };
    match answer.await {
        Ok(claims) => ([(header::CACHE_CONTROL, "no-store")], axum::Json(claims)).into_response(),
        Err(refusal) => refused(refusal, is_basic),
    }
}

async fn userinfo(state: &AppState, headers: &HeaderMap) -> Response {
    let Some(token) = bearer_token(headers) else {
        let mut response = oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "send the access token as `Authorization: Bearer`",
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    };
    let claims = match super::bearer::userinfo(state, &token).await {
        Ok(Some(claims)) => claims,
        Ok(None) => {
            return bearer_error(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "the access token is unknown, expired or revoked",
            );
        }
        Err(e) => return refused(Refused::Failed(e), false),
    };
    ([(header::CACHE_CONTROL, "no-store")], axum::Json(claims)).into_response()
}

/// Userinfo (OpenID Connect Core §5.3): today's claims about the person, for the scopes the
/// access token was given (`roster_account` with today's permissions). The token goes in the
/// `Authorization: Bearer` header only.
#[utoipa::path(get, path = "/oauth/userinfo", tag = "openid-connect",
    security(("bearer" = [])),
    responses((status = 200, description = "Claims", body = Object),
        (status = 401, description = "`invalid_token`", body = Object)))]
async fn userinfo_get(State(state): State<AppState>, headers: HeaderMap) -> Response {
    userinfo(&state, &headers).await
}

/// Userinfo by POST (the same answer as GET).
#[utoipa::path(post, path = "/oauth/userinfo", tag = "openid-connect",
    security(("bearer" = [])),
    responses((status = 200, description = "Claims", body = Object),
        (status = 401, description = "`invalid_token`", body = Object)))]
async fn userinfo_post(State(state): State<AppState>, headers: HeaderMap) -> Response {
    userinfo(&state, &headers).await
}
