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
use serde::{Deserialize, Serialize};

use super::{AccountProfile, service};
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
        .map(|a| format!("You now have access to {}.", a.account.display_name()));
    if q.left.is_some() {
        notice = Some("You left the account.".to_owned());
    }
    let accounts: Vec<Value> = found
        .iter()
        .map(|a| {
            context! {
                id => a.account.id.clone(),
                name => a.account.display_name(),
                status => a.account.status.clone(),
                is_owner => a.is_owner,
                permissions => titles(&state, &a.permissions),
            }
        })
        .collect();
    chrome.render(
        StatusCode::OK,
        "accounts.html",
        context! { accounts, next => next.flatten(), notice },
    )
}

/// The catalog's titles of `keys`, in the catalog's order.
pub fn titles(state: &AppState, keys: &[String]) -> Vec<String> {
    state
        .catalog
        .entries()
        .iter()
        .filter(|p| keys.contains(&p.key))
        .map(|p| p.title.clone())
        .collect()
}

/// The profile form's fields, as typed (kept when the form comes back with an error).
#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct ProfileForm {
    #[serde(default)]
    company_name: String,
    #[serde(default)]
    billing_email: String,
    #[serde(default)]
    address1: String,
    #[serde(default)]
    address2: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    tax_id: String,
}

pub(crate) const PROFILE_FIELDS: [&str; 10] = [
    "company_name",
    "billing_email",
    "address1",
    "address2",
    "city",
    "state",
    "postcode",
    "country",
    "phone",
    "tax_id",
];

impl ProfileForm {
    pub(crate) fn of(account: &super::Account) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            company_name: text(&account.company_name),
            billing_email: account.billing_email.clone(),
            address1: text(&account.address1),
            address2: text(&account.address2),
            city: text(&account.city),
            state: text(&account.state),
            postcode: text(&account.postcode),
            country: text(&account.country),
            phone: text(&account.phone),
            tax_id: text(&account.tax_id),
        }
    }

    pub(crate) fn profile(&self) -> AccountProfile {
        let some = |v: &str| Some(v.trim().to_owned());
        let optional = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        AccountProfile {
            company_name: some(&self.company_name),
            billing_email: optional(&self.billing_email),
            address1: some(&self.address1),
            address2: some(&self.address2),
            city: some(&self.city),
            state: some(&self.state),
            postcode: some(&self.postcode),
            country: optional(&self.country),
            phone: some(&self.phone),
            tax_id: some(&self.tax_id),
            currency: None,
        }
    }
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
        Some("profile") => Some("The account profile is saved."),
        Some("contact") => Some("The contact is saved."),
        Some("contact-deleted") => Some("The contact was deleted."),
        _ => None,
    };
    show(&state, &page, StatusCode::OK, None, None, notice).await
}

/// The overview, with the profile form as typed and its errors when a save failed.
async fn show(
    state: &AppState,
    page: &AccountPage,
    status: StatusCode,
    profile: Option<(
        ProfileForm,
        std::collections::BTreeMap<String, String>,
        Option<String>,
    )>,
    contact_form: Option<Value>,
    notice: Option<&str>,
) -> Response {
    let chrome = &page.chrome;
    let access = &page.access;
    let account = match service::get(state, &access.account_id).await {
        Ok(account) => account,
        Err(e) => return chrome.failed(e),
    };
    let contacts = if access.has(crate::contacts::PERMISSION) {
        match crate::contacts::service::list(state, access).await {
            Ok(list) => Some(list),
            Err(e) => return chrome.failed(e),
        }
    } else {
        None
    };
    let (form, errors, error) =
        profile.unwrap_or_else(|| (ProfileForm::of(&account), Default::default(), None));
    chrome.render(
        status,
        "account.html",
        context! {
            account => Value::from(minijinja::value::Serde(&account)),
            name => account.display_name(),
            is_owner => access.is_owner,
            permissions => titles(state, &access.permissions),
            can_edit_profile => access.has("profile"),
            profile => minijinja::value::Serde(form),
            errors,
            error,
            contacts => minijinja::value::Serde(contacts),
            contact_form => contact_form.unwrap_or_else(|| context! { values => context! {}, errors => context! {} }),
            email_kinds => crate::contacts::EMAIL_KINDS,
            user_management => state.settings.user_management.enabled,
            notice,
        },
    )
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
        Err(e) => match field_errors(e, &PROFILE_FIELDS) {
            Ok((status, errors, error)) => {
                show(
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

/// The overview with the contact form as typed and its errors (for the contact pages).
pub async fn show_with_contact_form(
    state: &AppState,
    page: &AccountPage,
    status: StatusCode,
    form: Value,
) -> Response {
    show(state, page, status, None, Some(form), None).await
}
