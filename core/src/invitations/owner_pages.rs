//! The owner's invitation forms on User Management (`/accounts/{id}/users`): invite (an email
//! address; every permission or the chosen ones), resend and cancel. The domain decides who may
//! ([`Manager`]); a plugin's veto, a rate limit or a bad address comes back on the page, with the
//! form as typed.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;
use minijinja::context;

use crate::http::auth::ClientIp;
use crate::http::forms::{form_value, form_values};
use crate::http::page_access::AccountPage;
use crate::memberships::Manager;
use crate::memberships::views::after;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/accounts/{id}/invitations", post(invite))
        .route(
            "/accounts/{id}/invitations/{invitation_id}/resend",
            post(resend),
        )
        .route(
            "/accounts/{id}/invitations/{invitation_id}/cancel",
            post(cancel),
        )
}

async fn invite(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let email = form_value(&pairs, "email");
    let all = form_value(&pairs, "access") == "all";
    let chosen = form_values(&pairs, "permissions");
    let permissions = if all {
        state.catalog.all_keys()
    } else {
        chosen.clone()
    };
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    let result = super::service::invite(&state, &ctx, by, &email, &permissions)
        .await
        .map(|_| "invited");
    let typed = context! {
        email, access => if all { "all" } else { "chosen" }, permissions => chosen,
    };
    after(&state, &page, result, Some(typed)).await
}

/// What the owner does to a pending invitation.
#[derive(Clone, Copy)]
enum Act {
    Resend,
    Cancel,
}

async fn resend(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Response {
    act(&state, &page, &ip, &invitation_id, Act::Resend).await
}

async fn cancel(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Response {
    act(&state, &page, &ip, &invitation_id, Act::Cancel).await
}

async fn act(
    state: &AppState,
    page: &AccountPage,
    ip: &ClientIp,
    invitation_id: &str,
    act: Act,
) -> Response {
    let ctx = page.user.context(ip);
    let by = Manager::Member(&page.access);
    let result = match act {
        Act::Resend => super::service::resend(state, &ctx, by, invitation_id)
            .await
            .map(|_| "resent"),
        Act::Cancel => super::service::cancel(state, &ctx, by, invitation_id)
            .await
            .map(|()| "cancelled"),
    };
    after(state, page, result, None).await
}
