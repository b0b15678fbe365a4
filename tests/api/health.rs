//! Liveness, readiness and request ids.

use crate::helpers::*;

async fn healthz_answers_while_the_process_runs(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({ "status": "ok" }));
}

async fn readyz_reports_the_database_and_its_migrations(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["database"], backend.as_str());
    let on_disk = std::fs::read_dir(format!(
        "{}/../migrations/{}",
        env!("CARGO_MANIFEST_DIR"),
        backend.as_str()
    ))
    .unwrap()
    .filter(|e| {
        e.as_ref()
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "sql")
    })
    .count();
    assert_eq!(body["migrations"], on_disk);
}

async fn every_response_carries_a_request_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let generated = app.get("/healthz").await;
    let id = generated.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");

    let echoed = app
        .client
        .get(app.url("/nowhere"))
        .header("x-request-id", "support-ticket-42")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "support-ticket-42");
}

both_backends!(
    healthz_answers_while_the_process_runs,
    readyz_reports_the_database_and_its_migrations,
    every_response_carries_a_request_id,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_answers_503_when_postgres_goes_away() {
    let app = spawn_app(Backend::Postgres).await;
    assert_eq!(app.get("/readyz").await.status(), 200);
    let TestDb::Postgres { name } = &app.db else {
        unreachable!()
    };
    TestDb::drop_postgres_now(name).await;

    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    let body = problem(response).await;
    assert_eq!(body["code"], "not_ready");
    assert_eq!(body["detail"], "the database is unreachable");
    // Liveness does not depend on the database.
    assert_eq!(app.get("/healthz").await.status(), 200);
}
