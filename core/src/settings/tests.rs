use std::path::{Path, PathBuf};

use super::*;
use figment::Jail;

fn load_in_jail(jail: &Jail, file: Option<&str>) -> Result<Loaded, SettingsError> {
    let _ = jail;
    Settings::load(file.map(Path::new))
}

#[test]
fn defaults_need_no_file() {
    Jail::expect_with(|jail| {
        let loaded = load_in_jail(jail, None).unwrap();
        assert_eq!(loaded.settings.server.bind.0.to_string(), "127.0.0.1:8080");
        assert_eq!(loaded.settings.database.url.backend(), Backend::Sqlite);
        assert_eq!(
            loaded.settings.database.url.expose(),
            "sqlite://data/roster.db"
        );
        assert!(loaded.settings.user_management.enabled);
        assert_eq!(
            loaded.settings.invitations.expiry,
            Duration::from_secs(604_800)
        );
        assert_eq!(loaded.settings.mail.transport, MailTransport::Log);
        assert!(loaded.warnings.is_empty());
        Ok(())
    });
}

#[test]
fn file_then_environment_override_defaults() {
    Jail::expect_with(|jail| {
        jail.create_dir("config")?;
        jail.create_file(
            "config/roster.toml",
            "[server]\nbind = \"0.0.0.0:9000\"\n[user_management]\nenabled = false\n[invitations]\nexpiry = \"3d\"\n",
        )?;
        jail.set_env("ROSTER_SERVER__BIND", "127.0.0.1:9100");
        jail.set_env(
            "ROSTER_DATABASE__URL",
            "postgres://roster:pw@db.internal/roster",
        );
        let loaded = load_in_jail(jail, None).unwrap();
        let s = loaded.settings;
        assert_eq!(s.server.bind.0.to_string(), "127.0.0.1:9100");
        assert!(!s.user_management.enabled);
        assert_eq!(s.invitations.expiry, Duration::from_secs(3 * 86_400));
        assert_eq!(s.database.url.backend(), Backend::Postgres);
        Ok(())
    });
}

#[test]
fn explicit_file_must_exist() {
    Jail::expect_with(|jail| {
        let err = load_in_jail(jail, Some("nope.toml")).unwrap_err();
        assert_eq!(err.to_string(), "config file nope.toml does not exist");
        Ok(())
    });
}

#[test]
fn port_out_of_range_names_the_key_and_the_file() {
    Jail::expect_with(|jail| {
        jail.create_file("custom.toml", "[server]\nbind = \"127.0.0.1:70000\"\n")?;
        let err = load_in_jail(jail, Some("custom.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid setting `server.bind` in "),
            "{err}"
        );
        assert!(err.contains("custom.toml"), "{err}");
        assert!(err.contains("port 70000 is out of range"), "{err}");
        assert_eq!(err.lines().count(), 1);
        Ok(())
    });
}

#[test]
fn unknown_database_scheme_names_the_environment_variable() {
    Jail::expect_with(|jail| {
        jail.set_env("ROSTER_DATABASE__URL", "mysql://root@localhost/roster");
        let err = load_in_jail(jail, None).unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid setting `database.url` (environment variable ROSTER_DATABASE__URL): \
             unsupported database scheme `mysql`: use sqlite://PATH or postgres://USER@HOST/DB"
        );
        Ok(())
    });
}

#[test]
fn wrong_type_names_the_key() {
    Jail::expect_with(|jail| {
        jail.set_env("ROSTER_USER_MANAGEMENT__ENABLED", "sometimes");
        let err = load_in_jail(jail, None).unwrap_err().to_string();
        assert!(
            err.starts_with("invalid setting `user_management.enabled`"),
            "{err}"
        );
        Ok(())
    });
}

#[test]
fn bad_sender_address_is_refused() {
    Jail::expect_with(|jail| {
        jail.set_env("ROSTER_MAIL__FROM", "not an address");
        let err = load_in_jail(jail, None).unwrap_err().to_string();
        assert!(err.starts_with("invalid setting `mail.from`"), "{err}");
        Ok(())
    });
}

#[test]
fn branding_values_are_checked() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "roster.toml",
            "[ui]\nproduct_name = \"Acme Hosting\"\nlogo_url = \"/logo.svg\"\naccent_color = \"#a30\"\n",
        )?;
        let loaded = load_in_jail(jail, Some("roster.toml")).unwrap();
        assert_eq!(loaded.settings.ui.product_name, "Acme Hosting");
        assert_eq!(loaded.settings.ui.logo_origin(), None);
        for (key, value, named) in [
            (
                "ROSTER_UI__ACCENT_COLOR",
                "red; background: url(x)",
                "ui.accent_color",
            ),
            (
                "ROSTER_UI__LOGO_URL",
                "http://cdn.example/logo.png",
                "ui.logo_url",
            ),
            (
                "ROSTER_UI__LOGO_URL",
                "//cdn.example/logo.png",
                "ui.logo_url",
            ),
            ("ROSTER_UI__PRODUCT_NAME", " ", "ui.product_name"),
        ] {
            jail.clear_env();
            jail.set_env(key, value);
            let err = load_in_jail(jail, None).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("invalid setting `{named}`")),
                "{err}"
            );
        }
        jail.clear_env();
        jail.set_env("ROSTER_UI__LOGO_URL", "https://cdn.example/logo.png");
        let loaded = load_in_jail(jail, None).unwrap();
        assert_eq!(
            loaded.settings.ui.logo_origin().as_deref(),
            Some("https://cdn.example")
        );
        Ok(())
    });
}

