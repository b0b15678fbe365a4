//! Users and authentication as a user and an attacker see them: sign-up, verification, login,
//! sessions, the second factor, password reset and the login rate limits.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

/// The issue's walk: sign up → verify from the emailed link → log in → enrol TOTP → log out → log
/// in needs the code → a reused code is refused → a backup code works once.
async fn the_whole_identity_journey(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("journey");
    let (user_id, _) = app.signup(&email, PASSWORD).await;

    // Verify from the link in the real email.
    let mail = mail_sink().wait_for(&email, 1).await.remove(0);
    assert_eq!(mail.subject(), "Verify your email address");
    let token = link_token(&mail, "verify-email");
    let verified = app
        .expect(
            200,
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(json!({ "token": token })),
        )
        .await;
    assert!(verified["email_verified_at"].is_i64());
    // The link works once.
    let again = app
        .call(
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(json!({ "token": token })),
        )
        .await;
    assert_eq!(problem(again).await["code"], "invalid_token");

    // Log in and turn on TOTP.
    let session = app.login_ok(&email, PASSWORD).await;
    let enrolment = app
        .expect(
            200,
            "POST",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "current_password": PASSWORD })),
        )
        .await;
    let secret = enrolment["secret"].as_str().unwrap().to_owned();
    assert!(
        enrolment["otpauth_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/Roster:")
    );
    assert!(
        enrolment["qr_png"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    // Not on until confirmed: a wrong code changes nothing.
    let wrong = app
        .call(
            "POST",
            "/api/v1/me/totp/confirm",
            Some(&session),
            Some(json!({ "code": "000000" })),
        )
        .await;
    assert_eq!(problem(wrong).await["code"], "invalid_second_factor");
    assert_eq!(
        app.expect(200, "GET", "/api/v1/me", Some(&session), None)
            .await["totp_enabled"],
        false
    );
    let confirmed = app
        .expect(
            200,
            "POST",
            "/api/v1/me/totp/confirm",
            Some(&session),
            Some(json!({ "code": totp_code(&app, &secret) })),
        )
        .await;
    let backup_codes: Vec<String> =
        serde_json::from_value(confirmed["backup_codes"].clone()).unwrap();
    assert_eq!(backup_codes.len(), 10);
    assert_eq!(
        app.expect(200, "GET", "/api/v1/me", Some(&session), None)
            .await["totp_enabled"],
        true
    );

    // Log out: the token is dead.
    app.expect(204, "POST", "/api/v1/auth/logout", Some(&session), None)
        .await;
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&session), None)
            .await
            .status(),
        401
    );

    // The password alone is not enough any more.
    let response = app.login(&email, PASSWORD, json!({})).await;
    assert_eq!(response.status(), 401);
    assert_eq!(problem(response).await["code"], "second_factor_required");

    // A fresh code works (next time step: the confirming code's step is used up).
    app.state.clock.advance(Duration::from_secs(30));
    let code = totp_code(&app, &secret);
    let response = app
        .login(&email, PASSWORD, json!({ "totp_code": code }))
        .await;
    assert_eq!(response.status(), 200);
    // The same code again is a replay.
    let replay = app
        .login(&email, PASSWORD, json!({ "totp_code": code }))
        .await;
    assert_eq!(problem(replay).await["code"], "invalid_second_factor");
    // A wrong password with a good code is still just wrong credentials.
    app.state.clock.advance(Duration::from_secs(30));
    let response = app
        .login(
            &email,
            "not the password",
            json!({ "totp_code": totp_code(&app, &secret) }),
        )
        .await;
    assert_eq!(problem(response).await["code"], "invalid_credentials");

    // A backup code works once, written any way.
    let backup = backup_codes[3].to_lowercase().replace('-', " ");
    assert_eq!(
        app.login(&email, PASSWORD, json!({ "backup_code": backup }))
            .await
            .status(),
        200
    );
    let reused = app
        .login(&email, PASSWORD, json!({ "backup_code": backup_codes[3] }))
        .await;
    assert_eq!(problem(reused).await["code"], "invalid_second_factor");

    // New backup codes, proven with the password: the old unused ones stop working.
    let session = app
        .login(&email, PASSWORD, json!({ "backup_code": backup_codes[5] }))
        .await
        .json::<Value>()
        .await
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = app
        .call(
            "POST",
            "/api/v1/me/totp/backup-codes",
            Some(&session),
            Some(json!({ "password": "not the password" })),
        )
        .await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    let fresh = app
        .expect(
            200,
            "POST",
            "/api/v1/me/totp/backup-codes",
            Some(&session),
            Some(json!({ "password": PASSWORD })),
        )
        .await;
    let fresh: Vec<String> = serde_json::from_value(fresh["backup_codes"].clone()).unwrap();
    assert_eq!(fresh.len(), 10);
    let old = app
        .login(&email, PASSWORD, json!({ "backup_code": backup_codes[4] }))
        .await;
    assert_eq!(problem(old).await["code"], "invalid_second_factor");
    assert_eq!(
        app.login(&email, PASSWORD, json!({ "backup_code": fresh[0] }))
            .await
            .status(),
        200
    );

    // Rule 10: the changes were recorded for plugins too.
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM domain_events WHERE user_id = $1 ORDER BY seq")
            .bind(user_id.clone())
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        kinds.first().map(String::as_str),
        Some("user.created"),
        "{kinds:?}"
    );
    assert!(
        kinds.iter().filter(|k| *k == "user.logged_in").count() >= 3,
        "{kinds:?}"
    );
    let actions = app.audit_actions(&user_id).await;
    for expected in [
        "user.signed_up",
        "user.email_verified",
        "user.totp_enabled",
        "user.backup_codes_regenerated",
        "user.logged_out",
        "user.logged_in",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} not audited: {actions:?}"
        );
    }
}

