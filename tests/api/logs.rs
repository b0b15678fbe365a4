//! No password, token, TOTP secret or code ever reaches a log line, even at debug level.

use serde_json::{Value, json};

use crate::helpers::*;

async fn no_secret_reaches_any_log_line(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db) = TestDb::create(backend).await;
    let port = mail_sink().port.to_string();
    let env = [
        ("ROSTER_DATABASE__URL", url.as_str()),
        ("ROSTER_LOG__FILTER", "debug"),
        ("ROSTER_MAIL__TRANSPORT", "smtp"),
        ("ROSTER_MAIL__SMTP__PORT", port.as_str()),
    ];
    let (code, admin_token, stderr) = run_roster(
        dir.path(),
        &["admin", "token", "create", "--name", "ops"],
        &env,
    );
    assert_eq!(code, 0, "{stderr}");
    let admin_token = admin_token.trim().to_owned();
    let server = ServerProcess::start(dir.path(), &env).await;
    let client = reqwest::Client::new();
    let call = |method: &str, path: &str, token: Option<&str>, body: Option<Value>| {
        let mut request =
            client.request(method.parse().unwrap(), format!("{}{path}", server.address));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let text = response.text().await.unwrap();
            (
                status,
                serde_json::from_str::<Value>(&text).unwrap_or(Value::Null),
            )
        }
    };

    let email = unique_email("quiet");
    let first_password = "first secret passphrase";
    let second_password = "second secret passphrase";
    let mut secrets: Vec<String> = vec![
        first_password.into(),
        second_password.into(),
        admin_token.clone(),
    ];

    let (status, signup) = call(
        "POST",
        "/api/v1/signup",
        None,
        Some(json!({ "email": email, "password": first_password, "first_name": "Q", "last_name": "Uiet" })),
    )
    .await;
    assert_eq!(status, 201);
    secrets.push(signup["token"].as_str().unwrap().to_owned());
    let verify = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
    secrets.push(verify.clone());
    assert_eq!(
        call(
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(json!({ "token": verify }))
        )
        .await
        .0,
        200
    );

    let (status, login) = call(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(json!({ "email": email, "password": first_password })),
    )
    .await;
    assert_eq!(status, 200);
    let session = login["token"].as_str().unwrap().to_owned();
    secrets.push(session.clone());
    let (_, enrolment) = call(
        "POST",
        "/api/v1/me/totp",
        Some(&session),
        Some(json!({ "current_password": first_password })),
    )
    .await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    secrets.push(secret.clone());
    let code = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(&secret).unwrap())
        .build()
        .unwrap()
        .generate_current()
        .to_string();
    secrets.push(code.clone());
    let (status, confirmed) = call(
        "POST",
        "/api/v1/me/totp/confirm",
        Some(&session),
        Some(json!({ "code": code })),
    )
    .await;
    assert_eq!(status, 200);
    let backup: Vec<String> = serde_json::from_value(confirmed["backup_codes"].clone()).unwrap();
    secrets.extend(backup.iter().cloned());
    // A wrong password, a missing factor, a backup-code login.
    assert_eq!(
        call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "email": email, "password": "wrong secret guess" }))
        )
        .await
        .0,
        401
    );
    secrets.push("wrong secret guess".into());
    let (status, with_backup) = call(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(json!({ "email": email, "password": first_password, "backup_code": backup[0] })),
    )
    .await;
    assert_eq!(status, 200);
    secrets.push(with_backup["token"].as_str().unwrap().to_owned());

    // Reset by email.
    assert_eq!(
        call(
            "POST",
            "/api/v1/auth/password-reset",
            None,
            Some(json!({ "email": email }))
        )
        .await
        .0,
        202
    );
    let mails = mail_sink().wait_for(&email, 2).await;
    let reset = link_token(
        mails
            .iter()
            .find(|m| m.subject() == "Reset your password")
            .unwrap(),
        "reset-password",
    );
    secrets.push(reset.clone());
    assert_eq!(
        call(
            "GET",
            &format!("/api/v1/auth/password-reset/{reset}"),
            None,
            None
        )
        .await
        .0,
        200
    );
    assert_eq!(
        call(
            "POST",
            "/api/v1/auth/password-reset/confirm",
            None,
            // TOTP is on: the link asks for a code too.
            Some(json!({ "token": reset, "password": second_password, "backup_code": backup[1] }))
        )
        .await
        .0,
        204
    );
    assert_eq!(
        call("GET", "/api/v1/admin/users", Some(&admin_token), None)
            .await
            .0,
        200
    );

    let (code, logs) = server.stop().await;
    assert_eq!(code, Some(0));
    assert!(
        logs.len() > 20,
        "debug logging produced {} lines",
        logs.len()
    );
    for line in logs.iter() {
        let text = line.to_string();
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "a secret reached the log: {text}"
            );
        }
    }
    // Request lines name the route template, not the path with its token.
    assert!(
        logs.iter()
            .any(|l| l["span"]["route"] == "/api/v1/auth/password-reset/{token}")
    );
}

both_backends!(no_secret_reaches_any_log_line);
