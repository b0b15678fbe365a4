//! The `roster` binary as an operator runs it: start-up, settings, migrations, shutdown.

use std::path::Path;

use crate::helpers::*;

/// `roster serve` in an empty folder, with no config file and no database: the README's promise.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_on_a_fresh_machine_needs_no_setup() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(dir.path(), &[]).await;

    let response = reqwest::get(format!("{}/readyz", server.address))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "sqlite");
    assert!(
        dir.path().join("data/roster.db").is_file(),
        "SQLite file created under data/"
    );

    // Request logs are JSON lines carrying the request id and the route.
    let (code, logs) = server.stop().await;
    assert_eq!(code, Some(0), "graceful shutdown exits 0");
    let line = logs
        .iter()
        .find(|l| l["span"]["request_id"] == request_id.as_str())
        .unwrap_or_else(|| panic!("no log line for request {request_id}: {logs:?}"));
    assert_eq!(line["span"]["route"], "/readyz");
    assert!(logs.iter().any(|l| l["message"] == "stopped"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_on_postgres_with_only_the_url_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db) = TestDb::create(Backend::Postgres).await;
    let server = ServerProcess::start(dir.path(), &[("ROSTER_DATABASE__URL", &url)]).await;
    let response = reqwest::get(format!("{}/readyz", server.address))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "postgres");
    assert!(
        !dir.path().join("data").exists(),
        "no SQLite file on PostgreSQL"
    );
    assert_eq!(server.terminate().await, Some(0));
}

fn assert_one_line_error(stderr: &str, starts_with: &str, contains: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line: {stderr}");
    assert!(lines[0].starts_with(starts_with), "{stderr}");
    assert!(lines[0].contains(contains), "{stderr}");
}

#[test]
fn a_port_out_of_range_stops_startup_with_one_line_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &["serve"],
        &[("ROSTER_SERVER__BIND", "127.0.0.1:70000")],
    );
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_one_line_error(
        &stderr,
        "roster: invalid setting `server.bind` (environment variable ROSTER_SERVER__BIND)",
        "port 70000 is out of range",
    );
    assert!(!dir.path().join("data").exists(), "nothing created");
}

#[test]
fn an_unknown_database_scheme_stops_startup_with_one_line_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/roster.toml"),
        "[database]\nurl = \"mysql://root@localhost/roster\"\n",
    )
    .unwrap();
    let (code, _, stderr) = run_roster(dir.path(), &["serve"], &[]);
    assert_eq!(code, 2);
    assert_one_line_error(
        &stderr,
        "roster: invalid setting `database.url` in ",
        "unsupported database scheme `mysql`",
    );
    assert!(stderr.contains("config/roster.toml"), "{stderr}");
}

#[test]
fn a_missing_config_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run_roster(dir.path(), &["--config", "elsewhere.toml", "serve"], &[]);
    assert_eq!(code, 2);
    assert_one_line_error(
        &stderr,
        "roster: config file elsewhere.toml does not exist",
        "",
    );
}

#[test]
fn an_unreachable_database_stops_startup_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let url = format!("postgres://roster:s3cr3t-pw@127.0.0.1:{port}/roster");
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &["serve"],
        &[
            ("ROSTER_DATABASE__URL", &url),
            ("ROSTER_DATABASE__ACQUIRE_TIMEOUT", "2s"),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("roster: cannot open the database"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("s3cr3t-pw") && !stdout.contains("s3cr3t-pw"));
}

