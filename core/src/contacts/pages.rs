//! An account's contacts on its overview page: add (the form on `/accounts/{id}`), change
//! (`/accounts/{id}/contacts/{contact_id}`) and delete. The domain checks the `contacts`
//! permission, as for the API.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};

use super::Contact;
use super::views::{FIELDS, Posted, posted};
use crate::accounts::views::show_with_contact_form;
use crate::http::auth::ClientIp;
use crate::http::forms::{field_errors, see_other};
use crate::http::page_access::AccountPage;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/accounts/{id}/contacts", post(create))
        .route(
            "/accounts/{id}/contacts/{contact_id}",
            get(edit_page).post(update),
        )
        .route("/accounts/{id}/contacts/{contact_id}/delete", post(delete))
}

async fn create(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Posted { input, values } = posted(pairs);
    let ctx = page.user.context(&ip);
    match super::service::create(&state, &ctx, &page.access, input).await {
        Ok(_) => see_other(&format!(
            "/accounts/{}?saved=contact",
            page.access.account_id
        )),
        Err(e) => match field_errors(&page.chrome, e, &FIELDS) {
            Ok((status, errors, error)) => {
                let form = context! { values, errors, error };
                show_with_contact_form(&state, &page, status, form).await
            }
            Err(e) => page.chrome.failed(e),
        },
    }
}

fn show_edit(page: &AccountPage, status: StatusCode, contact: &Contact, form: Value) -> Response {
    page.chrome.render(
        status,
        "contact.html",
        context! {
            account_id => page.access.account_id.clone(),
            contact => Value::from(minijinja::value::Serde(contact)),
            form,
            email_kinds => super::EMAIL_KINDS,
        },
    )
}

async fn edit_page(
    State(state): State<AppState>,
    page: AccountPage,
    Path((_, contact_id)): Path<(String, String)>,
) -> Response {
    match super::service::get(&state, &page.access, &contact_id).await {
        Ok(contact) => {
            let values = context! {
                first_name => contact.first_name.clone(), last_name => contact.last_name.clone(),
                email => contact.email.clone(), phone => contact.phone.clone(),
                email_preferences => contact.email_preferences.clone(),
            };
            let form = context! { values, errors => context! {}, error => None::<String> };
            show_edit(&page, StatusCode::OK, &contact, form)
        }
        Err(e) => page.refused(e),
    }
}

async fn update(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, contact_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Posted { input, values } = posted(pairs);
    let ctx = page.user.context(&ip);
    match super::service::update(&state, &ctx, &page.access, &contact_id, input).await {
        Ok(_) => see_other(&format!(
            "/accounts/{}?saved=contact",
            page.access.account_id
        )),
        Err(e @ crate::error::Error::NotFound(_)) => page.refused(e),
        Err(e) => {
            let contact = match super::service::get(&state, &page.access, &contact_id).await {
                Ok(contact) => contact,
                Err(e) => return page.refused(e),
            };
            match field_errors(&page.chrome, e, &FIELDS) {
                Ok((status, errors, error)) => {
                    show_edit(&page, status, &contact, context! { values, errors, error })
                }
                Err(e) => page.chrome.failed(e),
            }
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    page: AccountPage,
    ip: ClientIp,
    Path((_, contact_id)): Path<(String, String)>,
) -> Response {
    let ctx = page.user.context(&ip);
    match super::service::delete(&state, &ctx, &page.access, &contact_id).await {
        Ok(()) => see_other(&format!(
            "/accounts/{}?saved=contact-deleted",
            page.access.account_id
        )),
        Err(e) => page.refused(e),
    }
}
