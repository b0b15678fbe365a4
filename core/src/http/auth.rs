//! Who is calling: the session of a client-area user (bearer token or cookie), an admin token, and
//! the client's IP and user agent.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};

use super::problem::ApiError;
use crate::audit::{Actor, Context};
use crate::error::Error;
use crate::memberships::{self, Access};
use crate::sessions::{self, Authenticated};
use crate::settings::Settings;
use crate::staff::credentials::{self, AdminIdentity};
use crate::state::AppState;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "roster_session";
/// The admin area's session cookie (under `/admin`).
pub const STAFF_SESSION_COOKIE: &str = "roster_staff";
/// The client area's device cookie (`sessions::devices`).
pub const DEVICE_COOKIE: &str = "roster_device";
/// The admin area's device cookie (under `/admin`).
pub const STAFF_DEVICE_COOKIE: &str = "roster_staff_device";

/// A signed-in client-area user. Rejects with 401 `unauthorized`.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Authenticated);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SessionToken(token) = SessionToken::from_request_parts(parts, state).await?;
        Ok(Self(sessions::authenticate(state, &token).await?))
    }
}

/// `Option<CurrentUser>`: `None` when there is no session or it is no longer good (a page that
/// also works signed out, like accepting an invitation by signing up).
impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, ApiError> {
        let Some(token) = bearer(parts).or_else(|| cookie(parts, SESSION_COOKIE, &state.settings))
        else {
            return Ok(None);
        };
        match sessions::authenticate(state, &token).await {
            Ok(auth) => Ok(Some(Self(auth))),
            Err(Error::Unauthenticated) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

/// The session token a request carries (bearer or cookie), not yet checked. Rejects with 401.
#[derive(Debug, Clone)]
pub struct SessionToken(pub String);

impl FromRequestParts<AppState> for SessionToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(Self(
            bearer(parts)
                .or_else(|| cookie(parts, SESSION_COOKIE, &state.settings))
                .ok_or(Error::Unauthenticated)?,
        ))
    }
}

/// A signed-in user with access to the account named by the route's `{id}`, checked with one
/// query. Rejects with 401 (no session) or 404 (no access: account ids cannot be probed).
#[derive(Debug, Clone)]
pub struct AccountUser {
    pub user: CurrentUser,
    pub access: Access,
}

impl FromRequestParts<AppState> for AccountUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SessionToken(token) = SessionToken::from_request_parts(parts, state).await?;
        super::input::check_path(parts, state).await?;
        let Path(params) =
            <Path<HashMap<String, String>> as FromRequestParts<AppState>>::from_request_parts(
                parts, state,
            )
            .await
            .map_err(|_| Error::NotFound("account"))?;
        let account_id = params.get("id").ok_or(Error::NotFound("account"))?;
        let (auth, membership) =
            sessions::authenticate_for_account(state, &token, account_id).await?;
        let access = memberships::access(state, &auth.user_id, account_id, membership).await?;
        Ok(Self {
            user: CurrentUser(auth),
            access,
        })
    }
}

/// A caller of the admin API. Rejects with 401 `unauthorized`. What its role may do is decided by
/// each use case ([`crate::audit::Acting`]), not here.
#[derive(Debug, Clone)]
pub struct Admin(pub AdminIdentity);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(parts).ok_or(Error::Unauthenticated)?;
        Ok(Self(
            credentials::authenticate(&state.db, state.clock.now_ms(), &token).await?,
        ))
    }
}

/// The client's IP: the peer address, or the last `X-Forwarded-For` hop when
/// `server.trust_forwarded_for` is on.
#[derive(Debug, Clone)]
pub struct ClientIp(pub Option<String>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.settings.server.trust_forwarded_for
            && let Some(forwarded) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .map(str::trim)
                .filter(|v| v.parse::<std::net::IpAddr>().is_ok())
        {
            return Ok(Self(Some(forwarded.to_owned())));
        }
        Ok(Self(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip().to_string()),
        ))
    }
}

/// The `User-Agent` header, if any (and only if it is plain text: it is stored with the session).
#[derive(Debug, Clone)]
pub struct UserAgent(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for UserAgent {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !super::input::has_control(v))
                .map(str::to_owned),
        ))
    }
}

impl CurrentUser {
    /// The audit context of this user's request.
    pub fn context(&self, ip: &ClientIp) -> Context {
        self.0.context(ip.0.clone())
    }
}

