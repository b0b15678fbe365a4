//! The request frame's own layers, written as plain tower services: the metrics of each request,
//! the API's cross-site guard, and what runs around the routing.
//!
//! Each was an `axum::middleware::from_fn` layer. Such a layer boxes a clone of everything it wraps,
//! boxes its future and boxes the inner call's future on every request; the scale bench's profile
//! (docs/benchmarks.md, "The request frame without boxes") put those three layers and the router
//! that only carried the last one at a fifth of what Roster adds to a bare handler. Written as
//! services, they cost a clone of an `Arc` and a future the caller already holds.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use tower::{Layer, Service};

use crate::state::AppState;

/// Counts each request and its duration for `/metrics`, by method, route template and status
/// ([`crate::stats::http_request`]). Inside the routing, where the route template is known.
#[derive(Clone, Copy, Debug, Default)]
pub struct RecordMetrics;

impl<S> Layer<S> for RecordMetrics {
    type Service = Metered<S>;

    fn layer(&self, inner: S) -> Metered<S> {
        Metered { inner }
    }
}

#[derive(Clone, Debug)]
pub struct Metered<S> {
    inner: S,
}

impl<S, B> Service<Request> for Metered<S>
where
    S: Service<Request, Response = Response<B>>,
{
    type Response = Response<B>;
    type Error = S::Error;
    type Future = MeteredFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let started = Instant::now();
        let method = request.method().clone();
        let route = request.extensions().get::<MatchedPath>().cloned();
        MeteredFuture {
            inner: self.inner.call(request),
            started,
            method,
            route,
        }
    }
}

pin_project_lite::pin_project! {
    pub struct MeteredFuture<F> {
        #[pin]
        inner: F,
        started: Instant,
        method: Method,
        route: Option<MatchedPath>,
    }
}

impl<F, B, E> Future for MeteredFuture<F>
where
    F: Future<Output = Result<Response<B>, E>>,
{
    type Output = Result<Response<B>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let result = std::task::ready!(this.inner.poll(cx));
        if let Ok(response) = &result {
            crate::stats::http_request(
                this.method,
                this.route.as_ref().map(MatchedPath::as_str),
                response.status().as_u16(),
                this.started.elapsed(),
            );
        }
        Poll::Ready(result)
    }
}

/// The API's cross-site guard ([`super::csrf::api_refusal`]) as a layer: a refused request never
/// reaches the handler.
#[derive(Clone)]
pub struct ApiGuard {
    state: AppState,
}

impl ApiGuard {
    pub fn new(state: AppState) -> Self {
        Self { state }
    }
}

impl<S> Layer<S> for ApiGuard {
    type Service = Guarded<S>;

    fn layer(&self, inner: S) -> Guarded<S> {
        Guarded {
            inner,
            state: self.state.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Guarded<S> {
    inner: S,
    state: AppState,
}

impl<S, B> Service<axum::http::Request<B>> for Guarded<S>
where
    S: Service<axum::http::Request<B>, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = GuardFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: axum::http::Request<B>) -> Self::Future {
        match super::csrf::api_refusal(&self.state, request.method(), request.headers()) {
            Some(refusal) => GuardFuture::Refused {
                response: Some(refusal.into_response()),
            },
            None => GuardFuture::Passed {
                inner: self.inner.call(request),
            },
        }
    }
}

pin_project_lite::pin_project! {
    #[project = GuardProjection]
    pub enum GuardFuture<F> {
        Refused { response: Option<Response> },
        Passed { #[pin] inner: F },
    }
}

impl<F> Future for GuardFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            GuardProjection::Refused { response } => {
                Poll::Ready(Ok(response.take().unwrap_or_default()))
            }
            GuardProjection::Passed { inner } => inner.poll(cx),
        }
    }
}

/// What runs around the routing ([`super::middleware::after_response`]): outside the router, so
/// that it sees every final response (the `Allow` header of a 405 is added by the router, outside
/// any route's layers). The whole application as served is `AfterRouting<Router>`.
#[derive(Clone)]
pub struct AfterRouting<S> {
    inner: S,
    state: AppState,
}

impl<S> std::fmt::Debug for AfterRouting<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AfterRouting").finish_non_exhaustive()
    }
}

impl<S> AfterRouting<S> {
    pub fn new(state: AppState, inner: S) -> Self {
        Self { inner, state }
    }
}

impl<S> Service<Request> for AfterRouting<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = AfterRoutingFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        AfterRoutingFuture {
            wakes: (!request.method().is_safe()).then(|| self.state.clone()),
            inner: self.inner.call(request),
        }
    }
}

pin_project_lite::pin_project! {
    pub struct AfterRoutingFuture<F> {
        #[pin]
        inner: F,
        // Who to wake after a successful write; `None` for a read.
        wakes: Option<AppState>,
    }
}

impl<F> Future for AfterRoutingFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let Ok(response) = std::task::ready!(this.inner.poll(cx));
        Poll::Ready(Ok(super::middleware::after_response(
            this.wakes.as_ref(),
            response,
        )))
    }
}
