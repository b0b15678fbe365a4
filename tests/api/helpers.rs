//! The test harness: `spawn_app()` (the server in-process on a real socket), fresh databases on both
//! backends, the SMTP sink, and helpers to run the real `roster` binary.

use std::io::{self, BufRead, BufReader as StdBufReader, Write};
use std::net::{TcpListener as StdTcpListener, TcpStream};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use mailin::{Action, Handler, Response, SessionBuilder, response};
pub use roster::settings::Backend;
use roster::settings::{MailTransport, Settings};
use serde_json::Value;
use sqlx::{Connection, Executor, PgConnection};
use tokio::io::{AsyncBufReadExt, BufReader};

/// Runs each named `async fn(Backend)` as two tests: `sqlite::NAME` and `postgres::NAME`.
macro_rules! both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Postgres).await;
                }
            )+
        }
    };
}

/// Where the test PostgreSQL is; tests create and drop their own databases there.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Runs one statement on the admin connection of the test PostgreSQL.
async fn postgres_admin(sql: String) -> Result<(), sqlx::Error> {
    let mut conn = PgConnection::connect(&postgres_admin_url()).await?;
    conn.execute(sqlx::AssertSqlSafe(sql)).await?;
    conn.close().await
}

fn drop_database(name: &str) -> String {
    format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")
}

/// A database that exists for one test and is removed when dropped.
pub enum TestDb {
    Sqlite { _dir: tempfile::TempDir },
    Postgres { name: String },
}

impl TestDb {
    /// A fresh, empty database and the URL that reaches it.
    pub async fn create(backend: Backend) -> (String, TestDb) {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}", dir.path().join("roster.db").display());
                (url, TestDb::Sqlite { _dir: dir })
            }
            Backend::Postgres => {
                let name = format!("roster_test_{}", uuid::Uuid::new_v4().simple());
                postgres_admin(format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL is needed for the tests at {} (set TEST_POSTGRES_URL): {e}",
                            postgres_admin_url()
                        )
                    });
                let mut url = url::Url::parse(&postgres_admin_url()).unwrap();
                url.set_path(&name);
                (url.to_string(), TestDb::Postgres { name })
            }
        }
    }

    /// Drops a PostgreSQL test database now, even while the server holds connections to it.
    pub async fn drop_postgres_now(name: &str) {
        postgres_admin(drop_database(name)).await.unwrap();
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { name } = self {
            let name = name.clone();
            // Drop runs inside the test's runtime: do the async clean-up on a thread of its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                let _ = runtime.block_on(postgres_admin(drop_database(&name)));
            })
            .join();
        }
    }
}

