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
use crate::http::pages::AccountPage;
use crate::memberships::Manager;
use crate::memberships::pages::{after, chosen_permissions};
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
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let email = one("email");
    let all = one("access") == "all";
    let chosen = chosen_permissions(&pairs);
    let permissions = if all {
        state.catalog.all_keys()
    } else {
        chosen.clone()
    };
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    let result = super::invite(&state, &ctx, by, &email, &permissions)
        .await
        .map(|_| "invited");
    let typed = context! {
        email, access => if all { "all" } else { "chosen" }, permissions => chosen,
    };
    after(&state, &page, result, Some(typed)).await
}

async fn resend(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Response {
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    let result = super::resend(&state, &ctx, by, &invitation_id)
        .await
        .map(|_| "resent");
    after(&state, &page, result, None).await
}

async fn cancel(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, invitation_id)): Path<(String, String)>,
) -> Response {
    let ctx = page.user.context(&ip);
    let by = Manager::Member(&page.access);
    let result = super::cancel(&state, &ctx, by, &invitation_id)
        .await
        .map(|()| "cancelled");
    after(&state, &page, result, None).await
}