/// Reset by email ends every old session; the old password stops working; the link works once.
async fn password_reset_by_email_ends_old_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("reset");
    let (user_id, signup_session) = app.signup(&email, PASSWORD).await;
    let login_session = app.login_ok(&email, PASSWORD).await;

    let body = app
        .expect(
            202,
            "POST",
            "/api/v1/auth/password-reset",
            None,
            Some(json!({ "email": email.to_uppercase() })),
        )
        .await;
    let mails = mail_sink().wait_for(&email, 2).await;
    let reset = mails
        .iter()
        .find(|m| m.subject() == "Reset your password")
        .unwrap();
    let token = link_token(reset, "reset-password");

    let info = reset_info(&app, &token).await;
    assert_eq!(info["security_question"], Value::Null);
    // A weak password is refused and uses nothing up.
    let weak = app
        .call(
            "POST",
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({ "token": token, "password": "password123" })),
        )
        .await;
    assert_eq!(problem(weak).await["code"], "weak_password");
    app.expect(
        204,
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": token, "password": "a brand new passphrase" })),
    )
    .await;

    for session in [&signup_session, &login_session] {
        assert_eq!(
            app.call("GET", "/api/v1/me", Some(session), None)
                .await
                .status(),
            401
        );
    }
    assert_eq!(
        problem(app.login(&email, PASSWORD, json!({})).await).await["code"],
        "invalid_credentials"
    );
    app.login_ok(&email, "a brand new passphrase").await;
    let used = app
        .call(
            "POST",
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({ "token": token, "password": "yet another passphrase" })),
        )
        .await;
    assert_eq!(problem(used).await["code"], "invalid_token");
    mail_sink().wait_for(&email, 3).await;
    assert!(
        mail_sink()
            .messages_to(&email)
            .iter()
            .any(|m| m.subject() == "Your password was changed")
    );
    assert!(
        app.audit_actions(&user_id)
            .await
            .contains(&"user.password_reset".to_owned())
    );

    // An unknown address gets the very same answer, and no mail.
    let stranger = unique_email("nobody");
    let same = app
        .expect(
            202,
            "POST",
            "/api/v1/auth/password-reset",
            None,
            Some(json!({ "email": stranger })),
        )
        .await;
    assert_eq!(same, body);
    app.assert_no_mail_to(&stranger).await;
}