/// The server under test, running in this process on a real TCP socket.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDb,
    /// The running server's state: its clock (tests move time with `state.clock.advance`) and
    /// database (to check what was written).
    pub state: roster::state::AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// A request with an optional bearer token (no cookie jar: each call says who it is).
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> reqwest::Response {
        let client = reqwest::Client::new();
        let mut request = client.request(method.parse().unwrap(), self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    /// `call`, expecting `status`, returning the JSON body (or `Value::Null` for an empty body).
    pub async fn expect(
        &self,
        status: u16,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Value {
        let response = self.call(method, path, token, body).await;
        let got = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert_eq!(got, status, "{method} {path}: {text}");
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        }
    }

    /// Signs a user up; returns (user id, session token).
    pub async fn signup(&self, email: &str, password: &str) -> (String, String) {
        let body = self
            .expect(
                201,
                "POST",
                "/api/v1/signup",
                None,
                Some(serde_json::json!({
                    "email": email, "password": password, "first_name": "Ada", "last_name": "Lovelace",
                })),
            )
            .await;
        (
            body["user"]["id"].as_str().unwrap().to_owned(),
            body["token"].as_str().unwrap().to_owned(),
        )
    }

    /// Signs an owner up with a new account named `company` and verifies their address (an owner
    /// with an unverified address sends no invitations); returns (session token, account id).
    pub async fn signup_owner(&self, company: &str) -> (String, String) {
        let email = unique_email("owner");
        let body = self
            .expect(
                self.signup_status(),
                "POST",
                "/api/v1/signup",
                None,
                Some(serde_json::json!({
                    "email": email, "password": "correct horse battery",
                    "first_name": "Olive", "last_name": "Owner",
                    "account": { "company_name": company },
                })),
            )
            .await;
        self.verify_address(&email).await;
        // Signed in by the sign-up, unless verification had to come first.
        let session = match body["token"].as_str() {
            Some(token) => token.to_owned(),
            None => self.login_ok(&email, "correct horse battery").await,
        };
        let account = self.my_accounts(&session).await[0]["account"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        (session, account)
    }

    /// Turns TOTP on for the user of `session` (whose password is `password`), as the API's
    /// enrolment and confirmation do; answers the secret.
    pub async fn enrol_totp(&self, session: &str, password: &str) -> String {
        let enrolment = self
            .expect(
                200,
                "POST",
                "/api/v1/me/totp",
                Some(session),
                Some(serde_json::json!({ "current_password": password })),
            )
            .await;
        let secret = enrolment["secret"].as_str().unwrap().to_owned();
        self.expect(
            200,
            "POST",
            "/api/v1/me/totp/confirm",
            Some(session),
            Some(serde_json::json!({ "code": totp_code(self, &secret) })),
        )
        .await;
        secret
    }

    /// Verifies `email` from the first message sent to it (the sign-up's verification link);
    /// answers the user as the verification answers it.
    pub async fn verify_address(&self, email: &str) -> Value {
        let mail = mail_sink().wait_for(email, 1).await.remove(0);
        let token = link_token(&mail, "verify-email");
        self.expect(
            200,
            "POST",
            "/api/v1/auth/verify-email",
            None,
            Some(serde_json::json!({ "token": token })),
        )
        .await
    }

    /// Signs a user up and verifies the address from the emailed link (for servers with
    /// `auth.require_email_verification`); returns (user id, session token).
    pub async fn signup_verified(&self, email: &str) -> (String, String) {
        self.expect(
            self.signup_status(),
            "POST",
            "/api/v1/signup",
            None,
            Some(serde_json::json!({
                "email": email, "password": "correct horse battery", "first_name": "Ada", "last_name": "Lovelace",
            })),
        )
        .await;
        let user = self.verify_address(email).await;
        let session = self.login_ok(email, "correct horse battery").await;
        (user["id"].as_str().unwrap().to_owned(), session)
    }

    fn signup_status(&self) -> u16 {
        if self.state.settings.auth.require_email_verification {
            202
        } else {
            201
        }
    }

    /// Logs in; returns the raw response.
    pub async fn login(&self, email: &str, password: &str, extra: Value) -> reqwest::Response {
        let mut body = serde_json::json!({ "email": email, "password": password });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        self.call("POST", "/api/v1/auth/login", None, Some(body))
            .await
    }

    /// Logs in, expecting success; returns the session token.
    pub async fn login_ok(&self, email: &str, password: &str) -> String {
        let response = self.login(email, password, serde_json::json!({})).await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        body["token"].as_str().unwrap().to_owned()
    }

    /// The first page of `GET /api/v1/me/accounts` for `token`: its `items` array.
    pub async fn my_accounts(&self, token: &str) -> Value {
        let page = self
            .expect(200, "GET", "/api/v1/me/accounts", Some(token), None)
            .await;
        assert!(page["next_cursor"].is_null(), "one page expected: {page}");
        page["items"].clone()
    }

    /// What an invitation link shows anyone who holds it (`GET /api/v1/invitations/{token}`).
    pub async fn invitation_preview(&self, token: &str) -> Value {
        self.expect(
            200,
            "GET",
            &format!("/api/v1/invitations/{token}"),
            None,
            None,
        )
        .await
    }

    /// Adds a contact to `account` as `token`'s user; its id.
    pub async fn new_contact(&self, account: &str, token: &str) -> String {
        self.expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/contacts"),
            Some(token),
            Some(serde_json::json!({
                "first_name": "Carl", "last_name": "Contact", "email": unique_email("contact"),
            })),
        )
        .await["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Asserts that `address` got no mail: waits until the server has no background mail work
    /// left (every request so far has sent, or decided not to send, its mail), then looks.
    pub async fn assert_no_mail_to(&self, address: &str) {
        tokio::time::timeout(
            Duration::from_secs(10),
            roster::mail::outbox::settled(&self.state),
        )
        .await
        .expect("background mail still running after 10 s");
        assert!(
            mail_sink().messages_to(address).is_empty(),
            "{address} got mail"
        );
    }

    /// A new admin token, made the way `roster admin token create` makes it.
    pub async fn admin_token(&self) -> String {
        let name = format!("test-{}", uuid::Uuid::new_v4().simple());
        roster::admins::create(
            &self.state.db,
            self.state.clock.now_ms(),
            &name,
            roster::admins::Role::Administrator,
        )
        .await
        .unwrap()
        .0
    }

    /// Revokes the live staff credential of `kind` named `name`, as the CLI does; whether there was
    /// one.
    pub async fn revoke_credential(&self, kind: roster::admins::Kind, name: &str) -> bool {
        roster::admins::revoke(
            &self.state.db,
            &roster::audit::Context::system(),
            self.state.clock.now_ms(),
            kind,
            name,
        )
        .await
        .unwrap()
    }

    /// A new WHMCS API credential with `role`: (identifier, secret).
    pub async fn api_credential(&self, role: roster::admins::Role) -> (String, String) {
        let name = format!("api-{}", uuid::Uuid::new_v4().simple());
        let new = roster::admins::create_api_credential(
            &self.state.db,
            &roster::audit::Context::system(),
            self.state.clock.now_ms(),
            &name,
            role,
        )
        .await
        .unwrap();
        (new.identifier, new.secret)
    }

    /// `POST /includes/api.php` with a form body (and an optional query string), as WHMCS's API
    /// clients send it: (HTTP status, Content-Type, JSON body).
    pub async fn whmcs(&self, query: &str, form: &[(&str, &str)]) -> (u16, String, Value) {
        let response = self
            .client
            .post(self.url(&format!("/includes/api.php{query}")))
            .form(form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, content_type, body)
    }

    /// One value read with `sql` (one `$1` parameter, bound to `param`).
    pub async fn scalar<T>(&self, sql: &'static str, param: &str) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        sqlx::query_scalar(sql)
            .bind(param.to_owned())
            .fetch_one(self.state.db.pool())
            .await
            .unwrap()
    }

    /// What any request could have changed, in one string: the number of rows of every table a
    /// form or a call writes, and the states and permissions a refused request must not move.
    /// (Not the outbox's states: messages go out in the background.)
    pub async fn db_snapshot(&self) -> String {
        let pool = self.state.db.pool();
        let mut out = String::new();
        for table in [
            "users",
            "accounts",
            "memberships",
            "invitations",
            "contacts",
            "sessions",
            "user_tokens",
            "staff",
            "staff_setup_links",
            "admin_tokens",
            "audit_events",
            "domain_events",
            "mail_outbox",
            "plugin_parked",
        ] {
            let n: i64 =
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                    .fetch_one(pool)
                    .await
                    .unwrap();
            out.push_str(&format!("{table}={n} "));
        }
        for sql in [
            "SELECT status || ':' || COALESCE(totp_secret, '') || ':' || COALESCE(email_verified_at, 0) \
             FROM users ORDER BY id",
            "SELECT status || ':' || owner_user_id || ':' || COALESCE(company_name, '') FROM accounts ORDER BY id",
            "SELECT user_id || ':' || permissions FROM memberships ORDER BY account_id, user_id",
            "SELECT state || ':' || token_hash FROM invitations ORDER BY id",
            "SELECT status || ':' || role FROM staff ORDER BY id",
        ] {
            let rows: Vec<String> = sqlx::query_scalar(sql).fetch_all(pool).await.unwrap();
            out.push_str(&format!("{rows:?} "));
        }
        out
    }

    /// The owner (session `owner`) invites `email` to `account` through the API; answers the
    /// token of the emailed link.
    pub async fn invite(
        &self,
        owner: &str,
        account: &str,
        email: &str,
        permissions: Value,
    ) -> String {
        self.expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{account}/invitations"),
            Some(owner),
            Some(serde_json::json!({ "email": email, "permissions": permissions })),
        )
        .await;
        invitation_token(email, 1).await.0
    }

    /// Audit actions recorded for a user, oldest first.
    pub async fn audit_actions(&self, user_id: &str) -> Vec<String> {
        sqlx::query_scalar(
            "SELECT action FROM audit_events WHERE user_id = $1 ORDER BY occurred_at, id",
        )
        .bind(user_id.to_owned())
        .fetch_all(self.state.db.pool())
        .await
        .unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Settings every test server starts from: port 0, SMTP into the sink, debug-friendly limits.
pub fn test_settings(database_url: &str) -> Settings {
    let mut settings = Settings::default();
    settings.server.bind = "127.0.0.1:0".parse().unwrap();
    settings.metrics.bind = "127.0.0.1:0".parse().unwrap();
    settings.database.url = database_url.parse().unwrap();
    settings.mail.transport = MailTransport::Smtp;
    settings.mail.smtp.host = "127.0.0.1".to_owned();
    settings.mail.smtp.port = mail_sink().port;
    // Tests sign many users up from one address; `signup_attempts_are_rate_limited` tests the limit.
    settings.auth.rate_limit.signup_per_ip = 10_000;
    settings
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Starts the server with the test settings, adjusted by `configure`.
pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut Settings)) -> TestApp {
    init_test_logging();
    let (url, db) = TestDb::create(backend).await;
    let mut settings = test_settings(&url);
    configure(&mut settings);
    let app = roster::App::build(settings).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run(async move {
        let _ = rx.await;
    }));
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap(),
        db,
        state,
        shutdown: Some(tx),
    }
}

/// Server logs in test output when `TEST_LOG` is set.
pub fn init_test_logging() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        roster::install_crypto_provider();
        if std::env::var_os("TEST_LOG").is_some() {
            let _ = tracing_subscriber::fmt()
                .with_env_filter("info,sqlx=warn")
                .with_test_writer()
                .try_init();
        }
    });
}

