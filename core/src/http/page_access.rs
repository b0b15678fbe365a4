//! Who may see a page: [`SignedIn`] (a session, or off to `/login?next=…`) and [`AccountPage`]
//! (a member of the account in the path, checked as the API checks it, or the 404 page).

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::auth::{CurrentUser, SESSION_COOKIE, cookie_value};
use super::forms::{encode, explain};
use super::pages::Chrome;
use crate::error::Error;
use crate::state::AppState;

/// A signed-in user on a page. Without a session the browser is sent to `/login`, which brings it
/// back here afterwards.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub chrome: Chrome,
    pub user: CurrentUser,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ok(chrome) =
            <Chrome as FromRequestParts<AppState>>::from_request_parts(parts, state).await;
        match chrome.auth.clone() {
            Some(auth) => Ok(Self {
                chrome,
                user: CurrentUser(auth),
            }),
            None => {
                let here = parts
                    .uri
                    .path_and_query()
                    .map_or("/accounts", |p| p.as_str());
                // A form posted after the session ended is not replayed (its address is no page):
                // sign-in lands on the switcher.
                let next = if parts.method == axum::http::Method::GET {
                    here
                } else {
                    "/accounts"
                };
                Err(Redirect::to(&format!("/login?next={}", encode(next))).into_response())
            }
        }
    }
}

impl OptionalFromRequestParts<AppState> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(
            <Self as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .ok(),
        )
    }
}

/// A signed-in user on a page of one of their accounts (the route's `{id}`), with their access to
/// it, checked as the API checks it. Someone without access gets the 404 page, as for an account
/// that does not exist.
#[derive(Debug, Clone)]
pub struct AccountPage {
    pub chrome: Chrome,
    pub user: CurrentUser,
    pub access: crate::memberships::Access,
}

impl FromRequestParts<AppState> for AccountPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedIn { chrome, user } =
            <SignedIn as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        let id = parts
            .uri
            .path()
            .strip_prefix("/accounts/")
            .and_then(|rest| rest.split('/').next())
            .map(|id| {
                url::form_urlencoded::parse(format!("id={id}").as_bytes())
                    .map(|(_, v)| v.into_owned())
                    .next()
                    .unwrap_or_default()
            })
            .filter(|id| !id.is_empty() && !super::input::has_control(id));
        let (Some(id), Some(token)) = (id, cookie_value(&parts.headers, SESSION_COOKIE)) else {
            return Err(chrome.not_found());
        };
        let found = async {
            let (auth, membership) =
                crate::sessions::authenticate_for_account(state, &token, &id).await?;
            crate::memberships::access(state, &auth.user_id, &id, membership).await
        }
        .await;
        match found {
            Ok(access) => Ok(Self {
                chrome,
                user,
                access,
            }),
            Err(Error::NotFound(_) | Error::Unauthenticated) => Err(chrome.not_found()),
            Err(e) => Err(chrome.failed(e)),
        }
    }
}

impl AccountPage {
    /// The page for a refusal that is not about a form's fields: nothing there, or nothing this
    /// user may see (the 404 page), or not allowed (the reason, with the API's status).
    pub fn refused(&self, error: Error) -> Response {
        match explain(error) {
            Ok((StatusCode::NOT_FOUND, _)) => self.chrome.not_found(),
            Ok((status, text)) => self.chrome.message(status, "Not allowed", &text),
            Err(e) => self.chrome.failed(e),
        }
    }
}
