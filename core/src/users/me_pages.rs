//! `/me`, the signed-in user's own page: profile (names, language), email change (re-verified),
//! password change (asks for the current one; ends the user's other sessions), two-factor
//! authentication (enrol with a QR code and the secret as text, confirm with a code, backup codes
//! shown once with a download, regenerate, turn off with the password or a code) and the active
//! sessions with revoke, and the apps with access (Sign in with Roster) with withdraw. The same
//! domain functions as `PATCH /api/v1/me`, `/api/v1/me/totp` and `/api/v1/me/apps`.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::context;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::ProfileFields;
use super::profile::{self, SelfUpdate};
use super::views::{Outcome, after, current_password_named, show};
use crate::error::Error;
use crate::http::auth::ClientIp;
use crate::http::forms::{given, see_other};
use crate::http::page_access::SignedIn;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me_page))
        .route("/me/profile", post(profile))
        .route("/me/email", post(email))
        .route("/me/password", post(password))
        .route("/me/password/drop", post(drop_password))
        .route("/me/sessions/{session_id}/revoke", post(revoke))
        .route("/me/apps/{client_id}/withdraw", post(withdraw_app))
        .route("/me/support/allow", post(allow_support))
        .route("/me/support/withdraw", post(withdraw_support))
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message `/me` shows after form `key` succeeded.
fn done_notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "profile" => "me-done-profile",
        "email" => "me-done-email",
        "password" => "me-done-password",
        "password-dropped" => "me-done-password-dropped",
        "totp-off" => "me-done-totp-off",
        "passkey-added" => "me-done-passkey-added",
        "passkey-renamed" => "me-done-passkey-renamed",
        "passkey-removed" => "me-done-passkey-removed",
        "revoked" => "me-done-revoked",
        "withdrawn" => "me-done-withdrawn",
        "support-allowed" => "me-done-support-allowed",
        "support-withdrawn" => "me-done-support-withdrawn",
        _ => return None,
    })
}

async fn me_page(
    State(state): State<AppState>,
    page: SignedIn,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = q
        .done
        .as_deref()
        .and_then(done_notice)
        .map(|id| page.chrome.text(id, &[]));
    show(&state, &page, Outcome::default(), notice.as_deref()).await
}

#[derive(Deserialize)]
struct ProfileForm {
    first_name: String,
    last_name: String,
    language: String,
    #[serde(default)]
    time_zone: String,
}

async fn profile(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<ProfileForm>,
) -> Response {
    let typed = context! {
        first_name => form.first_name.clone(), last_name => form.last_name.clone(),
        language => form.language.clone(), time_zone => form.time_zone.clone(),
    };
    let update = SelfUpdate {
        profile: ProfileFields {
            first_name: Some(form.first_name),
            last_name: Some(form.last_name),
            language: Some(form.language.trim().to_owned()),
            time_zone: Some(form.time_zone),
        },
        ..SelfUpdate::default()
    };
    let result = update_self(&state, &page, &ip, update).await;
    let fields = ["first_name", "last_name", "language", "time_zone"];
    after(
        &state,
        &page,
        "profile",
        &fields,
        result,
        "profile",
        Some(typed),
    )
    .await
}

async fn update_self(
    state: &AppState,
    page: &SignedIn,
    ip: &ClientIp,
    update: SelfUpdate,
) -> Result<super::User, Error> {
    let auth = &page.user.0;
    let ctx = page.user.context(ip);
    profile::update_self(state, &ctx, &auth.user_id, &auth.session_id, update).await
}

#[derive(Deserialize)]
struct EmailForm {
    email: String,
    current_password: Option<SecretString>,
}

async fn email(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<EmailForm>,
) -> Response {
    let update = SelfUpdate {
        email: Some(form.email.clone()),
        current_password: given(form.current_password.as_ref()).cloned(),
        ..SelfUpdate::default()
    };
    let result = update_self(&state, &page, &ip, update).await;
    let result = current_password_named(result);
    let fields = ["email", "current_password"];
    let typed = context! { new_email => form.email };
    after(
        &state,
        &page,
        "email",
        &fields,
        result,
        "email",
        Some(typed),
    )
    .await
}

#[derive(Deserialize)]
struct PasswordForm {
    current_password: Option<SecretString>,
    password: SecretString,
    password_confirm: SecretString,
}

async fn password(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<PasswordForm>,
) -> Response {
    let fields = ["current_password", "password", "password_confirm"];
    let result = if form.password.expose_secret() != form.password_confirm.expose_secret() {
        Err(Error::Validation(
            "password_confirm differs from the new password".to_owned(),
        ))
    } else {
        let update = SelfUpdate {
            password: Some(form.password),
            current_password: given(form.current_password.as_ref()).cloned(),
            ..SelfUpdate::default()
        };
        current_password_named(update_self(&state, &page, &ip, update).await)
    };
    after(&state, &page, "password", &fields, result, "password", None).await
}

#[derive(Deserialize)]
struct DropForm {
    current_password: Option<SecretString>,
}

async fn drop_password(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Form(form): Form<DropForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let password = given(form.current_password.as_ref());
    let result = super::proof::drop_password(&state, &ctx, &page.user.0, password).await;
    let result = result.map_err(|e| match e {
        Error::InvalidCredentials => {
            Error::Validation("that is not your current password: it is still there".to_owned())
        }
        e => e,
    });
    after(
        &state,
        &page,
        "password",
        &[],
        result,
        "password-dropped",
        None,
    )
    .await
}

async fn revoke(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Path(session_id): Path<String>,
) -> Response {
    let ctx = page.user.context(&ip);
    let user = &page.user.0;
    let result = crate::sessions::revoke(&state, &ctx, &user.user_id, &session_id).await;
    if result.is_ok() && session_id == user.session_id {
        return see_other("/login");
    }
    after(&state, &page, "sessions", &[], result, "revoked", None).await
}

async fn withdraw_app(
    State(state): State<AppState>,
    page: SignedIn,
    ip: ClientIp,
    Path(client_id): Path<String>,
) -> Response {
    let ctx = page.user.context(&ip);
    let result =
        crate::oauth::consents::withdraw(&state, &ctx, &page.user.0.user_id, &client_id).await;
    after(&state, &page, "apps", &[], result, "withdrawn", None).await
}

/// "Allow for a day" (`support.login_as = "with_consent"`): support may sign in as the user.
async fn allow_support(State(state): State<AppState>, page: SignedIn, ip: ClientIp) -> Response {
    let ctx = page.user.context(&ip);
    let result = crate::sessions::support::allow(&state, &ctx, &page.user.0.user_id).await;
    after(
        &state,
        &page,
        "support",
        &[],
        result,
        "support-allowed",
        None,
    )
    .await
}

/// Withdraws the allowance.
async fn withdraw_support(State(state): State<AppState>, page: SignedIn, ip: ClientIp) -> Response {
    let ctx = page.user.context(&ip);
    let result = crate::sessions::support::withdraw(&state, &ctx, &page.user.0.user_id).await;
    after(
        &state,
        &page,
        "support",
        &[],
        result,
        "support-withdrawn",
        None,
    )
    .await
}
