//! A property test over the whole API: read the OpenAPI document, and for every operation send a
//! control character (NUL, CR/LF, ESC, DEL, the C1 range…) in every path parameter, query
//! parameter and body string it documents, with every other value valid and a caller who may make
//! the call. Each must be refused (404 `not_found` for a path parameter, 422 `validation_failed`
//! naming the field otherwise): no 5xx, no success, and afterwards the database holds exactly the
//! rows it held before.
//!
//! The characters and their positions come from a seeded generator; a failure prints the seed,
//! and `CONTROL_CHARS_SEED=N` replays it.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

/// splitmix64: small, seedable, good enough to pick characters and positions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    /// A plausible value with control characters in it: the fixed ones every field gets, then a
    /// random `Cc` character at a random place.
    fn bad_values(&mut self, base: &str) -> Vec<String> {
        let controls: Vec<char> = (0u32..0x20)
            .chain([0x7f])
            .chain(0x80..0xa0)
            .filter_map(char::from_u32)
            .collect();
        let mut values = vec![
            format!("{base}\u{0}"),
            format!("{base}\r\nBcc: x@evil.example"),
        ];
        for _ in 0..2 {
            let c = controls[self.below(controls.len())];
            let chars: Vec<char> = base.chars().collect();
            let at = self.below(chars.len() + 1);
            let mut value: String = chars[..at].iter().collect();
            value.push(c);
            value.extend(&chars[at..]);
            values.push(value);
        }
        values
    }
}

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
/// `permissions[0]`).
fn string_fields(doc: &Value, schema: &Value, prefix: &str, out: &mut Vec<String>) {
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
        "string" => out.push(prefix.to_owned()),
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

async fn control_characters_are_refused_everywhere_and_store_nothing(backend: Backend) {
    let seed: u64 = std::env::var("CONTROL_CHARS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()) ^ 0x5eed);
    let mut rng = Rng(seed);
    let w = world(backend).await;
    let doc: Value = w
        .app
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let before = row_counts(&w.app).await;
    let mut tried = 0;
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let parameters: Vec<(String, String)> = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    (
                        p["name"].as_str().unwrap().to_owned(),
                        p["in"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let body_schema = &operation["requestBody"]["content"]["application/json"]["schema"];
            let good_body = (!body_schema.is_null()).then(|| sample(&doc, body_schema, ""));
            let mut fields = Vec::new();
            if !body_schema.is_null() {
                string_fields(&doc, body_schema, "", &mut fields);
            }
            // (where, name) of every input to spoil.
            let mut targets: Vec<(&str, String)> = parameters
                .iter()
                .map(|(name, place)| (place.as_str(), name.clone()))
                .collect();
            targets.extend(fields.into_iter().map(|f| ("body", f)));
            for (place, target) in targets {
                for bad in rng.bad_values("Ab1") {
                    let mut path = template.clone();
                    let mut query = Vec::new();
                    for (name, place_of) in &parameters {
                        let value = if *name == target && place_of == place {
                            bad.clone()
                        } else if place_of == "path" {
                            w.path_value(template, name)
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
                    let body = if place == "body" {
                        let mut body = good_body.clone().unwrap_or(json!({}));
                        set_path(&mut body, &target, json!(bad));
                        Some(body)
                    } else {
                        good_body.clone()
                    };
                    let shown = format!(
                        "{} {template}: {place} `{target}` = {bad:?} (seed {seed})",
                        method.to_uppercase()
                    );
                    let response = w
                        .app
                        .call(
                            &method.to_uppercase(),
                            &path,
                            Some(w.caller(template)),
                            body,
                        )
                        .await;
                    let status = response.status().as_u16();
                    let problem = problem(response).await;
                    tried += 1;
                    if place == "path" {
                        assert_eq!(status, 404, "{shown}: {problem}");
                        assert_eq!(problem["code"], "not_found", "{shown}");
                    } else {
                        assert_eq!(status, 422, "{shown}: {problem}");
                        assert_eq!(problem["code"], "validation_failed", "{shown}");
                        assert_eq!(problem["field"], target.as_str(), "{shown}: {problem}");
                    }
                }
            }
        }
    }
    assert!(tried > 300, "only {tried} requests: is the document empty?");
    assert_eq!(
        row_counts(&w.app).await,
        before,
        "a refused request wrote something (seed {seed})"
    );
}

both_backends!(control_characters_are_refused_everywhere_and_store_nothing);
