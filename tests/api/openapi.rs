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

async fn the_docs_page_lists_every_operation(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let response = app.get("/api/v1/docs").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    // minijinja escapes `/` in text; read the page as a browser would show it.
    let page = response.text().await.unwrap().replace("&#x2f;", "/");
    assert!(page.contains("<html lang=\"en\">"));
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let heading = format!(
                "<span class=\"method\">{}</span> <span class=\"path\">{}</span>",
                method.to_uppercase(),
                path
            );
            assert!(
                page.contains(&heading),
                "{heading} missing from the docs page"
            );
        }
    }
}

both_backends!(
    the_openapi_document_is_3_1_and_lists_the_routes,
    the_docs_page_lists_every_operation,
);
