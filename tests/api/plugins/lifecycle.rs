//! Loading and reloading: permission keys, new versions swapped in (a call in flight finishes on
//! its own), start-up refusals that name the settings line, the on-disk cache of compiled
//! components.

use super::*;

async fn plugin_permission_keys_are_granted_and_checked_like_builtin_ones(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe("vps", &["before-login"], &["settings"]);
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "vps",
            json!({ "keys": [["vps.reboot", "Reboot servers"]] }),
            |_| {},
        );
    })
    .await;
    let catalog = o
        .app
        .expect(200, "GET", "/api/v1/permissions", None, None)
        .await;
    let entry = catalog["items"]
        .as_array()
        .or(catalog.as_array())
        .unwrap()
        .iter()
        .find(|p| p["key"] == "vps.reboot")
        .cloned()
        .unwrap_or_else(|| panic!("{catalog}"));
    assert_eq!(entry["title"], "Reboot servers");
    assert_eq!(entry["source"], "vps");

    let email = unique_email("member");
    let (member, _) = o.app.signup(&email, PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": member, "permissions": ["vps.reboot"] })),
        )
        .await;
    let session = o.app.login_ok(&email, PASSWORD).await;
    let check = |permission: &'static str| {
        let (app, account, session) = (&o.app, o.account.clone(), session.clone());
        async move {
            app.expect(
                200,
                "GET",
                &format!("/api/v1/authz/check?account={account}&permission={permission}"),
                Some(&session),
                None,
            )
            .await["allowed"]
                .clone()
        }
    };
    assert_eq!(check("vps.reboot").await, true);
    assert_eq!(check("invoices").await, false);
    // An unknown namespaced key is still refused.
    let response = o
        .app
        .call(
            "PATCH",
            &format!("/api/v1/admin/accounts/{}/users/{member}", o.account),
            Some(&o.admin),
            Some(json!({ "permissions": ["vps.format"] })),
        )
        .await;
    assert_eq!(response.status(), 422);
}

/// Asks for a reload of `name` that must be refused; returns the problem.
async fn reload_refused(o: &Owner, name: &str) -> Value {
    let path = format!("/api/v1/admin/plugins/{name}/reload");
    let response = o.app.call("POST", &path, Some(&o.admin), None).await;
    assert_eq!(response.status(), 422);
    problem(response).await
}

async fn reload_swaps_in_a_new_version_and_keeps_the_old_one_on_failure(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe("gate", &["before-invitation-create"], &["settings"]);
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(s, "gate", json!({ "mode": "deny" }), |_| {});
    })
    .await;
    let response = invite(&o, &unique_email("a"), json!(["tickets"])).await;
    assert_eq!(problem(response).await["reason"], "probe_says_no");

    // Version 2 is another component (one that leaves this hook at its default: allow).
    std::fs::copy(
        wasm_of("roster-plugin-acceptance-policy"),
        plugins.path().join("gate-v2.wasm"),
    )
    .unwrap();
    plugins.manifest("gate", "2.0.0", "gate-v2.wasm", &["settings"]);
    let reloaded = o
        .app
        .expect(
            200,
            "POST",
            "/api/v1/admin/plugins/gate/reload",
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(reloaded["version"], "2.0.0");
    let digest = reloaded["digest"].clone();
    assert_eq!(
        invite(&o, &unique_email("b"), json!(["tickets"]))
            .await
            .status(),
        201
    );
    // The counters carry over the reload.
    let stats = hook_stats(&reloaded, "before-invitation-create");
    assert_eq!(stats["denies"], 1);

    // A broken version 3 (not WebAssembly at all) is refused; version 2 keeps running.
    std::fs::write(plugins.path().join("gate-v2.wasm"), b"not wasm").unwrap();
    plugins.manifest("gate", "3.0.0", "gate-v2.wasm", &[]);
    let refusal = reload_refused(&o, "gate").await;
    assert_eq!(refusal["code"], "plugin_invalid");
    assert!(
        refusal["detail"]
            .as_str()
            .unwrap()
            .contains("not a valid WebAssembly component"),
        "{refusal}"
    );
    // So is a version asking for a capability nobody granted; the message names the line to add.
    std::fs::copy(
        wasm_of("roster-plugin-probe"),
        plugins.path().join("gate-v2.wasm"),
    )
    .unwrap();
    plugins.manifest("gate", "3.0.1", "gate-v2.wasm", &["kv"]);
    let refusal = reload_refused(&o, "gate").await;
    assert!(
        refusal["detail"]
            .as_str()
            .unwrap()
            .contains("[plugins.gate.capabilities] kv = true"),
        "{refusal}"
    );
    let view = plugin_view(&o.app, &o.admin, "gate").await;
    assert_eq!(
        (view["version"].clone(), view["digest"].clone()),
        (json!("2.0.0"), digest)
    );
    assert_eq!(
        invite(&o, &unique_email("c"), json!(["tickets"]))
            .await
            .status(),
        201
    );
    // Unknown plugins are 404 and only admins see any of this.
    let response = o
        .app
        .call(
            "POST",
            "/api/v1/admin/plugins/nope/reload",
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(response.status(), 404);
    let response = o
        .app
        .call("GET", "/api/v1/admin/plugins", Some(&o.owner), None)
        .await;
    assert_eq!(response.status(), 401);
}

async fn plugins_needing_a_newer_api_or_ungranted_capabilities_stop_start_up(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.example("notifier");
    let (url, _db) = TestDb::create(backend).await;
    let mut settings = test_settings(&url);
    use_plugins(&mut settings, plugins.path());
    let error = roster::App::build(settings.clone())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("plugin `notifier` asks for the `log` capability")
            && error.contains("[plugins.notifier.capabilities] log = true")
            && error.contains("[plugins.notifier.capabilities] kv = true")
            && error.contains("[plugins.notifier.capabilities] http_hosts = ["),
        "{error}"
    );

    let newer = PluginDir::new();
    newer.probe_with("future", "1.0.0", "0.9.0", &["before-login"], &[]);
    use_plugins(&mut settings, newer.path());
    let error = roster::App::build(settings.clone())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("built for plugin API 0.9.0")
            && error.contains("[plugins.future] enabled = false"),
        "{error}"
    );
    // Turned off as the message says, the server starts.
    plugin(&mut settings, "future", json!({}), |p| p.enabled = false);
    roster::App::build(settings).await.unwrap();
}

