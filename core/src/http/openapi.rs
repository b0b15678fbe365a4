//! The OpenAPI 3.1 document: generated from the handlers by utoipa, then made to say what the
//! server's shared layers do for every operation, in one place rather than in 60 annotations:
//!
//! - who may call it (`security`): the admin API takes an admin token, a short list of calls is
//!   public, accepting an invitation takes a session or none, everything else takes a session;
//! - the answers every operation of a kind can give: 401 without credentials; 404 for a path
//!   parameter that names nothing (`http::input`); 422 for a bad query parameter; 400, 413, 415
//!   and 422 for a body; 403 `cross_site_request` for cookie-authenticated writes (`http::csrf`);
//!   403 `vetoed_by_plugin` and 503 `plugin_failed` where a before-hook runs; 429 where a rate
//!   limit counts;
//! - errors as `application/problem+json`, the media type they are served with.
//!
//! `tests/api/openapi.rs` and the conformance fuzzer in CI (`.ci/openapi-fuzz`) hold the document
//! to what the server answers.

use serde_json::{Map, Value, json};
use utoipa::OpenApi;

use super::problem::PROBLEM_JSON;

/// The document's fixed parts; paths are collected from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Roster API",
        description = "Users, accounts, ownership, permissions and invitations for a hosting \
                       platform. Errors are RFC 9457 problem documents with a stable `code`. \
                       Programs authenticate with `Authorization: Bearer <token>`; browsers may \
                       use the `roster_session` cookie, but then a state-changing call must come \
                       from Roster's own origin."
    ),
    tags(
        (name = "operations", description = "Health and readiness probes"),
        (name = "auth", description = "Sign-up, login, email verification, password reset"),
        (name = "me", description = "The signed-in user: profile, sessions, second factor"),
        (name = "accounts", description = "Accounts, their users and permissions (client area)"),
        (name = "invitations", description = "Invitations: the owner's, and the invitee's link"),
        (name = "admin", description = "The admin API (admin bearer token)"),
        (name = "openid-connect", description = "Sign in with Roster: Roster as an OpenID Connect provider (the signing keys so far)"),
        (name = "whmcs", description = "WHMCS's API at /includes/api.php, for scripts written against WHMCS"),
    ),
    modifiers(&Security)
)]
pub struct ApiDoc;

/// Declares the two bearer schemes: session tokens and admin tokens.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A session token from login (or the roster_session cookie)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "admin",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An admin token from `roster admin token create`"))
                    .build(),
            ),
        );
    }
}

/// Calls anyone may make.
const PUBLIC: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("post", "/api/v1/signup"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/password-reset"),
    ("get", "/api/v1/auth/password-reset/{token}"),
    ("post", "/api/v1/auth/password-reset/confirm"),
    ("post", "/api/v1/auth/verify-email"),
    ("get", "/api/v1/invitations/{token}"),
    ("get", "/api/v1/permissions"),
];

/// Calls that work with a session and without one (accepting by signing up).
const SESSION_OPTIONAL: &[(&str, &str)] = &[("post", "/api/v1/invitations/{token}/accept")];

/// Calls a plugin's before-hook may refuse (DESIGN §3).
const HOOKED: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/accounts/{id}/invitations"),
    ("post", "/api/v1/admin/accounts/{id}/invitations"),
    ("post", "/api/v1/invitations/{token}/accept"),
    ("post", "/api/v1/admin/accounts/{id}/owner"),
    ("delete", "/api/v1/accounts/{id}/users/{user_id}"),
    ("delete", "/api/v1/admin/accounts/{id}/users/{user_id}"),
];

