//! Client-area routes of users: sign-up, the own profile, email verification and password reset
//! (the second factor's are in `second_factor_http`).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ProfileFields;
use super::User;
use super::links;
use super::profile::{self, SelfUpdate};
use super::reset::{self, ResetInfo};
use super::service::{self, NewUser};
use crate::accounts::service::SignedUp;
use crate::accounts::{self, Account, AccountProfile};
use crate::http::auth::{
    ClientIp, CurrentUser, SessionToken, UserAgent, anonymous, session_cookie,
};
use crate::http::input::{ApiJson, ApiPath};
use crate::http::problem::{ApiError, Problem};
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(signup))
        .routes(routes!(get_me, update_me))
        .routes(routes!(verify_email))
        .routes(routes!(resend_verification))
        .routes(routes!(request_password_reset))
        .routes(routes!(password_reset_info))
        .routes(routes!(confirm_password_reset))
}

/// A new user: `language` is a language tag, `ui.default_language` when left out.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SignupRequest {
    #[schema(schema_with = crate::users::fields::email)]
    email: String,
    #[schema(value_type = String, format = Password, min_length = 10, max_length = 256)]
    password: SecretString,
    #[schema(schema_with = crate::users::fields::name)]
    first_name: String,
    #[schema(schema_with = crate::users::fields::name)]
    last_name: String,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
    /// The profile of the account the new user will own (`company_name`, …). Absent: an account
    /// with the defaults (billing email = the user's). `null`: a user without an account.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<AccountProfile>)]
    account: Option<Option<AccountProfile>>,
}

/// Tells an absent field (`None`, by `default`) from an explicit `null` (`Some(None)`).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignupResponse {
    user: User,
    /// The account the user owns, unless sign-up asked for none.
    account: Option<Account>,
    /// A session token (also set as the cookie).
    token: String,
}

/// What sign-up answers when `auth.require_email_verification` is on, whether or not the address
/// already had a login.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignupPending {
    message: &'static str,
}

/// Sign up: a new user, the account they own (unless `"account": null`) and a session, in one go.
/// A verification link is emailed.
///
/// With `auth.require_email_verification` the answer is `202` and the same whether or not the
/// address already has a login (its owner gets an email instead), so sign-up cannot be used to
/// find out who has one. Attempts are rate-limited per client IP.
#[utoipa::path(post, path = "/api/v1/signup", tag = "auth", request_body = SignupRequest,
    responses(
        (status = 201, description = "Signed up and signed in", body = SignupResponse),
        (status = 202, description = "With `auth.require_email_verification`: check the mailbox", body = SignupPending),
        (status = 409, description = "`email_taken` (only without `auth.require_email_verification`)", body = Problem),
        (status = 429, description = "`rate_limited`", body = Problem),
        (status = 422, description = "`validation_failed` or `weak_password`", body = Problem),
    ))]
async fn signup(
    State(state): State<AppState>,
    ip: ClientIp,
    user_agent: UserAgent,
    ApiJson(request): ApiJson<SignupRequest>,
) -> Result<Response, ApiError> {
    let signed_up = accounts::service::sign_up(
        &state,
        &anonymous(&ip),
        user_agent.0,
        NewUser {
            email: request.email,
            password: Some(request.password),
            first_name: request.first_name,
            last_name: request.last_name,
            language: request.language,
        },
        request.account.unwrap_or(Some(AccountProfile::default())),
    )
    .await?;
    match signed_up {
        SignedUp::CheckMailbox => {
            let body = SignupPending {
                message: "Check your mailbox: the next step is in the email we sent.",
            };
            Ok((StatusCode::ACCEPTED, ApiJson(body)).into_response())
        }
        SignedUp::SignedIn {
            user,
            account,
            token,
        } => {
            let cookie = session_cookie(&token, &state.settings)?;
            let body = SignupResponse {
                user: *user,
                account: account.map(|a| *a),
                token,
            };
            Ok((
                StatusCode::CREATED,
                [(header::SET_COOKIE, cookie)],
                ApiJson(body),
            )
                .into_response())
        }
    }
}

/// The signed-in user's profile. Also answers an OpenID Connect access token of the `account`
/// scope (Sign in with Roster), so that an app can read the person it holds a token for.
#[utoipa::path(get, path = "/api/v1/me", tag = "me",
    responses((status = 200, body = User), (status = 401, body = Problem)))]
async fn get_me(
    State(state): State<AppState>,
    SessionToken(token): SessionToken,
) -> Result<ApiJson<User>, ApiError> {
    let (auth, _) = crate::oauth::bearer::bearer(&state, &token, None).await?;
    Ok(ApiJson(service::get(&state, &auth.user_id).await?))
}

/// What the user changes of their own. A new `email`: a link goes to it, and the address changes
/// (verified) when the link is used. The answer is the same whether or not the address already
/// has a login (its owner is told by email instead); the user's `email` stays as it is until then.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateMeRequest {
    #[schema(schema_with = crate::users::fields::name_or_null)]
    first_name: Option<String>,
    #[schema(schema_with = crate::users::fields::name_or_null)]
    last_name: Option<String>,
    #[schema(schema_with = crate::users::fields::language_or_null)]
    language: Option<String>,
    #[schema(schema_with = crate::users::fields::time_zone_or_null)]
    time_zone: Option<String>,
    #[schema(schema_with = crate::users::fields::email_or_null)]
    email: Option<String>,
    /// A new password ends the user's other sessions.
    #[schema(value_type = Option<String>, format = Password, min_length = 10, max_length = 256)]
    password: Option<SecretString>,
    /// Needed to change email, password or security question.
    #[schema(value_type = Option<String>, format = Password)]
    current_password: Option<SecretString>,
    /// Set with `security_answer`; asked for during password reset.
    security_question: Option<String>,
    #[schema(value_type = Option<String>, format = Password)]
    security_answer: Option<SecretString>,
    /// `true` removes the security question.
    #[serde(default)]
    remove_security_question: bool,
}

