//! The OpenAPI document and its human page.

use crate::helpers::*;

async fn the_openapi_document_is_3_1_and_lists_the_routes(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let doc: serde_json::Value = response.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Roster API");
    for path in ["/healthz", "/readyz"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

/// The document says what the shared layers answer: every error is a problem document, every
/// body may be refused as malformed (400), too large (413), of the wrong type (415) or invalid
/// (422), every secured call may answer 401, and the enforced constraints are in the schemas.
async fn the_document_describes_the_layers_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        if path == "/includes/api.php" {
            // WHMCS's API answers as WHMCS does: its own test is below.
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let name = format!("{} {path}", method.to_uppercase());
            let responses = op["responses"].as_object().unwrap();
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let content = &response["content"];
                    assert!(
                        content["application/problem+json"].is_object()
                            && content["application/json"].is_null(),
                        "{name} {status}: {content}"
                    );
                }
            }
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(status), "{name} lacks {status}");
                }
            }
            let secured = op["security"]
                .as_array()
                .unwrap_or_else(|| panic!("{name} says nothing of auth"))
                .iter()
                .all(|requirement| requirement.as_object().is_some_and(|r| !r.is_empty()));
            let has_security = !op["security"].as_array().unwrap().is_empty();
            if secured && has_security {
                assert!(responses.contains_key("401"), "{name} lacks 401");
            }
            for parameter in op["parameters"].as_array().into_iter().flatten() {
                if parameter["name"] == "limit" {
                    assert_eq!(parameter["schema"]["minimum"], 1, "{name}");
                    assert!(parameter["schema"]["maximum"].is_u64(), "{name}");
                }
                if parameter["in"] == "path" {
                    assert!(responses.contains_key("404"), "{name} lacks 404");
                }
            }
        }
    }
    assert!(operations > 50, "{operations} operations");
    // WHMCS's API: a form body, credentials in it, WHMCS's envelope in JSON or XML.
    let whmcs = &doc["paths"]["/includes/api.php"]["post"];
    assert_eq!(whmcs["security"], serde_json::json!([]));
    assert_eq!(
        whmcs["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]["required"],
        serde_json::json!(["action"])
    );
    for status in ["200", "400", "403", "500"] {
        let content = &whmcs["responses"][status]["content"];
        assert!(
            content["application/json"].is_object() && content["application/xml"].is_object(),
            "{status}: {content}"
        );
    }
    let signup = &doc["components"]["schemas"]["SignupRequest"]["properties"];
    assert_eq!(signup["email"]["format"], "email");
    assert_eq!(signup["first_name"]["maxLength"], 100);
    assert_eq!(signup["password"]["minLength"], 10);
    let limit = &doc["paths"]["/api/v1/admin/users"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .unwrap()["schema"];
    assert_eq!(
        (limit["minimum"].as_u64(), limit["maximum"].as_u64()),
        (Some(1), Some(200))
    );
    assert_eq!(
        doc["paths"]["/api/v1/admin/users"]["get"]["security"][0]["admin"],
        serde_json::json!([])
    );
    assert_eq!(
        doc["paths"]["/api/v1/auth/login"]["post"]["security"],
        serde_json::json!([])
    );

    // And the server answers an error with the media type the document gives.
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

/// `/api/v1/docs` is a full reference (Swagger UI: request and response schemas, examples, try it
/// out) whose every file comes from Roster itself: nothing from a CDN, and a CSP that allows no
/// other origin.
async fn the_docs_page_is_served_entirely_by_roster(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/api/v1/docs/").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("http"), "{csp}");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    let html = response.text().await.unwrap();
    let mut assets = Vec::new();
    for marker in ["src=\"", "href=\""] {
        for piece in html.split(marker).skip(1) {
            let target = piece.split('"').next().unwrap();
            assert!(
                !target.contains("//"),
                "the page loads {target} from elsewhere"
            );
            assets.push(target.trim_start_matches("./").to_owned());
        }
    }
    assert!(assets.iter().any(|a| a.ends_with(".js")), "{html}");
    for asset in &assets {
        let response = app.get(&format!("/api/v1/docs/{asset}")).await;
        assert_eq!(response.status(), 200, "{asset}");
    }
    let initializer = app
        .get("/api/v1/docs/swagger-initializer.js")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        initializer.contains("/api/v1/openapi.json"),
        "{initializer}"
    );
}

/// The reference in a real browser: Chromium runs Swagger UI from Roster's own files under the
/// page's CSP, shows an operation's request body schema, and "try it out" calls the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reference_works_in_a_real_browser() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = crate::browser::Browser::start().await;
    browser.open(&app.url("/api/v1/docs/")).await;
    let text = browser.wait_for_text("/api/v1/signup").await;
    assert!(text.contains("Roster API"), "{text}");
    // The sign-up operation: its request body, with the documented constraints.
    browser
        .click_css("#operations-auth-signup .opblock-summary-control")
        .await;
    let text = browser.wait_for_text("Request body").await;
    assert!(text.contains("first_name"), "{text}");
    // Try it out (on from the start) on the permission catalog: the browser calls Roster and
    // shows the answer.
    browser
        .click_css("#operations-accounts-list_permissions .opblock-summary-control")
        .await;
    browser
        .click_css("#operations-accounts-list_permissions .execute")
        .await;
    let text = browser.wait_for_text("Manage Contacts").await;
    assert!(text.contains("Response body"), "{text}");
    browser.close().await;
}

both_backends!(
    the_openapi_document_is_3_1_and_lists_the_routes,
    the_document_describes_the_layers_answers,
    the_docs_page_is_served_entirely_by_roster,
);