/// With a security question, reset needs its answer.
async fn password_reset_asks_the_security_question(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("question");
    let (_, session) = app.signup(&email, PASSWORD).await;
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&session),
        Some(json!({
            "security_question": "First pet?", "security_answer": "  Rex The  Dog ",
            "current_password": PASSWORD,
        })),
    )
    .await;
    let token = reset_token(&app, &email, 2).await;
    let info = reset_info(&app, &token).await;
    assert_eq!(info["security_question"], "First pet?");

    for answer in [None, Some("Rex")] {
        let mut body = json!({ "token": token, "password": "a brand new passphrase" });
        if let Some(answer) = answer {
            body["security_answer"] = json!(answer);
        }
        let refused = app
            .call(
                "POST",
                "/api/v1/auth/password-reset/confirm",
                None,
                Some(body),
            )
            .await;
        assert_eq!(refused.status(), 422);
        let refused = problem(refused).await;
        assert_eq!(refused["code"], "security_answer_required");
        assert_eq!(refused["security_question"], "First pet?");
    }
    app.login_ok(&email, PASSWORD).await;
    app.expect(
        204,
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": token, "password": "a brand new passphrase", "security_answer": "rex the dog" })),
    )
    .await;
    app.login_ok(&email, "a brand new passphrase").await;
}

/// Unknown email and wrong password get the same status and body, and take comparable time (the
/// unknown email still runs a full argon2 verification).
async fn unknown_email_and_wrong_password_are_indistinguishable(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.rate_limit.per_ip = 1000).await;
    let email = unique_email("known");
    app.signup(&email, PASSWORD).await;
    let stranger = unique_email("stranger");

    let mut answers = Vec::new();
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..6 {
        for (i, who) in [&email, &stranger].into_iter().enumerate() {
            let started = std::time::Instant::now();
            let response = app.login(who, "wrong password here", json!({})).await;
            if round > 0 {
                times[i].push(started.elapsed());
            }
            let status = response.status().as_u16();
            let headers = response.headers().get("content-type").cloned();
            answers.push((i, status, headers, response.text().await.unwrap()));
        }
    }
    let (known, unknown): (Vec<_>, Vec<_>) = answers.into_iter().partition(|a| a.0 == 0);
    for (k, u) in known.iter().zip(&unknown) {
        assert_eq!((k.1, &k.2, &k.3), (u.1, &u.2, &u.3));
    }
    assert_eq!(known[0].1, 401);
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (known_time, unknown_time) = (median(&mut times[0]), median(&mut times[1]));
    let ratio = unknown_time.as_secs_f64() / known_time.as_secs_f64();
    assert!(
        (0.5..2.0).contains(&ratio),
        "unknown email {unknown_time:?} vs wrong password {known_time:?}"
    );
}

/// The 11th rapid failed login from one IP is refused with `rate_limited`, even with the right
/// password, until the window has passed.
async fn the_eleventh_rapid_failed_login_from_one_ip_is_rate_limited(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("limited");
    app.signup(&email, PASSWORD).await;
    for attempt in 1..=10 {
        let response = app.login(&email, "wrong password here", json!({})).await;
        assert_eq!(response.status(), 401, "attempt {attempt}");
    }
    let response = app.login(&email, PASSWORD, json!({})).await;
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(problem(response).await["code"], "rate_limited");

    app.state.clock.advance(Duration::from_secs(61));
    app.login_ok(&email, PASSWORD).await;
}

/// Rule 11: parallel password attempts cannot get around the limit.
async fn parallel_attempts_cannot_get_around_the_rate_limit(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("parallel");
    app.signup(&email, PASSWORD).await;
    let attempts = (0..30).map(|_| app.login(&email, "wrong password here", json!({})));
    let statuses: Vec<u16> = futures::future::join_all(attempts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        10,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        20,
        "{statuses:?}"
    );
}

