//! The JSON body extractor of the API: axum's `Json`, with every rejection answered as a problem
//! document (malformed JSON → 400 with the parser's message, wrong shape → 422, too large → 413).

use axum::extract::FromRequest;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::problem::{ApiError, Code};

/// Use instead of `axum::Json` in handlers, for requests and responses.
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

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

    use super::ApiJson;

    #[derive(Debug, Deserialize, serde::Serialize)]
    struct Signup {
        email: String,
        age: u32,
    }

    fn app() -> Router {
        Router::new()
            .route(
                "/echo",
                post(|ApiJson(body): ApiJson<Signup>| async move { ApiJson(body) }),
            )
            .layer(DefaultBodyLimit::max(64))
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
        let long = format!(r#"{{"email":"{}","age":3}}"#, "a".repeat(100));
        let (status, body) = send(Some("application/json"), &long).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(body["code"], "payload_too_large");
    }
}
