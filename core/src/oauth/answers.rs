//! How the OpenID Connect endpoints answer errors, the way OAuth 2.0 defines them (RFC 6749 §5.2,
//! RFC 6750 §3: `{"error", "error_description"}`, never cached, with `WWW-Authenticate` where it
//! belongs), and how an app's `Authorization: Basic` credentials are read.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::json;

use super::tokens::Refused;

/// An OAuth error answer: `error`, `error_description`, never cached.
pub(super) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        axum::Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

pub(super) fn refused(refusal: Refused, basic: bool) -> Response {
    match refusal {
        Refused::InvalidRequest(why) => {
            oauth_error(StatusCode::BAD_REQUEST, "invalid_request", &why)
        }
        Refused::InvalidGrant(why) => oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", &why),
        Refused::InvalidScope(why) => oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &why),
        Refused::UnsupportedGrantType => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "`grant_type` must be authorization_code or refresh_token",
        ),
        Refused::InvalidClient {
            why,
            retry_after_secs,
        } => {
            let status = if retry_after_secs.is_some() {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            let mut response = oauth_error(status, "invalid_client", &why);
            if let Some(secs) = retry_after_secs
                && let Ok(value) = HeaderValue::from_str(&secs.to_string())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            if basic {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Basic realm=\"roster\""),
                );
            }
            response
        }
        Refused::Failed(e) => {
            tracing::error!(error = %e, "token endpoint failed");
            oauth_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "temporarily_unavailable",
                "the server cannot answer now; try again",
            )
        }
    }
}

/// The client id and secret of `Authorization: Basic` (each form-encoded, RFC 6749 §2.3.1).
pub(super) fn basic_credentials(headers: &HeaderMap) -> Option<Result<(String, String), Refused>> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let bad = || Refused::InvalidClient {
        why: "the Basic credentials cannot be read".to_owned(),
        retry_after_secs: None,
    };
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok());
    let Some((id, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) else {
        return Some(Err(bad()));
    };
    let decode = |text: &str| {
        url::form_urlencoded::parse(format!("x={text}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    match (decode(id), decode(secret)) {
        (Some(id), Some(secret)) => Some(Ok((id, secret))),
        _ => Some(Err(bad())),
    }
}

/// A bearer error (RFC 6750 §3).
pub(super) fn bearer_error(status: StatusCode, error: &str, description: &str) -> Response {
    let challenge = format!("Bearer error=\"{error}\", error_description=\"{description}\"");
    let mut response = oauth_error(status, error, description);
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}
