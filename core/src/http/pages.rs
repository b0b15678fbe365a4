//! Server-rendered pages: minijinja templates built into the binary (`core/templates/pages/`),
//! one layout with the provider's branding (`[ui]`) and the navigation, one stylesheet served by
//! Roster (`/assets/roster.css`), no script but on the pages with a passkey control
//! ([`with_script`]: Roster's own `/assets/passkeys.js`, nothing inline). Every page answers with `Referrer-Policy: no-referrer`
//! (some URLs hold one-time tokens), a Content-Security-Policy that allows only Roster's own
//! stylesheet and images (and the logo's origin), no framing (`X-Frame-Options: DENY`) and
//! `nosniff`.
//!
//! A handler takes a [`Chrome`] (what every page shows: branding, who is signed in, the form
//! token) and renders with it. Signed-in pages take a [`SignedIn`] instead, which sends a browser
//! without a session to `/login?next=…`, and account pages an [`AccountPage`]
//! (`page_access.rs`). Forms are read and refusals explained, in the page's language, by the
//! helpers of `forms.rs`.

use std::sync::OnceLock;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::auth::{SESSION_COOKIE, cookie_value};
pub use super::page_headers::{allow_sources, csp_source, with_page_headers, with_script};
// Also the pages' own: tests and callers build links with it.
use crate::error::Error;
use crate::sessions::Authenticated;
use crate::state::AppState;

/// Each template, by name, compiled into the binary.
macro_rules! templates {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/pages/", $name)))),+]
    };
}

const TEMPLATES: &[(&str, &str)] = templates![
    "layout.html",
    "macros.html",
    "message.html",
    "verify-email.html",
    "reset-password.html",
    "invite.html",
    "login.html",
    "login-code.html",
    "signup.html",
    "forgot-password.html",
    "accounts.html",
    "account.html",
    "contact.html",
    "leave.html",
    "users.html",
    "remove-user.html",
    "me.html",
    "totp-enrol.html",
    "backup-codes.html",
    "passkey-add.html",
    "oauth-authorize.html",
    "oauth-logout.html",
    "admin/layout.html",
    "admin/message.html",
    "admin/login.html",
    "admin/login-code.html",
    "admin/setup.html",
    "admin/clients.html",
    "admin/client.html",
    "admin/client-users.html",
    "admin/make-owner.html",
    "admin/remove-user.html",
    "admin/users.html",
    "admin/user.html",
    "admin/delete-user.html",
    "admin/client-invitations.html",
    "admin/client-contacts.html",
    "admin/contact.html",
    "admin/client-audit.html",
    "admin/audit.html",
    "admin/plugins.html",
    "admin/settings.html",
    "admin/staff.html",
    "admin/mail.html",
    "admin/apps.html",
    "admin/me.html",
];

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "page template does not compile");
            }
        }
        env.add_filter("datetime", datetime);
        env.add_function("t", translate);
        env.add_filter("urlencode", |text: &str| encode(text));
        env
    })
}

