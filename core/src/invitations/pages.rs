//! The invitee's page behind the emailed link, `/invite/{token}`: the invitation, with login and
//! sign-up side by side; a user signed in as someone else can accept as themself or sign out and
//! continue. Opening the link changes nothing; the buttons do. Every form is checked by the pages'
//! CSRF layer (`http::csrf`) before it gets here. An unknown token is a 404 page, a used one a 410
//! page, and only a successful accept sets a session cookie.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use secrecy::SecretString;
use serde::Deserialize;

use super::{Acceptor, InvitationPreview};
use crate::error::Error;
use crate::http::auth::{
    ClientIp, CurrentUser, DeviceCookie, UserAgent, clear_session_cookie, device_cookie,
    session_cookie,
};
use crate::http::forms::{see_other, sentence};
use crate::http::pages::Chrome;
use crate::sessions::{self, Login};
use crate::state::AppState;
use crate::users::service::NewUser;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/invite/{token}", get(page))
        .route("/invite/{token}/accept", post(accept_signed_in))
        .route("/invite/{token}/login", post(login_and_accept))
        .route("/invite/{token}/signup", post(signup_and_accept))
        .route("/invite/{token}/signout", post(sign_out))
}

async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    user: Option<CurrentUser>,
    Path(token): Path<String>,
) -> Response {
    match usable(&state, &chrome, &token).await {
        Ok(invitation) => show(&state, &chrome, &token, &invitation, user.as_ref(), None).await,
        Err(page) => page,
    }
}

/// The invitation behind `token` while it can still be accepted; otherwise the page that says why
/// not (404 for an unknown token, 410 for a used, cancelled or expired one).
async fn usable(
    state: &AppState,
    chrome: &Chrome,
    token: &str,
) -> Result<InvitationPreview, Response> {
    match super::service::preview(state, token).await {
        Ok(invitation) if invitation.state == super::State::Pending => Ok(invitation),
        Ok(invitation) => Err(gone(chrome, &invitation)),
        Err(Error::NotFound(_)) => Err(unknown(chrome)),
        Err(e) => Err(chrome.failed(e)),
    }
}

fn unknown(chrome: &Chrome) -> Response {
    chrome.say(
        StatusCode::NOT_FOUND,
        "invitation-unknown",
        "invitation-unknown-text",
        &[],
    )
}

