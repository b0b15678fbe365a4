//! Staff sign-in (`/admin/login`: the password, then `/admin/login/code`: a TOTP code), signing
//! out, and the setup link (`/admin/setup/{token}`: a password and TOTP enrolment). The domain
//! steps are `staff::sign_in` and `staff::setup`; the cookies live under `/admin` only.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use secrecy::SecretString;
use serde::Deserialize;

use super::{AdminChrome, StaffPage, admin_next};
use crate::error::Error;
use crate::http::auth::{ClientIp, UserAgent, cookie_value, device_cookie, set_cookie_at};
use crate::http::forms::{encode, explain, field_errors, see_other};
use crate::http::pages::Chrome;
use crate::staff::{self, sessions};
use crate::state::AppState;

/// The cookie that holds a sign-in's challenge between its two steps.
const CHALLENGE_COOKIE: &str = "roster_staff_login";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/login", get(login_page).post(login))
        .route("/admin/login/code", get(code_page).post(code))
        .route("/admin/logout", post(logout))
        .route("/admin/setup/{token}", get(setup_page).post(setup))
}

async fn home(_page: StaffPage) -> Response {
    see_other("/admin/clients")
}

#[derive(Debug, Default, Deserialize)]
struct NextQuery {
    next: Option<String>,
    done: Option<String>,
}

async fn login_page(AdminChrome(chrome): AdminChrome, Query(q): Query<NextQuery>) -> Response {
    let next = admin_next(q.next.as_deref());
    let notice = match q.done.as_deref() {
        Some("setup") => Some("Your password and authenticator are set up: sign in."),
        Some("out") => Some("You are signed out."),
        _ => None,
    };
    show_login(&chrome, StatusCode::OK, &next, "", None, notice)
}

