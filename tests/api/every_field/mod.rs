//! Properties over every input the API documents: each operation of the OpenAPI document, and in
//! it each path parameter, query parameter and body string, is sent a bad value with every other
//! value valid and a caller who may make the call. The bad values are control characters
//! ([`control_chars`]) and text one character past the field's `maxLength` ([`lengths`]); each
//! must be refused with nothing stored.

mod control_chars;
mod lengths;

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

/// Real ids for every path parameter, so that only the parameter under test is wrong.
struct World {
    app: TestApp,
    owner: String,
    admin: String,
    ids: BTreeMap<&'static str, String>,
}

async fn world(backend: Backend) -> World {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let (_, owner) = app.signup_verified(&unique_email("fuzz-owner")).await;
    let second = another_session(&app, &owner).await;
    let account = app.my_accounts(&owner).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member_email = unique_email("fuzz-member");
    let (member, _) = app.signup(&member_email, PASSWORD).await;
    app.expect(
        201,
        "POST",
        &format!("/api/v1/admin/accounts/{account}/users"),
        Some(&admin),
        Some(json!({ "user_id": member, "permissions": ["tickets"] })),
    )
    .await;
    let contact = app.new_contact(&account, &owner).await;
    let invitee = unique_email("fuzz-invitee");
    let invitation = app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/invitations"),
            Some(&owner),
            Some(json!({ "email": invitee })),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (link, _) = invitation_token(&invitee, 1).await;
    let ids = BTreeMap::from([
        ("account", account),
        ("member", member),
        ("contact", contact),
        ("invitation", invitation),
        ("link", link),
        ("session", second),
    ]);
    World {
        app,
        owner,
        admin,
        ids,
    }
}

/// Logs the user behind `token` in once more; the new session's id (for `/me/sessions/{id}`).
async fn another_session(app: &TestApp, token: &str) -> String {
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(token), None)
        .await;
    app.login_ok(me["email"].as_str().unwrap(), PASSWORD).await;
    let sessions = app
        .expect(200, "GET", "/api/v1/me/sessions", Some(token), None)
        .await;
    sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

impl World {
    /// The good value of path parameter `name` in `path`.
    fn path_value(&self, path: &str, name: &str) -> String {
        let key = match name {
            "id" if path.starts_with("/api/v1/admin/users") => "member",
            "id" if path.starts_with("/api/v1/me/sessions") => "session",
            "id" => "account",
            "user_id" => "member",
            "contact_id" => "contact",
            "invitation_id" => "invitation",
            "token" => "link",
            "name" => return "no-such-plugin".to_owned(),
            "seq" => return "1".to_owned(),
            other => panic!("no value for path parameter `{other}` of {path}"),
        };
        self.ids[key].clone()
    }

    fn caller(&self, path: &str) -> &str {
        if path.starts_with("/api/v1/admin/") {
            &self.admin
        } else {
            &self.owner
        }
    }
}

/// What every table holds, as row counts and, where a table has one, its newest `updated_at`: a
/// refused request must leave each as it was.
async fn row_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let pool = app.state.db.pool();
    let tables: Vec<String> = match sqlx::query_scalar::<_, String>(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'",
    )
    .fetch_all(pool)
    .await
    {
        Ok(tables) => tables,
        Err(_) => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    let mut counts = BTreeMap::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM \"{table}\""
        )))
        .fetch_one(pool)
        .await
        .unwrap();
        if let Ok(newest) = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
            "SELECT COALESCE(MAX(updated_at), 0) FROM \"{table}\""
        )))
        .fetch_one(pool)
        .await
        {
            counts.insert(format!("{table}.updated_at"), newest);
        }
        counts.insert(table, count);
    }
    counts
}

/// A schema with its `$ref` followed, `Option`'s `oneOf` reduced to the non-null branch and an
/// `allOf` (a flattened struct) merged into one object.
fn resolve(doc: &Value, schema: &Value) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return resolve(doc, &doc["components"]["schemas"][name]);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(branch) = schema[key]
            .as_array()
            .and_then(|branches| branches.iter().find(|b| b["type"] != "null"))
        {
            return resolve(doc, branch);
        }
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for part in parts.iter().map(|p| resolve(doc, p)) {
            properties.extend(part["properties"].as_object().cloned().unwrap_or_default());
            required.extend(part["required"].as_array().cloned().unwrap_or_default());
        }
        return json!({ "type": "object", "properties": properties, "required": required });
    }
    schema.clone()
}

fn kind(schema: &Value) -> &str {
    match &schema["type"] {
        Value::String(t) => t,
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema["properties"].is_object() => "object",
        _ => "string",
    }
}

