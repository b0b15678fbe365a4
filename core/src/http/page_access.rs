//! Who may see a page: [`SignedIn`] (a session, or off to `/login?next=…`) and [`AccountPage`]
//! (a member of the account in the path, checked as the API checks it, or the 404 page).

use std::collections::HashMap;

use axum::extract::{FromRequestParts, OptionalFromRequestParts, Path};
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
            None => Err(to_login(parts)),
        }
    }
}

/// Off to `/login`, which comes back to this page afterwards. A form posted after the session
/// ended is not replayed (its address is no page): sign-in lands on the switcher.
fn to_login(parts: &Parts) -> Response {
    let next = if parts.method == axum::http::Method::GET {
        parts
            .uri
            .path_and_query()
            .map_or("/accounts", |p| p.as_str())
    } else {
        "/accounts"
    };
    Redirect::to(&format!("/login?next={}", encode(next))).into_response()
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

    /// One query reads the session and the membership together (as the API's `AccountUser`).
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let id = <Path<HashMap<String, String>> as FromRequestParts<AppState>>::from_request_parts(
            parts, state,
        )
        .await
        .ok()
        .and_then(|Path(mut params)| params.remove("id"))
        .filter(|id| !super::input::has_control(id));
        let (Some(token), Some(id)) = (
            cookie_value(&parts.headers, SESSION_COOKIE, &state.settings),
            id,
        ) else {
            let SignedIn { chrome, .. } =
                <SignedIn as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
            return Err(chrome.not_found());
        };
        let (auth, membership) =
            match crate::sessions::authenticate_for_account(state, &token, &id).await {
                Ok(found) => found,
                Err(Error::Unauthenticated) => return Err(to_login(parts)),
                Err(e) => return Err(Chrome::for_session(parts, state, None).await.failed(e)),
            };
        let chrome = Chrome::for_session(parts, state, Some(auth.clone())).await;
        match crate::memberships::access(state, &auth.user_id, &id, membership).await {
            Ok(access) => Ok(Self {
                chrome,
                user: CurrentUser(auth),
                access,
            }),
            Err(Error::NotFound(_)) => Err(chrome.not_found()),
            Err(e) => Err(chrome.failed(e)),
        }
    }
}

impl AccountPage {
    /// The page for a refusal that is not about a form's fields: nothing there, or nothing this
    /// user may see (the 404 page), or not allowed (the reason, with the API's status).
    pub fn refused(&self, error: Error) -> Response {
        match explain(&self.chrome, error) {
            Ok((StatusCode::NOT_FOUND, _)) => self.chrome.not_found(),
            Ok((status, text)) => {
                self.chrome
                    .message(status, &self.chrome.text("page-not-allowed", &[]), &text)
            }
            Err(e) => self.chrome.failed(e),
        }
    }
}
