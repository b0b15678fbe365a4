//! Reading page forms and explaining refusals: where a refusal goes (next to its field, or above
//! the form), with the API's status; where sign-in may land.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::pages::Chrome;
pub use super::pages::encode;
use crate::error::Error;

/// The first value of field `name` in a posted form read as pairs (empty when absent).
pub fn form_value(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// A query string's pairs, in order, repeats kept (none for no query).
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// Every value of a repeated field (checkboxes) in a posted form read as pairs.
pub fn form_values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// A password field as the domain takes it: an empty (or absent) field is none given.
pub fn given(secret: Option<&secrecy::SecretString>) -> Option<&secrecy::SecretString> {
    use secrecy::ExposeSecret;
    secret.filter(|s| !s.expose_secret().is_empty())
}

/// Where to go after signing in: `next` when it is a path on this server (never another site:
/// `//evil.example` and `/\evil.example` are refused), else the account switcher.
pub fn local_next(next: Option<&str>) -> String {
    match next {
        Some(next)
            if next.starts_with('/')
                && !next.starts_with("//")
                && !next.contains('\\')
                && !next.chars().any(char::is_control) =>
        {
            next.to_owned()
        }
        _ => "/accounts".to_owned(),
    }
}

/// `303 See Other` to `to` (after a successful form post).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// An error's message as a sentence for a page, in the page's language. In English, the domain's
/// own words ("The password is too weak: …"); in another language, the sentence of the error's
/// code (`error-<code>` in `errors.ftl`), since the domain's details are English. A plugin's veto
/// shows the plugin's own message.
pub fn sentence(chrome: &Chrome, error: &Error) -> String {
    if let Error::VetoedByPlugin {
        plugin,
        code,
        message,
    } = error
    {
        // The plugin's own translation of this veto, if its manifest has one.
        let translated = chrome.state().plugins.get(plugin).and_then(|p| {
            p.manifest
                .translations
                .veto(chrome.lang, code)
                .map(str::to_owned)
        });
        if let Some(text) =
            translated.or_else(|| (!message.trim().is_empty()).then(|| message.clone()))
        {
            return capitalised(text);
        }
    }
    if let Error::RateLimited { retry_after_secs } = error {
        let minutes = retry_after_secs.div_ceil(60).max(1).to_string();
        return chrome.text("error-rate-limited", &[("minutes", &minutes)]);
    }
    if chrome.lang != crate::i18n::FALLBACK {
        let code = crate::http::problem::code_of(error)
            .as_str()
            .replace('_', "-");
        return chrome.text(&format!("error-{code}"), &[]);
    }
    capitalised(error.to_string())
}

/// `text` as a sentence: a capital first letter and a full stop.
fn capitalised(text: String) -> String {
    let end = if text.is_empty() || text.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{}{end}", crate::i18n::capitalised(&text))
}

/// A form's refusal: its status, the errors next to their fields, and the form's own error.
pub type FieldRefusal = (
    StatusCode,
    std::collections::BTreeMap<String, String>,
    Option<String>,
);

/// Places a refusal next to its field: a validation message that names one of `fields` first (as
/// the domain's messages do: "first_name must be …"), a weak password, a taken email address. What
/// names no field is the form's error. Answers (status, errors by field, form error).
pub fn field_errors(chrome: &Chrome, error: Error, fields: &[&str]) -> Result<FieldRefusal, Error> {
    let field = match &error {
        Error::WeakPassword(_) => Some("password"),
        Error::EmailTaken => Some("email"),
        Error::Validation(message) => fields.iter().copied().find(|f| {
            message
                .strip_prefix(f)
                .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(':'))
                || (*f == "email" && message.contains("email address"))
        }),
        _ => None,
    }
    .filter(|f| fields.contains(f));
    let (status, text) = explain(chrome, error)?;
    let mut errors = std::collections::BTreeMap::new();
    match field {
        Some(field) => {
            errors.insert(field.to_owned(), text);
            Ok((status, errors, Some(chrome.text("form-check-fields", &[]))))
        }
        None => Ok((status, errors, Some(text))),
    }
}

/// A refusal a page shows next to the form: its status (the API's for the same error) and its
/// sentence. A server fault is handed back, for [`Chrome::failed`].
pub fn explain(chrome: &Chrome, error: Error) -> Result<(StatusCode, String), Error> {
    let fault = matches!(
        error,
        Error::Database(_) | Error::Migrate(_) | Error::Internal(_)
    ) && !(error.is_unique_violation()
        || error.is_foreign_key_violation()
        || error.is_transaction_conflict());
    if fault {
        return Err(error);
    }
    let text = sentence(chrome, &error);
    let status = crate::http::problem::ApiError::from(error).code().status();
    Ok((status, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_server() {
        assert_eq!(local_next(Some("/accounts/a1/users")), "/accounts/a1/users");
        assert_eq!(local_next(Some("/me?tab=2fa")), "/me?tab=2fa");
        for foreign in [
            "//evil.example/x",
            "/\\evil.example",
            "https://evil.example",
            "",
            "me",
        ] {
            assert_eq!(local_next(Some(foreign)), "/accounts", "{foreign}");
        }
        assert_eq!(local_next(None), "/accounts");
    }
}
