//! `http`: outbound requests from after-hooks to the hosts in `http_hosts`, within what is left of
//! the hook's deadline, no redirects, response bodies cut at 1 MiB.

use std::time::Instant;

use super::HostState;
use crate::plugins::bindings::roster::plugin::types::{HttpRequest, HttpResponse};
use crate::plugins::error::{PluginError, Use};

/// The largest response body handed back to a plugin.
const HTTP_MAX_BODY: usize = 1024 * 1024;

/// Whether `url`'s host (and port) is in `allowed`: an entry `host` allows any port, an entry
/// `host:port` only that port. Only http and https.
pub fn host_allowed(url: &url::Url, allowed: &[String]) -> bool {
    if !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    let Some(host) = url.host_str() else {
        return false;
    };
    let port = url.port_or_known_default();
    allowed.iter().any(|entry| {
        let entry = entry.trim().to_ascii_lowercase();
        match entry.rsplit_once(':') {
            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => {
                h == host && p.parse::<u16>().ok() == port
            }
            _ => entry == host,
        }
    })
}

pub fn request(state: &HostState, request: HttpRequest) -> Result<HttpResponse, PluginError> {
    state.grant(Use::Http)?;
    let url = url::Url::parse(&request.url)
        .map_err(|e| PluginError::BadRequest(format!("bad url: {e}")))?;
    if !host_allowed(&url, &state.env.http_hosts) {
        let host = url.host_str().unwrap_or("").to_owned();
        tracing::warn!(
            plugin = %state.env.name,
            call_id = %state.call_id,
            host = %host,
            "plugin asked for a host it was not granted"
        );
        return Err(PluginError::HostNotAllowed {
            host,
            plugin: state.env.name.clone(),
        });
    }
    let method = reqwest::Method::from_bytes(request.method.to_ascii_uppercase().as_bytes())
        .map_err(|_| PluginError::BadRequest(format!("bad method `{}`", request.method)))?;
    let remaining = state.deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(PluginError::DeadlinePassed);
    }
    let mut builder = state
        .env
        .http
        .request(method, url)
        .timeout(remaining)
        .body(request.body);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    state.block_on(async move {
        let response = builder
            .send()
            .await
            .map_err(|e| PluginError::RequestFailed(format!("request failed: {e}")))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let body = response
            .bytes()
            .await
            .map_err(|e| PluginError::RequestFailed(format!("reading the response failed: {e}")))?;
        let body = body[..body.len().min(HTTP_MAX_BODY)].to_vec();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_http_allow_list_matches_host_and_port() {
        let allowed = vec!["hooks.example.com".to_owned(), "127.0.0.1:9000".to_owned()];
        let ok = |u: &str| host_allowed(&url::Url::parse(u).unwrap(), &allowed);
        assert!(ok("https://hooks.example.com/x"));
        assert!(ok("http://hooks.example.com:8080/x"));
        assert!(ok("http://127.0.0.1:9000/hook"));
        assert!(!ok("http://127.0.0.1:9001/hook"));
        assert!(!ok("http://evil.example.com/"));
        assert!(!ok("http://hooks.example.com.evil.test/"));
        assert!(!ok("ftp://hooks.example.com/"));
    }
}
