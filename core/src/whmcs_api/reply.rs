//! What a WHMCS API call answers: WHMCS's envelope (`result` success or error, with `message`),
//! as JSON (the default) or XML (`responsetype=xml`), always with HTTP 200 except where WHMCS's
//! clients expect otherwise (403 for credentials, permissions and addresses; 400 for a missing or
//! unknown action).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// One answer.
#[derive(Debug)]
pub struct Reply {
    status: StatusCode,
    body: Map<String, Value>,
}

impl Reply {
    /// A success with these fields after `result`.
    pub fn success(fields: Value) -> Self {
        let mut body = Map::new();
        body.insert("result".to_owned(), json!("success"));
        if let Value::Object(fields) = fields {
            body.extend(fields);
        }
        Self {
            status: StatusCode::OK,
            body,
        }
    }

    /// A business or validation error (HTTP 200, as WHMCS answers them).
    pub fn error(message: impl Into<String>) -> Self {
        Self::refused(StatusCode::OK, message)
    }

    /// An error with another HTTP status.
    pub fn refused(status: StatusCode, message: impl Into<String>) -> Self {
        let mut body = Map::new();
        body.insert("result".to_owned(), json!("error"));
        body.insert("message".to_owned(), json!(message.into()));
        Self { status, body }
    }

    /// Credentials, permissions or the address were not accepted.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::refused(StatusCode::FORBIDDEN, message)
    }

    /// Adds a field (GetPermissionsList's `status` beside `result`).
    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.body.insert(key.to_owned(), value);
        self
    }

    pub fn is_success(&self) -> bool {
        self.body.get("result") == Some(&json!("success"))
    }

    /// The answer in the format the caller asked for.
    pub fn render(self, format: Format) -> Response {
        match format {
            Format::Json => (
                self.status,
                [(header::CONTENT_TYPE, "application/json")],
                Value::Object(self.body).to_string(),
            )
                .into_response(),
            Format::Xml => {
                let mut xml =
                    String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whmcsapi>");
                for (key, value) in &self.body {
                    write_xml(&mut xml, key, value);
                }
                xml.push_str("</whmcsapi>\n");
                (
                    self.status,
                    [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
                    xml,
                )
                    .into_response()
            }
        }
    }
}

/// `responsetype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// JSON unless `xml` is asked for (WHMCS's deprecated `nvp` gets JSON too).
    pub fn of(responsetype: Option<&str>) -> Self {
        match responsetype {
            Some(t) if t.eq_ignore_ascii_case("xml") => Self::Xml,
            _ => Self::Json,
        }
    }
}

/// `<key>value</key>`; an array repeats its key, an object nests.
fn write_xml(out: &mut String, key: &str, value: &Value) {
    match value {
        Value::Array(items) => {
            for item in items {
                write_xml(out, key, item);
            }
        }
        Value::Object(fields) => {
            out.push_str(&format!("<{key}>"));
            for (k, v) in fields {
                write_xml(out, k, v);
            }
            out.push_str(&format!("</{key}>"));
        }
        Value::Null => out.push_str(&format!("<{key}></{key}>")),
        Value::String(s) => out.push_str(&format!("<{key}>{}</{key}>", escape(s))),
        Value::Bool(b) => out.push_str(&format!(
            "<{key}>{}</{key}>",
            if *b { "true" } else { "false" }
        )),
        Value::Number(n) => out.push_str(&format!("<{key}>{n}</{key}>")),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_nests_objects_and_repeats_array_items() {
        let mut out = String::new();
        write_xml(
            &mut out,
            "clients",
            &json!({"client": [{"id": 1, "companyname": "A & B"}, {"id": 2, "companyname": ""}]}),
        );
        assert_eq!(
            out,
            "<clients><client><companyname>A &amp; B</companyname><id>1</id></client>\
             <client><companyname></companyname><id>2</id></client></clients>"
        );
    }
}