/// `{{ t("message-id", name=value, …) }}`: message `message-id` in the page's language (`lang`),
/// with its variables. The messages come with the page (`i18n`, the state's [`Messages`]).
fn translate(
    state: &minijinja::State,
    id: &str,
    kwargs: minijinja::value::Kwargs,
) -> Result<String, minijinja::Error> {
    let lang = state.lookup("lang");
    let lang = lang
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or(crate::i18n::FALLBACK);
    let messages = state.lookup("i18n");
    let Some(messages) = messages
        .as_ref()
        .and_then(|m| m.downcast_object_ref::<crate::i18n::Messages>())
    else {
        return Ok(id.to_owned());
    };
    let args = crate::i18n::args_of(&kwargs)?;
    Ok(messages.text(lang, id, Some(&args)))
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `{{ ms | datetime }}`: unix milliseconds as the page's language writes a date and time, in
/// the page's time zone (`2026-12-02 17:35 UTC`, `02.12.2026, 18:35 CET`); empty for none.
fn datetime(state: &minijinja::State, value: Option<i64>) -> String {
    let Some(ms) = value else {
        return String::new();
    };
    let lookup = |name| {
        state
            .lookup(name)
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    let lang = lookup("lang").unwrap_or_else(|| crate::i18n::FALLBACK.to_owned());
    let zone = lookup("time_zone").unwrap_or_else(|| "UTC".to_owned());
    crate::i18n::datetime(&lang, &zone, ms)
}

/// The signed-in user as the header shows them.
#[derive(Debug, Clone, Serialize)]
pub struct NavUser {
    pub name: String,
    pub email: String,
    /// Two-step verification could not be carried over by the WHMCS import: every page asks the
    /// user to set it up again until they do.
    pub reenrol: bool,
    /// In a support sign-in: the staff member, and the time of day it ends (every page says so).
    pub support: Option<NavSupport>,
}

/// A support sign-in as the banner shows it.
#[derive(Debug, Clone, Serialize)]
pub struct NavSupport {
    pub staff: String,
    pub until: String,
}

/// The signed-in staff member as the admin area's header shows them.
#[derive(Debug, Clone, Serialize)]
pub struct NavStaff {
    pub email: String,
    pub role: String,
    /// Whether they may change things (an administrator): pages show changing controls only then.
    pub may_change: bool,
    /// Whether they may sign in as a user ("Sign in as this user").
    pub may_sign_in_as: bool,
}

/// What every page shows besides its own content: the provider's branding, who is signed in, and
/// the token its forms carry. Built from the request; never refuses.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub csrf: String,
    pub user: Option<NavUser>,
    pub auth: Option<Authenticated>,
    /// On the admin area's pages: the staff member (`user` and `auth` are then always none).
    pub staff: Option<NavStaff>,
    /// Whether this is a page of the admin area (its layout, its messages).
    pub admin_area: bool,
    /// The language the page is in (`i18n::choose`).
    pub lang: &'static str,
    /// The time zone the page shows times in: the user's, else `ui.time_zone`.
    pub time_zone: String,
    /// The page's path (the language picker comes back to it).
    pub path: String,
    state: AppState,
}

impl FromRequestParts<AppState> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Pages read the session from the cookie only (a bearer token is for the API).
        let auth = match cookie_value(&parts.headers, SESSION_COOKIE, &state.settings) {
            Some(token) => crate::sessions::authenticate(state, &token).await.ok(),
            None => None,
        };
        Ok(Self::for_session(parts, state, auth).await)
    }
}

impl Chrome {
    /// The chrome of a request whose session is already known (`None`: signed out).
    pub async fn for_session(
        parts: &mut Parts,
        state: &AppState,
        auth: Option<Authenticated>,
    ) -> Self {
        let Ok(CsrfToken(csrf)) = CsrfToken::from_request_parts(parts, state).await;
        let found = match &auth {
            Some(auth) => crate::users::service::get(state, &auth.user_id).await.ok(),
            None => None,
        };
        let lang = crate::i18n::choose(
            &state.messages,
            found.as_ref().map(|u| u.language.as_str()),
            cookie_value(
                &parts.headers,
                crate::i18n::LANGUAGE_COOKIE,
                &state.settings,
            )
            .as_deref(),
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
            &state.settings.ui.default_language,
        );
        let time_zone = found
            .as_ref()
            .map(|u| u.time_zone.clone())
            .filter(|tz| !tz.is_empty())
            .unwrap_or_else(|| state.settings.ui.time_zone.clone());
        let support = auth.as_ref().and_then(|a| {
            a.support.as_ref().map(|by| NavSupport {
                staff: by.email.clone(),
                until: crate::i18n::time_of_day(&time_zone, a.expires_at),
            })
        });
        let user = found.map(|u| NavUser {
            name: format!("{} {}", u.first_name, u.last_name),
            email: u.email,
            reenrol: u.totp_reenrol_required,
            support,
        });
        Self {
            csrf,
            user,
            auth,
            staff: None,
            admin_area: false,
            lang,
            time_zone,
            path: parts.uri.path().to_owned(),
            state: state.clone(),
        }
    }
}

impl Chrome {
    /// The chrome of a page answered before the request was understood (no user, no form token).
    pub fn anonymous(state: &AppState) -> Self {
        Self {
            csrf: String::new(),
            user: None,
            auth: None,
            staff: None,
            admin_area: false,
            lang: crate::i18n::from_profile(&state.settings.ui.default_language)
                .unwrap_or(crate::i18n::FALLBACK),
            time_zone: state.settings.ui.time_zone.clone(),
            path: "/".to_owned(),
            state: state.clone(),
        }
    }