/// Calls counted against a rate limit (they can answer 429 with `Retry-After`).
const RATE_LIMITED: &[(&str, &str)] = &[
    ("post", "/api/v1/signup"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/password-reset/confirm"),
    ("post", "/api/v1/invitations/{token}/accept"),
    // Proofs inside a session count against the user's sign-in limit.
    ("patch", "/api/v1/me"),
    ("post", "/api/v1/me/totp"),
    ("post", "/api/v1/me/totp/confirm"),
    ("post", "/api/v1/me/totp/backup-codes"),
    ("delete", "/api/v1/me/totp"),
    ("put", "/api/v1/me/support/allowance"),
    // The cheap changes share a budget per person (`audit::budget`).
    ("patch", "/api/v1/me/passkeys/{id}"),
    ("patch", "/api/v1/accounts/{id}"),
    ("post", "/api/v1/accounts/{id}/contacts"),
    ("patch", "/api/v1/accounts/{id}/contacts/{contact_id}"),
    ("delete", "/api/v1/accounts/{id}/contacts/{contact_id}"),
    ("patch", "/api/v1/accounts/{id}/users/{user_id}"),
    ("delete", "/api/v1/me/support/allowance"),
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/accounts/{id}/invitations"),
    (
        "post",
        "/api/v1/accounts/{id}/invitations/{invitation_id}/resend",
    ),
    ("post", "/api/v1/admin/accounts/{id}/invitations"),
    (
        "post",
        "/api/v1/admin/accounts/{id}/invitations/{invitation_id}/resend",
    ),
];

/// The complete document as served at `/api/v1/openapi.json`.
pub fn document(generated: &utoipa::openapi::OpenApi) -> Result<Value, serde_json::Error> {
    let mut doc = serde_json::to_value(generated)?;
    apply_conventions(&mut doc);
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        paths.insert(WHMCS_API.to_owned(), whmcs_api());
    }
    Ok(doc)
}

/// WHMCS's API (`crate::whmcs_api`): outside the conventions above, because it answers as WHMCS
/// does, not as Roster's API does: a form body, credentials in it (no `security` scheme), and
/// WHMCS's envelope instead of problem documents, with 200 for business errors.
pub const WHMCS_API: &str = "/includes/api.php";

fn whmcs_api() -> Value {
    let envelope = json!({
        "type": "object",
        "required": ["result"],
        "properties": {
            "result": { "type": "string", "enum": ["success", "error"] },
            "message": { "type": "string", "description": "Why, in WHMCS's words (errors)" }
        },
        "additionalProperties": true
    });
    let answer = |description: &str| {
        json!({
            "description": description,
            "content": {
                "application/json": { "schema": envelope },
                "application/xml": { "schema": { "type": "string" } }
            }
        })
    };
    let text = |description: &str| json!({ "type": "string", "description": description });
    json!({
        "post": {
            "tags": ["whmcs"],
            "operationId": "whmcs_api",
            "summary": "WHMCS's API: one action per call",
            "description": "The actions, fields and messages of WHMCS's API (docs/whmcs-api.md). \
                Every parameter may also come in the query string; the body wins. Fields an action \
                does not know are ignored.",
            "security": [],
            "requestBody": {
                "required": true,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["action"],
                            "properties": {
                                "action": text("The action, in any case: GetUsers, AddClient, ..."),
                                "identifier": text("An API credential's identifier"),
                                "secret": text("Its secret"),
                                "username": text("The identifier, in WHMCS's older field"),
                                "password": text("The secret, in WHMCS's older field"),
                                "accesskey": text("whmcs_api.access_key: passes the address check"),
                                "responsetype": text("`json` (the default) or `xml`; anything else answers JSON")
                            },
                            "additionalProperties": { "type": "string" }
                        }
                    }
                }
            },
            "responses": {
                "200": answer("The action's answer: `result` success with its fields, or error with `message`"),
                "400": answer("`Empty action request`, an action Roster does not speak, or a control character in a field"),
                "403": answer("Credentials, the address or the credential's role refused"),
                "413": {
                    "description": "The body is larger than server.max_body_bytes",
                    "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
                },
                "500": answer("`An unexpected error occurred` (nothing about the cause)")
            }
        }
    })
}

fn apply_conventions(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            let Some(operation) = operation.as_object_mut() else {
                continue;
            };
            conventions(method, path, operation);
        }
    }
}

