//! The pages' security headers (re-exported by `http::pages`): `Referrer-Policy: no-referrer`,
//! a Content-Security-Policy that allows only Roster's own stylesheet and images (and the logo's
//! origin) and no script, no framing, `nosniff`, `no-store`; and the few ways a page widens it (a
//! form posting to an app, an app's logo, the passkey pages' one script).

use axum::http::{HeaderValue, header};
use axum::response::Response;

/// Adds the pages' security headers to a response.
pub fn with_page_headers(mut response: Response, logo_origin: Option<&str>) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // Only Roster's own stylesheet; images from Roster, `data:` (the 2FA QR code) and the logo's
    // server; forms post only back to Roster; no other site may frame a page (its buttons could
    // otherwise be clickjacked).
    let images = logo_origin.map(|o| format!(" {o}")).unwrap_or_default();
    let csp = format!(
        "default-src 'none'; style-src 'self'; img-src 'self' data:{images}; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A URI's origin as a CSP source: `https://app.example:8443`, or `com.example.app:` for a
/// private-use scheme.
pub fn csp_source(uri: &str) -> Option<String> {
    let url = url::Url::parse(uri).ok()?;
    match url.origin() {
        url::Origin::Tuple(..) => Some(url.origin().ascii_serialization()),
        url::Origin::Opaque(_) => Some(format!("{}:", url.scheme())),
    }
}

/// Rewrites a response's Content-Security-Policy with `edit` (nothing without one).
fn edit_csp(mut response: Response, edit: impl FnOnce(&str) -> String) -> Response {
    let headers = response.headers_mut();
    let Some(csp) = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
    else {
        return response;
    };
    if let Ok(value) = HeaderValue::from_str(&edit(csp)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Widens a page's `form-action` (and `img-src`) by one source each.
pub fn allow_sources(response: Response, form: Option<&str>, image: Option<&str>) -> Response {
    edit_csp(response, |csp| {
        let mut csp = csp.to_owned();
        if let Some(form) = form.filter(|s| is_source(s)) {
            csp = csp.replace("form-action 'self'", &format!("form-action 'self' {form}"));
        }
        if let Some(image) = image.filter(|s| is_source(s)) {
            csp = csp.replace("img-src 'self'", &format!("img-src 'self' {image}"));
        }
        csp
    })
}

/// Lets a page run Roster's one script (`/assets/passkeys.js`) and, with `fetch`, ask Roster for a
/// ceremony's options: `script-src 'self'` (and `connect-src 'self'`). Only the pages with a
/// passkey control take this; every other page allows no script at all.
pub fn with_script(response: Response, fetch: bool) -> Response {
    let connect = if fetch { " connect-src 'self';" } else { "" };
    edit_csp(response, |csp| {
        csp.replacen(
            "default-src 'none';",
            &format!("default-src 'none'; script-src 'self';{connect}"),
            1,
        )
    })
}

/// Whether a CSP source is safe to write into the header (no `;`, `,` or spaces).
fn is_source(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && c != ';' && c != ',' && c != '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_csp_sources() {
        assert_eq!(
            csp_source("https://app.example:8443/cb?x=1").as_deref(),
            Some("https://app.example:8443")
        );
        assert_eq!(
            csp_source("http://127.0.0.1:51234/cb").as_deref(),
            Some("http://127.0.0.1:51234")
        );
        assert_eq!(
            csp_source("com.example.app:/callback").as_deref(),
            Some("com.example.app:")
        );
        assert!(!is_source("https://a.example; script-src *"));
    }
}