/// A browser over plain HTTP: keeps cookies, follows redirects, and sends forms the way a browser
/// sends them, from Roster's own origin (`Origin`, `Sec-Fetch-Site: same-origin`) with the CSRF
/// token of the page it opened last. (`tests/api/browser.rs` drives a real Chromium.)
pub struct PageBrowser {
    pub client: reqwest::Client,
    address: String,
    csrf: Mutex<String>,
}

impl PageBrowser {
    pub fn new(app: &TestApp) -> Self {
        Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .unwrap(),
            address: app.address.clone(),
            csrf: Mutex::new(String::new()),
        }
    }

    /// Opens a page: (status, HTML). Remembers the page's form token.
    pub async fn open(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap();
        self.read(response).await
    }

    /// Submits a form of the page opened last: (status, HTML of the answer, redirects followed).
    pub async fn submit(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let response = self.post_form(path, fields).await;
        self.read(response).await
    }

    /// `submit`, answering the raw response (to read its headers).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf.lock().unwrap().clone();
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.client
            .post(format!("{}{path}", self.address))
            .header("origin", &self.address)
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    /// A call to the API with the browser's session cookie, from Roster's own origin.
    pub async fn api(&self, method: &str, path: &str) -> reqwest::Response {
        self.client
            .request(method.parse().unwrap(), format!("{}{path}", self.address))
            .header("origin", &self.address)
            .send()
            .await
            .unwrap()
    }

    async fn read(&self, response: reqwest::Response) -> (u16, String) {
        let status = response.status().as_u16();
        let html = response.text().await.unwrap().replace("&#x2f;", "/");
        if let Some(token) = csrf_token_in(&html) {
            *self.csrf.lock().unwrap() = token;
        }
        (status, html)
    }
}