#[test]
fn unknown_keys_warn_with_their_origin() {
    Jail::expect_with(|jail| {
        jail.create_file("r.toml", "[server]\nbindd = \"x\"\n[nonsense]\na = 1\n")?;
        jail.set_env("ROSTER_MAIL__TRANSPRT", "smtp");
        let loaded = load_in_jail(jail, Some("r.toml")).unwrap();
        let warnings = loaded.warnings.join("\n");
        assert!(
            warnings.contains("unknown setting `server.bindd` in "),
            "{warnings}"
        );
        assert!(
            warnings.contains("unknown setting `nonsense`"),
            "{warnings}"
        );
        assert!(
            warnings.contains("`mail.transprt` (environment variable ROSTER_MAIL__TRANSPRT)"),
            "{warnings}"
        );
        Ok(())
    });
}

#[test]
fn plugin_tables_are_read_per_plugin() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "p.toml",
            "[plugins]\ndir = \"wasm\"\n[plugins.domain-guard]\non_error = \"fail_open\"\ndeadline = \"50ms\"\n[plugins.domain-guard.settings]\ndomains = [\"example.com\"]\napi_token = \"s3cret\"\n[plugins.domain-guard.capabilities]\nhttp_hosts = [\"hooks.example.com\"]\n",
        )?;
        let loaded = load_in_jail(jail, Some("p.toml")).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let plugin = &loaded.settings.plugins.each["domain-guard"];
        assert_eq!(loaded.settings.plugins.dir, PathBuf::from("wasm"));
        assert_eq!(plugin.on_error, OnPluginError::FailOpen);
        assert_eq!(plugin.deadline, Duration::from_millis(50));
        assert_eq!(plugin.capabilities.http_hosts, vec!["hooks.example.com"]);
        let printed = loaded.settings.to_masked_toml().unwrap();
        assert!(!printed.contains("s3cret"), "{printed}");
        assert!(printed.contains("example.com"), "{printed}");
        Ok(())
    });
}

#[test]
fn printed_settings_mask_secrets() {
    Jail::expect_with(|jail| {
        jail.set_env(
            "ROSTER_DATABASE__URL",
            "postgres://roster:hunter2@db/roster?sslmode=require&password=qparam-secret",
        );
        jail.set_env("ROSTER_MAIL__SMTP__PASSWORD", "smtp-pass-123");
        jail.create_dir("config")?;
        jail.create_file(
            "config/roster.toml",
            "[plugins.hook.settings]\nwebhook_url = \"https://h.test/in?t=webhook-secret\"\n\
             [plugins.hook.settings.auth]\nbearer = \"nested-secret\"\n",
        )?;
        let loaded = load_in_jail(jail, None).unwrap();
        let printed = loaded.settings.to_masked_toml().unwrap();
        for secret in [
            "hunter2",
            "qparam-secret",
            "smtp-pass-123",
            "webhook-secret",
            "nested-secret",
            "roster:",
        ] {
            assert!(!printed.contains(secret), "{secret}: {printed}");
        }
        assert!(
            printed.contains("postgres://***:***@db/roster?sslmode=***&password=***"),
            "{printed}"
        );
        // A plugin setting keeps its shape (its keys), never its values.
        assert!(printed.contains("bearer = \"***\""), "{printed}");
        assert_eq!(
            loaded.settings.mail.smtp.password.unwrap().expose(),
            "smtp-pass-123"
        );
        Ok(())
    });
}

#[test]
fn printed_settings_load_back_to_the_same_values() {
    Jail::expect_with(|jail| {
        let printed = Settings::default().to_masked_toml().unwrap();
        jail.create_file("printed.toml", &printed)?;
        let loaded = load_in_jail(jail, Some("printed.toml")).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.settings.to_masked_toml().unwrap(), printed);
        Ok(())
    });
}

#[test]
fn bind_addr_messages() {
    assert_eq!(
        "127.0.0.1:70000".parse::<BindAddr>().unwrap_err(),
        "port 70000 is out of range (0-65535)"
    );
    assert!(
        "localhost:80"
            .parse::<BindAddr>()
            .unwrap_err()
            .contains("not an IP address")
    );
    assert!("8080".parse::<BindAddr>().is_err());
    assert_eq!("[::1]:0".parse::<BindAddr>().unwrap().0.port(), 0);
}

#[test]
fn public_url_must_be_http() {
    assert!("ftp://x".parse::<PublicUrl>().is_err());
    assert!("not a url".parse::<PublicUrl>().is_err());
    let url: PublicUrl = "https://portal.example.com/".parse().unwrap();
    assert!(url.is_https());
    assert_eq!(
        url.join("/invite/abc"),
        "https://portal.example.com/invite/abc"
    );
}
