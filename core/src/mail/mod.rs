//! Outgoing mail through lettre: SMTP for production, a file folder or the log for development.
//!
//! The `log` transport records only the recipient and subject: message bodies carry one-time links
//! (verification, reset, invitations), and no secret may reach a log line.

pub mod admin_http;
pub mod admin_pages;
pub mod outbox;
pub mod service;
pub mod templates;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lettre::message::{Mailbox, MultiPart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::settings::{MailSettings, MailTransport, SmtpTls};

/// Why a message could not be built or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address `{0}`")]
    Address(String),
    #[error("cannot build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP delivery failed: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the message file failed: {0}")]
    File(#[from] lettre::transport::file::Error),
    #[error("mail settings: {0}")]
    Settings(String),
    #[error("mail template: {0}")]
    Template(String),
    #[error("mail template: {0}")]
    Render(#[from] minijinja::Error),
    /// The mail server took the connection but did not finish within the deadline.
    #[error("the mail server did not answer within {0:?}")]
    Timeout(std::time::Duration),
}

/// A message ready to send: plain text, and HTML when the template has it.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

enum Transport {
    /// The transport, and the deadline of one whole message ([`SEND_DEADLINE_FACTOR`] times
    /// `mail.smtp.timeout`): lettre's timeout bounds each step it reads with, but a server that
    /// accepts the connection and never greets held a send for ever.
    Smtp(AsyncSmtpTransport<Tokio1Executor>, std::time::Duration),
    File(AsyncFileTransport<Tokio1Executor>),
    Log,
}

/// One whole message (connect, greeting, TLS, the envelope, the data) may take this many times
/// `mail.smtp.timeout`.
pub const SEND_DEADLINE_FACTOR: u32 = 3;

/// Sends mail with the configured transport. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    transport: Arc<Transport>,
    from: Mailbox,
    templates: Arc<templates::Templates>,
    templates_dir: Option<std::path::PathBuf>,
    /// Background mail work not finished yet.
    pending: Arc<AtomicUsize>,
    /// Wakes the outbox's sender (a change with mail committed).
    wake: Arc<tokio::sync::Notify>,
}

/// Counts one piece of background mail work as done when dropped (also when it panics).
struct PendingGuard(Arc<AtomicUsize>);

impl Drop for PendingGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match *self.transport {
            Transport::Smtp(..) => "smtp",
            Transport::File(_) => "file",
            Transport::Log => "log",
        };
        f.debug_struct("Mailer")
            .field("transport", &kind)
            .field("from", &self.from.to_string())
            .finish()
    }
}

/// TLS to the SMTP server, verified against `host` with the public web roots and the authorities in
/// `ca_file`, if any.
fn tls_parameters(smtp: &crate::settings::SmtpSettings) -> Result<TlsParameters, MailError> {
    let mut builder = TlsParameters::builder(smtp.host.clone());
    if let Some(path) = &smtp.ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            MailError::Settings(format!(
                "cannot read mail.smtp.ca_file {}: {e}",
                path.display()
            ))
        })?;
        let unusable = |why: String| {
            MailError::Settings(format!(
                "mail.smtp.ca_file {} holds no usable certificate: {why}",
                path.display()
            ))
        };
        if !pem
            .windows(b"-----BEGIN CERTIFICATE-----".len())
            .any(|w| w == b"-----BEGIN CERTIFICATE-----")
        {
            return Err(unusable("no PEM `CERTIFICATE` block".to_owned()));
        }
        let authority = Certificate::from_pem(&pem).map_err(|e| unusable(e.to_string()))?;
        builder = builder.add_root_certificate(authority);
    }
    Ok(builder.build_rustls()?)
}

