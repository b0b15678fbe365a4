//! Sign in with Roster (OpenID Connect, issue 25): so far the apps staff register, the signing
//! keys and their JWKS.

use std::time::Duration;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{DecodingKey, Validation};
use roster::audit::Context;
use roster::oauth::clients::{self, NewClient};
use roster::oauth::keys::{self, Alg};
use serde_json::{Value, json};

use crate::helpers::*;

async fn key_set(app: &TestApp) -> JwkSet {
    let response = app.get("/oauth/jwks").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/jwk-set+json"
    );
    response.json().await.unwrap()
}

/// Verifies `token` against the published keys, as a relying party does: by its `kid`.
fn verify(set: &JwkSet, token: &str) -> Result<Value, String> {
    let header = jsonwebtoken::decode_header(token).unwrap();
    let kid = header.kid.unwrap();
    let jwk = set
        .find(&kid)
        .ok_or_else(|| format!("key {kid} is not published"))?;
    let mut validation = Validation::new(header.alg);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    jsonwebtoken::decode::<Value>(token, &DecodingKey::from_jwk(jwk).unwrap(), &validation)
        .map(|t| t.claims)
        .map_err(|e| e.to_string())
}

async fn the_jwks_publishes_one_rs256_and_one_es256_key_and_no_private_part(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/oauth/jwks").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "public, max-age=300");
    let raw: Value = response.json().await.unwrap();
    let keys = raw["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2, "{raw}");
    let rsa = keys.iter().find(|k| k["alg"] == "RS256").unwrap();
    assert_eq!((&rsa["kty"], &rsa["use"]), (&json!("RSA"), &json!("sig")));
    let ec = keys.iter().find(|k| k["alg"] == "ES256").unwrap();
    assert_eq!((&ec["kty"], &ec["crv"]), (&json!("EC"), &json!("P-256")));
    for key in keys {
        assert!(key["kid"].as_str().is_some_and(|k| !k.is_empty()), "{key}");
        for private in ["d", "p", "q", "dp", "dq", "qi"] {
            assert!(
                key.get(private).is_none(),
                "a private part `{private}`: {key}"
            );
        }
    }
    // Each signs what the JWKS verifies.
    let set: JwkSet = serde_json::from_value(raw).unwrap();
    for alg in Alg::ALL {
        let now = app.state.clock.now_ms();
        let token = keys::sign(&app.state.db, now, alg, None, &json!({ "sub": "someone" }))
            .await
            .unwrap();
        assert_eq!(verify(&set, &token).unwrap()["sub"], "someone");
    }
}

async fn a_rotated_key_is_published_before_it_signs_and_its_predecessor_for_an_hour_after(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (db, clock) = (&app.state.db, &app.state.clock);
    let claims = json!({ "sub": "someone" });
    let old = keys::sign(db, clock.now_ms(), Alg::Rs256, None, &claims)
        .await
        .unwrap();
    let old_kid = jsonwebtoken::decode_header(&old).unwrap().kid.unwrap();

    let rotated = keys::rotate(
        db,
        &Context::system(),
        clock.now_ms(),
        &[Alg::Rs256],
        Duration::from_secs(600),
    )
    .await
    .unwrap();
    let new_kid = rotated[0].kid.clone();
    assert_ne!(new_kid, old_kid);
    // Published at once, not signing yet.
    assert_eq!(key_set(&app).await.keys.len(), 3);
    assert!(key_set(&app).await.find(&new_kid).is_some());
    let still_old = keys::sign(db, clock.now_ms(), Alg::Rs256, None, &claims)
        .await
        .unwrap();
    assert_eq!(
        jsonwebtoken::decode_header(&still_old)
            .unwrap()
            .kid
            .unwrap(),
        old_kid
    );

    // After the lead time the new key signs; what the old one signed still verifies.
    clock.advance(Duration::from_secs(600));
    let new = keys::sign(db, clock.now_ms(), Alg::Rs256, None, &claims)
        .await
        .unwrap();
    assert_eq!(
        jsonwebtoken::decode_header(&new).unwrap().kid.unwrap(),
        new_kid
    );
    let set = key_set(&app).await;
    assert!(verify(&set, &old).is_ok());
    assert!(verify(&set, &new).is_ok());

    // An hour later the old key has left the JWKS: its tokens no longer verify.
    clock.advance(Duration::from_secs(3600));
    let set = key_set(&app).await;
    assert_eq!(set.keys.len(), 2);
    assert!(verify(&set, &old).unwrap_err().contains("not published"));
    assert!(verify(&set, &new).is_ok());

    // The rotation is in the audit log.
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'signing_key.rotated'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(logged, 1);
}

fn panel(name: &str) -> NewClient {
    NewClient {
        name: name.to_owned(),
        redirect_uris: vec!["https://panel.example.com/callback".to_owned()],
        public: false,
        trusted: false,
        post_logout_redirect_uris: vec![],
        backchannel_logout_uri: None,
        logo_uri: None,
        id_token_alg: Alg::Rs256,
    }
}

async fn an_apps_secret_works_once_rotated_only_through_its_grace_period(backend: Backend) {
    let app = spawn_app(backend).await;
    let (db, clock) = (&app.state.db, &app.state.clock);
    let ctx = Context::system();
    let (client, secret) = clients::create(db, &ctx, clock.now_ms(), panel("Control panel"))
        .await
        .unwrap();
    let secret = secret.unwrap();
    let id = client.client_id.as_str();
    let authenticates = |secret: String| async move {
        clients::authenticate(db, clock.now_ms(), id, &secret)
            .await
            .unwrap()
            .is_some()
    };
    assert!(authenticates(secret.clone()).await);
    assert!(!authenticates(format!("{secret}x")).await);
    assert!(
        clients::authenticate(db, clock.now_ms(), "roster_unknown", &secret)
            .await
            .unwrap()
            .is_none()
    );

    let grace = Duration::from_secs(3600);
    let newer = clients::rotate_secret(db, &ctx, clock.now_ms(), id, grace)
        .await
        .unwrap();
    assert!(authenticates(newer.clone()).await);
    assert!(
        authenticates(secret.clone()).await,
        "the old one, in its grace period"
    );
    clock.advance(grace);
    assert!(authenticates(newer).await);
    assert!(
        !authenticates(secret).await,
        "the old one, after its grace period"
    );

    // A second app of the same name, and bad redirect URIs, are refused; nothing is written.
    let refused = [
        panel("Control panel"),
        NewClient {
            redirect_uris: vec!["http://panel.example.com/callback".to_owned()],
            ..panel("Billing")
        },
        NewClient {
            redirect_uris: vec![],
            ..panel("Billing")
        },
        NewClient {
            redirect_uris: vec!["https://panel.example.com/cb#frag".to_owned()],
            ..panel("Billing")
        },
    ];
    for new in refused {
        assert!(
            clients::create(db, &ctx, clock.now_ms(), new)
                .await
                .is_err()
        );
    }
    assert_eq!(clients::list(db).await.unwrap().len(), 1);

    // A public app has no secret to rotate; removing an app ends its secret.
    let public = NewClient {
        public: true,
        redirect_uris: vec!["com.example.panel:/callback".to_owned()],
        ..panel("Mobile")
    };
    let (mobile, none) = clients::create(db, &ctx, clock.now_ms(), public)
        .await
        .unwrap();
    assert!(none.is_none() && mobile.is_public());
    assert!(
        clients::rotate_secret(db, &ctx, clock.now_ms(), &mobile.client_id, grace)
            .await
            .is_err()
    );
    clients::remove(db, &ctx, clock.now_ms(), id).await.unwrap();
    assert!(clients::get(db, id).await.is_err());
}

both_backends!(
    staff_register_rotate_and_remove_apps_through_the_admin_api,
    an_apps_secret_works_once_rotated_only_through_its_grace_period,
    the_jwks_publishes_one_rs256_and_one_es256_key_and_no_private_part,
    a_rotated_key_is_published_before_it_signs_and_its_predecessor_for_an_hour_after,
);

/// `roster admin signing-key` as an operator runs it, on a database no server has started on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signing_key_commands_list_and_rotate() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run_roster(dir.path(), &["admin", "signing-key", "list"], &[]);
    assert_eq!(code, 0, "{err}");
    let signing: Vec<&str> = out.lines().filter(|l| l.contains(" signing ")).collect();
    assert_eq!(signing.len(), 2, "one signing key per algorithm: {out}");

    let args = [
        "admin",
        "signing-key",
        "rotate",
        "--alg",
        "es256",
        "--lead",
        "0s",
    ];
    let (code, out, err) = run_roster(dir.path(), &args, &[]);
    assert_eq!(code, 0, "{err}");
    let new_kid = out.trim().strip_prefix("ES256 ").unwrap().to_owned();
    assert!(err.contains("signs from"), "{err}");

    let (_, out, _) = run_roster(dir.path(), &["admin", "signing-key", "list"], &[]);
    let state_of = |kid: &str| {
        out.lines()
            .find(|l| l.starts_with(kid))
            .and_then(|l| l.split_whitespace().nth(3))
            .map(str::to_owned)
    };
    assert_eq!(state_of(&new_kid).as_deref(), Some("signing"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains(" retiring ")).count(),
        1,
        "{out}"
    );

    let (code, _, err) = run_roster(
        dir.path(),
        &["admin", "signing-key", "rotate", "--alg", "rs512"],
        &[],
    );
    assert_eq!(code, 2, "clap refuses an unknown algorithm: {err}");
}