/// The CSRF token in a page's forms, if it has any.
pub fn csrf_token_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    Some(html[start..].chars().take_while(|c| *c != '"').collect())
}

/// Reads a problem document, checking its media type and that `status` matches the HTTP status.
pub async fn problem(response: reqwest::Response) -> Value {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert_eq!(content_type, "application/problem+json", "status {status}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status, "{body}");
    assert!(body["code"].is_string(), "{body}");
    assert!(body["title"].is_string(), "{body}");
    assert_eq!(
        body["type"],
        format!("urn:roster:problem:{}", body["code"].as_str().unwrap()),
        "{body}"
    );
    body
}

/// Writes a raw request head (no body) and reads the whole answer: (status, lower-cased headers, body).
/// For what an HTTP client library will not send, like a `Content-Length` it never delivers.
pub async fn raw_request_head(address: &str, head: &str) -> (u16, String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address.trim_start_matches("http://"))
        .await
        .unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("no answer within 10 s")
        .unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_owned())
}

/// The one-time token at the end of the first `{public_url}/PREFIX/TOKEN` link in a mail.
pub fn link_token(mail: &ReceivedMail, prefix: &str) -> String {
    let text = mail.body("text/plain").unwrap();
    let marker = format!("/{prefix}/");
    let start = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no /{prefix}/ link in: {text}"))
        + marker.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The link token of the `nth` invitation mail to `email` (other mails, like verification, are
/// skipped).
pub async fn invitation_token(email: &str, nth: usize) -> (String, ReceivedMail) {
    for _ in 0..200 {
        let invitations: Vec<ReceivedMail> = mail_sink()
            .messages_to(email)
            .into_iter()
            .filter(|m| m.subject() == "Account Access Invitation")
            .collect();
        if let Some(mail) = invitations.get(nth - 1) {
            return (link_token(mail, "invite"), mail.clone());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no invitation #{nth} for {email}");
}

/// Asks for a password reset for `email` and returns the token of the reset link, from the mail
/// that is the `nth` the address received.
pub async fn reset_token(app: &TestApp, email: &str, nth: usize) -> String {
    app.expect(
        202,
        "POST",
        "/api/v1/auth/password-reset",
        None,
        Some(serde_json::json!({ "email": email })),
    )
    .await;
    let mails = mail_sink().wait_for(email, nth).await;
    // The newest link: an earlier one was for an earlier reset. (Found by its link, not its
    // subject: the mail is written in the user's language.)
    let reset = mails
        .iter()
        .rev()
        .find(|m| {
            m.body("text/plain")
                .is_some_and(|text| text.contains("/reset-password/"))
        })
        .expect("no reset mail");
    link_token(reset, "reset-password")
}

/// What a reset link's form asks for (`GET /api/v1/auth/password-reset/{token}`).
pub async fn reset_info(app: &TestApp, token: &str) -> Value {
    let path = format!("/api/v1/auth/password-reset/{token}");
    app.expect(200, "GET", &path, None, None).await
}

/// Sets `password` with a reset link's `token`, and `extra` fields (a code, an answer).
pub async fn confirm_reset(
    app: &TestApp,
    token: &str,
    password: &str,
    extra: Value,
) -> reqwest::Response {
    let mut body = serde_json::json!({ "token": token, "password": password });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    app.call(
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(body),
    )
    .await
}

/// The current TOTP code for `secret` at the server's clock.
pub fn totp_code(app: &TestApp, secret: &str) -> String {
    // Not `build()`: secrets imported from WHMCS may be 80 bits, which it refuses.
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret).unwrap())
        .build_noncompliant();
    totp.generate(app.state.clock.now_secs()).to_string()
}

// ------------------------------------------------------------------------------------------------
// The SMTP sink: a real SMTP server (the protocol from the mailin crate) on a free port, shared by
// the test binary.
// Tests find their messages by recipient, so they never see each other's mail.

/// One message as the sink received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl ReceivedMail {
    pub fn subject(&self) -> String {
        let parsed = mailparse::parse_mail(&self.raw).unwrap();
        parsed
            .headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
            .map(|h| h.get_value())
            .unwrap_or_default()
    }

    /// The decoded body of the first part with the given MIME type (`text/plain`, `text/html`).
    pub fn body(&self, mime: &str) -> Option<String> {
        let parsed = mailparse::parse_mail(&self.raw).unwrap();
        find_part(&parsed, mime)
    }
}

fn find_part(part: &mailparse::ParsedMail<'_>, mime: &str) -> Option<String> {
    if part.subparts.is_empty() {
        return (part.ctype.mimetype == mime).then(|| part.get_body().unwrap());
    }
    part.subparts.iter().find_map(|p| find_part(p, mime))
}

#[derive(Clone, Default)]
struct SinkHandler {
    store: Arc<Mutex<Vec<ReceivedMail>>>,
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for SinkHandler {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.from = from.to_owned();
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.store.lock().unwrap().push(ReceivedMail {
            from: std::mem::take(&mut self.from),
            to: std::mem::take(&mut self.to),
            raw: std::mem::take(&mut self.data),
        });
        response::OK
    }
}

pub struct MailSink {
    pub port: u16,
    store: Arc<Mutex<Vec<ReceivedMail>>>,
}

/// The sink, started on first use on threads of its own (so it outlives each test's runtime).
pub fn mail_sink() -> &'static MailSink {
    static SINK: OnceLock<MailSink> = OnceLock::new();
    SINK.get_or_init(|| {
        let (port, store) = listen_smtp(serve_smtp);
        MailSink { port, store }
    })
}

