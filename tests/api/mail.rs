//! Outgoing mail crosses a real SMTP connection into the sink.

use roster::mail::{Mailer, OutgoingMail};
use roster::settings::{MailSettings, MailTransport, SmtpTls};

use crate::helpers::*;

fn smtp_to_sink() -> MailSettings {
    let mut settings = MailSettings {
        transport: MailTransport::Smtp,
        from: "Roster Test <roster@example.test>".to_owned(),
        ..MailSettings::default()
    };
    settings.smtp.host = "127.0.0.1".to_owned();
    settings.smtp.port = mail_sink().port;
    settings
}

#[tokio::test]
async fn smtp_delivers_text_and_html_alternatives() {
    let to = unique_email("alice");
    let mailer = Mailer::from_settings(&smtp_to_sink()).unwrap();
    mailer
        .send(OutgoingMail {
            to: to.clone(),
            subject: "Welcome to Roster".to_owned(),
            text: "Hello Alice,\nyour link: https://portal.example.test/verify/abc\n".to_owned(),
            html: Some("<p>Hello Alice</p>".to_owned()),
        })
        .await
        .unwrap();

    let mail = mail_sink().wait_for(&to, 1).await.remove(0);
    assert_eq!(mail.from, "roster@example.test");
    assert_eq!(mail.to, vec![to]);
    assert_eq!(mail.subject(), "Welcome to Roster");
    let text = mail.body("text/plain").unwrap();
    assert!(
        text.contains("https://portal.example.test/verify/abc"),
        "{text}"
    );
    assert!(
        mail.body("text/html")
            .unwrap()
            .contains("<p>Hello Alice</p>")
    );
}

/// A mail server that takes the connection and then says nothing (a black hole behind a
/// firewall): the send gives up at `mail.smtp.timeout` with an error, never hangs.
#[tokio::test]
async fn an_unreachable_smtp_server_is_an_error_not_a_hang() {
    let mut settings = smtp_to_sink();
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    settings.smtp.port = silent.local_addr().unwrap().port();
    // Accepts every connection and holds it open without a greeting.
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            open.push(socket);
        }
    });
    settings.smtp.timeout = std::time::Duration::from_secs(2);
    let mailer = Mailer::from_settings(&settings).unwrap();
    let send = mailer.send(OutgoingMail {
        to: unique_email("bob"),
        subject: "x".to_owned(),
        text: "x".to_owned(),
        html: None,
    });
    let result = tokio::time::timeout(std::time::Duration::from_secs(30), send)
        .await
        .expect("the send hung past its timeout");
    assert!(result.is_err());
    held.abort();
}

#[tokio::test]
async fn the_file_transport_writes_one_eml_per_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = MailSettings {
        transport: MailTransport::File,
        ..MailSettings::default()
    };
    settings.file.dir = dir.path().join("mail");
    let mailer = Mailer::from_settings(&settings).unwrap();
    mailer
        .send(OutgoingMail {
            to: "carol@example.test".to_owned(),
            subject: "Filed".to_owned(),
            text: "kept on disk".to_owned(),
            html: None,
        })
        .await
        .unwrap();
    let files: Vec<_> = std::fs::read_dir(dir.path().join("mail"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let content = std::fs::read_to_string(&files[0]).unwrap();
    assert!(content.contains("Subject: Filed"), "{content}");
    assert!(content.contains("kept on disk"), "{content}");
}

#[test]
fn roster_mail_test_sends_through_the_configured_smtp_server() {
    let dir = tempfile::tempdir().unwrap();
    let to = unique_email("ops");
    let port = mail_sink().port.to_string();
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &["mail", "test", "--to", &to],
        &[
            ("ROSTER_MAIL__TRANSPORT", "smtp"),
            ("ROSTER_MAIL__SMTP__HOST", "127.0.0.1"),
            ("ROSTER_MAIL__SMTP__PORT", &port),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("sent a test message to {to}")),
        "{stdout}"
    );
    let mails = mail_sink().messages_to(&to);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject(), "Roster test message");
    assert_eq!(mails[0].from, "noreply@example.test");
}

/// TLS to the mail server is real and verified: STARTTLS and implicit TLS deliver to a sink whose
/// certificate comes from a CA the test made, once `mail.smtp.ca_file` names that CA; without it
/// the certificate is refused and nothing is delivered.
#[tokio::test]
async fn starttls_and_tls_are_verified_against_the_configured_authority() {
    for (mode, tls) in [
        (SinkTls::Starttls, SmtpTls::Starttls),
        (SinkTls::Implicit, SmtpTls::Tls),
    ] {
        let sink = TlsMailSink::start(mode);
        let dir = tempfile::tempdir().unwrap();
        let ca_file = dir.path().join("ca.pem");
        std::fs::write(&ca_file, &sink.ca_pem).unwrap();
        let mut settings = smtp_to_sink();
        settings.smtp.port = sink.port;
        settings.smtp.tls = tls;
        settings.smtp.timeout = std::time::Duration::from_secs(5);
        let mail = |to: &str| OutgoingMail {
            to: to.to_owned(),
            subject: "Over TLS".to_owned(),
            text: "sealed".to_owned(),
            html: None,
        };

        // Only the public web roots: the test CA's certificate is refused.
        let untrusted = Mailer::from_settings(&settings).unwrap();
        let error = untrusted
            .send(mail(&unique_email("refused")))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.to_lowercase().contains("certificate"),
            "{mode:?}: {error}"
        );
        assert!(
            sink.received().is_empty(),
            "{mode:?}: delivered without trust"
        );

        settings.smtp.ca_file = Some(ca_file.clone());
        let trusting = Mailer::from_settings(&settings).unwrap();
        let to = unique_email("sealed");
        trusting.send(mail(&to)).await.unwrap();
        let received = sink.received();
        assert_eq!(received.len(), 1, "{mode:?}");
        assert_eq!(received[0].to, vec![to]);
        assert_eq!(received[0].subject(), "Over TLS");

        // A CA file that holds no certificate stops the mailer from being built.
        std::fs::write(&ca_file, "not a certificate").unwrap();
        assert!(Mailer::from_settings(&settings).is_err(), "{mode:?}");
    }
}