/// `roster admin oauth-client` as an operator runs it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oauth_client_commands_register_list_rotate_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let create = [
        "admin",
        "oauth-client",
        "create",
        "--name",
        "Control panel",
        "--redirect-uri",
        "https://panel.example.com/callback",
        "--redirect-uri",
        "http://127.0.0.1/callback",
        "--trusted",
    ];
    let (code, out, err) = run_roster(dir.path(), &create, &[]);
    assert_eq!(code, 0, "{err}");
    let field = |out: &str, name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in {out}"))
    };
    let client_id = field(&out, "client_id:");
    let secret = field(&out, "client_secret:");
    assert!(secret.len() >= 43, "{secret}");
    assert!(err.contains("not shown again"), "{err}");

    let (_, out, _) = run_roster(dir.path(), &["admin", "oauth-client", "list"], &[]);
    let line = out.lines().find(|l| l.starts_with(&client_id)).unwrap();
    assert!(
        line.contains("Control panel") && line.contains("confidential"),
        "{line}"
    );
    assert!(!out.contains(&secret), "a secret is never listed");

    let rotate = [
        "admin",
        "oauth-client",
        "rotate-secret",
        "--client-id",
        &client_id,
    ];
    let (code, out, err) = run_roster(dir.path(), &rotate, &[]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(field(&out, "client_secret:"), secret);
    assert!(err.contains("1 day"), "{err}");

    let (code, _, err) = run_roster(dir.path(), &create, &[]);
    assert_ne!(code, 0, "the same name twice");
    assert!(err.contains("Control panel"), "{err}");

    let remove = ["admin", "oauth-client", "remove", "--client-id", &client_id];
    let (code, out, _) = run_roster(dir.path(), &remove, &[]);
    assert_eq!(code, 0);
    assert!(out.contains("removed app `Control panel`"), "{out}");
    let (_, out, _) = run_roster(dir.path(), &["admin", "oauth-client", "list"], &[]);
    assert!(!out.contains(&client_id), "{out}");
}

