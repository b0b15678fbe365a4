//! What User Management shows (`/accounts/{id}/users`), shared by the doors that post to it: its
//! own forms (permissions, removal) and the invitation forms (`invitations::owner_pages`) come
//! back to it with their outcome.

use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};

use super::{Manager, service};
use crate::error::Error;
use crate::http::forms::{explain, see_other};
use crate::http::page_access::AccountPage;
use crate::state::AppState;

/// What the page shows above its lists after a form post, or with an error.
#[derive(Debug, Default)]
pub struct Outcome {
    pub status: Option<StatusCode>,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// The invite form as typed, when it came back with an error.
    pub invite: Option<Value>,
}

/// Renders User Management. A member who is not the owner gets the 403 page; with user
/// management turned off the owner sees the notice and no controls.
pub async fn show(state: &AppState, page: &AccountPage, outcome: Outcome) -> Response {
    let chrome = &page.chrome;
    let by = Manager::Member(&page.access);
    let account = match crate::accounts::service::get(state, &page.access.account_id).await {
        Ok(account) => account,
        Err(e) => return chrome.failed(e),
    };
    let base = context! {
        account_id => page.access.account_id.clone(),
        account_name => account.display_name(),
    };
    let members = match service::list_members(state, by).await {
        Ok(members) => members,
        Err(Error::UserManagementDisabled) => {
            return chrome.render(
                StatusCode::OK,
                "users.html",
                context! { disabled => true, ..base },
            );
        }
        Err(e) => return page.refused(e),
    };
    let invitations = match crate::invitations::service::list_pending(state, by).await {
        Ok(list) => list,
        Err(e) => return page.refused(e),
    };
    let members = titled(chrome, &members, |m| &m.permissions);
    let invitations = titled(chrome, &invitations, |i| &i.permissions);
    let status = outcome.status.unwrap_or(StatusCode::OK);
    chrome.render(
        status,
        "users.html",
        context! {
            disabled => false,
            members,
            invitations,
            catalog => minijinja::value::Serde(chrome.permission_catalog()),
            notice => outcome.notice,
            error => outcome.error,
            invite => outcome.invite.unwrap_or_else(|| context! { email => "", access => "chosen", permissions => Vec::<String>::new() }),
            ..base
        },
    )
}

/// Back to User Management after a form: 303 on success, the page with the reason otherwise.
pub async fn after(
    state: &AppState,
    page: &AccountPage,
    result: Result<&'static str, Error>,
    invite: Option<Value>,
) -> Response {
    match result {
        Ok(done) => see_other(&format!(
            "/accounts/{}/users?done={done}",
            page.access.account_id
        )),
        Err(e @ (Error::Forbidden(_) | Error::UserManagementDisabled)) => page.refused(e),
        Err(e) => match explain(&page.chrome, e) {
            Ok((status, text)) => {
                let outcome = Outcome {
                    status: Some(status),
                    error: Some(text),
                    invite,
                    ..Outcome::default()
                };
                show(state, page, outcome).await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}

/// Each item for a template, with `permission_titles`: the titles of its permissions in the
/// page's language.
pub(crate) fn titled<T: serde::Serialize>(
    chrome: &crate::http::pages::Chrome,
    items: &[T],
    permissions: impl Fn(&T) -> &[String],
) -> Vec<Value> {
    items
        .iter()
        .map(|item| {
            context! {
                permission_titles => chrome.permission_titles(permissions(item)),
                ..Value::from(minijinja::value::Serde(item))
            }
        })
        .collect()
}