/// Guessing one account's password from many IPs is slowed per email address, for one window only.
async fn guessing_one_email_from_many_ips_is_slowed(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.server.trust_forwarded_for = true).await;
    let email = unique_email("target");
    app.signup(&email, PASSWORD).await;
    let from = |i: u32| {
        let client = reqwest::Client::new();
        let url = app.url("/api/v1/auth/login");
        let email = email.clone();
        async move {
            client
                .post(url)
                .header("x-forwarded-for", format!("203.0.113.{i}"))
                .json(&json!({ "email": email, "password": "wrong password here" }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    for i in 1..=20 {
        assert_eq!(from(i).await, 401);
    }
    assert_eq!(from(21).await, 429);
    app.state.clock.advance(Duration::from_secs(15 * 60 + 1));
    app.login_ok(&email, PASSWORD).await;
}

/// A disabled user's token stops working on the very next request, and they cannot log in.
async fn a_disabled_users_token_stops_working_on_the_next_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let email = unique_email("disabled");
    let (user_id, session) = app.signup(&email, PASSWORD).await;
    app.expect(200, "GET", "/api/v1/me", Some(&session), None)
        .await;
    let updated = app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/admin/users/{user_id}"),
            Some(&admin),
            Some(json!({ "status": "disabled" })),
        )
        .await;
    assert_eq!(updated["status"], "disabled");
    assert_eq!(
        problem(app.call("GET", "/api/v1/me", Some(&session), None).await).await["code"],
        "unauthorized"
    );
    assert_eq!(
        problem(app.login(&email, PASSWORD, json!({})).await).await["code"],
        "invalid_credentials"
    );
    // Enabled again: a new login works (the old session stays ended).
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/admin/users/{user_id}"),
        Some(&admin),
        Some(json!({ "status": "active" })),
    )
    .await;
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&session), None)
            .await
            .status(),
        401
    );
    app.login_ok(&email, PASSWORD).await;
}

/// Sessions end after the idle time and after the absolute lifetime, and not a moment before:
/// a session used just inside its idle time lives on, and one used every hour lives its 7 days.
async fn sessions_expire_when_idle_and_at_their_absolute_end(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("expiry");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let me = |session: String| {
        let app = &app;
        async move {
            app.call("GET", "/api/v1/me", Some(&session), None)
                .await
                .status()
        }
    };
    let idle = Duration::from_secs(2 * 3600);
    // Used a minute before the idle limit, twice: each use starts the idle time again.
    for _ in 0..2 {
        app.state.clock.advance(idle - Duration::from_secs(60));
        assert_eq!(
            me(session.clone()).await,
            200,
            "alive just inside the idle time"
        );
    }
    app.state.clock.advance(idle + Duration::from_secs(1));
    assert_eq!(me(session).await, 401, "idle");

    let session = app.login_ok(&email, PASSWORD).await;
    for hour in 1..7 * 24 {
        app.state.clock.advance(Duration::from_secs(3600));
        assert_eq!(
            me(session.clone()).await,
            200,
            "ended after {hour} h of 168"
        );
    }
    // Used every hour, the session still ends 7 days after login.
    app.state.clock.advance(Duration::from_secs(3601));
    assert_eq!(me(session).await, 401, "absolute");
}

/// The cookie works like the bearer token; logout clears it.
async fn the_session_cookie_is_httponly_and_works(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("cookie");
    app.signup(&email, PASSWORD).await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("roster_session="), "{cookie}");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "http public URL: {cookie}");
    // app.client keeps cookies.
    assert_eq!(
        app.client
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // A state change with the cookie must come from Roster's own origin (see csrf.rs).
    let out = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("origin", &app.address)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(
        app.client
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
}

/// Listing and revoking one's sessions.
async fn users_see_and_end_their_own_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("sessions");
    let (_, first) = app.signup(&email, PASSWORD).await;
    let second = app.login_ok(&email, PASSWORD).await;
    let list = app
        .expect(200, "GET", "/api/v1/me/sessions", Some(&second), None)
        .await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let other = list.iter().find(|s| s["current"] == false).unwrap();
    assert_eq!(other["ip"], "127.0.0.1");
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/me/sessions/{}", other["id"].as_str().unwrap()),
        Some(&second),
        None,
    )
    .await;
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&first), None)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&second), None)
            .await
            .status(),
        200
    );

    // Someone else's session id is simply not found.
    let (_, stranger) = app.signup(&unique_email("stranger"), PASSWORD).await;
    let mine = app
        .expect(200, "GET", "/api/v1/me/sessions", Some(&second), None)
        .await;
    let id = mine[0]["id"].as_str().unwrap();
    let refused = app
        .call(
            "DELETE",
            &format!("/api/v1/me/sessions/{id}"),
            Some(&stranger),
            None,
        )
        .await;
    assert_eq!(problem(refused).await["code"], "not_found");
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&second), None)
            .await
            .status(),
        200
    );
}