/// The invitation page, with `error` when an attempt failed (then 422).
async fn show(
    state: &AppState,
    chrome: &Chrome,
    token: &str,
    invitation: &InvitationPreview,
    user: Option<&CurrentUser>,
    error: Option<String>,
) -> Response {
    let signed_in_as = match user {
        Some(user) => crate::users::service::get(state, &user.0.user_id)
            .await
            .ok()
            .map(|u| u.email),
        None => None,
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    chrome.render(
        status,
        "invite.html",
        minijinja::context! {
            invitation => minijinja::value::Serde(invitation),
            token => token,
            signed_in_as => signed_in_as,
            error => error,
            expires_at => invitation.expires_at,
            min_length => state.settings.auth.password.min_length,
        },
    )
}

fn gone(chrome: &Chrome, invitation: &InvitationPreview) -> Response {
    let text = match invitation.state {
        super::State::Accepted => "invitation-gone-accepted",
        super::State::Cancelled => "invitation-gone-cancelled",
        super::State::Pending | super::State::Expired => "invitation-gone-expired",
    };
    chrome.say(StatusCode::GONE, "invitation-gone", text, &[])
}

/// The page after an accept attempt: done, or why not. A failed login or sign-up comes back to the
/// invitation page with the reason.
async fn accepted(
    state: &AppState,
    chrome: &Chrome,
    token: &str,
    invitation: &InvitationPreview,
    user: Option<&CurrentUser>,
    result: Result<super::Accepted, Error>,
) -> Response {
    match result {
        Ok(done) => see_other(&joined(&done.account_id)),
        Err(Error::AlreadyMember) => chrome.say(
            StatusCode::CONFLICT,
            "invitation-member",
            "invitation-member-text",
            &[],
        ),
        Err(Error::NotFound("invitation")) => unknown(chrome),
        Err(
            e @ (Error::InvitationUsed | Error::InvitationCancelled | Error::InvitationExpired),
        ) => chrome.message(
            StatusCode::GONE,
            &chrome.text("invitation-gone", &[]),
            &sentence(chrome, &e),
        ),
        Err(e @ (Error::VetoedByPlugin { .. } | Error::RateLimited { .. })) => {
            show(
                state,
                chrome,
                token,
                invitation,
                user,
                Some(sentence(chrome, &e)),
            )
            .await
        }
        Err(
            e @ (Error::EmailTaken
            | Error::WeakPassword(_)
            | Error::Validation(_)
            | Error::Unauthenticated),
        ) => {
            let text = match e {
                Error::EmailTaken => chrome.text("invite-email-taken", &[]),
                Error::Unauthenticated => chrome.text("invite-session-ended", &[]),
                other => sentence(chrome, &other),
            };
            show(state, chrome, token, invitation, user, Some(text)).await
        }
        Err(e) => chrome.failed(e),
    }
}

async fn accept_signed_in(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user: Option<CurrentUser>,
    Path(token): Path<String>,
) -> Response {
    let invitation = match usable(&state, &chrome, &token).await {
        Ok(invitation) => invitation,
        Err(page) => return page,
    };
    let result = match &user {
        Some(user) => super::accept(&state, ip.0, &token, Acceptor::Session(user.0.clone())).await,
        None => Err(Error::Unauthenticated),
    };
    accepted(&state, &chrome, &token, &invitation, user.as_ref(), result).await
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: SecretString,
    totp_code: Option<String>,
}

/// Logs in and accepts. The session is kept (and its cookie set) only when the accept succeeds;
/// otherwise it is ended at once, so a failed answer never leaves the browser signed in.
async fn login_and_accept(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user_agent: UserAgent,
    DeviceCookie(device): DeviceCookie,
    Path(token): Path<String>,
    Form(form): Form<LoginForm>,
) -> Response {
    let invitation = match usable(&state, &chrome, &token).await {
        Ok(invitation) => invitation,
        Err(page) => return page,
    };
    let code = form.totp_code.filter(|c| !c.trim().is_empty());
    let login = sessions::login(
        &state,
        Login {
            email: form.email,
            password: form.password,
            totp_code: code.clone(),
            backup_code: None,
            // The one code field serves a user who must prove the mailbox too.
            email_code: code,
            ip: ip.0.clone(),
            user_agent: user_agent.0,
            device,
        },
    )
    .await;
    let (session, user, new_device) = match login {
        Ok(done) => (done.token, done.user, done.device),
        Err(
            e @ (Error::InvalidCredentials
            | Error::SecondFactorRequired
            | Error::EmailCodeRequired
            | Error::InvalidSecondFactor
            | Error::EmailNotVerified
            | Error::VetoedByPlugin { .. }
            | Error::RateLimited { .. }),
        ) => {
            let text = match e {
                Error::SecondFactorRequired => chrome.text("invite-code-needed", &[]),
                Error::EmailCodeRequired => chrome.text("invite-code-mailed", &[]),
                other => sentence(&chrome, &other),
            };
            return show(&state, &chrome, &token, &invitation, None, Some(text)).await;
        }
        Err(e) => return chrome.failed(e),
    };
    let result = super::accept(
        &state,
        ip.0.clone(),
        &token,
        Acceptor::User(user.id.clone()),
    )
    .await;
    let succeeded = result.is_ok();
    let mut page = accepted(&state, &chrome, &token, &invitation, None, result).await;
    // The password was right: this browser is the login's, whatever the invitation said.
    if let Some(device) = device_cookie(
        crate::http::auth::DEVICE_COOKIE,
        "/",
        new_device.as_deref(),
        &state.settings,
    ) {
        page.headers_mut().append(header::SET_COOKIE, device);
    }
    if succeeded {
        return with_session(&state, &session, page);
    }
    if let Err(e) = end_session(&state, &ip, &session).await {
        return chrome.failed(e);
    }
    page
}

/// Ends the session a failed page flow started.
async fn end_session(state: &AppState, ip: &ClientIp, token: &str) -> Result<(), Error> {
    let auth = sessions::authenticate(state, token).await?;
    let user = CurrentUser(auth);
    sessions::log_out(state, &user.context(ip), &user.0).await
}

#[derive(Deserialize)]
struct SignupForm {
    first_name: String,
    last_name: String,
    email: String,
    password: SecretString,
}

async fn signup_and_accept(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user_agent: UserAgent,
    Path(token): Path<String>,
    Form(form): Form<SignupForm>,
) -> Response {
    let invitation = match usable(&state, &chrome, &token).await {
        Ok(invitation) => invitation,
        Err(page) => return page,
    };
    let new = NewUser {
        email: form.email,
        password: Some(form.password),
        first_name: form.first_name,
        last_name: form.last_name,
        // The language the sign-up page was in.
        language: Some(chrome.lang.to_owned()),
    };
    let result = match super::accept_by_signup(&state, ip.0.clone(), &token, new).await {
        Ok(super::SignedUp::CheckMailbox) => {
            return chrome.say(
                StatusCode::OK,
                "mailbox-heading",
                "mailbox-invite-text",
                &[],
            );
        }
        Ok(super::SignedUp::Accepted(done)) => Ok(*done),
        Err(e) => Err(e),
    };
    let Ok(done) = &result else {
        return accepted(&state, &chrome, &token, &invitation, None, result).await;
    };
    // A session only where the domain allows one (not before a required verification).
    match sessions::start(
        &state,
        &done.user.id,
        ip.0,
        user_agent.0,
        sessions::Via::SignUp,
    )
    .await
    {
        Ok(session) => with_session(&state, &session, see_other(&joined(&done.account_id))),
        Err(Error::EmailNotVerified) => chrome.say(
            StatusCode::OK,
            "invitation-accepted",
            "invitation-accepted-verify",
            &[
                ("account", &invitation.account_name),
                ("email", &done.user.email),
            ],
        ),
        Err(e) => chrome.failed(e),
    }
}

async fn sign_out(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    user: Option<CurrentUser>,
    Path(token): Path<String>,
) -> Response {
    if let Some(user) = user {
        let ctx = user.context(&ip);
        if let Err(e) = sessions::log_out(&state, &ctx, &user.0).await {
            return chrome.failed(e);
        }
    }
    (
        [(header::SET_COOKIE, clear_session_cookie(&state.settings))],
        Redirect::to(&format!("/invite/{token}")),
    )
        .into_response()
}

/// The switcher, saying which account was just joined.
fn joined(account_id: &str) -> String {
    format!(
        "/accounts?joined={}",
        crate::http::forms::encode(account_id)
    )
}

/// Adds the session cookie to a page.
fn with_session(state: &AppState, token: &str, mut page: Response) -> Response {
    if let Ok(cookie) = session_cookie(token, &state.settings) {
        page.headers_mut().append(header::SET_COOKIE, cookie);
    }
    page
}
