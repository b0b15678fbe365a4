//! RFC 9457 problem documents: the one error shape of the HTTP API.
//!
//! Every refusal carries a stable machine `code`. The catalog of codes, with each one's status and
//! title, lives in [`Code`]: a new error is added here and nowhere else.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::Error;

/// The media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The stable error codes of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    BadRequest,
    MalformedJson,
    ValidationFailed,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    NotReady,
    InternalError,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::MalformedJson => "malformed_json",
            Self::ValidationFailed => "validation_failed",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::RateLimited => "rate_limited",
            Self::NotReady => "not_ready",
            Self::InternalError => "internal_error",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Self::BadRequest | Self::MalformedJson => StatusCode::BAD_REQUEST,
            Self::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::NotReady => StatusCode::SERVICE_UNAVAILABLE,
            Self::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::BadRequest => "Bad request",
            Self::MalformedJson => "The request body is not valid JSON",
            Self::ValidationFailed => "The request is not valid",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "Method not allowed",
            Self::Conflict => "Conflict",
            Self::PayloadTooLarge => "The request body is too large",
            Self::UnsupportedMediaType => "Unsupported media type",
            Self::RateLimited => "Too many requests",
            Self::NotReady => "The server is not ready",
            Self::InternalError => "Internal server error",
        }
    }

    /// The code for a bare status produced outside our handlers (the router, a middleware).
    pub fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => Self::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => Self::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::UNPROCESSABLE_ENTITY => Self::ValidationFailed,
            StatusCode::CONFLICT => Self::Conflict,
            StatusCode::TOO_MANY_REQUESTS => Self::RateLimited,
            StatusCode::SERVICE_UNAVAILABLE => Self::NotReady,
            s if s.is_server_error() => Self::InternalError,
            _ => Self::BadRequest,
        }
    }
}

/// An RFC 9457 problem document as the API sends it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type: `urn:roster:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short, human-readable summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable machine code; switch on this, not on `title` or `detail`.
    pub code: String,
}

/// An error answer of the API. Handlers return `Result<_, ApiError>`.
#[derive(Debug)]
pub struct ApiError {
    code: Code,
    status: StatusCode,
    detail: Option<String>,
}

impl ApiError {
    pub fn new(code: Code) -> Self {
        Self {
            code,
            status: code.status(),
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Keeps a status the router chose (e.g. 411) while using the nearest code.
    pub fn from_status(status: StatusCode) -> Self {
        Self {
            status,
            ..Self::new(Code::for_status(status))
        }
    }

    pub fn code(&self) -> Code {
        self.code
    }

    pub fn problem(&self) -> Problem {
        Problem {
            kind: format!("urn:roster:problem:{}", self.code.as_str()),
            title: self.code.title().to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.as_str().to_owned(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.problem())).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        match error {
            Error::NotFound(what) => {
                Self::new(Code::NotFound).with_detail(format!("{what} not found"))
            }
            Error::Validation(message) => Self::new(Code::ValidationFailed).with_detail(message),
            e if e.is_unique_violation() => Self::new(Code::Conflict),
            e => {
                // The cause goes to the log; the caller gets a generic answer.
                tracing::error!(error = %e, "request failed");
                Self::new(Code::InternalError)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_snake_case_name() {
        let all = [
            Code::BadRequest,
            Code::MalformedJson,
            Code::ValidationFailed,
            Code::NotFound,
            Code::MethodNotAllowed,
            Code::Conflict,
            Code::PayloadTooLarge,
            Code::UnsupportedMediaType,
            Code::RateLimited,
            Code::NotReady,
            Code::InternalError,
        ];
        let names: std::collections::BTreeSet<_> = all.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), all.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let error = ApiError::from(Error::Internal(anyhow::anyhow!("secret connection string")));
        let problem = error.problem();
        assert_eq!(problem.status, 500);
        assert_eq!(problem.code, "internal_error");
        assert_eq!(problem.detail, None);
    }
}
