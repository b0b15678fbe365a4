//! `roster import whmcs` against a real MariaDB holding WHMCS-shaped databases (7 and 8), into
//! both of Roster's databases, then checked the way people would meet the result: over HTTP.

mod eight;
mod rerun;
mod seven;
mod source;

use serde_json::{Value, json};

use crate::helpers::{TestApp, run_roster};
use source::Whmcs;

pub const SECRET: &str = "JBSWY3DPEHPK3PXP";

/// Runs the real binary's import into `app`'s database; answers (exit code, stdout, stderr, the
/// JSON report).
pub async fn import(app: &TestApp, whmcs: &Whmcs, extra: &[&str]) -> (i32, String, String, Value) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let mut args = vec![
        "import".to_owned(),
        "whmcs".to_owned(),
        "--from".to_owned(),
        whmcs.url.clone(),
        "--report".to_owned(),
        report.display().to_string(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let database = app.state.settings.database.url.expose().to_owned();
    let path = dir.path().to_owned();
    let (code, stdout, stderr) = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_roster(&path, &args, &[("ROSTER_DATABASE__URL", &database)])
    })
    .await
    .unwrap();
    let report = std::fs::read_to_string(&report)
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(Value::Null);
    (code, stdout, stderr, report)
}

/// The report's line for `source`, if it has one.
pub fn entry<'a>(report: &'a Value, source: &str) -> Option<&'a Value> {
    report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == source)
}

pub fn counts(report: &Value, kind: &str) -> [i64; 5] {
    ["created", "updated", "unchanged", "linked", "refused"]
        .map(|k| report["counts"][kind][k].as_i64().unwrap_or(0))
}

pub async fn count(app: &TestApp, table: &'static str) -> i64 {
    let sql = match table {
        "users" => "SELECT COUNT(*) FROM users WHERE $1 = $1",
        "accounts" => "SELECT COUNT(*) FROM accounts WHERE $1 = $1",
        "memberships" => "SELECT COUNT(*) FROM memberships WHERE $1 = $1",
        _ => "SELECT COUNT(*) FROM contacts WHERE $1 = $1",
    };
    app.scalar(sql, "x").await
}

pub async fn login(app: &TestApp, email: &str, password: &str, extra: Value) -> (u16, Value) {
    let response = app.login(email, password, extra).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The sign-in codes mailed to `email`, newest first (the address is shared by the tests that
/// import the same WHMCS rows: a code for another server's database is simply wrong here).
pub fn mailed_codes(email: &str) -> Vec<String> {
    let mut codes: Vec<String> = crate::helpers::mail_sink()
        .messages_to(email)
        .iter()
        .filter(|m| m.subject() == "Your sign-in code")
        .filter_map(|m| {
            m.body("text/plain")?
                .split_whitespace()
                .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_owned)
        })
        .collect();
    codes.reverse();
    codes
}

/// Signs in with `password` and the code the first attempt mailed: (status, body) of the sign-in
/// that took a code (tries each mailed code, newest first).
pub async fn login_with_mailed_code(app: &TestApp, email: &str, password: &str) -> (u16, Value) {
    let (status, body) = login(app, email, password, json!({})).await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["code"], "second_factor_required", "{body}");
    assert!(
        body["detail"].as_str().unwrap().contains("email_code"),
        "{body}"
    );
    let mut tried = std::collections::HashSet::new();
    let mut last = (0, Value::Null);
    for _ in 0..200 {
        for code in mailed_codes(email) {
            if tried.insert(code.clone()) {
                last = login(app, email, password, json!({ "email_code": code })).await;
                if last.0 == 200 {
                    return last;
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    last
}

pub fn totp_now(app: &TestApp) -> String {
    crate::helpers::totp_code(app, SECRET)
}