    /// The permission catalog with the titles of the page's language (what permission boxes list).
    pub fn permission_catalog(&self) -> Vec<crate::permissions::PermissionInfo> {
        self.state
            .catalog
            .localized(self.lang, &self.state.messages)
    }

    /// The titles of `keys` in the page's language.
    pub fn permission_titles(&self, keys: &[String]) -> Vec<String> {
        self.state
            .catalog
            .titles(keys, self.lang, &self.state.messages)
    }

    /// Message `id` in the page's language (words a handler puts on a page). A value that is a
    /// whole number is given as a number, so plurals follow it.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.state.messages.text_with(self.lang, id, args)
    }

    /// Renders page `name` with `values` (and the layout's own), answered with `status`.
    pub fn render(&self, status: StatusCode, name: &str, values: Value) -> Response {
        let ui = &self.state.settings.ui;
        let all = context! {
            ui => context! { product_name => ui.product_name.trim(), logo_url => ui.logo_url.clone() },
            me => minijinja::value::Serde(&self.user),
            staff => minijinja::value::Serde(&self.staff),
            csrf => self.csrf.clone(),
            lang => self.lang,
            time_zone => self.time_zone.clone(),
            path => self.path.clone(),
            i18n => Value::from_dyn_object(self.state.messages.clone()),
            languages => crate::i18n::SHIPPED.iter().map(|&(tag, name)| context! { tag, name }).collect::<Vec<_>>(),
            ..values
        };
        let rendered = environment().get_template(name).and_then(|t| t.render(all));
        let response = match rendered {
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
        with_page_headers(response, self.state.settings.ui.logo_origin().as_deref())
    }

    /// A page with a heading and one message (an error's when `status` is 4xx).
    pub fn message(&self, status: StatusCode, heading: &str, message: &str) -> Response {
        let template = if self.admin_area {
            "admin/message.html"
        } else {
            "message.html"
        };
        self.render(
            status,
            template,
            context! { heading, message, error => status.is_client_error() },
        )
    }

    /// A page with a heading and one message, both messages of the page's language by their ids
    /// (`args` fill either).
    pub fn say(
        &self,
        status: StatusCode,
        heading: &str,
        text: &str,
        args: &[(&str, &str)],
    ) -> Response {
        self.message(status, &self.text(heading, args), &self.text(text, args))
    }

    /// The page for a server fault: a generic message; the cause goes to the log.
    pub fn failed(&self, error: Error) -> Response {
        tracing::error!(error = %error, "page request failed");
        self.say(
            StatusCode::INTERNAL_SERVER_ERROR,
            "page-failed",
            "page-failed-text",
            &[],
        )
    }

    /// 404: nothing here, or nothing this user may see (the two look the same).
    pub fn not_found(&self) -> Response {
        self.say(
            StatusCode::NOT_FOUND,
            "page-not-found",
            "page-not-found-text",
            &[],
        )
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }
}

/// The token a page puts in its forms, as the layer found or made it for this request.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CsrfToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // The layer always inserts one; an empty token (no layer) never matches a form.
        Ok(parts
            .extensions
            .get::<CsrfToken>()
            .cloned()
            .unwrap_or(CsrfToken(String::new())))
    }
}

/// Whether a path is the admin area's (its pages bind their forms to the staff session).
pub fn is_admin_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_compiles() {
        for (name, _) in TEMPLATES {
            assert!(environment().get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn times_show_in_the_pages_language_and_zone_to_the_minute() {
        let env = environment();
        let render = |lang: &str, zone: &str, at: Option<i64>| {
            env.render_str(
                "{{ at|datetime }}",
                context! { lang => lang, time_zone => zone, at => at },
            )
            .unwrap()
        };
        assert_eq!(
            render("en", "UTC", Some(1_796_233_500_000)),
            "2026-12-02 17:45 UTC"
        );
        assert_eq!(
            render("de", "Europe/Berlin", Some(1_796_233_500_000)),
            "02.12.2026, 18:45 CET"
        );
        assert_eq!(render("en", "UTC", None), "");
    }
}