fn conventions(method: &str, path: &str, op: &mut Map<String, Value>) {
    let key = (method, path);
    let admin = path.starts_with("/api/v1/admin/");
    let public = PUBLIC.contains(&key);
    let optional = SESSION_OPTIONAL.contains(&key);
    let security = if admin {
        json!([{ "admin": [] }])
    } else if public {
        json!([])
    } else if optional {
        json!([{}, { "session": [] }])
    } else {
        json!([{ "session": [] }])
    };
    op.insert("security".to_owned(), security);

    let places: Vec<String> = op
        .get("parameters")
        .and_then(Value::as_array)
        .map(|params| {
            params
                .iter()
                .filter_map(|p| p.get("in").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let has_body = op.contains_key("requestBody");
    let writes = !matches!(method, "get" | "head" | "options");
    let responses = op
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut();
    let Some(responses) = responses else { return };

    let mut add = |status: &str, text: &str| {
        let entry = responses
            .entry(status.to_owned())
            .or_insert_with(|| json!({ "description": text }));
        // An answer documented by the handler keeps its description; the layers' cases are
        // added to it.
        if let Some(description) = entry.get_mut("description")
            && let Some(existing) = description.as_str()
            && !existing.contains(text)
            && existing != text
        {
            *description = Value::String(format!("{existing}; {text}"));
        }
    };
    if !public && !optional {
        add("401", "`unauthorized`: no valid token");
    }
    if !public && !admin && writes {
        add(
            "403",
            "`cross_site_request`: the session cookie without a bearer token, from another origin",
        );
    }
    if places.iter().any(|p| p == "path") {
        add("404", "`not_found`");
    }
    if places.iter().any(|p| p == "query") {
        add("422", "`validation_failed`: a query parameter is not valid");
    }
    if has_body {
        add("400", "`malformed_json`");
        add("413", "`payload_too_large`");
        add(
            "415",
            "`unsupported_media_type`: send `Content-Type: application/json`",
        );
        add("422", "`validation_failed`: the body is not valid");
    }
    if RATE_LIMITED.contains(&key) {
        add(
            "429",
            "`rate_limited`: too many attempts; `Retry-After` says when to try again",
        );
    }
    if HOOKED.contains(&key) {
        add("403", "`vetoed_by_plugin`: a plugin refused");
        add("503", "`plugin_failed`: a plugin could not decide");
    }

    // Every error answer is a problem document.
    for (status, response) in responses.iter_mut() {
        if !(status.starts_with('4') || status.starts_with('5')) {
            continue;
        }
        let content = response
            .as_object_mut()
            .map(|r| r.entry("content").or_insert_with(|| json!({})));
        if let Some(Value::Object(content)) = content {
            content.remove("application/json");
            content.insert(
                PROBLEM_JSON.to_owned(),
                json!({ "schema": { "$ref": "#/components/schemas/Problem" } }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_problem_documents_and_layers_add_their_answers() {
        let mut op = json!({
            "parameters": [{ "name": "id", "in": "path" }],
            "requestBody": {},
            "responses": {
                "200": { "description": "ok", "content": { "application/json": {} } },
                "422": { "description": "`weak_password`", "content": { "application/json": {} } },
            },
        });
        conventions(
            "patch",
            "/api/v1/accounts/{id}",
            op.as_object_mut().unwrap(),
        );
        let responses = &op["responses"];
        for status in ["400", "401", "403", "404", "413", "415", "422"] {
            assert!(
                responses[status]["content"][PROBLEM_JSON].is_object(),
                "{status}"
            );
            assert!(responses[status]["content"]["application/json"].is_null());
        }
        assert!(responses["200"]["content"]["application/json"].is_object());
        let described = responses["422"]["description"].as_str().unwrap();
        assert!(
            described.contains("weak_password") && described.contains("body"),
            "{described}"
        );
        assert_eq!(op["security"], json!([{ "session": [] }]));
    }

    #[test]
    fn security_follows_the_call() {
        let security = |method: &str, path: &str| {
            let mut op = json!({ "responses": {} });
            conventions(method, path, op.as_object_mut().unwrap());
            op["security"].clone()
        };
        assert_eq!(
            security("get", "/api/v1/admin/users"),
            json!([{ "admin": [] }])
        );
        assert_eq!(security("post", "/api/v1/auth/login"), json!([]));
        assert_eq!(security("get", "/api/v1/me"), json!([{ "session": [] }]));
        assert_eq!(
            security("post", "/api/v1/invitations/{token}/accept"),
            json!([{}, { "session": [] }])
        );
    }
}