/// A listener on a free port whose connections are each served by `serve` on a thread of its own,
/// storing what they receive; (port, store).
fn listen_smtp(
    serve: impl Fn(TcpStream, SinkHandler) -> io::Result<()> + Send + Sync + 'static,
) -> (u16, Arc<Mutex<Vec<ReceivedMail>>>) {
    let listener = StdTcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let store = Arc::new(Mutex::new(Vec::new()));
    let shared = store.clone();
    let serve = Arc::new(serve);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = SinkHandler {
                store: shared.clone(),
                ..SinkHandler::default()
            };
            let serve = serve.clone();
            std::thread::spawn(move || {
                let _ = serve(stream, handler);
            });
        }
    });
    (port, store)
}

/// One SMTP conversation: mailin parses the protocol, this loop moves the bytes.
fn serve_smtp(stream: TcpStream, handler: SinkHandler) -> io::Result<()> {
    let peer = stream.peer_addr()?.ip();
    let mut session = SessionBuilder::new("sink.test").build(peer, handler);
    session.greeting().write_to(&mut &stream)?;
    converse(stream, &mut session).map(|_| ())
}

/// Runs the protocol over `stream` until the client leaves (`None`) or asks for STARTTLS (the
/// stream back, to be wrapped in TLS).
fn converse<S: io::Read + io::Write>(
    stream: S,
    session: &mut mailin::Session<SinkHandler>,
) -> io::Result<Option<S>> {
    let mut reader = StdBufReader::new(stream);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let response = session.process(&line);
        match response.action {
            Action::NoReply => continue,
            Action::Reply | Action::Close | Action::UpgradeTls => {
                response.write_to(reader.get_mut())?;
                reader.get_mut().flush()?;
            }
        }
        match response.action {
            Action::Close => return Ok(None),
            Action::UpgradeTls => return Ok(Some(reader.into_inner())),
            _ => {}
        }
    }
}