fn show_login(
    chrome: &Chrome,
    status: StatusCode,
    next: &str,
    email: &str,
    error: Option<String>,
    notice: Option<&str>,
) -> Response {
    chrome.render(
        status,
        "admin/login.html",
        context! { next, email, error, notice },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: SecretString,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    ip: ClientIp,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = admin_next(form.next.as_deref());
    let device = cookie_value(
        &headers,
        crate::http::auth::STAFF_DEVICE_COOKIE,
        &state.settings,
    );
    let step = staff::sign_in::first_step(
        &state,
        &form.email,
        &form.password,
        ip.0.as_deref(),
        device.as_deref(),
    );
    match step.await {
        Ok(challenge) => {
            let lifetime = staff::sign_in::CHALLENGE_LIFETIME.as_secs();
            let mut response = see_other(&format!("/admin/login/code?next={}", encode(&next)));
            if let Some(cookie) = set_cookie_at(
                "/admin",
                CHALLENGE_COOKIE,
                &challenge,
                Some(lifetime),
                &state.settings,
            ) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(e) => match explain(e) {
            Ok((status, text)) => show_login(&chrome, status, &next, &form.email, Some(text), None),
            Err(e) => chrome.failed(e),
        },
    }
}

async fn code_page(
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Response {
    let next = admin_next(q.next.as_deref());
    if cookie_value(&headers, CHALLENGE_COOKIE, &chrome.state().settings).is_none() {
        return see_other(&format!("/admin/login?next={}", encode(&next)));
    }
    chrome.render(
        StatusCode::OK,
        "admin/login-code.html",
        context! { next, error => None::<String> },
    )
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
    next: Option<String>,
}

async fn code(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    headers: HeaderMap,
    ip: ClientIp,
    user_agent: UserAgent,
    Form(form): Form<CodeForm>,
) -> Response {
    let next = admin_next(form.next.as_deref());
    let Some(challenge) = cookie_value(&headers, CHALLENGE_COOKIE, &state.settings) else {
        return expired(&chrome, &next);
    };
    let device = cookie_value(
        &headers,
        crate::http::auth::STAFF_DEVICE_COOKIE,
        &state.settings,
    );
    let step = staff::sign_in::second_step(
        &state,
        &challenge,
        &form.code,
        ip.0,
        user_agent.0,
        device.as_deref(),
    );
    match step.await {
        Ok((token, new_device)) => {
            let mut response = see_other(&next);
            let lifetime = state.settings.auth.session_absolute.as_secs();
            for cookie in [
                set_cookie_at(
                    "/admin",
                    crate::http::auth::STAFF_SESSION_COOKIE,
                    &token,
                    Some(lifetime),
                    &state.settings,
                ),
                set_cookie_at("/admin", CHALLENGE_COOKIE, "", Some(0), &state.settings),
                device_cookie(
                    crate::http::auth::STAFF_DEVICE_COOKIE,
                    "/admin",
                    new_device.as_deref(),
                    &state.settings,
                ),
            ]
            .into_iter()
            .flatten()
            {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(Error::Unauthenticated) => expired(&chrome, &next),
        Err(e) => match explain(e) {
            Ok((status, text)) => chrome.render(
                status,
                "admin/login-code.html",
                context! { next, error => text },
            ),
            Err(e) => chrome.failed(e),
        },
    }
}

fn expired(chrome: &Chrome, next: &str) -> Response {
    show_login(
        chrome,
        StatusCode::UNAUTHORIZED,
        next,
        "",
        Some("Your sign-in took too long or was already used: sign in again.".to_owned()),
        None,
    )
}

async fn logout(State(state): State<AppState>, page: StaffPage) -> Response {
    if let Err(e) = sessions::end(&state, &page.staff).await {
        return page.chrome.failed(e);
    }
    let gone = set_cookie_at(
        "/admin",
        crate::http::auth::STAFF_SESSION_COOKIE,
        "",
        Some(0),
        &state.settings,
    );
    let mut response = see_other("/admin/login?done=out");
    if let Some(gone) = gone {
        response.headers_mut().append(header::SET_COOKIE, gone);
    }
    response
}

async fn setup_page(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    Path(token): Path<String>,
) -> Response {
    show_setup(&state, &chrome, &token, StatusCode::OK, None).await
}

async fn show_setup(
    state: &AppState,
    chrome: &Chrome,
    token: &str,
    status: StatusCode,
    refusal: Option<(std::collections::BTreeMap<String, String>, Option<String>)>,
) -> Response {
    match staff::setup::preview(state, token).await {
        Ok((member, enrolment)) => {
            let (errors, error) = refusal.unwrap_or_default();
            chrome.render(
                status,
                "admin/setup.html",
                context! {
                    token,
                    member => minijinja::value::Serde(&member),
                    enrolment => minijinja::value::Serde(&enrolment),
                    errors,
                    error,
                },
            )
        }
        Err(Error::InvalidToken) => chrome.message(
            StatusCode::NOT_FOUND,
            "This link does not work",
            "It was already used, or it expired. Ask an administrator for a new one \
             (`roster admin staff link`).",
        ),
        Err(e) => chrome.failed(e),
    }
}

#[derive(Deserialize)]
struct SetupForm {
    password: SecretString,
    code: String,
}

async fn setup(
    State(state): State<AppState>,
    AdminChrome(chrome): AdminChrome,
    ip: ClientIp,
    Path(token): Path<String>,
    Form(form): Form<SetupForm>,
) -> Response {
    match staff::setup::complete(&state, &token, &form.password, &form.code, ip.0).await {
        Ok(_) => see_other("/admin/login?done=setup"),
        Err(Error::InvalidSecondFactor) => {
            let mut errors = std::collections::BTreeMap::new();
            errors.insert(
                "code".to_owned(),
                "The code does not match: check the app's clock and type the code it shows now."
                    .to_owned(),
            );
            let refusal = (errors, Some("Check the fields marked below.".to_owned()));
            show_setup(
                &state,
                &chrome,
                &token,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(refusal),
            )
            .await
        }
        Err(e) => match field_errors(e, &["password", "code"]) {
            Ok((status, errors, error)) => {
                show_setup(&state, &chrome, &token, status, Some((errors, error))).await
            }
            Err(e) => chrome.failed(e),
        },
    }
}