/// Changing the password needs the current one and ends the other sessions; a new email restarts
/// verification.
async fn profile_changes_follow_the_rules(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("profile");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let other = app.login_ok(&email, PASSWORD).await;

    let refused = app
        .call(
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "password": "a brand new passphrase" })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "validation_failed");
    let wrong = app
        .call(
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "password": "a brand new passphrase", "current_password": "not it at all" })),
        )
        .await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    app.expect(
        200,
        "PATCH",
        "/api/v1/me",
        Some(&session),
        Some(json!({ "password": "a brand new passphrase", "current_password": PASSWORD, "first_name": "Augusta" })),
    )
    .await;
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&other), None)
            .await
            .status(),
        401
    );
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&session), None)
        .await;
    assert_eq!(me["first_name"], "Augusta");

    // Verify, then change the address: it changes only once the link sent to it is opened.
    let token = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
    app.expect(
        200,
        "POST",
        "/api/v1/auth/verify-email",
        None,
        Some(json!({ "token": token })),
    )
    .await;
    let new_email = unique_email("moved");
    let me = app
        .expect(
            200,
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "email": new_email, "current_password": "a brand new passphrase" })),
        )
        .await;
    assert_eq!(
        me["email"],
        email.as_str(),
        "nothing changes before the link"
    );
    assert!(me["email_verified_at"].is_i64());
    let link = mail_sink().wait_for(&new_email, 1).await.remove(0);
    assert_eq!(link.subject(), "Confirm your new email address");
    let token = link_token(&link, "verify-email");
    let me = app
        .expect(
            200,
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(json!({ "token": token })),
        )
        .await;
    assert_eq!(me["email"], new_email.as_str());
    assert!(me["email_verified_at"].is_i64());
    let again = app
        .call(
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(json!({ "token": token })),
        )
        .await;
    assert_eq!(problem(again).await["code"], "invalid_token");

    // Another user's address, whatever its case: the same answer, nothing changes, and that
    // address's owner is told instead.
    let taken = unique_email("taken");
    app.signup(&taken, PASSWORD).await;
    let clash = app
        .expect(
            200,
            "PATCH",
            "/api/v1/me",
            Some(&session),
            Some(json!({ "email": taken.to_uppercase(), "current_password": "a brand new passphrase" })),
        )
        .await;
    assert_eq!(clash["email"], new_email.as_str());
    let told = mail_sink().wait_for(&taken, 2).await;
    assert_eq!(
        told[1].subject(),
        "Your email address was named for another login"
    );
    assert_eq!(
        app.scalar::<i64>(
            "SELECT COUNT(*) FROM users WHERE email_normalized = $1",
            &taken.to_lowercase()
        )
        .await,
        1
    );
}