impl Admin {
    /// The audit context of this admin's request.
    pub fn context(&self, ip: &ClientIp) -> Context {
        Context {
            actor: Actor::Admin {
                name: self.0.name.clone(),
                role: self.0.role,
            },
            ip: ip.0.clone(),
            support: None,
        }
    }
}

/// An anonymous caller's audit context.
pub fn anonymous(ip: &ClientIp) -> Context {
    Context {
        actor: Actor::System,
        ip: ip.0.clone(),
        support: None,
    }
}

fn bearer(parts: &Parts) -> Option<String> {
    bearer_token(&parts.headers)
}

/// The bearer token of a request, if it has one (another `Authorization` scheme is none).
pub fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn cookie(parts: &Parts, name: &str, settings: &Settings) -> Option<String> {
    cookie_value(&parts.headers, name, settings)
}

/// The name cookie `name` travels under: with an https `server.public_url`, `__Host-` + name.
/// The browser then takes it only from this very host, over https, with `Path=/` and no `Domain`,
/// so a sibling subdomain cannot plant a session or form-token cookie.
pub fn cookie_name<'a>(name: &'a str, settings: &Settings) -> std::borrow::Cow<'a, str> {
    if settings.server.public_url.is_https() {
        std::borrow::Cow::Owned(format!("__Host-{name}"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// The value of cookie `name` (under its [`cookie_name`]), if the request has it and it is not
/// empty.
pub fn cookie_value(headers: &HeaderMap, name: &str, settings: &Settings) -> Option<String> {
    let name = cookie_name(name, settings);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == &*name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// The browser's client-area device cookie (`sessions::devices`), if it sent one.
#[derive(Debug, Clone)]
pub struct DeviceCookie(pub Option<String>);

impl FromRequestParts<AppState> for DeviceCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(cookie(parts, DEVICE_COOKIE, &state.settings)))
    }
}

/// The browser's admin-area device cookie (`sessions::devices`, staff), if it sent one.
#[derive(Debug, Clone)]
pub struct StaffDeviceCookie(pub Option<String>);

impl FromRequestParts<AppState> for StaffDeviceCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(cookie(parts, STAFF_DEVICE_COOKIE, &state.settings)))
    }
}

/// `Set-Cookie` for a device cookie the sign-in handed out (none when it gave none).
pub fn device_cookie(
    name: &str,
    path: &str,
    token: Option<&str>,
    settings: &Settings,
) -> Option<HeaderValue> {
    let lifetime = sessions::devices::LIFETIME.as_secs();
    set_cookie_at(path, name, token?, Some(lifetime), settings)
}

/// `Set-Cookie` for one of Roster's cookies: HttpOnly, SameSite=Lax, Secure when
/// `server.public_url` is https (and then the `__Host-` name and `Path=/`), and `Max-Age` when
/// given (else it lasts as long as the browser).
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age_secs: Option<u64>,
    settings: &Settings,
) -> Option<HeaderValue> {
    set_cookie_at("/", name, value, max_age_secs, settings)
}

/// [`set_cookie`] for the pages under `path` only (the admin area's cookies live under `/admin`).
pub fn set_cookie_at(
    path: &str,
    name: &str,
    value: &str,
    max_age_secs: Option<u64>,
    settings: &Settings,
) -> Option<HeaderValue> {
    let max_age = max_age_secs
        .map(|secs| format!("; Max-Age={secs}"))
        .unwrap_or_default();
    // `__Host-` cookies must have `Path=/`: the admin area's are told apart by name.
    let (path, secure) = if settings.server.public_url.is_https() {
        ("/", "; Secure")
    } else {
        (path, "")
    };
    let name = cookie_name(name, settings);
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; HttpOnly; SameSite=Lax{max_age}{secure}"
    ))
    .ok()
}

/// `Set-Cookie` for a new session, as long as the session.
pub fn session_cookie(token: &str, settings: &Settings) -> Result<HeaderValue, Error> {
    let lifetime = settings.auth.session_absolute.as_secs();
    set_cookie(SESSION_COOKIE, token, Some(lifetime), settings)
        .ok_or_else(|| Error::internal("the session cookie is not a header value"))
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_session_cookie(settings: &Settings) -> HeaderValue {
    set_cookie(SESSION_COOKIE, "", Some(0), settings)
        .unwrap_or_else(|| HeaderValue::from_static("roster_session=; Path=/; Max-Age=0"))
}
