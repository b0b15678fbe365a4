//! After-hooks: every kind of committed event with its typed details, retried then parked when
//! the plugin fails, delivered once across a restart of the real binary.

use super::*;

async fn failing_after_hooks_are_retried_then_parked_and_can_be_retried(backend: Backend) {
    let plugins = PluginDir::new();
    plugins
        .probe("flaky", &["after-user-created"], &["settings"])
        .probe(
            "counter",
            &["after-user-created", "after-login"],
            &["settings", "kv"],
        );
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "flaky", json!({ "after": "fail" }), |_| {});
        plugin(s, "counter", json!({ "after": "count" }), |p| {
            p.capabilities.kv = true
        });
    })
    .await;
    // The owner's sign-up made two events (user created, logged in); two more users make four more.
    o.app.signup(&unique_email("one"), PASSWORD).await;
    o.app.signup(&unique_email("two"), PASSWORD).await;

    let mut counted = String::new();
    for _ in 0..100 {
        let value: Option<String> = sqlx::query_scalar(
            "SELECT value FROM plugin_kv WHERE plugin = 'counter' AND key = 'count'",
        )
        .fetch_optional(o.app.state.db.pool())
        .await
        .unwrap();
        counted = value.unwrap_or_default();
        if counted == "Ng==" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(counted, "Ng==", "base64 of \"6\": every event counted once");

    let mut parked = Value::Null;
    for _ in 0..100 {
        parked = o
            .app
            .expect(
                200,
                "GET",
                "/api/v1/admin/plugins/flaky/parked",
                Some(&o.admin),
                None,
            )
            .await;
        if parked["items"].as_array().unwrap().len() == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let items = parked["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{parked}");
    assert!(
        items
            .iter()
            .all(|p| p["kind"] == "user.created" && p["attempts"] == 3)
    );
    let view = plugin_view(&o.app, &o.admin, "flaky").await;
    assert_eq!(view["queue"]["parked"], 3, "{view}");
    assert_eq!(view["queue"]["delivered"], 0, "{view}");

    // Retrying by hand runs the hook again; this one still fails, so the event stays parked.
    let seq = items[0]["event_seq"].as_i64().unwrap();
    let retry = o
        .app
        .expect(
            200,
            "POST",
            &format!("/api/v1/admin/plugins/flaky/parked/{seq}/retry"),
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(retry["delivered"], false);
    assert!(
        retry["error"]
            .as_str()
            .unwrap()
            .contains("probe fails event")
    );
    let response = o
        .app
        .call(
            "POST",
            "/api/v1/admin/plugins/flaky/parked/999999/retry",
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(response.status(), 404);
}

/// Runs `roster serve` (the real binary) in `dir` with the notifier reporting to `port`.
async fn serve_with_notifier(dir: &Path, plugins: &Path, url: &str, port: u16) -> ServerProcess {
    std::fs::create_dir_all(dir.join("config")).unwrap();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("plugin-cache");
    let config = format!(
        "[plugins]\ndir = {plugins:?}\ncache_dir = {cache:?}\n\
         [plugins.queue]\npoll_interval = \"100ms\"\nlease = \"2s\"\n\
         [plugins.notifier.settings]\nurl = \"http://127.0.0.1:{port}/events\"\n\
         [plugins.notifier.capabilities]\nlog = true\nsettings = true\nkv = true\nhttp_hosts = [\"127.0.0.1:{port}\"]\n"
    );
    std::fs::write(dir.join("config/roster.toml"), config).unwrap();
    ServerProcess::start(dir, &[("ROSTER_DATABASE__URL", url)]).await
}

async fn the_notifier_delivers_each_event_once_across_a_restart(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.example("notifier");
    // A slow receiver, so that the restart lands in the middle of the deliveries.
    let receiver = listener(Duration::from_millis(100)).await;
    let (url, _db) = TestDb::create(backend).await;
    let home = tempfile::tempdir().unwrap();

    let first = serve_with_notifier(home.path(), plugins.path(), &url, receiver.port).await;
    let client = reqwest::Client::new();
    for i in 0..8 {
        let response = client
            .post(format!("{}/api/v1/signup", first.address))
            .json(
                &json!({ "email": unique_email(&format!("n{i}")), "password": PASSWORD,
                           "first_name": "Nora", "last_name": "Notified",
                           "account": { "company_name": format!("Company {i}") } }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    // Each sign-up records three events (user created, account created, logged in).
    let expected: Vec<String> = {
        let settings = roster::settings::DatabaseSettings {
            url: url.parse().unwrap(),
            ..Default::default()
        };
        let db = roster::db::Db::connect(&settings).await.unwrap();
        let ids = sqlx::query_scalar("SELECT id FROM domain_events ORDER BY seq")
            .fetch_all(db.pool())
            .await
            .unwrap();
        db.close().await;
        ids
    };
    assert_eq!(expected.len(), 24);
    for _ in 0..100 {
        if receiver.received.lock().unwrap().len() >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let before_restart = receiver.received.lock().unwrap().len();
    assert!(
        (4..24).contains(&before_restart),
        "{before_restart} delivered before the restart"
    );
    let (code, first_logs) = first.stop().await;
    assert_eq!(code, Some(0));
    // The plugin's own log lines reach the server's log, tagged with the plugin and the event.
    let tagged = first_logs
        .iter()
        .filter(|line| {
            line["plugin"] == "notifier"
                && line["message"]
                    .as_str()
                    .is_some_and(|m| m.ends_with(" delivered"))
                && line["call_id"]
                    .as_str()
                    .is_some_and(|id| expected.iter().any(|e| e == id))
        })
        .count();
    assert!(tagged >= 4, "{tagged} tagged plugin log lines");

    let second = serve_with_notifier(home.path(), plugins.path(), &url, receiver.port).await;
    for _ in 0..300 {
        if receiver.received.lock().unwrap().len() >= expected.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // No late duplicate can come: the queue's own cursor says every event is delivered (it moves
    // once a delivery is done, and only ever delivers past it).
    let settings = roster::settings::DatabaseSettings {
        url: url.parse().unwrap(),
        ..Default::default()
    };
    let db = roster::db::Db::connect(&settings).await.unwrap();
    let mut settled = false;
    for _ in 0..300 {
        let (cursor, last): (i64, i64) = sqlx::query_as(
            "SELECT c.last_seq, (SELECT COALESCE(MAX(position), -1) FROM domain_events) \
             FROM plugin_cursors c WHERE c.plugin = 'notifier'",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
        if cursor == last {
            settled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    db.close().await;
    assert!(
        settled,
        "the notifier's cursor never reached the last event"
    );
    let received = receiver.received.lock().unwrap().clone();
    let ids: Vec<String> = received.iter().map(|(key, _)| key.clone()).collect();
    assert_eq!(ids, expected, "every event exactly once, in order");
    for (key, body) in &received {
        assert_eq!(
            body["id"],
            json!(key),
            "the Idempotency-Key is the event id"
        );
        assert!(
            body["kind"].is_string() && body["payload"].is_object(),
            "{body}"
        );
    }
    assert_eq!(second.terminate().await, Some(0));
}

async fn after_hooks_receive_every_kind_of_event_with_typed_details(backend: Backend) {
    every_kind_of_event(backend, PluginDir::new()).await;
}

/// The probe echoes every kind of event (`compat` runs it with the 0.1.0 build).
pub(super) async fn every_kind_of_event(backend: Backend, plugins: PluginDir) {
    let after_hooks = [
        "after-invitation-created",
        "after-invitation-accepted",
        "after-ownership-changed",
        "after-user-removed",
        "after-user-created",
        "after-account-created",
        "after-permissions-changed",
        "after-login",
    ];
    plugins.probe("echo", &after_hooks, &["settings", "http"]);
    let receiver = listener(Duration::ZERO).await;
    let url = format!("http://127.0.0.1:{}/events", receiver.port);
    let port = receiver.port;
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "echo", json!({ "after": "echo", "url": url }), |p| {
            p.capabilities.http_hosts = vec![format!("127.0.0.1:{port}")]
        });
    })
    .await;
    let invitee = unique_email("invitee");
    invite(&o, &invitee, json!(["tickets"])).await;
    let token = invitation_token(&invitee).await;
    let accepted = o
        .app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({ "signup": { "email": invitee, "password": PASSWORD, "first_name": "I", "last_name": "V" } })),
        )
        .await;
    let member = accepted["user"]["id"].as_str().unwrap().to_owned();
    o.app
        .expect(
            200,
            "PATCH",
            &format!("/api/v1/accounts/{}/users/{member}", o.account),
            Some(&o.owner),
            Some(json!({ "permissions": ["tickets", "invoices"] })),
        )
        .await;
    o.app
        .expect(
            200,
            "POST",
            &format!("/api/v1/admin/accounts/{}/owner", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": member, "keep_previous_owner": true })),
        )
        .await;
    let new_owner = o.app.login_ok(&invitee, PASSWORD).await;
    let me = o
        .app
        .expect(200, "GET", "/api/v1/me", Some(&o.owner), None)
        .await;
    let previous = me["id"].as_str().unwrap().to_owned();
    o.app
        .expect(
            204,
            "DELETE",
            &format!("/api/v1/accounts/{}/users/{previous}", o.account),
            Some(&new_owner),
            None,
        )
        .await;

    let expected_kinds = [
        "user.created",
        "account.created",
        "user.logged_in",
        "invitation.created",
        "user.created",
        "invitation.accepted",
        "membership.permissions_changed",
        "account.ownership_changed",
        "user.logged_in",
        "membership.removed",
    ];
    for _ in 0..100 {
        if receiver.received.lock().unwrap().len() >= expected_kinds.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let received = receiver.received.lock().unwrap().clone();
    let kinds: Vec<&str> = received
        .iter()
        .map(|(_, b)| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, expected_kinds);
    let details = |kind: &str| -> String {
        received
            .iter()
            .rfind(|(_, b)| b["kind"] == kind)
            .map(|(_, b)| b["details"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let accepted = details("invitation.accepted");
    assert!(
        accepted.starts_with("EventDetails::InvitationAccepted(")
            && accepted.contains(&member)
            && accepted.contains("permissions: [\"tickets\"]"),
        "{accepted}"
    );
    let changed = details("membership.permissions_changed");
    assert!(
        changed.contains("before: [\"tickets\"]")
            && changed.contains("after: [\"invoices\", \"tickets\"]"),
        "{changed}"
    );
    let ownership = details("account.ownership_changed");
    assert!(
        ownership.contains(&format!("new-owner: \"{member}\""))
            && ownership.contains("previous-owner-kept: true"),
        "{ownership}"
    );
    let removed = details("membership.removed");
    assert!(
        removed.starts_with("EventDetails::UserRemoved(")
            && removed.contains(&format!("user-id: \"{previous}\"")),
        "{removed}"
    );
    assert!(details("invitation.created").contains(&format!("email: \"{invitee}\"")));
    assert!(details("account.created").contains("company-name: \"Olive Hosting\""));
    assert!(details("user.created").contains(&format!("email: \"{invitee}\"")));
}

both_backends!(
    failing_after_hooks_are_retried_then_parked_and_can_be_retried,
    the_notifier_delivers_each_event_once_across_a_restart,
    after_hooks_receive_every_kind_of_event_with_typed_details,
);