/// Sign-up refuses a taken email (any case), weak passwords and bad input, and writes nothing.
async fn signup_refuses_bad_input_and_taken_emails(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("first");
    app.signup(&email, PASSWORD).await;
    let attempt = |body: Value| app.call("POST", "/api/v1/signup", None, Some(body));
    let base = |email: &str, password: &str| json!({ "email": email, "password": password, "first_name": "Ada", "last_name": "Lovelace" });
    assert_eq!(
        problem(attempt(base(&email.to_uppercase(), PASSWORD)).await).await["code"],
        "email_taken"
    );
    let other = unique_email("second");
    assert_eq!(
        problem(attempt(base(&other, "short")).await).await["code"],
        "weak_password"
    );
    assert_eq!(
        problem(attempt(base(&other, "password123")).await).await["code"],
        "weak_password"
    );
    assert_eq!(
        problem(attempt(base("not-an-email", PASSWORD)).await).await["code"],
        "validation_failed"
    );
    let missing = attempt(json!({ "email": other, "password": PASSWORD })).await;
    assert_eq!(problem(missing).await["code"], "validation_failed");

    // Truncated JSON: 400 with the parser's message. Oversized: 413.
    let truncated = app
        .client
        .post(app.url("/api/v1/signup"))
        .header("content-type", "application/json")
        .body(r#"{"email": "a@example.com", "passw"#)
        .send()
        .await
        .unwrap();
    assert_eq!(truncated.status(), 400);
    let body = problem(truncated).await;
    assert_eq!(body["code"], "malformed_json");
    assert!(body["detail"].as_str().unwrap().contains("EOF"), "{body}");
    let (status, _, body) = raw_request_head(
        &app.address,
        "POST /api/v1/signup HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\n\
         Content-Length: 10485760\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status, 413);
    assert!(body.contains("payload_too_large"));

    // None of it left a user behind.
    let admin = app.admin_token().await;
    let found = app
        .expect(
            200,
            "GET",
            &format!(
                "/api/v1/admin/users?search={}",
                other.split('@').next().unwrap()
            ),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 0);
}

/// With `auth.require_email_verification`, login waits for the verified address.
async fn required_verification_blocks_login_until_verified(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.require_email_verification = true).await;
    let email = unique_email("strict");
    let body = app
        .expect(
            202,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": email, "password": PASSWORD, "first_name": "Ada", "last_name": "L" })),
        )
        .await;
    assert!(body.get("token").is_none(), "{body}");
    assert_eq!(
        problem(app.login(&email, PASSWORD, json!({})).await).await["code"],
        "email_not_verified"
    );
    let token = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
    app.expect(
        200,
        "POST",
        "/api/v1/auth/verify-email",
        None,
        Some(json!({ "token": token })),
    )
    .await;
    app.login_ok(&email, PASSWORD).await;
}

/// With `auth.require_email_verification`, sign-up answers a taken address exactly as a new one
/// (rule 11): same status, same body, no user made, and the address's owner gets an email with a
/// reset link instead of a verification link.
async fn signup_does_not_tell_whether_an_address_has_a_login(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.auth.require_email_verification = true).await;
    let taken = unique_email("taken");
    let (user_id, _) = app.signup_verified(&taken).await;
    let fresh = unique_email("fresh");
    let signup = |email: String| {
        let app = &app;
        async move {
            let response = app
                .call(
                    "POST",
                    "/api/v1/signup",
                    None,
                    Some(json!({ "email": email, "password": "another good passphrase", "first_name": "Eve", "last_name": "Probe" })),
                )
                .await;
            let status = response.status().as_u16();
            let set_cookie = response.headers().contains_key("set-cookie");
            (status, set_cookie, response.text().await.unwrap())
        }
    };
    let for_fresh = signup(fresh.clone()).await;
    let for_taken = signup(taken.clone()).await;
    assert_eq!(for_fresh, for_taken, "the answers differ");
    assert_eq!(for_taken.0, 202);
    assert!(!for_taken.1);

    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email_normalized = $1")
        .bind(taken.clone())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(users, 1);
    // The new address gets its verification link; the taken one a notice with a reset link that
    // works, and its password is unchanged until that link is used.
    let fresh_mail = &mail_sink().wait_for(&fresh, 1).await[0];
    assert_eq!(fresh_mail.subject(), "Verify your email address");
    let notice = mail_sink()
        .wait_for(&taken, 2)
        .await
        .into_iter()
        .find(|m| m.subject() == "You already have a login")
        .expect("no notice to the address's owner");
    app.login_ok(&taken, PASSWORD).await;
    let reset = link_token(&notice, "reset-password");
    app.expect(
        204,
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(json!({ "token": reset, "password": "a brand new passphrase" })),
    )
    .await;
    app.login_ok(&taken, "a brand new passphrase").await;
    assert!(
        app.audit_actions(&user_id)
            .await
            .contains(&"user.password_reset".to_owned())
    );
}

/// Sign-up attempts are counted per client IP, taken addresses or not, and through one invitation
/// link: past `auth.rate_limit.signup_per_ip` they answer `rate_limited`, and nothing is created.
async fn signup_attempts_are_rate_limited(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.auth.rate_limit = roster::settings::LoginRateLimit::default();
    })
    .await;
    let limit = roster::settings::LoginRateLimit::default().signup_per_ip;
    let taken = unique_email("probe-target");
    app.signup(&taken, PASSWORD).await;
    for _ in 1..limit {
        let response = app
            .call(
                "POST",
                "/api/v1/signup",
                None,
                Some(json!({ "email": taken, "password": PASSWORD, "first_name": "E", "last_name": "P" })),
            )
            .await;
        assert_eq!(response.status(), 409);
    }
    let fresh = unique_email("after-the-limit");
    let response = app
        .call(
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": fresh, "password": PASSWORD, "first_name": "E", "last_name": "P" })),
        )
        .await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(problem(response).await["code"], "rate_limited");
    let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email_normalized = $1")
        .bind(fresh.clone())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(made, 0);
    // The window ends: sign-up works again.
    app.state
        .clock
        .advance(roster::settings::LoginRateLimit::default().signup_per_ip_window);
    app.signup(&fresh, PASSWORD).await;
}

