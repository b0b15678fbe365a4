//! Cross-cutting middleware: request ids, request tracing, panics and bare error statuses turned
//! into problem documents.

use std::any::Any;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnRequest, DefaultOnResponse, TraceLayer};
use tracing::{Level, Span};

use super::problem::{ApiError, Code, PROBLEM_JSON};

/// The header carrying the request id, set when the client did not send one and echoed back.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn set_request_id() -> SetRequestIdLayer<MakeRequestUuid> {
    SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid)
}

pub fn propagate_request_id() -> PropagateRequestIdLayer {
    PropagateRequestIdLayer::new(REQUEST_ID)
}

/// The tracing layer as configured by [`trace`].
pub type RequestTrace = TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    fn(&Request<Body>) -> Span,
    DefaultOnRequest,
    DefaultOnResponse,
>;

/// One span per request with the method, the route *template* and the request id. The raw path is
/// never logged: paths can carry one-time tokens (`/api/v1/invitations/{token}`).
pub fn trace() -> RequestTrace {
    TraceLayer::new_for_http()
        .make_span_with(request_span as fn(&Request<Body>) -> Span)
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

fn request_span(request: &Request<Body>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .unwrap_or(crate::stats::UNMATCHED);
    let request_id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route, request_id)
}

/// What [`super::frame::AfterRouting`] does with each final response: turns a bare error status
/// into a problem document ([`problem_for_bare_errors`]); and after a successful write (`wakes`)
/// wakes the plugins' event delivery and the mail sender at once (other replicas find the events
/// at their next poll).
pub fn after_response(wakes: Option<&crate::state::AppState>, response: Response) -> Response {
    let response = problem_for_bare_errors(response);
    if let Some(state) = wakes
        && response.status().is_success()
    {
        state.plugins.notify_committed();
        state.mailer.wake();
    }
    response
}

pub fn catch_panic() -> CatchPanicLayer<fn(Box<dyn Any + Send + 'static>) -> Response> {
    CatchPanicLayer::custom(panic_response as fn(Box<dyn Any + Send + 'static>) -> Response)
}

fn panic_response(payload: Box<dyn Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %message, "handler panicked");
    ApiError::new(Code::InternalError).into_response()
}

/// Error statuses made outside our handlers (unknown method, body too large, …) become problem
/// documents too, so a client only ever parses one error shape. Sees the final response (with the
/// `Allow` header the method router adds); keeps every header but the body's.
fn problem_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || !is_bare(response.headers().get(header::CONTENT_TYPE))
    {
        return response;
    }
    let (mut parts, _body) = response.into_parts();
    let mut error = ApiError::from_status(status);
    if let Some(allowed) = parts
        .headers
        .get(header::ALLOW)
        .and_then(|v| v.to_str().ok())
    {
        error = error.with_detail(format!("allowed methods: {allowed}"));
    }
    let (_, body) = error.into_response().into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, body)
}

/// Whether a response body is a bare status text (no body type, or plain text), as opposed to a
/// problem document or a page made on purpose.
fn is_bare(content_type: Option<&HeaderValue>) -> bool {
    content_type.is_none_or(|v| v.as_bytes().starts_with(b"text/plain"))
}
