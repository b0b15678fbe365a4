//! `POST /includes/api.php` called as WHMCS's docs and its API clients call it: form bodies,
//! `action` in the body or the query string, both credential spellings, empty credential fields.

mod access;
pub mod clients;
mod contacts;
mod endpoint;
mod round_trip;
mod users;

use roster::admins::Role;
use serde_json::Value;

use crate::helpers::TestApp;

/// The password of the users these tests make.
pub const PASSWORD: &str = "correct horse battery";

/// A caller holding one API credential.
pub struct Caller<'a> {
    pub app: &'a TestApp,
    pub identifier: String,
    pub secret: String,
}

impl<'a> Caller<'a> {
    pub async fn new(app: &'a TestApp, role: Role) -> Self {
        let (identifier, secret) = app.api_credential(role).await;
        Self {
            app,
            identifier,
            secret,
        }
    }

    /// Calls `action` with `fields`, credentials as `identifier`/`secret`: (status, body).
    pub async fn call(&self, action: &str, fields: &[(&str, &str)]) -> (u16, Value) {
        let mut form = vec![
            ("action", action),
            ("identifier", self.identifier.as_str()),
            ("secret", self.secret.as_str()),
            ("responsetype", "json"),
        ];
        form.extend_from_slice(fields);
        let (status, content_type, body) = self.app.whmcs("", &form).await;
        assert_eq!(content_type, "application/json", "{body}");
        (status, body)
    }

    /// A call that must succeed; its body.
    pub async fn ok(&self, action: &str, fields: &[(&str, &str)]) -> Value {
        let (status, body) = self.call(action, fields).await;
        assert_eq!(
            (status, &body["result"]),
            (200, &Value::from("success")),
            "{action}: {body}"
        );
        body
    }

    /// AddClient with a new owner (`email`, PASSWORD) and no address: (client id, owner's id).
    pub async fn new_client(&self, email: &str) -> (String, String) {
        let added = self
            .ok(
                "AddClient",
                &[
                    ("firstname", "Olga"),
                    ("lastname", "Owner"),
                    ("email", email),
                    ("password2", PASSWORD),
                    ("skipvalidation", "true"),
                ],
            )
            .await;
        (
            added["clientid"].as_str().unwrap().to_owned(),
            added["owner_user_id"].as_i64().unwrap().to_string(),
        )
    }

    /// A call that must fail as a business error (HTTP 200); its message.
    pub async fn error(&self, action: &str, fields: &[(&str, &str)]) -> String {
        let (status, body) = self.call(action, fields).await;
        assert_eq!(
            (status, &body["result"]),
            (200, &Value::from("error")),
            "{action}: {body}"
        );
        body["message"].as_str().unwrap().to_owned()
    }
}
