//! The error model seen from outside: every refusal is an RFC 9457 problem with a stable code.

use serde_json::json;

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

async fn unknown_routes_answer_a_not_found_problem(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/nope",
        "/api/v1/nope",
        "/api/v2/openapi.json",
        "/healthz/extra",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body = problem(response).await;
        assert_eq!(body["code"], "not_found", "{path}");
    }
}

async fn wrong_methods_answer_a_problem_naming_the_allowed_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .client
        .delete(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let allow = response.headers()["allow"].to_str().unwrap().to_owned();
    assert!(allow.contains("GET"), "{allow}");
    let body = problem(response).await;
    assert_eq!(body["code"], "method_not_allowed");
    assert!(body["detail"].as_str().unwrap().contains("GET"), "{body}");
}

async fn a_ten_megabyte_body_is_refused_with_413(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/healthz", "/api/v1/anything"] {
        // The server answers from the headers alone, before any of the body is read.
        let (status, headers, body) = raw_request_head(
            &app.address,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n",
                10 * 1024 * 1024
            ),
        )
        .await;
        assert_eq!(status, 413, "{path}");
        assert!(
            headers.contains("content-type: application/problem+json"),
            "{headers}"
        );
        let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["code"], "payload_too_large");
        assert_eq!(problem["status"], 413);
    }
    // The server is still fine afterwards.
    assert_eq!(app.get("/readyz").await.status(), 200);
}

async fn the_body_limit_comes_from_settings(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.server.max_body_bytes = 16).await;
    let response = app
        .client
        .post(app.url("/healthz"))
        .body("x".repeat(17))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(problem(response).await["code"], "payload_too_large");
}

/// A body of the wrong type is refused even where serde_json would read it by position: `[[]]`
/// is not `{"permissions": []}`, and `{"signup": [..]}` is not a sign-up (found by the fuzzer).
/// Neither changes anything.
async fn an_array_is_never_taken_for_an_object(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, account) = app.signup_owner("Shape Hosting").await;
    let email = unique_email("shape");
    let token = app
        .invite(&owner, &account, &email, json!(["invoices"]))
        .await;
    let signup = json!([&email, PASSWORD, "Sam", "Shape"]);
    let refused = app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({ "signup": signup })),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let body = problem(refused).await;
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["field"], "signup", "{body}");
    assert_eq!(app.invitation_preview(&token).await["state"], "pending");

    let accepted = app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({ "signup": { "email": email, "password": PASSWORD, "first_name": "Sam", "last_name": "Shape" } })),
        )
        .await;
    let member = accepted["user"]["id"].as_str().unwrap().to_owned();
    let admin = app.admin_token().await;
    for (path, token) in [
        (
            format!("/api/v1/admin/accounts/{account}/users/{member}"),
            &admin,
        ),
        (format!("/api/v1/accounts/{account}/users/{member}"), &owner),
    ] {
        for body in [json!([[]]), json!([["profile"]]), json!("permissions")] {
            let refused = app
                .call("PATCH", &path, Some(token), Some(body.clone()))
                .await;
            assert_eq!(refused.status(), 422, "{path} {body}");
            assert_eq!(problem(refused).await["code"], "validation_failed");
        }
    }
    let mine = app.my_accounts(&app.login_ok(&email, PASSWORD).await).await;
    assert_eq!(mine[0]["permissions"], json!(["invoices"]));
}

both_backends!(
    unknown_routes_answer_a_not_found_problem,
    wrong_methods_answer_a_problem_naming_the_allowed_ones,
    a_ten_megabyte_body_is_refused_with_413,
    the_body_limit_comes_from_settings,
    an_array_is_never_taken_for_an_object,
);