/// A valid-looking value for a schema: required members only.
fn sample(doc: &Value, schema: &Value, name: &str) -> Value {
    let schema = &resolve(doc, schema);
    match kind(schema) {
        "object" => {
            let mut object = Map::new();
            for required in schema["required"].as_array().into_iter().flatten() {
                let key = required.as_str().unwrap();
                object.insert(key.to_owned(), sample(doc, &schema["properties"][key], key));
            }
            Value::Object(object)
        }
        "array" => json!([]),
        "integer" | "number" => json!(1),
        "boolean" => json!(false),
        _ if name.contains("email") => json!("fuzz@example.test"),
        _ if name.contains("password") => json!(PASSWORD),
        _ => json!("Valid"),
    }
}

/// Every string in a schema, as the dotted paths the server names (`account.company_name`,
/// `permissions[0]`), each with its schema.
fn string_fields(doc: &Value, schema: &Value, prefix: &str, out: &mut Vec<(String, Value)>) {
    let schema = &resolve(doc, schema);
    match kind(schema) {
        "object" => {
            for (key, member) in schema["properties"].as_object().into_iter().flatten() {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                string_fields(doc, member, &path, out);
            }
        }
        "array" => string_fields(doc, &schema["items"], &format!("{prefix}[0]"), out),
        "string" => out.push((prefix.to_owned(), schema.clone())),
        _ => {}
    }
}

/// Sets the value at a dotted path (made by `string_fields`), creating what is missing.
fn set_path(target: &mut Value, path: &str, value: Value) {
    let mut current = target;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let (key, index) = match part.strip_suffix("[0]") {
            Some(key) => (key, true),
            None => (*part, false),
        };
        if !current.is_object() {
            *current = json!({});
        }
        let slot = current
            .as_object_mut()
            .unwrap()
            .entry(key)
            .or_insert(Value::Null);
        current = if index {
            *slot = json!([Value::Null]);
            &mut slot[0]
        } else {
            slot
        };
        if last {
            *current = value.clone();
        }
    }
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// One input of one operation, with what it takes to call the operation with every other value
/// good.
struct Input {
    method: String,
    template: String,
    /// (name, `path` or `query`) of each parameter.
    parameters: Vec<(String, String)>,
    good_body: Option<Value>,
    /// `path`, `query` or `body`.
    place: String,
    /// The parameter's name, or the body field's dotted path.
    target: String,
    /// The parameter's or field's schema, `$ref` followed.
    schema: Value,
}

impl Input {
    fn shown(&self, bad: &str) -> String {
        format!(
            "{} {}: {} `{}` = {bad:?}",
            self.method, self.template, self.place, self.target
        )
    }
}

/// Every input of every operation in the document.
fn inputs(doc: &Value) -> Vec<Input> {
    let mut all = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let parameters: Vec<(String, String, Value)> = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    (
                        p["name"].as_str().unwrap().to_owned(),
                        p["in"].as_str().unwrap().to_owned(),
                        resolve(doc, &p["schema"]),
                    )
                })
                .collect();
            let body_schema = &operation["requestBody"]["content"]["application/json"]["schema"];
            let good_body = (!body_schema.is_null()).then(|| sample(doc, body_schema, ""));
            let mut fields = Vec::new();
            if !body_schema.is_null() {
                string_fields(doc, body_schema, "", &mut fields);
            }
            let targets = parameters
                .iter()
                .map(|(name, place, schema)| (place.clone(), name.clone(), schema.clone()))
                .chain(fields.into_iter().map(|(f, s)| ("body".to_owned(), f, s)));
            for (place, target, schema) in targets {
                all.push(Input {
                    method: method.to_uppercase(),
                    template: template.clone(),
                    parameters: parameters
                        .iter()
                        .map(|(name, place, _)| (name.clone(), place.clone()))
                        .collect(),
                    good_body: good_body.clone(),
                    place,
                    target,
                    schema,
                });
            }
        }
    }
    all
}

impl World {
    /// Calls `input`'s operation with `bad` in its place: its status and problem document (or,
    /// when it was taken, what it answered).
    async fn send(&self, input: &Input, bad: &str) -> (u16, Value) {
        let mut path = input.template.clone();
        let mut query = Vec::new();
        for (name, place_of) in &input.parameters {
            let value = if *name == input.target && *place_of == input.place {
                bad.to_owned()
            } else if place_of == "path" {
                self.path_value(&input.template, name)
            } else {
                continue;
            };
            if place_of == "path" {
                path = path.replace(&format!("{{{name}}}"), &encode(&value));
            } else {
                query.push(format!("{name}={}", encode(&value)));
            }
        }
        if !query.is_empty() {
            path = format!("{path}?{}", query.join("&"));
        }
        let body = if input.place == "body" {
            let mut body = input.good_body.clone().unwrap_or(json!({}));
            set_path(&mut body, &input.target, json!(bad));
            Some(body)
        } else {
            input.good_body.clone()
        };
        let response = self
            .app
            .call(
                &input.method,
                &path,
                Some(self.caller(&input.template)),
                body,
            )
            .await;
        let status = response.status().as_u16();
        if status >= 400 {
            return (status, problem(response).await);
        }
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn document(&self) -> Value {
        self.app
            .get("/api/v1/openapi.json")
            .await
            .json()
            .await
            .unwrap()
    }
}
