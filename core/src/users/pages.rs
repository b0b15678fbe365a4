//! Pages of a user's way in: `/signup`, `/forgot-password`, and the pages behind the emailed links
//! (`/verify-email/{token}`, `/reset-password/{token}`). Opening a link changes nothing (mail
//! scanners open links); the button on the page does.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use minijinja::context;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::service::NewUser;
use super::{links, reset, second_factor};
use crate::accounts::AccountProfile;
use crate::accounts::service::{SignedUp, sign_up};
use crate::error::Error;
use crate::http::auth::{ClientIp, UserAgent, anonymous, session_cookie, set_cookie};
use crate::http::forms::{explain, field_errors, local_next, see_other};
use crate::http::pages::Chrome;
use crate::i18n::LANGUAGE_COOKIE;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup_page).post(signup))
        .route("/forgot-password", get(forgot_page).post(forgot))
        .route("/verify-email/{token}", get(verify_page).post(verify))
        .route("/reset-password/{token}", get(reset_page).post(reset))
        .route("/language/{tag}", get(language))
}

#[derive(Deserialize)]
struct LanguageQuery {
    next: Option<String>,
}

/// The public pages' language picker: remembers the choice for a year in a cookie (a signed-in
/// person's own language still comes first) and goes back to the page. An unknown tag changes
/// nothing.
async fn language(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(query): Query<LanguageQuery>,
) -> Response {
    let mut response = see_other(&local_next(query.next.as_deref()));
    let year = 365 * 24 * 3600;
    if let Some(tag) = crate::i18n::from_profile(&tag)
        && let Some(cookie) = set_cookie(LANGUAGE_COOKIE, tag, Some(year), &state.settings)
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// What the sign-up form keeps when it comes back with an error (never the password).
#[derive(Debug, Default, Deserialize, Serialize)]
struct SignupForm {
    first_name: String,
    last_name: String,
    email: String,
    #[serde(skip_serializing)]
    password: Option<SecretString>,
    #[serde(default)]
    company_name: String,
}

async fn signup_page(chrome: Chrome) -> Response {
    if chrome.auth.is_some() {
        return see_other("/accounts");
    }
    show_signup(&chrome, StatusCode::OK, &SignupForm::default(), None, None)
}

fn show_signup(
    chrome: &Chrome,
    status: StatusCode,
    form: &SignupForm,
    errors: Option<std::collections::BTreeMap<String, String>>,
    error: Option<String>,
) -> Response {
    chrome.render(
        status,
        "signup.html",
        context! {
            form => minijinja::value::Serde(form), error, errors => errors.unwrap_or_default(),
            min_length => chrome.state().settings.auth.password.min_length,
        },
    )
}

async fn signup(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user_agent: UserAgent,
    Form(mut form): Form<SignupForm>,
) -> Response {
    let company = form.company_name.trim();
    let profile = AccountProfile {
        company_name: (!company.is_empty()).then(|| company.to_owned()),
        ..AccountProfile::default()
    };
    let new = NewUser {
        email: form.email.clone(),
        password: Some(
            form.password
                .take()
                .unwrap_or_else(|| SecretString::from("")),
        ),
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        // The language the sign-up page was in.
        language: Some(chrome.lang.to_owned()),
    };
    match sign_up(&state, &anonymous(&ip), user_agent.0, new, Some(profile)).await {
        Ok(SignedUp::SignedIn { token, .. }) => {
            let mut response = see_other("/accounts");
            match session_cookie(&token, &state.settings) {
                Ok(cookie) => {
                    response.headers_mut().append(header::SET_COOKIE, cookie);
                }
                Err(e) => return chrome.failed(e),
            }
            response
        }
        Ok(SignedUp::CheckMailbox) => {
            chrome.say(StatusCode::ACCEPTED, "mailbox-heading", "mailbox-text", &[])
        }
        Err(e) => {
            let fields = [
                "first_name",
                "last_name",
                "email",
                "password",
                "company_name",
            ];
            match field_errors(&chrome, e, &fields) {
                Ok((status, errors, error)) => {
                    show_signup(&chrome, status, &form, Some(errors), error)
                }
                Err(e) => chrome.failed(e),
            }
        }
    }
}

async fn forgot_page(chrome: Chrome) -> Response {
    chrome.render(
        StatusCode::OK,
        "forgot-password.html",
        context! { sent => false, email => "" },
    )
}

#[derive(Deserialize)]
struct ForgotForm {
    email: String,
}

/// The same answer whether or not the address has a login (the mail goes out in the background).
async fn forgot(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<ForgotForm>,
) -> Response {
    links::request_password_reset(&state, &form.email);
    chrome.render(
        StatusCode::OK,
        "forgot-password.html",
        context! { sent => true },
    )
}

async fn verify_page(chrome: Chrome) -> Response {
    chrome.render(StatusCode::OK, "verify-email.html", context! {})
}

async fn verify(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    Path(token): Path<String>,
) -> Response {
    match links::verify_email(&state, &anonymous(&ip), &token).await {
        Ok(_) => chrome.render(
            StatusCode::OK,
            "message.html",
            context! {
                heading => chrome.text("verified-heading", &[]),
                message => chrome.text("verified-text", &[]),
                next_link => context! {
                    href => if chrome.auth.is_some() { "/accounts" } else { "/login" },
                    text => chrome.text(if chrome.auth.is_some() { "verified-to-accounts" } else { "verified-sign-in" }, &[]),
                },
            },
        ),
        Err(Error::InvalidToken) => {
            invalid_link(&chrome)
        }
        Err(e) => chrome.failed(e),
    }
}

/// An emailed link that is not (or no longer) valid.
fn invalid_link(chrome: &Chrome) -> Response {
    chrome.say(
        StatusCode::BAD_REQUEST,
        "link-invalid",
        "link-invalid-text",
        &[],
    )
}

async fn reset_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Response {
    match reset::password_reset_info(&state, &token).await {
        Ok(info) => reset_form(&chrome, StatusCode::OK, &info, None),
        Err(Error::InvalidToken) => invalid_link(&chrome),
        Err(e) => chrome.failed(e),
    }
}

fn reset_form(
    chrome: &Chrome,
    status: StatusCode,
    info: &reset::ResetInfo,
    error: Option<String>,
) -> Response {
    chrome.render(
        status,
        "reset-password.html",
        context! {
            security_question => info.security_question.clone(),
            second_factor => info.second_factor_required,
            error => error,
            min_length => chrome.state().settings.auth.password.min_length,
        },
    )
}

#[derive(Deserialize)]
struct ResetForm {
    password: SecretString,
    password_confirm: SecretString,
    security_answer: Option<SecretString>,
    code: Option<String>,
}

async fn reset(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> Response {
    let info = match reset::password_reset_info(&state, &token).await {
        Ok(info) => info,
        Err(Error::InvalidToken) => {
            return invalid_link(&chrome);
        }
        Err(e) => return chrome.failed(e),
    };
    if form.password.expose_secret() != form.password_confirm.expose_secret() {
        let error = Some(chrome.text("reset-passwords-differ", &[]));
        return reset_form(&chrome, StatusCode::UNPROCESSABLE_ENTITY, &info, error);
    }
    let answer = form
        .security_answer
        .filter(|a| !a.expose_secret().is_empty());
    let code = match form.code.as_deref().map(str::trim) {
        Some(typed) if !typed.is_empty() => {
            let (totp_code, backup_code) = second_factor::split_code(typed);
            reset::ResetCode {
                totp_code,
                backup_code,
            }
        }
        _ => reset::ResetCode::default(),
    };
    match reset::confirm_password_reset(
        &state,
        &anonymous(&ip),
        &token,
        &form.password,
        answer.as_ref(),
        code,
    )
    .await
    {
        Ok(()) => chrome.render(
            StatusCode::OK,
            "message.html",
            context! {
                heading => chrome.text("reset-done-heading", &[]),
                message => chrome.text("reset-done-text", &[]),
                next_link => context! { href => "/login", text => chrome.text("verified-sign-in", &[]) },
            },
        ),
        Err(Error::InvalidToken) => invalid_link(&chrome),
        Err(e) => match explain(&chrome, e) {
            Ok((_, text)) => reset_form(&chrome, StatusCode::UNPROCESSABLE_ENTITY, &info, Some(text)),
            Err(e) => chrome.failed(e),
        },
    }
}