async fn staff_register_rotate_and_remove_apps_through_the_admin_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token().await;
    let support = roster::admins::create(
        &app.state.db,
        app.state.clock.now_ms(),
        "support-desk",
        roster::admins::Role::Support,
    )
    .await
    .unwrap()
    .0;
    let body = json!({
        "name": "Control panel",
        "redirect_uris": ["https://panel.example.com/callback"],
        "backchannel_logout_uri": "https://panel.example.com/logout",
        "id_token_alg": "es256",
    });
    let path = "/api/v1/admin/oauth-clients";
    app.expect(403, "POST", path, Some(&support), Some(body.clone()))
        .await;
    let created = app
        .expect(201, "POST", path, Some(&admin), Some(body.clone()))
        .await;
    let client_id = created["app"]["client_id"].as_str().unwrap().to_owned();
    let secret = created["client_secret"].as_str().unwrap().to_owned();
    assert_eq!(created["app"]["id_token_alg"], "ES256");
    assert!(created["app"].get("secret_hash").is_none(), "{created}");
    app.expect(409, "POST", path, Some(&admin), Some(body))
        .await;

    // Bad input changes nothing.
    let before = app.db_snapshot().await;
    for bad in [
        json!({ "name": "Plain", "redirect_uris": ["http://panel.example.com/cb"] }),
        json!({ "name": "None", "redirect_uris": [] }),
        json!({ "name": "Alg", "redirect_uris": ["https://a.example/cb"], "id_token_alg": "HS256" }),
        json!({ "name": "Extra", "redirect_uris": ["https://a.example/cb"], "scopes": ["all"] }),
    ] {
        let response = app
            .call("POST", path, Some(&admin), Some(bad.clone()))
            .await;
        assert_eq!(response.status(), 422, "{bad}");
        problem(response).await;
    }
    assert_eq!(app.db_snapshot().await, before);

    // Support reads; the list never shows a secret.
    let listed = app.expect(200, "GET", path, Some(&support), None).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert!(!listed.to_string().contains(&secret));
    let one = format!("{path}/{client_id}");
    let read = app.expect(200, "GET", &one, Some(&support), None).await;
    assert_eq!(read["name"], "Control panel");

    // Rotation with no grace: the old secret stops at once, the new one works.
    let rotate = format!("{one}/rotate-secret");
    app.expect(403, "POST", &rotate, Some(&support), Some(json!({})))
        .await;
    let rotated = app
        .expect(
            200,
            "POST",
            &rotate,
            Some(&admin),
            Some(json!({ "grace_seconds": 0 })),
        )
        .await;
    let new_secret = rotated["client_secret"].as_str().unwrap();
    let (db, now) = (&app.state.db, app.state.clock.now_ms());
    assert!(
        clients::authenticate(db, now, &client_id, new_secret)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        clients::authenticate(db, now, &client_id, &secret)
            .await
            .unwrap()
            .is_none()
    );

    app.expect(403, "DELETE", &one, Some(&support), None).await;
    app.expect(204, "DELETE", &one, Some(&admin), None).await;
    app.expect(404, "GET", &one, Some(&admin), None).await;
    app.expect(404, "DELETE", &one, Some(&admin), None).await;
}
