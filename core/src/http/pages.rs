//! Server-rendered pages: minijinja templates built into the binary (`core/templates/pages/`).
//! They carry no script and set `Referrer-Policy: no-referrer` (their URLs hold one-time tokens), a
//! Content-Security-Policy that allows no script and no framing, and `X-Frame-Options: DENY`.

use std::sync::OnceLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::Environment;
use serde::Serialize;

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in [
            (
                "layout.html",
                include_str!("../../templates/pages/layout.html"),
            ),
            (
                "message.html",
                include_str!("../../templates/pages/message.html"),
            ),
            (
                "verify-email.html",
                include_str!("../../templates/pages/verify-email.html"),
            ),
            (
                "reset-password.html",
                include_str!("../../templates/pages/reset-password.html"),
            ),
            (
                "invite.html",
                include_str!("../../templates/pages/invite.html"),
            ),
        ] {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "page template does not compile");
            }
        }
        env
    })
}

/// Renders page `name` with `values`, answered with `status`.
pub fn render(status: StatusCode, name: &str, values: impl Serialize) -> Response {
    let rendered = environment()
        .get_template(name)
        .and_then(|t| t.render(minijinja::value::Serde(&values)));
    let mut response = match rendered {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(page = name, error = %e, "page failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html("<h1>Something went wrong</h1>".to_owned()),
            )
                .into_response()
        }
    };
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // No script, nothing loaded from elsewhere, forms post only back to Roster, and no other site
    // may frame a page (its one-click "Accept" button could otherwise be clickjacked).
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    response
        .headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The pages' Content-Security-Policy (the layout's one inline `<style>` is their only resource).
const PAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// A page with a heading and one message.
pub fn message(status: StatusCode, heading: &str, message: &str) -> Response {
    render(
        status,
        "message.html",
        minijinja::context! { heading, message, error => status.is_client_error() },
    )
}

/// An error's message as a sentence for a page ("The password is too weak.").
pub fn sentence(error: &crate::error::Error) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => text,
    }
}

/// The page for a server fault: a generic message; the cause goes to the log.
pub fn failed(error: crate::error::Error) -> Response {
    tracing::error!(error = %error, "page request failed");
    message(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "Please try again later.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_compiles() {
        for name in [
            "layout.html",
            "message.html",
            "verify-email.html",
            "reset-password.html",
            "invite.html",
        ] {
            assert!(environment().get_template(name).is_ok(), "{name}");
        }
    }
}
