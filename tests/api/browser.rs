//! A real browser for the pages behind the emailed links: Debian's Chromium, headless, driven over
//! WebDriver (chromedriver) with fantoccini. The tests fill and submit the pages' forms as a person
//! would and read the text the browser shows, so form encoding, redirects after a POST, cookies and
//! the browser's own form checks (`required`, `minlength`) are all the browser's.
//!
//! Chromium and chromedriver come from `/usr/bin` (or `ROSTER_CHROMIUM` / `ROSTER_CHROMEDRIVER`).
//! When they are missing and the tests run as root with `apt-get`, the first browser test installs
//! Debian's `chromium` and `chromium-driver` packages, as the plugin tests add the wasm32-wasip2
//! target: `cargo test --workspace` still does everything on a fresh machine.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// `ROSTER_<env>` or `default`, if that file exists.
fn program(env: &str, default: &str) -> Option<PathBuf> {
    let path = std::env::var_os(env)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default));
    path.is_file().then_some(path)
}

fn programs() -> Option<(PathBuf, PathBuf)> {
    Some((
        program("ROSTER_CHROMIUM", "/usr/bin/chromium")?,
        program("ROSTER_CHROMEDRIVER", "/usr/bin/chromedriver")?,
    ))
}

/// Runs `apt-get` with `args`, quietly; whether it succeeded.
fn apt_get(args: &[&str]) -> bool {
    Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn apt_install() -> bool {
    let install = || {
        apt_get(&[
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
    };
    install() || (apt_get(&["update", "-q"]) && install())
}

/// Chromium and chromedriver, installed once per test run if missing (see the module's comment).
fn installed() -> &'static (PathBuf, PathBuf) {
    static PROGRAMS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    PROGRAMS.get_or_init(|| {
        if let Some(found) = programs() {
            return found;
        }
        apt_install();
        programs().unwrap_or_else(|| {
            panic!(
                "the browser tests need Chromium and chromedriver: `apt-get install chromium \
                 chromium-driver` (Debian), or set ROSTER_CHROMIUM and ROSTER_CHROMEDRIVER"
            )
        })
    })
}

/// One headless Chromium with its own chromedriver and an empty profile; both are killed when
/// this is dropped.
pub struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Self {
        let (chromium, chromedriver) = tokio::task::spawn_blocking(installed).await.unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // A process group of its own: a failed test (which never reaches `close`) kills
        // chromedriver and the Chromium it started together.
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut listening = false;
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                listening = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(listening, "chromedriver did not start listening on {port}");
        let profile = tempfile::tempdir().unwrap();
        // The flags keep Chromium off the network it cannot reach here (and as root it needs
        // --no-sandbox).
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot start Chromium through chromedriver: {e}"));
        Self {
            client,
            driver,
            _profile: profile,
        }
    }

    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Waits until the page shows `expected` (the browser may still be loading it); answers the
    /// text the page shows (not its markup).
    pub async fn wait_for_text(&self, expected: &str) -> String {
        self.wait_for_any(&[expected]).await
    }

    /// Waits until the page shows one of `expected`; answers the text the page shows.
    pub async fn wait_for_any(&self, expected: &[&str]) -> String {
        let mut shown = String::new();
        for _ in 0..200 {
            // While the browser navigates, the old page may be gone and the new one not there yet.
            if let Ok(body) = self.client.find(Locator::Css("body")).await
                && let Ok(text) = body.text().await
            {
                if expected.iter().any(|e| text.contains(e)) {
                    return text;
                }
                shown = text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page never showed any of {expected:?}; it shows:\n{shown}");
    }

    /// Types `text` into the field with the id `id`, replacing what it held.
    pub async fn fill(&self, id: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Sets the field with the id `id` to `text` without giving it the focus (as a password
    /// manager fills a form: a field's focus may start the browser's passkey autofill).
    pub async fn set_value(&self, id: &str, text: &str) {
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(text)],
            )
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
    }

    /// Clicks the button labelled `label`.
    pub async fn click(&self, label: &str) {
        self.client
            .find(Locator::XPath(&format!(
                "//button[normalize-space()='{label}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no button {label:?}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Clicks the first element matching the CSS selector `css`, waiting for it to appear.
    pub async fn click_css(&self, css: &str) {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css:?}: {e}"));
        element.click().await.unwrap();
    }

    /// Clicks the link whose text is `text`.
    pub async fn click_link(&self, text: &str) {
        self.client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Clicks the element with the id `id` (a checkbox, a radio button, a summary).
    pub async fn click_id(&self, id: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no element #{id}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Whether the checkbox or radio button with the id `id` is checked.
    pub async fn is_checked(&self, id: &str) -> bool {
        let element = self.client.find(Locator::Id(id)).await.unwrap();
        element.prop("checked").await.unwrap().as_deref() == Some("true")
    }

    /// Types `text` (which may hold keys such as `Key::Tab`) into whatever has the focus: the
    /// keyboard, not the mouse.
    pub async fn keys(&self, text: &str) {
        let focused = self.client.active_element().await.unwrap();
        focused.send_keys(text).await.unwrap();
    }

    /// The `id` of the element that has the focus (empty when it has none).
    pub async fn focused_id(&self) -> String {
        let focused = self.client.active_element().await.unwrap();
        focused.attr("id").await.unwrap().unwrap_or_default()
    }

    /// Presses Tab until the element with the id `id` has the focus; panics after 40 presses.
    pub async fn tab_to(&self, id: &str) {
        for _ in 0..40 {
            if self.focused_id().await == id {
                return;
            }
            self.keys(&fantoccini::key::Key::Tab.to_string()).await;
        }
        panic!("Tab never reached #{id}");
    }

    /// Presses Tab until the focused element reads `text` (a link or a button); panics after 60
    /// presses.
    pub async fn tab_to_text(&self, text: &str) {
        for _ in 0..60 {
            if self.texts(":focus").await == [text] {
                return;
            }
            self.keys(&fantoccini::key::Key::Tab.to_string()).await;
        }
        panic!("Tab never reached `{text}`");
    }

    /// Whether the first checkbox matching `css` is checked.
    pub async fn is_checked_css(&self, css: &str) -> bool {
        let element = self.client.find(Locator::Css(css)).await.unwrap();
        element.prop("checked").await.unwrap().as_deref() == Some("true")
    }

    /// The attribute (or property, like a field's current `value`) of the first element matching
    /// `css`.
    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        let element = self.client.find(Locator::Css(css)).await.ok()?;
        element.prop(name).await.ok().flatten()
    }

    /// The texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
            texts.push(element.text().await.unwrap());
        }
        texts
    }

    /// The path (and query) of the page the browser shows.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Sets the window's size (a phone: 390 × 844; a desktop: 1280 × 900).
    pub async fn resize(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
    }

    /// The elements that reach past the window's right edge (a page that scrolls sideways is not
    /// tidy on a phone), as `tag.class#id` descriptions.
    pub async fn wider_than_window(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                "const width = document.documentElement.clientWidth; \
                 return Array.from(document.querySelectorAll('body *')) \
                   .filter(e => e.getBoundingClientRect().right > width + 1) \
                   .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') \
                     + (e.id ? '#' + e.id : ''));",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(found).unwrap()
    }

    /// Saves a PNG of the page as `<name>.png` in the folder `ROSTER_SCREENSHOTS` names, when it is
    /// set (the README's screenshots are made so); otherwise does nothing.
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("ROSTER_SCREENSHOTS") else {
            return;
        };
        // A relative folder is taken from the workspace's top (the tests run in `core/`).
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(dir);
        let png = self.client.screenshot().await.unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Adds a virtual authenticator (WebDriver's WebAuthn extension, no hardware and no person): a
    /// platform authenticator that keeps discoverable credentials and asks for user verification,
    /// which succeeds when `verifies` (a fingerprint that matches) and fails otherwise. Answers its
    /// id.
    pub async fn virtual_authenticator(&self, verifies: bool) -> String {
        let options = json!({
            "protocol": "ctap2",
            "transport": "internal",
            "hasResidentKey": true,
            "hasUserVerification": true,
            "isUserConsenting": true,
            "isUserVerified": verifies,
        });
        let answer = self
            .client
            .issue_cmd(Extension::post("webauthn/authenticator", options))
            .await
            .unwrap_or_else(|e| panic!("chromedriver has no virtual authenticator: {e}"));
        answer.as_str().unwrap().to_owned()
    }

    /// Takes a virtual authenticator away (a security key unplugged), with its credentials.
    pub async fn remove_authenticator(&self, authenticator: &str) {
        let path = format!("webauthn/authenticator/{authenticator}");
        self.client
            .issue_cmd(Extension::delete(&path))
            .await
            .unwrap();
    }

    /// The credentials a virtual authenticator holds (each with `rpId`, `isResidentCredential`).
    pub async fn authenticator_credentials(&self, authenticator: &str) -> Vec<Value> {
        let path = format!("webauthn/authenticator/{authenticator}/credentials");
        let answer = self.client.issue_cmd(Extension::get(&path)).await.unwrap();
        serde_json::from_value(answer).unwrap()
    }

    /// Ends the WebDriver session (Chromium exits); chromedriver is killed on drop.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A command of a WebDriver extension fantoccini does not know (WebAuthn's), for `issue_cmd`.
#[derive(Debug)]
struct Extension {
    method: axum::http::Method,
    /// The path under the session (`webauthn/authenticator`).
    path: String,
    body: Option<Value>,
}

impl Extension {
    fn post(path: &str, body: Value) -> Self {
        Self {
            method: axum::http::Method::POST,
            path: path.to_owned(),
            body: Some(body),
        }
    }

    fn delete(path: &str) -> Self {
        Self {
            method: axum::http::Method::DELETE,
            path: path.to_owned(),
            body: None,
        }
    }

    fn get(path: &str) -> Self {
        Self {
            method: axum::http::Method::GET,
            path: path.to_owned(),
            body: None,
        }
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for Extension {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/{}", self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(Value::to_string),
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