/// How a [`TlsMailSink`] speaks TLS.
#[derive(Debug, Clone, Copy)]
pub enum SinkTls {
    /// Plain first, upgraded by STARTTLS (which it advertises).
    Starttls,
    /// TLS from the first byte (SMTPS).
    Implicit,
}

/// An SMTP sink behind TLS, with a certificate for `127.0.0.1` and `localhost` issued by a
/// certificate authority the test makes (`ca_pem`). A test of its own starts one.
pub struct TlsMailSink {
    pub port: u16,
    pub ca_pem: String,
    store: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl TlsMailSink {
    pub fn start(mode: SinkTls) -> Self {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Roster test mail CA");
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let cert =
            rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .unwrap()
                .signed_by(&key, &ca)
                .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(
                    vec![cert.der().clone()],
                    rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
                )
                .unwrap(),
        );
        let (port, store) = listen_smtp(move |stream, handler| {
            serve_smtp_tls(stream, handler, mode, config.clone())
        });
        Self {
            port,
            ca_pem: ca.pem(),
            store,
        }
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.store.lock().unwrap().clone()
    }
}

fn serve_smtp_tls(
    stream: TcpStream,
    handler: SinkHandler,
    mode: SinkTls,
    config: Arc<rustls::ServerConfig>,
) -> io::Result<()> {
    let peer = stream.peer_addr()?.ip();
    let tls =
        |tcp: TcpStream| -> io::Result<rustls::StreamOwned<rustls::ServerConnection, TcpStream>> {
            let connection =
                rustls::ServerConnection::new(config.clone()).map_err(io::Error::other)?;
            Ok(rustls::StreamOwned::new(connection, tcp))
        };
    match mode {
        SinkTls::Implicit => {
            let mut session = SessionBuilder::new("sink.test").build(peer, handler);
            let mut stream = tls(stream)?;
            session.greeting().write_to(&mut stream)?;
            stream.flush()?;
            session.tls_active();
            converse(stream, &mut session).map(|_| ())
        }
        SinkTls::Starttls => {
            let mut session = SessionBuilder::new("sink.test")
                .enable_start_tls()
                .build(peer, handler);
            session.greeting().write_to(&mut &stream)?;
            match converse(stream, &mut session)? {
                Some(plain) => {
                    session.tls_active();
                    converse(tls(plain)?, &mut session).map(|_| ())
                }
                None => Ok(()),
            }
        }
    }
}

impl MailSink {
    /// Every message received so far for `to`.
    pub fn messages_to(&self, to: &str) -> Vec<ReceivedMail> {
        self.store
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
            .cloned()
            .collect()
    }

