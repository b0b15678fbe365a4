//! A plugin's own words in the customer's language (issue 27): its manifest's
//! `[translations.<tag>]` give the titles of the permissions it adds and the messages of its
//! vetoes; pages show them in the reader's language, the API keeps the plugin's own text.

use super::*;

/// The probe's manifest, with German words for its permission and its veto.
const GERMAN: &str = "\n[translations.de.permissions]\n\"vps.reboot\" = \"Server neu starten\"\n\
                      [translations.de.vetoes]\nprobe_says_no = \"Die Sonde lehnt diese Einladung ab.\"\n";

fn with_words(plugins: &PluginDir, name: &str, words: &str) {
    let path = plugins.path().join(format!("{name}.toml"));
    let mut manifest = std::fs::read_to_string(&path).unwrap();
    manifest.push_str(words);
    std::fs::write(&path, manifest).unwrap();
}

async fn a_german_owner_reads_the_plugins_words_in_german(backend: Backend) {
    let plugins = PluginDir::new();
    plugins.probe("vps", &["before-invitation-create"], &["settings"]);
    with_words(&plugins, "vps", GERMAN);
    let o = owner_with_account(backend, |s| {
        use_plugins(s, plugins.path());
        plugin(
            s,
            "vps",
            json!({ "mode": "deny", "keys": [["vps.reboot", "Reboot servers"]] }),
            |_| {},
        );
    })
    .await;
    let me = o
        .app
        .expect(
            200,
            "PATCH",
            "/api/v1/me",
            Some(&o.owner),
            Some(json!({ "language": "de" })),
        )
        .await;
    let email = me["email"].as_str().unwrap().to_owned();
    let browser = PageBrowser::new(&o.app);
    browser.open("/login").await;
    browser
        .submit("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    let users = format!("/accounts/{}/users", o.account);
    let (_, html) = browser.open(&users).await;
    assert!(html.contains("Server neu starten"), "{html}");
    assert!(!html.contains("Reboot servers"), "{html}");

    // The veto, in the plugin's German words; the API still answers the plugin's own.
    let (status, html) = browser
        .submit(
            &format!("/accounts/{}/invitations", o.account),
            &[("email", &unique_email("nope")), ("access", "all")],
        )
        .await;
    assert_eq!(status, 403, "{html}");
    assert!(
        html.contains("Die Sonde lehnt diese Einladung ab."),
        "{html}"
    );
    let refused = invite(&o, &unique_email("api"), json!(["tickets"])).await;
    assert_eq!(
        problem(refused).await["detail"],
        "The probe plugin refuses."
    );

    // The catalog of the API keeps the plugin's title.
    let catalog = o
        .app
        .expect(200, "GET", "/api/v1/permissions", None, None)
        .await;
    assert!(catalog.to_string().contains("Reboot servers"), "{catalog}");
}

/// Words for a permission the plugin does not add, or for a language Roster does not ship, stop
/// start-up with the manifest named.
#[tokio::test]
async fn words_for_an_unknown_permission_or_language_stop_start_up() {
    for (words, expected) in [
        (
            "\n[translations.de.permissions]\n\"vps.shutdown\" = \"Herunterfahren\"\n",
            "translations.de.permissions: `vps.shutdown` is not a permission this plugin adds",
        ),
        (
            "\n[translations.tlh.vetoes]\nprobe_says_no = \"ghobe'\"\n",
            "translations.tlh: Roster ships no language `tlh`",
        ),
    ] {
        let plugins = PluginDir::new();
        plugins.probe("vps", &["before-invitation-create"], &["settings"]);
        with_words(&plugins, "vps", words);
        let (url, _db) = TestDb::create(Backend::Sqlite).await;
        let mut settings = test_settings(&url);
        use_plugins(&mut settings, plugins.path());
        plugin(
            &mut settings,
            "vps",
            json!({ "keys": [["vps.reboot", "Reboot servers"]] }),
            |_| {},
        );
        let refused = roster::App::build(settings).await.unwrap_err().to_string();
        assert!(refused.contains(expected), "{refused}");
    }
}

both_backends!(a_german_owner_reads_the_plugins_words_in_german);
