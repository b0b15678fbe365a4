//! What the contact pages of both areas show and read alike: the contact form as posted, and
//! its fields (the client area's `contacts::pages`, the admin area's `contacts::admin_pages`).

use minijinja::{Value, context};

use super::ContactInput;
use crate::http::forms::{form_value, form_values};

pub(crate) const FIELDS: [&str; 5] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "email_preferences",
];

/// The contact form as posted: repeated `email_preferences` boxes, so read as pairs.
pub(crate) struct Posted {
    pub input: ContactInput,
    pub values: Value,
}

pub(crate) fn posted(pairs: Vec<(String, String)>) -> Posted {
    let one = |name: &str| form_value(&pairs, name);
    let preferences = form_values(&pairs, "email_preferences");
    let (first_name, last_name, email, phone) = (
        one("first_name"),
        one("last_name"),
        one("email"),
        one("phone"),
    );
    Posted {
        values: context! {
            first_name => first_name.clone(), last_name => last_name.clone(),
            email => email.clone(), phone => phone.clone(), email_preferences => preferences.clone(),
        },
        input: ContactInput {
            first_name: Some(first_name),
            last_name: Some(last_name),
            email: Some(email),
            phone: Some(phone),
            email_preferences: Some(preferences),
        },
    }
}