/// Change the signed-in user's profile, email, password or security question. Each check of
/// `current_password` counts against the user's sign-in limit (`rate_limited` past it); email
/// changes are limited per user.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", request_body = UpdateMeRequest,
    responses(
        (status = 200, body = User),
        (status = 401, description = "`unauthorized`, or `invalid_credentials` for a wrong current password", body = Problem),
        (status = 422, body = Problem),
    ))]
async fn update_me(
    State(state): State<AppState>,
    user: CurrentUser,
    ip: ClientIp,
    ApiJson(request): ApiJson<UpdateMeRequest>,
) -> Result<ApiJson<User>, ApiError> {
    let security_question = match (
        request.remove_security_question,
        request.security_question,
        request.security_answer,
    ) {
        (true, None, None) => Some(None),
        (false, Some(question), Some(answer)) => Some(Some((question, answer))),
        (false, None, None) => None,
        _ => {
            return Err(crate::error::Error::Validation(
                "give security_question with security_answer, or remove_security_question alone"
                    .to_owned(),
            )
            .into());
        }
    };
    let update = SelfUpdate {
        profile: ProfileFields {
            first_name: request.first_name,
            last_name: request.last_name,
            language: request.language,
            time_zone: request.time_zone,
        },
        email: request.email,
        password: request.password,
        current_password: request.current_password,
        security_question,
    };
    let ctx = user.context(&ip);
    Ok(ApiJson(
        profile::update_self(&state, &ctx, &user.0.user_id, &user.0.session_id, update).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// The token from the emailed link.
    token: String,
}

/// Verify the email address with the token from the emailed link.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = User), (status = 400, description = "`invalid_token`", body = Problem)))]
async fn verify_email(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<ApiJson<User>, ApiError> {
    Ok(ApiJson(
        links::verify_email(&state, &anonymous(&ip), &request.token).await?,
    ))
}

/// Send the signed-in user a new verification link (the old one stops working).
#[utoipa::path(post, path = "/api/v1/auth/verify-email/resend", tag = "auth",
    responses((status = 202, description = "Sent, unless already verified"), (status = 401, body = Problem)))]
async fn resend_verification(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, ApiError> {
    links::resend_verification(&state, &user.0.user_id).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// Any text: the answer is the same whether or not it is an address with a login.
    email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    message: &'static str,
}

/// Ask for a password-reset link. Always 202 with the same answer, whether or not the address has a
/// login.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = ResetRequest,
    responses((status = 202, body = Accepted)))]
async fn request_password_reset(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ResetRequest>,
) -> (StatusCode, ApiJson<Accepted>) {
    links::request_password_reset(&state, &request.email);
    (
        StatusCode::ACCEPTED,
        ApiJson(Accepted {
            message: "If this address has a login, a link to reset its password is on its way.",
        }),
    )
}

/// What the reset form needs: the security question, if the user set one.
#[utoipa::path(get, path = "/api/v1/auth/password-reset/{token}", tag = "auth",
    params(("token" = String, Path, description = "The token from the emailed link")),
    responses((status = 200, body = ResetInfo), (status = 400, description = "`invalid_token`", body = Problem)))]
async fn password_reset_info(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<ApiJson<ResetInfo>, ApiError> {
    Ok(ApiJson(reset::password_reset_info(&state, &token).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetConfirmRequest {
    token: String,
    #[schema(value_type = String, format = Password, min_length = 10, max_length = 256)]
    password: SecretString,
    /// Needed when the user has a security question.
    #[schema(value_type = Option<String>, format = Password)]
    security_answer: Option<SecretString>,
    /// A code from the authenticator app, needed (or `backup_code`) when the reset info says
    /// `second_factor_required`.
    totp_code: Option<String>,
    /// One of the login's unused backup codes, in place of `totp_code`.
    backup_code: Option<String>,
}

/// Set a new password with the emailed token. Ends every session of the user.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth", request_body = ResetConfirmRequest,
    responses(
        (status = 204, description = "Password changed"),
        (status = 400, description = "`invalid_token`", body = Problem),
        (status = 401, description = "`second_factor_required`: the login has a second factor, give `totp_code` or `backup_code`; `invalid_second_factor`: wrong or used", body = Problem),
        (status = 422, description = "`weak_password`, or `security_answer_required` with the question", body = Problem),
        (status = 429, description = "`rate_limited`: five wrong answers or codes for this link", body = Problem),
    ))]
async fn confirm_password_reset(
    State(state): State<AppState>,
    ip: ClientIp,
    ApiJson(request): ApiJson<ResetConfirmRequest>,
) -> Result<StatusCode, ApiError> {
    reset::confirm_password_reset(
        &state,
        &anonymous(&ip),
        &request.token,
        &request.password,
        request.security_answer.as_ref(),
        reset::ResetCode {
            totp_code: request.totp_code.as_deref(),
            backup_code: request.backup_code.as_deref(),
        },
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
