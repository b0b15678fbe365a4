//! The one gate every text from a request passes: path parameters, query parameters and JSON bodies
//! reach handlers only through the extractors here ([`ApiPath`], [`ApiQuery`], [`ApiJson`]), and
//! each refuses a control character (NUL, CR, LF, ESC, DEL, the C1 range: Unicode's `Cc`) before
//! any of it reaches the domain or the database.
//!
//! - In a path parameter (an id, a name, a token), a control character means the thing cannot
//!   exist: 404 `not_found`, like any other unknown id. So does a parameter that does not parse.
//! - In a query parameter or a body field: 422 `validation_failed`, naming the field
//!   (`field` in the problem, and in `detail`).
//!
//! No field of Roster's takes multi-line or control text (names, addresses, phone numbers, tax ids,
//! permission keys, security questions, passwords), so the rule has no exceptions. Headers Roster
//! reads are checked where they are read (`http::auth`).

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::problem::{ApiError, Code};

/// Whether `text` holds a character Roster never accepts in any field.
pub fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

/// Refuses `value` for `field` when it holds a control character.
pub fn check_text(field: &str, value: &str) -> Result<(), ApiError> {
    if has_control(value) {
        return Err(refused(field));
    }
    Ok(())
}

fn refused(field: &str) -> ApiError {
    ApiError::new(Code::ValidationFailed)
        .with_field(field)
        .with_detail(format!(
            "`{field}` contains a control character (such as NUL, a line break or ESC), which is \
             not allowed"
        ))
}

/// Path parameters. A parameter with a control character, or one that does not parse as the
/// handler's type, is 404 `not_found`: an id that cannot be an id names nothing.
#[derive(Debug, Clone)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        check_path(parts, state).await?;
        let Path(value) = Path::<T>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        Ok(Self(value))
    }
}

/// The path check alone, for extractors that read a parameter themselves (`AccountUser`).
pub async fn check_path<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<(), ApiError> {
    let raw = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|_| not_found())?;
    if raw.iter().any(|(_, value)| has_control(value)) {
        return Err(not_found());
    }
    Ok(())
}

/// The answer for anything that names nothing: an unknown route, an id that cannot be one.
pub fn not_found() -> ApiError {
    ApiError::new(Code::NotFound).with_detail("no such resource")
}

/// Query parameters, each checked for control characters (422 naming the parameter); a value of
/// the wrong type is 422 too.
#[derive(Debug, Clone, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            check_text(&key, &key)?;
            check_text(&key, &value)?;
        }
        let Query(value) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(query_rejection)?;
        Ok(Self(value))
    }
}

fn query_rejection(rejection: QueryRejection) -> ApiError {
    ApiError::new(Code::ValidationFailed).with_detail(rejection.body_text())
}

/// The JSON body of the API, for requests and responses. Malformed JSON is 400 `malformed_json`
/// with the parser's message, a control character in any string (keys included) is 422 naming
/// the field, a wrong shape is 422 `validation_failed` naming the field, a missing
/// `Content-Type: application/json` is 415, a body over the limit is 413.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let axum::Json(value) =
            axum::Json::<serde_json::Value>::from_request(request, state).await?;
        Ok(Self(from_value(value)?))
    }
}

/// A parsed JSON body as the handler's type: control characters refused first (naming the
/// field), then the shape checked (naming the field), an object wherever the type has a struct.
fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    check_json(&mut String::new(), &value)?;
    serde_path_to_error::deserialize(super::strict_json::Strict(value)).map_err(|e| {
        let path = e.path().to_string();
        let mut error = ApiError::new(Code::ValidationFailed);
        if path != "." {
            error = error.with_field(&path);
        }
        error.with_detail(if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        })
    })
}

/// A JSON body that may be left out: an empty body is `T::default()`, whatever its
/// `Content-Type` says (a POST that needs no parameters, like accepting an invitation as the
/// signed-in user); anything else is read as [`ApiJson`] reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct OptionalJson<T>(pub T);

impl<T, S> FromRequest<S> for OptionalJson<T>
where
    T: DeserializeOwned + Default,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| {
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            });
        let has_type = request.headers().contains_key(header::CONTENT_TYPE);
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiError::from_status(e.status()).with_detail(e.body_text()))?;
        // No body (whatever the content type says) means no parameters.
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(T::default()));
        }
        if !json {
            let detail = if has_type {
                "send the body as JSON with `Content-Type: application/json`, or send none"
            } else {
                "send the body as JSON with `Content-Type: application/json`"
            };
            return Err(ApiError::new(Code::UnsupportedMediaType).with_detail(detail));
        }
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::new(Code::MalformedJson).with_detail(e.to_string()))?;
        Ok(Self(from_value(value)?))
    }
}

