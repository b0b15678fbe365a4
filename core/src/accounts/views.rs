//! What the account's pages show, shared by the doors that show it: the overview (its profile
//! form and its contacts) is rendered again by the contact forms when one comes back with an
//! error, and the profile form is the admin area's too.

use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::{Account, AccountProfile, service};
use crate::http::page_access::AccountPage;
use crate::state::AppState;

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
    pub(crate) fn of(account: &Account) -> Self {
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

/// The account's overview page, with the profile form as typed and its errors when a save failed.
pub(crate) async fn overview(
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
            permissions => chrome.permission_titles(&access.permissions),
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

/// The overview with the contact form as typed and its errors (for the contact pages).
pub async fn show_with_contact_form(
    state: &AppState,
    page: &AccountPage,
    status: StatusCode,
    form: Value,
) -> Response {
    overview(state, page, status, None, Some(form), None).await
}