/// Compiled components are kept on disk, keyed by content and engine; a damaged cache file is
/// compiled again, not trusted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compiled_components_are_cached_on_disk() {
    init_test_logging();
    let plugins = PluginDir::new();
    plugins
        .probe("first", &["before-login"], &["settings"])
        .probe("second", &["before-login"], &["settings"]);
    let cache = tempfile::tempdir().unwrap();
    let (url, _db) = TestDb::create(Backend::Sqlite).await;
    let mut settings = test_settings(&url);
    use_plugins(&mut settings, plugins.path());
    settings.plugins.cache_dir = cache.path().to_owned();
    plugin(&mut settings, "first", json!({}), |_| {});
    plugin(&mut settings, "second", json!({}), |_| {});
    let cached = || -> Vec<PathBuf> {
        std::fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "cwasm"))
            .collect()
    };
    drop(roster::App::build(settings.clone()).await.unwrap());
    let files = cached();
    assert_eq!(files.len(), 1, "two plugins, one component: {files:?}");
    let good = std::fs::read(&files[0]).unwrap();
    std::fs::write(&files[0], b"damaged").unwrap();
    let app = roster::App::build(settings).await.unwrap();
    assert_eq!(app.state().plugins.loaded().len(), 2);
    assert_eq!(
        std::fs::read(&files[0]).unwrap().len(),
        good.len(),
        "compiled again"
    );
}

/// Long enough that a loaded machine finishes the reload while the call runs (the test waits on
/// the plugin's own counters, not on this).
const SLOW_DEADLINE: Duration = Duration::from_secs(10);

async fn a_call_in_flight_finishes_on_the_version_it_started_with(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe("slow", &["before-invitation-create"], &["settings"]);
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        // Long enough that the reload is done while the call still runs, even on a busy machine.
        plugin(s, "slow", json!({ "mode": "loop" }), |p| {
            p.deadline = SLOW_DEADLINE
        });
    })
    .await;
    // Version 2 leaves the hook at the SDK's default (allow).
    std::fs::copy(
        wasm_of("roster-plugin-acceptance-policy"),
        plugins.path().join("slow-v2.wasm"),
    )
    .unwrap();
    plugins.manifest("slow", "2.0.0", "slow-v2.wasm", &["settings"]);
    // The admin token's first use records when it was used, a write; on SQLite that write would
    // queue behind the looping call's write lock and the counters below would only be read once the
    // call had ended. Use the token once before the call starts.
    assert_eq!(
        hook_stats(
            &plugin_view(&o.app, &o.admin, "slow").await,
            "before-invitation-create"
        )["in_flight"],
        0
    );
    let in_flight = {
        let (app, account, owner) = (o.app.address.clone(), o.account.clone(), o.owner.clone());
        tokio::spawn(async move {
            let started = Instant::now();
            let response = reqwest::Client::new()
                .post(format!("{app}/api/v1/accounts/{account}/invitations"))
                .bearer_auth(owner)
                .json(&json!({ "email": unique_email("early"), "permissions": ["tickets"] }))
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), started.elapsed())
        })
    };
    // The reload comes once the call is running on version 1 (the plugin's counters say so).
    let mut running = false;
    for _ in 0..500 {
        let view = plugin_view(&o.app, &o.admin, "slow").await;
        if hook_stats(&view, "before-invitation-create")["in_flight"] == 1 {
            running = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(running, "the first call never started");
    let started = Instant::now();
    let reloaded = o
        .app
        .expect(
            200,
            "POST",
            "/api/v1/admin/plugins/slow/reload",
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(reloaded["version"], "2.0.0");
    // The reload did not wait for the call to end: the call is still running on version 1. (On
    // SQLite the call holds the only write lock until its deadline and the admin token's
    // bookkeeping waits for it, so there the swap happens, but after.)
    let view = plugin_view(&o.app, &o.admin, "slow").await;
    if backend == Backend::Postgres {
        assert_eq!(
            hook_stats(&view, "before-invitation-create")["in_flight"],
            1,
            "the reload waited for the call ({:?})",
            started.elapsed()
        );
    }
    // A call made after the swap runs the new version at once...
    assert_eq!(
        invite(&o, &unique_email("late"), json!(["tickets"]))
            .await
            .status(),
        201
    );
    // ...while the one in flight ran to its end on the old one (its loop hit the deadline).
    let (status, took) = in_flight.await.unwrap();
    assert_eq!(status, 503);
    assert!(took >= SLOW_DEADLINE, "{took:?}");
}

both_backends!(
    plugin_permission_keys_are_granted_and_checked_like_builtin_ones,
    reload_swaps_in_a_new_version_and_keeps_the_old_one_on_failure,
    plugins_needing_a_newer_api_or_ungranted_capabilities_stop_start_up,
    a_call_in_flight_finishes_on_the_version_it_started_with,
);