/// Hashes made with older argon2 parameters are replaced at the next login.
async fn old_password_hashes_are_rehashed_on_login(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("rehash");
    let (user_id, _) = app.signup(&email, PASSWORD).await;
    let weak = roster::users::Passwords::new(
        roster::settings::Argon2Settings {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        },
        roster::settings::PasswordPolicy::default(),
    )
    .unwrap();
    let old = weak
        .hash(&secrecy::SecretString::from(PASSWORD))
        .await
        .unwrap();
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(old.clone())
        .bind(user_id.clone())
        .execute(app.state.db.pool())
        .await
        .unwrap();
    app.login_ok(&email, PASSWORD).await;
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_ne!(stored, old);
    assert!(stored.contains("m=19456,t=2,p=1"), "{stored}");
    app.login_ok(&email, PASSWORD).await;
}

/// Turning TOTP off needs the password or a code; the admin can clear it for a lost phone.
async fn second_factor_can_be_turned_off_and_cleared(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let email = unique_email("totpoff");
    let (user_id, session) = app.signup(&email, PASSWORD).await;
    app.enrol_totp(&session, PASSWORD).await;
    let again = app
        .call(
            "POST",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "current_password": PASSWORD })),
        )
        .await;
    assert_eq!(problem(again).await["code"], "conflict");
    let wrong = app
        .call(
            "DELETE",
            "/api/v1/me/totp",
            Some(&session),
            Some(json!({ "password": "nope nope nope" })),
        )
        .await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    app.expect(
        204,
        "DELETE",
        "/api/v1/me/totp",
        Some(&session),
        Some(json!({ "password": PASSWORD })),
    )
    .await;
    app.login_ok(&email, PASSWORD).await;

    app.enrol_totp(&session, PASSWORD).await;
    assert_eq!(app.login(&email, PASSWORD, json!({})).await.status(), 401);
    app.expect(
        204,
        "DELETE",
        &format!("/api/v1/admin/users/{user_id}/totp"),
        Some(&admin),
        None,
    )
    .await;
    app.login_ok(&email, PASSWORD).await;
    assert!(
        app.audit_actions(&user_id)
            .await
            .contains(&"user.totp_cleared".to_owned())
    );
}

