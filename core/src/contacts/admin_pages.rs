//! A client's **Contacts** tab in the admin area, `/admin/clients/{id}/contacts`: the contacts,
//! and for administrators adding one, changing one (`…/contacts/{contact_id}`) and deleting one,
//! on the admin API's domain calls, as staff.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use super::views::{FIELDS, Posted, posted};
use crate::admin_area::{StaffPage, after_form, client_heading, refused};
use crate::http::forms::{encode, field_errors};
use crate::memberships::Manager;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/clients/{id}/contacts",
            get(contacts_tab).post(create),
        )
        .route(
            "/admin/clients/{id}/contacts/{contact_id}",
            get(edit_page).post(update),
        )
        .route(
            "/admin/clients/{id}/contacts/{contact_id}/delete",
            post(delete),
        )
}

#[derive(Debug, Default, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

/// The message after form `key` succeeded (by key, so that a link cannot make the page say
/// anything else).
fn notice(key: &str) -> Option<&'static str> {
    Some(match key {
        "saved" => "account-done-contact",
        "deleted" => "account-done-contact-deleted",
        _ => return None,
    })
}

async fn contacts_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let notice = q.done.as_deref().and_then(notice);
    let notice = notice.map(|key| page.chrome.text(key, &[]));
    show(&state, &page, &id, StatusCode::OK, notice, empty_form()).await
}

fn empty_form() -> Value {
    let values = context! { email_preferences => vec!["general"] };
    context! { values, errors => context! {}, error => None::<String> }
}

/// The tab, with a notice above the list and the add form as `form` says.
async fn show(
    state: &AppState,
    page: &StaffPage,
    id: &str,
    status: StatusCode,
    notice: Option<String>,
    form: Value,
) -> Response {
    let client = match client_heading(state, page, id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let contacts = match super::service::list(state, Manager::Staff { account_id: id }).await {
        Ok(contacts) => contacts,
        Err(e) => return refused(&page.chrome, e),
    };
    page.chrome.render(
        status,
        "admin/client-contacts.html",
        context! {
            tab => "contacts", client, notice, form,
            contacts => minijinja::value::Serde(&contacts),
            email_kinds => super::EMAIL_KINDS,
        },
    )
}

/// Where a contact form lands: `Ok` with the answer (back to the tab, or a refusal page for the
/// role or a client or contact that is not there); `Err` with the form to show again, its
/// fields' reasons next to them.
fn refusal(
    page: &StaffPage,
    result: crate::error::Result<String>,
    values: Value,
) -> Result<Response, (StatusCode, Value)> {
    match result {
        Ok(to) => Ok(crate::http::forms::see_other(&to)),
        Err(e @ (crate::error::Error::Forbidden(_) | crate::error::Error::NotFound(_))) => {
            Ok(refused(&page.chrome, e))
        }
        Err(e) => match field_errors(&page.chrome, e, &FIELDS) {
            Ok((status, errors, error)) => Err((status, context! { values, errors, error })),
            Err(e) => Ok(page.chrome.failed(e)),
        },
    }
}

fn to_tab(id: &str, done: &str) -> String {
    format!("/admin/clients/{}/contacts?done={done}", encode(id))
}

async fn create(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Posted { input, values } = posted(pairs);
    let by = Manager::Staff { account_id: &id };
    let result = super::service::create(&state, &page.context(), by, input).await;
    match refusal(&page, result.map(|_| to_tab(&id, "saved")), values) {
        Ok(answer) => answer,
        Err((status, form)) => show(&state, &page, &id, status, None, form).await,
    }
}

/// The change form of one contact.
async fn show_edit(
    state: &AppState,
    page: &StaffPage,
    (id, contact_id): (&str, &str),
    status: StatusCode,
    form: Option<Value>,
) -> Response {
    let client = match client_heading(state, page, id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let by = Manager::Staff { account_id: id };
    let contact = match super::service::get(state, by, contact_id).await {
        Ok(contact) => contact,
        Err(e) => return refused(&page.chrome, e),
    };
    let form = form.unwrap_or_else(|| {
        let values = context! {
            first_name => contact.first_name.clone(), last_name => contact.last_name.clone(),
            email => contact.email.clone(), phone => contact.phone.clone(),
            email_preferences => contact.email_preferences.clone(),
        };
        context! { values, errors => context! {}, error => None::<String> }
    });
    page.chrome.render(
        status,
        "admin/contact.html",
        context! {
            tab => "contacts", client, form,
            contact => minijinja::value::Serde(&contact),
            email_kinds => super::EMAIL_KINDS,
        },
    )
}

async fn edit_page(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, contact_id)): Path<(String, String)>,
) -> Response {
    show_edit(&state, &page, (&id, &contact_id), StatusCode::OK, None).await
}

async fn update(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, contact_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Posted { input, values } = posted(pairs);
    let by = Manager::Staff { account_id: &id };
    let result = super::service::update(&state, &page.context(), by, &contact_id, input).await;
    match refusal(&page, result.map(|_| to_tab(&id, "saved")), values) {
        Ok(answer) => answer,
        Err((status, form)) => {
            show_edit(&state, &page, (&id, &contact_id), status, Some(form)).await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    page: StaffPage,
    Path((id, contact_id)): Path<(String, String)>,
) -> Response {
    let by = Manager::Staff { account_id: &id };
    let result = super::service::delete(&state, &page.context(), by, &contact_id)
        .await
        .map(|()| to_tab(&id, "deleted"));
    after_form(&page, "contact", result, |status, text| {
        let values = context! { email_preferences => vec!["general"] };
        let form = context! { values, errors => context! {}, error => Some(text) };
        show(&state, &page, &id, status, None, form)
    })
    .await
}
