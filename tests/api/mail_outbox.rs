//! The mail outbox: messages are written with the change that causes them and sent from the
//! database. An SMTP server that refuses for a while (a gate in front of the test sink answering
//! `421` until it opens) delays mail but loses none and sends none twice; a message given up on is
//! listed by the admin API and sent again on retry.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::client_area::PASSWORD;
use crate::helpers::{Backend, TestApp, mail_sink, spawn_app_with, unique_email};

/// An SMTP endpoint that refuses every connection with `421` while closed, and passes
/// connections through to the test sink once opened.
struct SmtpGate {
    port: u16,
    open: Arc<AtomicBool>,
    refused: Arc<AtomicUsize>,
}

impl SmtpGate {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let open = Arc::new(AtomicBool::new(false));
        let refused = Arc::new(AtomicUsize::new(0));
        let (gate_open, gate_refused) = (open.clone(), refused.clone());
        std::thread::spawn(move || {
            for mut client in listener.incoming().flatten() {
                if !gate_open.load(Ordering::SeqCst) {
                    gate_refused.fetch_add(1, Ordering::SeqCst);
                    let _ = client.write_all(b"421 sink.test is not accepting mail now\r\n");
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(sink) = TcpStream::connect(("127.0.0.1", mail_sink().port)) else {
                    continue;
                };
                pipe(client.try_clone().unwrap(), sink.try_clone().unwrap());
                pipe(sink, client);
            }
        });
        Self {
            port,
            open,
            refused,
        }
    }

    fn open(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// Copies `from` into `to` on a thread of its own until `from` closes.
fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0 || to.write_all(&buffer[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Write);
    });
}

/// A server whose mail goes through `gate`, retrying quickly, giving up after `max_attempts`.
async fn app_behind(gate: &SmtpGate, max_attempts: u32) -> TestApp {
    let port = gate.port;
    spawn_app_with(Backend::Sqlite, |s| {
        s.mail.smtp.port = port;
        s.mail.smtp.timeout = Duration::from_secs(2);
        s.mail.outbox.poll_interval = Duration::from_millis(50);
        s.mail.outbox.backoff = Duration::from_millis(50);
        s.mail.outbox.max_backoff = Duration::from_millis(200);
        s.mail.outbox.max_attempts = max_attempts;
    })
    .await
}

/// An owner (signed up through the API; the mail server refuses their verification link, so
/// staff mark the address verified) inviting `emails`; answers the owner's session.
async fn invite_all(app: &TestApp, emails: &[String]) -> String {
    let (user_id, token) = app.signup(&unique_email("gate-owner"), PASSWORD).await;
    let admin = app.admin_token().await;
    app.expect(
        200,
        "PATCH",
        &format!("/api/v1/admin/users/{user_id}"),
        Some(&admin),
        Some(json!({ "email_verified": true })),
    )
    .await;
    let account = app.my_accounts(&token).await[0]["account"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for email in emails {
        app.expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/invitations"),
            Some(&token),
            Some(json!({ "email": email })),
        )
        .await;
    }
    token
}

/// The outbox's rows for `email`: (state, attempts).
async fn rows_for(app: &TestApp, email: &str) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT state, attempts FROM mail_outbox WHERE recipient = $1 ORDER BY seq")
        .bind(email.to_owned())
        .fetch_all(app.state.db.pool())
        .await
        .unwrap()
}

/// Waits until `check` holds for every one of `emails` (10 s at most).
async fn wait_until(app: &TestApp, emails: &[String], check: impl Fn(&[(String, i64)]) -> bool) {
    for _ in 0..200 {
        let mut all = true;
        for email in emails {
            all &= check(&rows_for(app, email).await);
        }
        if all {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut seen = Vec::new();
    for email in emails {
        seen.push(rows_for(app, email).await);
    }
    panic!("the outbox never got there: {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_waits_out_a_refusing_smtp_server_and_arrives_once() {
    let gate = SmtpGate::start();
    let app = app_behind(&gate, 1000).await;
    let invitees: Vec<String> = (0..3).map(|i| unique_email(&format!("gated{i}"))).collect();
    // The requests answer at once: nothing waits for the mail server.
    invite_all(&app, &invitees).await;
    wait_until(&app, &invitees, |rows| {
        rows.len() == 1 && rows[0].0 == "pending" && rows[0].1 >= 2
    })
    .await;
    assert!(gate.refused.load(Ordering::SeqCst) >= 6);
    for email in &invitees {
        assert!(mail_sink().messages_to(email).is_empty());
    }

    gate.open();
    for email in &invitees {
        let got = mail_sink().wait_for(email, 1).await;
        assert_eq!(got[0].subject(), "Account Access Invitation");
    }
    wait_until(&app, &invitees, |rows| {
        rows.len() == 1 && rows[0].0 == "sent"
    })
    .await;
    // Nothing is sent twice: a sent message is never taken again, and nothing is due.
    roster::mail::outbox::settled(&app.state).await;
    for email in &invitees {
        assert_eq!(mail_sink().messages_to(email).len(), 1, "{email}");
    }
    // What was sent no longer holds its link.
    let values: Vec<String> =
        sqlx::query_scalar("SELECT values_json FROM mail_outbox WHERE state = 'sent'")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert!(values.iter().all(|v| v == "{}"), "{values:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_given_up_on_are_listed_and_sent_again_on_retry() {
    let gate = SmtpGate::start();
    let app = app_behind(&gate, 2).await;
    let invitee = unique_email("given-up");
    invite_all(&app, std::slice::from_ref(&invitee)).await;
    wait_until(&app, std::slice::from_ref(&invitee), |rows| {
        rows.len() == 1 && rows[0] == ("failed".to_owned(), 2)
    })
    .await;

    let admin = app.admin_token().await;
    let failed = app
        .expect(200, "GET", "/api/v1/admin/mail", Some(&admin), None)
        .await;
    let items: Vec<&Value> = failed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["recipient"] == invitee.as_str())
        .collect();
    assert_eq!(items.len(), 1, "{failed}");
    assert_eq!(items[0]["template"], "invitation");
    assert!(
        items[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("not accepting mail"),
        "{failed}"
    );
    assert!(!failed.to_string().contains("/invite/"), "never the link");
    let id = items[0]["id"].as_str().unwrap();

    // The admin area's mail queue shows it; support may look but not retry.
    let (support, _) =
        crate::admin_area::staff_over_http(&app, roster::admins::Role::Support).await;
    let (status, html) = support.open("/admin/mail").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&invitee) && html.contains("not accepting mail"),
        "{html}"
    );
    assert!(!html.contains("/invite/"), "never the link");
    assert!(!html.contains(&format!("/admin/mail/{id}/retry")));
    let refused = support
        .post_form(&format!("/admin/mail/{id}/retry"), &[])
        .await;
    assert_eq!(refused.status(), 403);

    gate.open();
    app.expect(
        202,
        "POST",
        &format!("/api/v1/admin/mail/{id}/retry"),
        Some(&admin),
        None,
    )
    .await;
    mail_sink().wait_for(&invitee, 1).await;
    wait_until(&app, std::slice::from_ref(&invitee), |rows| {
        rows.len() == 1 && rows[0].0 == "sent"
    })
    .await;
    // Retrying what is not failed names nothing.
    let again = app
        .call(
            "POST",
            &format!("/api/v1/admin/mail/{id}/retry"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(again.status(), 404);
    let audited: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'mail.retried' AND after_json LIKE '%' || $1 || '%'",
            id,
        )
        .await;
    assert_eq!(audited, 1);
}