impl Mailer {
    pub fn from_settings(settings: &MailSettings) -> Result<Self, MailError> {
        let from = Mailbox::from_str(&settings.from)
            .map_err(|_| MailError::Address(settings.from.clone()))?;
        let transport = match settings.transport {
            MailTransport::Log => Transport::Log,
            MailTransport::File => {
                std::fs::create_dir_all(&settings.file.dir).map_err(|e| {
                    MailError::Settings(format!(
                        "cannot create mail.file.dir {}: {e}",
                        settings.file.dir.display()
                    ))
                })?;
                Transport::File(AsyncFileTransport::new(&settings.file.dir))
            }
            MailTransport::Smtp => {
                let smtp = &settings.smtp;
                let tls = match smtp.tls {
                    SmtpTls::None => Tls::None,
                    SmtpTls::Starttls => Tls::Required(tls_parameters(smtp)?),
                    SmtpTls::Tls => Tls::Wrapper(tls_parameters(smtp)?),
                };
                let mut builder =
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                        .port(smtp.port)
                        .tls(tls)
                        .timeout(Some(smtp.timeout));
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    builder = builder
                        .credentials(Credentials::new(user.clone(), password.expose().to_owned()));
                }
                Transport::Smtp(builder.build(), smtp.timeout * SEND_DEADLINE_FACTOR)
            }
        };
        Ok(Self {
            transport: Arc::new(transport),
            from,
            templates: Arc::new(templates::Templates::new(
                settings.templates_dir.clone(),
                &templates::Branding::default(),
                Arc::new(
                    crate::i18n::Messages::shipped()
                        .map_err(|p| MailError::Template(p.to_string()))?,
                ),
            )),
            templates_dir: settings.templates_dir.clone(),
            pending: Arc::new(AtomicUsize::new(0)),
            wake: Arc::new(tokio::sync::Notify::new()),
        })
    }

    /// The same mailer, its messages carrying the provider's branding (`[ui]`, `server.public_url`)
    /// and wording (`messages`, overrides included), its templates from `ui.mail_templates_dir`.
    pub fn branded(
        mut self,
        settings: &crate::settings::Settings,
        messages: Arc<crate::i18n::Messages>,
    ) -> Self {
        self.templates_dir = settings.mail_templates_dir().cloned();
        self.templates = Arc::new(templates::Templates::new(
            self.templates_dir.clone(),
            &templates::Branding::of(settings),
            messages,
        ));
        self
    }

    /// Renders template `name` in language `lang` with `values` and delivers it to `to`.
    pub async fn send_template(
        &self,
        to: &str,
        name: &str,
        lang: &str,
        values: &serde_json::Value,
    ) -> Result<(), MailError> {
        let rendered = self.templates.render(name, lang, values)?;
        self.send(OutgoingMail {
            to: to.to_owned(),
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
        })
        .await
    }

    /// Wakes the outbox's sender: a change that wrote mail has committed ([`outbox::enqueue`]).
    /// Without it the sender finds the message at its next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// What the outbox's sender waits on.
    pub(crate) fn woken(&self) -> Arc<tokio::sync::Notify> {
        self.wake.clone()
    }

    /// Runs background work that may end in mail (or decide to send none, like a reset asked for
    /// an unknown address), counted until it is done: see [`Mailer::settled`].
    pub fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        let done = PendingGuard(self.pending.clone());
        tokio::spawn(async move {
            let _done = done;
            work.await;
        });
    }

    /// Waits until no background mail work is left (work spawned by work counts before its parent
    /// ends, so "none left" means none will follow).
    pub async fn settled(&self) {
        while self.pending.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// Builds and delivers one message.
    pub async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        let to = Mailbox::from_str(&mail.to).map_err(|_| MailError::Address(mail.to.clone()))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.as_str());
        let message = match mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(mail.text, html))?,
            None => builder.header(ContentType::TEXT_PLAIN).body(mail.text)?,
        };
        match &*self.transport {
            Transport::Smtp(smtp, deadline) => {
                tokio::time::timeout(*deadline, smtp.send(message))
                    .await
                    .map_err(|_| MailError::Timeout(*deadline))??;
            }
            Transport::File(file) => {
                let id = file.send(message).await?;
                tracing::info!(message_file = %id, "mail written to file");
            }
            Transport::Log => {
                tracing::info!(
                    to = %mail.to,
                    subject = %mail.subject,
                    "mail not delivered (mail.transport = \"log\"); use \"file\" or \"smtp\" to read it"
                );
            }
        }
        Ok(())
    }
}