/// The emailed links open pages: opening one changes nothing, its button does.
async fn the_emailed_links_open_working_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("pages");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let token = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");

    let page = app
        .client
        .get(app.url(&format!("/verify-email/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    assert_eq!(
        page.headers()["content-security-policy"],
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    );
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<form method=\"post\">") && html.contains("Verify my email address"),
        "{html}"
    );
    let me = app
        .expect(200, "GET", "/api/v1/me", Some(&session), None)
        .await;
    assert_eq!(
        me["email_verified_at"],
        Value::Null,
        "opening the link verified nothing"
    );
    let browser = PageBrowser::new(&app);
    let path = format!("/verify-email/{token}");
    assert_eq!(browser.open(&path).await.0, 200);
    let (status, html) = browser.submit(&path, &[]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Email address verified"), "{html}");
    assert!(
        app.expect(200, "GET", "/api/v1/me", Some(&session), None)
            .await["email_verified_at"]
            .is_i64()
    );
    let (status, html) = browser.submit(&path, &[]).await;
    assert_eq!(status, 400);
    assert!(html.contains("invalid or has expired"), "{html}");

    let token = reset_token(&app, &email, 2).await;
    let path = format!("/reset-password/{token}");
    let (status, html) = browser.open(&path).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"password_confirm\""));
    let (status, html) = browser
        .submit(
            &path,
            &[
                ("password", "one new passphrase"),
                ("password_confirm", "another passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("The two passwords differ."));
    let (status, html) = browser
        .submit(
            &path,
            &[
                ("password", "password123"),
                ("password_confirm", "password123"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("too common"));
    let (status, html) = browser
        .submit(
            &path,
            &[
                ("password", "one new passphrase"),
                ("password_confirm", "one new passphrase"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Password changed"));
    app.login_ok(&email, "one new passphrase").await;
    assert_eq!(
        browser.open("/reset-password/not-a-real-token").await.0,
        400
    );
}

/// The sweeper removes ended sessions and dead links, and nothing that is still good.
async fn the_sweeper_removes_only_dead_rows(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = unique_email("sweep");
    let (_, old_session) = app.signup(&email, PASSWORD).await;
    app.state.clock.advance(Duration::from_secs(3 * 3600));
    let fresh = app.login_ok(&email, PASSWORD).await;
    let count = |table: &'static str| {
        let pool = app.state.db.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {table}"
            )))
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(count("sessions").await, 2);
    let removed = roster::sweeper::sweep_once(&app.state).await.unwrap();
    assert!(removed >= 1);
    assert_eq!(count("sessions").await, 1);
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&fresh), None)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.call("GET", "/api/v1/me", Some(&old_session), None)
            .await
            .status(),
        401
    );
    // The verification link expired an hour after sign-up; a day later it is gone.
    assert_eq!(count("user_tokens").await, 1);
    app.state.clock.advance(Duration::from_secs(24 * 3600));
    roster::sweeper::sweep_once(&app.state).await.unwrap();
    assert_eq!(count("user_tokens").await, 0);
}

both_backends!(
    the_whole_identity_journey,
    password_reset_by_email_ends_old_sessions,
    password_reset_asks_the_security_question,
    unknown_email_and_wrong_password_are_indistinguishable,
    the_eleventh_rapid_failed_login_from_one_ip_is_rate_limited,
    parallel_attempts_cannot_get_around_the_rate_limit,
    guessing_one_email_from_many_ips_is_slowed,
    a_disabled_users_token_stops_working_on_the_next_request,
    sessions_expire_when_idle_and_at_their_absolute_end,
    the_session_cookie_is_httponly_and_works,
    users_see_and_end_their_own_sessions,
    profile_changes_follow_the_rules,
    signup_refuses_bad_input_and_taken_emails,
    required_verification_blocks_login_until_verified,
    signup_does_not_tell_whether_an_address_has_a_login,
    signup_attempts_are_rate_limited,
    old_password_hashes_are_rehashed_on_login,
    second_factor_can_be_turned_off_and_cleared,
    the_emailed_links_open_working_pages,
    the_sweeper_removes_only_dead_rows,
);

/// The verification and password-reset links in a real browser (headless Chromium): the buttons
/// do what they say, a mistyped confirmation is shown on the page and changes nothing, and the new
/// password is the one that logs in. SQLite only: the pages do not depend on the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_emailed_links_work_in_a_real_browser() {
    let app = spawn_app(Backend::Sqlite).await;
    let email = unique_email("chromium");
    let (_, session) = app.signup(&email, PASSWORD).await;
    let token = link_token(&mail_sink().wait_for(&email, 1).await[0], "verify-email");
    let browser = crate::browser::Browser::start().await;

    browser
        .open(&app.url(&format!("/verify-email/{token}")))
        .await;
    browser
        .wait_for_text("Confirm that this email address is yours.")
        .await;
    browser.click("Verify my email address").await;
    browser.wait_for_text("Email address verified").await;
    assert!(
        app.expect(200, "GET", "/api/v1/me", Some(&session), None)
            .await["email_verified_at"]
            .is_i64()
    );

    let token = reset_token(&app, &email, 2).await;
    browser
        .open(&app.url(&format!("/reset-password/{token}")))
        .await;
    browser.wait_for_text("Choose a new password").await;
    browser.fill("password", "one new passphrase").await;
    browser.fill("password_confirm", "another passphrase").await;
    browser.click("Set the new password").await;
    browser.wait_for_text("The two passwords differ.").await;
    app.login_ok(&email, PASSWORD).await;
    browser.fill("password", "one new passphrase").await;
    browser.fill("password_confirm", "one new passphrase").await;
    browser.click("Set the new password").await;
    browser.wait_for_text("Password changed").await;
    app.login_ok(&email, "one new passphrase").await;
    let refused = app
        .call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({ "email": email, "password": PASSWORD })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "invalid_credentials");
    browser.close().await;
}
