//! Plugins built for plugin API 0.1.0, kept as built (`tests/plugins/api-0.1.0`), on a server that
//! speaks a newer one: they load, veto and receive the events they know exactly as before, beside
//! plugins built today. A 0.1.0 manifest cannot subscribe to a hook 0.1.0 lacks, and a manifest
//! naming the wrong API for its component is refused with a message that says so.

use super::after_hooks::every_kind_of_event;
use super::vetoes::{every_before_hook_vetoes, vetoed_invitation};
use super::*;

async fn a_guard_built_for_0_1_still_vetoes_an_invitation(backend: Backend) {
    vetoed_invitation(backend, PluginDir::built_for_0_1()).await;
}

async fn a_probe_built_for_0_1_still_vetoes_every_action(backend: Backend) {
    every_before_hook_vetoes(backend, PluginDir::built_for_0_1()).await;
}

async fn a_probe_built_for_0_1_still_receives_every_event_it_knows(backend: Backend) {
    every_kind_of_event(backend, PluginDir::built_for_0_1()).await;
}

/// The start-up error for a plugins folder holding one `probe` manifest.
async fn start_up_error(backend: Backend, plugins: &PluginDir) -> String {
    let (url, _db) = TestDb::create(backend).await;
    let mut settings = test_settings(&url);
    use_plugins(&mut settings, plugins.path());
    roster::App::build(settings)
        .await
        .map(drop)
        .unwrap_err()
        .to_string()
}

async fn plugins_of_both_lines_run_side_by_side_and_mismatches_are_named(backend: Backend) {
    // Today's probe (first, allowing) and the 0.1.0 one (then, denying), in one server.
    let today = PluginDir::new();
    today.probe("today", &["before-invitation-create"], &["settings"]);
    let old = PluginDir::built_for_0_1();
    old.probe("old", &["before-invitation-create"], &["settings"]);
    for file in ["old.toml", "probe.wasm"] {
        let from = old.path().join(file);
        let to = today.path().join(if file == "probe.wasm" {
            "probe_0_1.wasm"
        } else {
            file
        });
        std::fs::copy(from, to).unwrap();
    }
    let manifest = std::fs::read_to_string(today.path().join("old.toml")).unwrap();
    std::fs::write(
        today.path().join("old.toml"),
        manifest.replace("probe.wasm", "probe_0_1.wasm"),
    )
    .unwrap();
    let o = owner_with_account(backend, |s| {
        use_plugins(s, today.path());
        plugin(s, "today", json!({}), |p| p.priority = Some(1));
        plugin(s, "old", json!({ "mode": "deny" }), |_| {});
    })
    .await;
    let response = invite(&o, &unique_email("invitee"), json!(["tickets"])).await;
    assert_eq!(response.status(), 403);
    let problem = problem(response).await;
    assert_eq!(
        (problem["plugin"].as_str(), problem["reason"].as_str()),
        (Some("old"), Some("probe_says_no"))
    );
    let view = plugin_view(&o.app, &o.admin, "old").await;
    assert_eq!(view["api_version"], "0.1.0");
    let view = plugin_view(&o.app, &o.admin, "today").await;
    assert_eq!(
        view["api_version"],
        roster::plugins::manifest::API_VERSION.to_string()
    );
    assert_eq!(hook_stats(&view, "before-invitation-create")["calls"], 1);

    // A 0.1.0 plugin cannot subscribe to a hook that came later.
    let plugins = PluginDir::built_for_0_1();
    plugins.probe("old", &["before-token-issue"], &[]);
    let error = start_up_error(backend, &plugins).await;
    assert!(
        error.contains("`before-token-issue` is in plugin API 0.2.0 and later"),
        "{error}"
    );

    // A manifest that names the other line than its component was built for.
    let plugins = PluginDir::new();
    plugins.probe_with("mislabelled", "1.0.0", "0.1.0", &["before-login"], &[]);
    let error = start_up_error(backend, &plugins).await;
    assert!(
        error.contains("(api_version 0.1.0) does not export roster:plugin/hooks@0.1.0"),
        "{error}"
    );
    let plugins = PluginDir::built_for_0_1();
    let current = roster::plugins::manifest::API_VERSION.to_string();
    plugins.probe_with("mislabelled", "1.0.0", &current, &["before-login"], &[]);
    let error = start_up_error(backend, &plugins).await;
    assert!(
        error.contains(&format!("does not export roster:plugin/hooks@{current}")),
        "{error}"
    );
}

both_backends!(
    a_guard_built_for_0_1_still_vetoes_an_invitation,
    a_probe_built_for_0_1_still_vetoes_every_action,
    a_probe_built_for_0_1_still_receives_every_event_it_knows,
    plugins_of_both_lines_run_side_by_side_and_mismatches_are_named,
);
