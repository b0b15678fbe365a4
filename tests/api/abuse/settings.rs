//! The settings view shows nothing that can carry a secret, and only to administrators.

use serde_json::json;

use crate::helpers::{Backend, spawn_app_with};
use crate::plugins::{PluginDir, plugin, use_plugins};

/// Every plugin setting is masked however deep, unless its manifest declares it public; support
/// tokens may not read the view at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_settings_are_masked_unless_the_manifest_makes_them_public() {
    let plugins = PluginDir::new();
    plugins.probe("hooky", &["after-user-created"], &["settings"]);
    let manifest = plugins.path().join("hooky.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("{text}public_settings = [\"mode\"]\n")).unwrap();
    let app = spawn_app_with(Backend::Sqlite, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "hooky",
            json!({
                "mode": "allow",
                "webhook_url": "https://hooks.example.test/in?token=url-secret-1",
                "auth": { "bearer": "nested-secret-2", "scheme": "Bearer" },
                "headers": ["X-Key: list-secret-3"],
            }),
            |_| {},
        );
    })
    .await;
    let admin = app.admin_token().await;
    let view = app
        .expect(200, "GET", "/api/v1/admin/settings", Some(&admin), None)
        .await;
    let own = &view["plugins"]["hooky"]["settings"];
    assert_eq!(own["mode"], "allow", "declared public: {own}");
    assert_eq!(own["webhook_url"], "***");
    assert_eq!(own["auth"]["bearer"], "***");
    assert_eq!(own["auth"]["scheme"], "***");
    assert_eq!(own["headers"], "***");
    let text = view.to_string();
    for secret in ["url-secret-1", "nested-secret-2", "list-secret-3"] {
        assert!(!text.contains(secret), "{secret}");
    }
    let (support, _) = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "desk",
        roster::admins::Role::Support,
    )
    .await
    .unwrap();
    let refused = app
        .call("GET", "/api/v1/admin/settings", Some(&support), None)
        .await;
    assert_eq!(refused.status(), 403);
}