#[test]
fn roster_config_prints_effective_settings_with_secrets_masked() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_roster(
        dir.path(),
        &["config"],
        &[
            (
                "ROSTER_DATABASE__URL",
                "postgres://roster:db-pass-1@db.internal/roster",
            ),
            ("ROSTER_MAIL__SMTP__PASSWORD", "smtp-pass-2"),
            ("ROSTER_USER_MANAGEMENT__ENABLED", "false"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        !stdout.contains("db-pass-1") && !stdout.contains("smtp-pass-2"),
        "{stdout}"
    );
    let printed: toml::Value = toml::from_str(&stdout).unwrap();
    assert_eq!(
        printed["database"]["url"].as_str(),
        Some("postgres://***:***@db.internal/roster")
    );
    assert_eq!(printed["mail"]["smtp"]["password"].as_str(), Some("***"));
    assert_eq!(printed["user_management"]["enabled"].as_bool(), Some(false));
    assert_eq!(printed["invitations"]["expiry"].as_str(), Some("7days"));
}

#[test]
fn unknown_keys_warn_without_stopping() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("my.toml"),
        "[server]\nbnd = \"127.0.0.1:1\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_roster(dir.path(), &["--config", "my.toml", "config"], &[]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("roster: warning: unknown setting `server.bnd` in "),
        "{stderr}"
    );
    assert!(stdout.contains("bind = \"127.0.0.1:8080\""), "{stdout}");
}