    /// Waits (up to 10 s) for the `n`th message to `to` and returns all of them.
    pub async fn wait_for(&self, to: &str, n: usize) -> Vec<ReceivedMail> {
        for _ in 0..200 {
            let found = self.messages_to(to);
            if found.len() >= n {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no mail #{n} for {to} within 10 s");
    }
}

/// A unique address for one test, so that tests sharing the sink never read each other's mail.
pub fn unique_email(label: &str) -> String {
    format!("{label}-{}@example.test", uuid::Uuid::new_v4().simple())
}

// ------------------------------------------------------------------------------------------------
// The real binary.

pub const ROSTER_BIN: &str = env!("CARGO_BIN_EXE_roster");

/// `roster ARGS` in `dir` with a clean environment plus `env`; returns (exit code, stdout, stderr).
pub fn run_roster(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let output = std::process::Command::new(ROSTER_BIN)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `roster serve` as a child process, with JSON logs captured.
pub struct ServerProcess {
    child: tokio::process::Child,
    pub address: String,
    /// The management listener (`/metrics`), when metrics are on.
    pub metrics_address: Option<String>,
    logs: Arc<Mutex<Vec<Value>>>,
    /// Reads stdout to its end; answers the lines that were not JSON.
    reader: tokio::task::JoinHandle<Vec<String>>,
}

impl ServerProcess {
    /// Starts `roster serve` in `dir` on a free port and waits for its "listening" line.
    pub async fn start(dir: &Path, env: &[(&str, &str)]) -> ServerProcess {
        roster::install_crypto_provider();
        let mut child = tokio::process::Command::new(ROSTER_BIN)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("ROSTER_SERVER__BIND", "127.0.0.1:0")
            .env("ROSTER_METRICS__BIND", "127.0.0.1:0")
            .env("ROSTER_LOG__FORMAT", "json")
            .envs(env.iter().copied())
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = tokio::sync::oneshot::channel::<(String, Option<String>)>();
        let sink = logs.clone();
        // Every line is kept: a line that is not JSON is recorded, not a reason to stop reading
        // (`stop` fails the test on it), so no check ever reads a cut-off log.
        let reader = tokio::spawn(async move {
            let mut lines = BufReader::new(stdout).lines();
            let mut addr_tx = Some(addr_tx);
            let mut not_json = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                let Ok(value) = serde_json::from_str::<Value>(&line) else {
                    not_json.push(line);
                    continue;
                };
                if value["message"] == "listening"
                    && let Some(tx) = addr_tx.take()
                {
                    let addr = value["addr"].as_str().unwrap_or_default().to_owned();
                    let metrics = value["metrics_addr"].as_str().map(str::to_owned);
                    let _ = tx.send((addr, metrics));
                }
                sink.lock().unwrap().push(value);
            }
            not_json
        });
        let (addr, metrics) = match tokio::time::timeout(Duration::from_secs(30), addr_rx).await {
            Ok(Ok(addrs)) => addrs,
            _ => {
                let out = child.wait_with_output().await.unwrap();
                panic!(
                    "roster serve did not start: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        };
        ServerProcess {
            child,
            address: format!("http://{addr}"),
            metrics_address: metrics.map(|m| format!("http://{m}")),
            logs,
            reader,
        }
    }

    /// Sends SIGTERM and returns the exit code once the process has stopped.
    /// SIGTERM, then waits for the exit and for the whole log: (exit code, every log line). Fails
    /// the test if any line the server printed was not JSON.
    pub async fn stop(mut self) -> (Option<i32>, Vec<Value>) {
        let code = self.signal_and_wait().await;
        let not_json = tokio::time::timeout(Duration::from_secs(10), &mut self.reader)
            .await
            .expect("the server's log did not end within 10 s of its exit")
            .unwrap();
        assert!(
            not_json.is_empty(),
            "log lines that are not JSON: {not_json:?}"
        );
        let logs = std::mem::take(&mut *self.logs.lock().unwrap());
        (code, logs)
    }

    /// Kills the process with SIGKILL (a crash: nothing is finished or released) and waits for it.
    pub async fn kill(mut self) {
        self.child.kill().await.unwrap();
    }

    /// `stop`, for a test that needs only the exit code.
    pub async fn terminate(self) -> Option<i32> {
        self.stop().await.0
    }

    async fn signal_and_wait(&mut self) -> Option<i32> {
        let pid = self.child.id().unwrap();
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let exit = tokio::time::timeout(Duration::from_secs(20), self.child.wait())
            .await
            .expect("roster did not stop within 20 s of SIGTERM")
            .unwrap();
        exit.code()
    }
}
