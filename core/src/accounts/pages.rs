//! The client area's account pages: `/accounts` (the switcher: every account the user reaches, the
//! owner badge and their permissions) and `/accounts/{id}` (overview; the profile form for users
//! with `profile`; contacts for users with `contacts`; for a member, their permissions and
//! "leave"). Access is checked by [`AccountPage`] as the API checks it.

use axum::Form;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use super::service;
use super::views::{self, PROFILE_FIELDS, ProfileForm};
use crate::http::auth::{ClientIp, SESSION_COOKIE, cookie_value};
use crate::http::forms::{field_errors, see_other};
use crate::http::page_access::{AccountPage, SignedIn};
use crate::memberships::Manager;
use crate::memberships::service::my_accounts;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/accounts", get(switcher))
        .route("/accounts/{id}", get(overview))
        .route("/accounts/{id}/profile", post(update_profile))
}

/// Accounts shown per page of the switcher.
const PER_PAGE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
struct SwitcherQuery {
    after: Option<String>,
    /// The account an invitation was just accepted for (the page says so).
    joined: Option<String>,
    left: Option<String>,
}

async fn switcher(
    State(state): State<AppState>,
    SignedIn { chrome, .. }: SignedIn,
    headers: HeaderMap,
    Query(q): Query<SwitcherQuery>,
) -> Response {
    let token = cookie_value(&headers, SESSION_COOKIE, &state.settings).unwrap_or_default();
    let after = q
        .after
        .filter(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let mut found = match my_accounts(&state, &token, after.as_deref(), PER_PAGE + 1).await {
        Ok(found) => found,
        Err(e) => return chrome.failed(e),
    };
    let next = (found.len() > PER_PAGE as usize).then(|| {
        found.truncate(PER_PAGE as usize);
        found.last().map(|a| a.account.id.clone())
    });
    let mut notice = q
        .joined
        .as_deref()
        .and_then(|id| found.iter().find(|a| a.account.id == id))
        .map(|a| chrome.text("accounts-joined", &[("account", &a.account.display_name())]));
    if q.left.is_some() {
        notice = Some(chrome.text("accounts-left", &[]));
    }
    let accounts: Vec<Value> = found
        .iter()
        .map(|a| {
            context! {
                id => a.account.id.clone(),
                name => a.account.display_name(),
                status => a.account.status.clone(),
                is_owner => a.is_owner,
                permissions => chrome.permission_titles(&a.permissions),
            }
        })
        .collect();
    chrome.render(
        StatusCode::OK,
        "accounts.html",
        context! { accounts, next => next.flatten(), notice },
    )
}

#[derive(Debug, Default, Deserialize)]
struct OverviewQuery {
    saved: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    page: AccountPage,
    Query(q): Query<OverviewQuery>,
) -> Response {
    let notice = match q.saved.as_deref() {
        Some("profile") => Some("account-done-profile"),
        Some("contact") => Some("account-done-contact"),
        Some("contact-deleted") => Some("account-done-contact-deleted"),
        _ => None,
    }
    .map(|id| page.chrome.text(id, &[]));
    views::overview(&state, &page, StatusCode::OK, None, None, notice.as_deref()).await
}

async fn update_profile(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Form(form): Form<ProfileForm>,
) -> Response {
    let ctx = page.user.context(&ip);
    let result = async {
        let by = Manager::from(&page.access);
        service::update(&state, &ctx, by, form.profile(), None).await
    }
    .await;
    match result {
        Ok(_) => see_other(&format!(
            "/accounts/{}?saved=profile",
            page.access.account_id
        )),
        Err(e) => match field_errors(&page.chrome, e, &PROFILE_FIELDS) {
            Ok((status, errors, error)) => {
                views::overview(
                    &state,
                    &page,
                    status,
                    Some((form, errors, error)),
                    None,
                    None,
                )
                .await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}
