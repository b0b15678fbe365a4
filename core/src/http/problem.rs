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

/// The stable error codes of the API: each with its status and title, in one table.
macro_rules! codes {
    ($($variant:ident => $code:literal, $status:ident, $title:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code { $($variant,)+ }

        impl Code {
            /// Every code, for documentation and tests.
            pub const ALL: &[Code] = &[$(Code::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            pub fn status(self) -> StatusCode {
                match self { $(Self::$variant => StatusCode::$status,)+ }
            }

            pub fn title(self) -> &'static str {
                match self { $(Self::$variant => $title,)+ }
            }
        }
    };
}

codes! {
    BadRequest => "bad_request", BAD_REQUEST, "Bad request";
    MalformedJson => "malformed_json", BAD_REQUEST, "The request body is not valid JSON";
    ValidationFailed => "validation_failed", UNPROCESSABLE_ENTITY, "The request is not valid";
    WeakPassword => "weak_password", UNPROCESSABLE_ENTITY, "The password is too weak";
    Unauthorized => "unauthorized", UNAUTHORIZED, "Authentication required";
    InvalidCredentials => "invalid_credentials", UNAUTHORIZED, "Wrong email address or password";
    SecondFactorRequired => "second_factor_required", UNAUTHORIZED, "A second factor is required";
    InvalidSecondFactor => "invalid_second_factor", UNAUTHORIZED, "Wrong or used second-factor code";
    EmailNotVerified => "email_not_verified", FORBIDDEN, "The email address is not verified";
    InvalidToken => "invalid_token", BAD_REQUEST, "Invalid or expired link";
    SecurityAnswerRequired => "security_answer_required", UNPROCESSABLE_ENTITY, "The security question must be answered";
    Forbidden => "forbidden", FORBIDDEN, "Forbidden";
    RecentSignInRequired => "recent_sign_in_required", FORBIDDEN, "Sign in again first";
    SupportSignInRestricted => "support_sign_in_restricted", FORBIDDEN, "Only the user can do this";
    CrossSiteRequest => "cross_site_request", FORBIDDEN, "Cross-site request refused";
    UserManagementDisabled => "user_management_disabled", FORBIDDEN, "User management is disabled";
    OwnerCannotBeRemoved => "owner_cannot_be_removed", CONFLICT, "The owner cannot be removed";
    OwnerPermissionsFixed => "owner_permissions_fixed", CONFLICT, "The owner's permissions cannot be changed";
    AlreadyMember => "already_member", CONFLICT, "Already a member";
    InvitationExpired => "invitation_expired", GONE, "The invitation has expired";
    InvitationUsed => "invitation_used", GONE, "The invitation was already used";
    InvitationCancelled => "invitation_cancelled", GONE, "The invitation was cancelled";
    UserOwnsAccounts => "user_owns_accounts", CONFLICT, "The user owns accounts";
    NotFound => "not_found", NOT_FOUND, "Not found";
    MethodNotAllowed => "method_not_allowed", METHOD_NOT_ALLOWED, "Method not allowed";
    Conflict => "conflict", CONFLICT, "Conflict";
    EmailTaken => "email_taken", CONFLICT, "The email address is taken";
    PayloadTooLarge => "payload_too_large", PAYLOAD_TOO_LARGE, "The request body is too large";
    UnsupportedMediaType => "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "Unsupported media type";
    RateLimited => "rate_limited", TOO_MANY_REQUESTS, "Too many requests";
    VetoedByPlugin => "vetoed_by_plugin", FORBIDDEN, "Refused by a plugin";
    PluginFailed => "plugin_failed", SERVICE_UNAVAILABLE, "A plugin failed";
    PluginInvalid => "plugin_invalid", UNPROCESSABLE_ENTITY, "The plugin cannot be loaded";
    NotReady => "not_ready", SERVICE_UNAVAILABLE, "The server is not ready";
    InternalError => "internal_error", INTERNAL_SERVER_ERROR, "Internal server error";
}

impl Code {
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
            StatusCode::UNAUTHORIZED => Self::Unauthorized,
            StatusCode::FORBIDDEN => Self::Forbidden,
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
    /// With `security_answer_required`: the question to answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_question: Option<String>,
    /// With `validation_failed` where one field is at fault: its name (`email`,
    /// `account.company_name`, a query parameter's name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// With `vetoed_by_plugin` and `plugin_failed`: the plugin's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin: Option<String>,
    /// With `vetoed_by_plugin`: the plugin's own reason code (`domain_not_allowed`); its message
    /// is the `detail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An error answer of the API. Handlers return `Result<_, ApiError>`.
#[derive(Debug)]
pub struct ApiError {
    code: Code,
    status: StatusCode,
    detail: Option<String>,
    retry_after_secs: Option<u64>,
    /// The rarely set members, boxed to keep `Result<_, ApiError>` small.
    extra: Box<Extra>,
}

#[derive(Debug, Default)]
struct Extra {
    security_question: Option<String>,
    field: Option<String>,
    plugin: Option<String>,
    reason: Option<String>,
}

impl ApiError {
    pub fn new(code: Code) -> Self {
        Self {
            code,
            status: code.status(),
            detail: None,
            retry_after_secs: None,
            extra: Box::default(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Names the one field at fault.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.extra.field = Some(field.into());
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
            security_question: self.extra.security_question.clone(),
            field: self.extra.field.clone(),
            plugin: self.extra.plugin.clone(),
            reason: self.extra.reason.clone(),
        }
    }
}

/// A use case's answer as JSON, or its refusal as a problem document: for the few page routes a
/// page's script reads (a passkey ceremony's options).
pub fn json_or_problem<T: serde::Serialize>(result: crate::error::Result<T>) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.problem())).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// The code of an error: what the API answers with, and what a page explains in the reader's
/// language. A broken database rule (a unique key, a reference, a serialisation failure) is a
/// conflict; anything else unexpected is an internal error.
pub fn code_of(error: &Error) -> Code {
    match error {
        Error::NotFound(_) => Code::NotFound,
        Error::Validation(_) => Code::ValidationFailed,
        Error::WeakPassword(_) => Code::WeakPassword,
        Error::EmailTaken => Code::EmailTaken,
        Error::Unauthenticated => Code::Unauthorized,
        Error::InvalidCredentials => Code::InvalidCredentials,
        Error::SecondFactorRequired | Error::EmailCodeRequired => Code::SecondFactorRequired,
        Error::InvalidSecondFactor => Code::InvalidSecondFactor,
        Error::EmailNotVerified => Code::EmailNotVerified,
        Error::RecentSignInRequired => Code::RecentSignInRequired,
        Error::InvalidToken => Code::InvalidToken,
        Error::SecurityAnswerRequired { .. } => Code::SecurityAnswerRequired,
        Error::Forbidden(_) => Code::Forbidden,
        Error::SupportRestricted(_) => Code::SupportSignInRestricted,
        Error::UserManagementDisabled => Code::UserManagementDisabled,
        Error::OwnerCannotBeRemoved => Code::OwnerCannotBeRemoved,
        Error::OwnerPermissionsFixed => Code::OwnerPermissionsFixed,
        Error::AlreadyMember => Code::AlreadyMember,
        Error::InvitationExpired => Code::InvitationExpired,
        Error::InvitationUsed => Code::InvitationUsed,
        Error::InvitationCancelled => Code::InvitationCancelled,
        Error::UserOwnsAccounts(_) => Code::UserOwnsAccounts,
        Error::RateLimited { .. } => Code::RateLimited,
        Error::Conflict(_) => Code::Conflict,
        Error::VetoedByPlugin { .. } => Code::VetoedByPlugin,
        Error::PluginFailed { .. } => Code::PluginFailed,
        Error::PluginInvalid(_) => Code::PluginInvalid,
        e if e.is_unique_violation()
            || e.is_foreign_key_violation()
            || e.is_transaction_conflict() =>
        {
            Code::Conflict
        }
        _ => Code::InternalError,
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        let code = code_of(&error);
        match (code, &error) {
            (Code::Conflict, e) if !matches!(e, Error::Conflict(_)) => {
                return Self::new(Code::Conflict).with_detail(
                    "the request conflicts with the current state; read it again and retry",
                );
            }
            (Code::InternalError, e) => {
                // The cause goes to the log; the caller gets a generic answer.
                tracing::error!(error = %e, "request failed");
                return Self::new(Code::InternalError);
            }
            _ => {}
        }
        let mut api = Self::new(code).with_detail(error.to_string());
        match error {
            Error::RateLimited { retry_after_secs } => {
                api.retry_after_secs = Some(retry_after_secs)
            }
            Error::SecurityAnswerRequired { question } => {
                api.extra.security_question = Some(question)
            }
            Error::VetoedByPlugin { plugin, code, .. } => {
                api.extra.plugin = Some(plugin);
                api.extra.reason = Some(code);
            }
            Error::PluginFailed { plugin } => api.extra.plugin = Some(plugin),
            _ => {}
        }
        api
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_snake_case_name() {
        let names: std::collections::BTreeSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        assert!(
            Code::ALL
                .iter()
                .all(|c| c.status().is_client_error() || c.status().is_server_error())
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