/// `roster messages export` prints a language's shipped messages, which `roster messages check`
/// takes back as overrides; a broken override or mail template is named by file and line, as
/// start-up names it.
#[test]
fn roster_messages_exports_and_checks_the_providers_words() {
    let dir = tempfile::tempdir().unwrap();
    let (code, german, stderr) = run_roster(dir.path(), &["messages", "export", "german"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        german.contains("login-heading = Bei { $product } anmelden"),
        "{german}"
    );
    assert!(german.contains("# core/locales/de/mail.ftl"), "{german}");
    let (code, _, stderr) = run_roster(dir.path(), &["messages", "export", "tlh"], &[]);
    assert_eq!(code, 1);
    assert_one_line_error(
        &stderr,
        "roster: `tlh` is not a language Roster ships",
        "pt-BR",
    );

    let words = dir.path().join("words");
    std::fs::create_dir(&words).unwrap();
    std::fs::write(words.join("de.ftl"), &german).unwrap();
    let (code, stdout, stderr) = run_roster(dir.path(), &["messages", "check", "words"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("every override is a message Roster has"),
        "{stdout}"
    );
    std::fs::write(
        words.join("de.ftl"),
        "# ours\nlogin-heading = Hallo { $produkt }\n",
    )
    .unwrap();
    let (code, _, stderr) = run_roster(dir.path(), &["messages", "check", "words"], &[]);
    assert_eq!(code, 1);
    assert_one_line_error(&stderr, "roster: messages: words/de.ftl:2: ", "$produkt");

    std::fs::write(words.join("de.ftl"), "login-heading = Hallo\n").unwrap();
    let mail = dir.path().join("mail");
    std::fs::create_dir_all(mail.join("de")).unwrap();
    std::fs::write(mail.join("de").join("invitation.txt"), "Hallo\n{% if %}\n").unwrap();
    let (code, _, stderr) = run_roster(
        dir.path(),
        &["messages", "check", "words", "--mail-templates", "mail"],
        &[],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_one_line_error(
        &stderr,
        "roster: mail templates: mail/de/invitation.txt:2: ",
        "",
    );
}

/// The shipped `config/roster.toml` documents every key with its default: loading it changes
/// nothing and warns about nothing.
#[test]
fn the_shipped_config_file_holds_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/roster.toml");
    let (code, with_file, stderr) = run_roster(
        dir.path(),
        &["--config", shipped.to_str().unwrap(), "config"],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "the shipped file has no unknown keys");
    let (_, defaults, _) = run_roster(dir.path(), &["config"], &[]);
    assert_eq!(with_file, defaults);

    // And every key the server knows appears in the shipped file.
    let shipped_text = std::fs::read_to_string(&shipped).unwrap();
    let shipped: toml::Table = toml::from_str(&shipped_text).unwrap();
    let known: toml::Table = toml::from_str(&defaults).unwrap();
    assert_same_keys("", &known, &shipped);
}

/// Every key of the shipped `config/roster.toml` (and the optional keys it documents in comments),
/// given a bad value through the environment, stops start-up with one line that names the full key
/// and the variable it came from.
#[test]
fn every_setting_with_a_bad_value_names_its_key_and_variable() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/roster.toml");
    let shipped: toml::Table = toml::from_str(&std::fs::read_to_string(&shipped).unwrap()).unwrap();
    let mut keys = Vec::new();
    leaf_keys("", &shipped, &mut keys);
    for optional in [
        "mail.templates_dir",
        "ui.messages_dir",
        "ui.mail_templates_dir",
        "mail.smtp.username",
        "mail.smtp.password",
        "mail.smtp.ca_file",
        "whmcs_api.access_key",
    ] {
        keys.push((optional.to_owned(), toml::Value::String(String::new())));
    }
    // Values that are well-typed but wrong, where a key has a rule beyond its type.
    let semantic: &[(&str, &str)] = &[
        ("server.bind", "127.0.0.1:70000"),
        ("server.public_url", "ftp://roster.example"),
        ("server.max_body_bytes", "0"),
        ("server.shutdown_grace", "soon"),
        ("database.url", "mysql://root@localhost/roster"),
        ("database.max_connections", "0"),
        ("log.format", "xml"),
        ("log.filter", "info,[[["),
        ("accounts.default_currency", "usd"),
        ("invitations.expiry", "0s"),
        ("auth.totp_issuer", "a:b"),
        ("auth.argon2.memory_kib", "0"),
        ("auth.argon2.iterations", "0"),
        ("auth.argon2.parallelism", "0"),
        ("auth.password.min_length", "0"),
        ("mail.transport", "pigeon"),
        ("mail.from", "not an address"),
        ("mail.smtp.port", "70000"),
        ("mail.smtp.tls", "sometimes"),
        ("whmcs_api.allowed_ips", "[\"10.0.0.0/33\"]"),
        ("ui.time_zone", "Mars/Olympus"),
        ("ui.default_language", "tlh"),
    ];
    let dir = tempfile::tempdir().unwrap();
    assert!(keys.len() > 40, "{} keys", keys.len());
    for (key, default) in keys {
        let variable = format!("ROSTER_{}", key.replace('.', "__").to_uppercase());
        let bad = match semantic.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => (*value).to_owned(),
            // The wrong type: a word for a number or a flag, a list for a text.
            None => match default {
                toml::Value::Boolean(_) => "sometimes".to_owned(),
                toml::Value::Integer(_) => "many".to_owned(),
                _ => "[1, 2]".to_owned(),
            },
        };
        let (code, _, stderr) = run_roster(dir.path(), &["config"], &[(&variable, &bad)]);
        assert_eq!(code, 2, "{variable}={bad} was accepted: {stderr}");
        let expected =
            format!("roster: invalid setting `{key}` (environment variable {variable}): ");
        assert!(stderr.starts_with(&expected), "{variable}={bad}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
}

fn leaf_keys(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (key, value) in table {
        let path = format!("{prefix}{key}");
        match value.as_table() {
            Some(inner) => leaf_keys(&format!("{path}."), inner, out),
            None => out.push((path, value.clone())),
        }
    }
}

fn assert_same_keys(prefix: &str, known: &toml::Table, shipped: &toml::Table) {
    for (key, value) in known {
        let path = format!("{prefix}{key}");
        let Some(other) = shipped.get(key) else {
            panic!("config/roster.toml does not document `{path}`");
        };
        if let (Some(a), Some(b)) = (value.as_table(), other.as_table()) {
            assert_same_keys(&format!("{path}."), a, b);
        }
    }
}

async fn roster_migrate_applies_migrations_alone(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db) = TestDb::create(backend).await;
    let (code, stdout, stderr) =
        run_roster(dir.path(), &["migrate"], &[("ROSTER_DATABASE__URL", &url)]);
    assert_eq!(code, 0, "{stderr}");
    let shipped = std::fs::read_dir(format!(
        "{}/../migrations/{}",
        env!("CARGO_MANIFEST_DIR"),
        backend.as_str()
    ))
    .unwrap()
    .count();
    assert!(
        stdout.starts_with(&format!("applied {shipped} migration(s)")),
        "{stdout}"
    );
    let (code, stdout, _) = run_roster(dir.path(), &["migrate"], &[("ROSTER_DATABASE__URL", &url)]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("applied 0 migration(s)"), "{stdout}");
}

both_backends!(roster_migrate_applies_migrations_alone);