/// Walks a JSON value, refusing the first string (or key) with a control character. `path` is the
/// dotted path so far (`account.company_name`, `permissions[2]`).
fn check_json(path: &mut String, value: &serde_json::Value) -> Result<(), ApiError> {
    use serde_json::Value;
    let field = |path: &str| {
        if path.is_empty() {
            "(body)".to_owned()
        } else {
            path.to_owned()
        }
    };
    match value {
        Value::String(text) if has_control(text) => Err(refused(&field(path))),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_json(path, item)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(members) => {
            for (key, item) in members {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if has_control(key) {
                    return Err(refused(&field(path)));
                }
                check_json(path, item)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

impl<T: serde::Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(e) => {
                ApiError::new(Code::MalformedJson).with_detail(e.body_text())
            }
            JsonRejection::JsonDataError(e) => {
                ApiError::new(Code::ValidationFailed).with_detail(e.body_text())
            }
            JsonRejection::MissingJsonContentType(_) => ApiError::new(Code::UnsupportedMediaType)
                .with_detail("send the body as JSON with `Content-Type: application/json`"),
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::new(Code::PayloadTooLarge).with_detail(e.body_text())
            }
            other => ApiError::from_status(other.status()).with_detail(other.body_text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::extract::DefaultBodyLimit;
    use axum::http::{Request, StatusCode, header};
    use axum::routing::post;
    use http_body_util::BodyExt;
    use serde::Deserialize;
    use tower::ServiceExt;

    use super::{ApiJson, ApiPath, ApiQuery};

    #[derive(Debug, Deserialize, serde::Serialize)]
    struct Signup {
        email: String,
        age: u32,
    }

    #[derive(Debug, Deserialize)]
    struct Search {
        search: Option<String>,
        limit: Option<u32>,
    }

    fn app() -> Router {
        Router::new()
            .route(
                "/echo",
                post(|ApiJson(body): ApiJson<Signup>| async move { ApiJson(body) }),
            )
            .route(
                "/things/{id}/{seq}",
                axum::routing::get(|ApiPath((id, seq)): ApiPath<(String, i64)>| async move {
                    format!("{id}/{seq}")
                }),
            )
            .route(
                "/search",
                axum::routing::get(|ApiQuery(q): ApiQuery<Search>| async move {
                    format!("{:?}/{:?}", q.search, q.limit)
                }),
            )
            .layer(DefaultBodyLimit::max(96))
    }

    async fn get(uri: &str) -> (StatusCode, String) {
        let response = app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn a_path_parameter_with_a_control_character_names_nothing() {
        assert_eq!(
            get("/things/ab/7").await,
            (StatusCode::OK, "ab/7".to_owned())
        );
        for bad in [
            "/things/a%00b/7",
            "/things/a%0Ab/7",
            "/things/%1B/7",
            "/things/a%C2%85/7",
        ] {
            let (status, body) = get(bad).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
            assert!(body.contains("\"code\":\"not_found\""), "{bad}: {body}");
        }
        // A parameter that cannot be its type names nothing either.
        assert_eq!(get("/things/ab/x").await.0, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn a_query_parameter_with_a_control_character_is_named() {
        assert_eq!(
            get("/search?search=ada&limit=3").await,
            (StatusCode::OK, "Some(\"ada\")/Some(3)".to_owned())
        );
        let (status, body) = get("/search?search=a%00b").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["code"], "validation_failed");
        assert_eq!(body["field"], "search");
        let (status, body) = get("/search?limit=x").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }

    #[tokio::test]
    async fn a_body_string_with_a_control_character_is_named() {
        for (body, field) in [
            (r#"{"email":"a\u0000b","age":3}"#, "email"),
            (r#"{"email":"a\r\nBcc: x","age":3}"#, "email"),
            (
                r#"{"email":"a","age":3,"extra":{"list":["ok","\u001b"]}}"#,
                "extra.list[1]",
            ),
            (r#"{"email":"a","age":3,"k\u0000":1}"#, "k\u{0}"),
        ] {
            let (status, problem) = send(Some("application/json"), body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(problem["code"], "validation_failed");
            assert_eq!(problem["field"], field, "{body}");
        }
    }

    async fn send(content_type: Option<&str>, body: &str) -> (StatusCode, serde_json::Value) {
        let mut request = Request::post("/echo");
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = app()
            .oneshot(request.body(Body::from(body.to_owned())).unwrap())
            .await
            .unwrap();
        let status = response.status();
        if status.is_client_error() {
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn well_formed_json_passes_through() {
        let (status, body) = send(Some("application/json"), r#"{"email":"a@b.c","age":3}"#).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["email"], "a@b.c");
    }

    #[tokio::test]
    async fn truncated_json_is_a_400_with_the_parsers_message() {
        let (status, body) = send(Some("application/json"), r#"{"email":"a@b.c","ag"#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["code"], "malformed_json");
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains("EOF while parsing"), "{detail}");
    }

    #[tokio::test]
    async fn wrong_shape_is_a_422_naming_the_field() {
        let (status, body) = send(Some("application/json"), r#"{"email":"a@b.c","age":"x"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["code"], "validation_failed");
        assert!(body["detail"].as_str().unwrap().contains("age"), "{body}");
    }

    #[tokio::test]
    async fn a_missing_content_type_is_a_415() {
        let (status, body) = send(None, r#"{"email":"a@b.c","age":3}"#).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(body["code"], "unsupported_media_type");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_a_413() {
        let long = format!(r#"{{"email":"{}","age":3}}"#, "a".repeat(120));
        let (status, body) = send(Some("application/json"), &long).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(body["code"], "payload_too_large");
    }
}
