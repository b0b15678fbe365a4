//! Staff members from the outside: the CLI (`roster admin staff …`), the setup link, sign-in
//! (uniform answers, rate limits), disabling, and the rule that there is always an active
//! administrator.

use super::{staff_over_http, staff_set_up};
use crate::client_area::PASSWORD;
use crate::helpers::{
    Backend, PageBrowser, TestApp, csrf_token_in, run_roster, spawn_app, totp_code, unique_email,
};
use roster::admins::Role;

/// `roster admin staff ARGS` against the app's database: (exit code, stdout, stderr).
fn staff_cli(app: &TestApp, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["admin", "staff"];
    all.extend_from_slice(args);
    run_roster(
        dir.path(),
        &all,
        &[
            (
                "ROSTER_DATABASE__URL",
                app.state.settings.database.url.expose(),
            ),
            ("ROSTER_SERVER__PUBLIC_URL", &app.address),
        ],
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_lists_disables_and_removes_staff_but_never_the_last_administrator() {
    let app = spawn_app(Backend::Sqlite).await;
    let first = unique_email("first");
    let (code, _, stderr) = staff_cli(
        &app,
        &["create", "--email", &first, "--role", "administrator"],
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = staff_cli(
        &app,
        &[
            "create",
            "--email",
            &first.to_uppercase(),
            "--role",
            "support",
        ],
    );
    assert_ne!(code, 0);
    assert!(
        stderr.contains("a staff member with this email address exists"),
        "{stderr}"
    );
    let (code, _, stderr) = staff_cli(
        &app,
        &["create", "--email", "not an address", "--role", "support"],
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("is not an email address"), "{stderr}");

    // The only administrator can be neither disabled nor removed.
    for verb in ["disable", "remove"] {
        let (code, _, stderr) = staff_cli(&app, &[verb, "--email", &first]);
        assert_ne!(code, 0, "{verb}");
        assert!(
            stderr.contains("is the last active administrator"),
            "{verb}: {stderr}"
        );
    }
    let helper = unique_email("helper");
    staff_cli(&app, &["create", "--email", &helper, "--role", "support"]);
    let (code, stdout, _) = staff_cli(&app, &["list"]);
    assert_eq!(code, 0);
    let line = |email: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(email))
            .map(str::to_owned)
    };
    let listed = line(&first).unwrap();
    assert!(
        listed.contains("administrator") && listed.contains("active") && listed.contains(" no "),
        "{listed}"
    );
    assert!(line(&helper).unwrap().contains("support"));

    // A support member's leaving never matters; a second administrator frees the first.
    let (code, stdout, _) = staff_cli(&app, &["disable", "--email", &helper]);
    assert_eq!(code, 0);
    assert!(stdout.contains("disabled"));
    let second = unique_email("second");
    staff_cli(
        &app,
        &["create", "--email", &second, "--role", "administrator"],
    );
    let (code, _, stderr) = staff_cli(&app, &["remove", "--email", &first]);
    assert_eq!(code, 0, "{stderr}");
    let (_, stdout, _) = staff_cli(&app, &["list"]);
    assert!(
        !stdout.contains(&first) && stdout.contains(&second),
        "{stdout}"
    );
    let (code, _, stderr) = staff_cli(&app, &["remove", "--email", &second]);
    assert_ne!(code, 0);
    assert!(stderr.contains("last active administrator"), "{stderr}");

    // Each change is audited.
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_events WHERE action LIKE 'staff.%' ORDER BY id",
    )
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        actions,
        [
            "staff.created",
            "staff.created",
            "staff.disabled",
            "staff.created",
            "staff.removed"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_setup_link_works_once_and_a_new_link_replaces_it() {
    let app = spawn_app(Backend::Sqlite).await;
    let email = unique_email("setup");
    let (code, stdout, stderr) =
        staff_cli(&app, &["create", "--email", &email, "--role", "support"]);
    assert_eq!(code, 0, "{stderr}");
    let first = stdout.trim().trim_start_matches(&app.address).to_owned();

    let page = PageBrowser::new(&app);
    let (status, html) = page.open(&first).await;
    assert_eq!(status, 200);
    assert!(html.contains(&email) && html.contains("support"), "{html}");
    let secret = secret_on(&html);
    let (status, html) = page
        .submit(&first, &[("password", PASSWORD), ("code", "000000")])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("The code does not match"), "{html}");
    let (status, html) = page
        .submit(
            &first,
            &[("password", "short"), ("code", &totp_code(&app, &secret))],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("at least"), "{html}");

    // A new link: the first one stops working, the new one shows a new secret.
    let (code, stdout, _) = staff_cli(&app, &["link", "--email", &email]);
    assert_eq!(code, 0);
    let second = stdout.trim().trim_start_matches(&app.address).to_owned();
    let (status, html) = page.open(&first).await;
    assert_eq!(status, 404);
    assert!(html.contains("This link does not work"));
    let (status, html) = page.open(&second).await;
    assert_eq!(status, 200);
    let secret = secret_on(&html);
    let (status, html) = page
        .submit(
            &second,
            &[("password", PASSWORD), ("code", &totp_code(&app, &secret))],
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Your password and authenticator are set up"),
        "{html}"
    );
    let (status, _) = page.open(&second).await;
    assert_eq!(status, 404, "a link works once");
    let (_, stdout, _) = staff_cli(&app, &["list"]);
    let line = stdout.lines().find(|l| l.starts_with(&email)).unwrap();
    assert!(line.contains(" yes "), "{line}");
}

/// The sign-in page's answer to one password attempt: (status, the page).
async fn attempt(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    let page = PageBrowser::new(app);
    page.open("/admin/login").await;
    page.submit("/admin/login", &[("email", email), ("password", password)])
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sign_in_answers_uniformly_and_is_rate_limited() {
    let app = spawn_app(Backend::Sqlite).await;
    let (ready, _) = staff_set_up(&app, Role::Administrator).await;
    let now = app.state.clock.now_ms();
    let ctx = roster::audit::Context::system();
    let not_set_up = unique_email("pending");
    roster::staff::create(&app.state.db, &ctx, now, &not_set_up, Role::Support)
        .await
        .unwrap();
    let (disabled, _) = staff_set_up(&app, Role::Support).await;
    let member = roster::staff::by_email(&app.state.db, &disabled)
        .await
        .unwrap();
    roster::staff::set_active(&app.state.db, &ctx, now, &member.id, false)
        .await
        .unwrap();
    // A client user's login is no staff login either.
    let client = unique_email("client");
    app.signup(&client, PASSWORD).await;

    let mut answers = Vec::new();
    for (email, password) in [
        (ready.as_str(), "not the password"),
        ("nobody@example.com", PASSWORD),
        (not_set_up.as_str(), PASSWORD),
        (disabled.as_str(), PASSWORD),
        (client.as_str(), PASSWORD),
    ] {
        let (status, html) = attempt(&app, email, password).await;
        assert_eq!(status, 401, "{email}");
        assert!(
            html.contains("The email address or password is wrong."),
            "{email}: {html}"
        );
        let token = csrf_token_in(&html).unwrap();
        answers.push(html.replace(email, "EMAIL").replace(&token, "TOKEN"));
    }
    assert!(
        answers.windows(2).all(|w| w[0] == w[1]),
        "the answers differ"
    );

    // Ten attempts from one address per window (`auth.rate_limit.per_ip`); the next is refused
    // even with the right password, and says when to come back.
    for _ in 0..5 {
        attempt(&app, "nobody@example.com", PASSWORD).await;
    }
    let (status, html) = attempt(&app, &ready, PASSWORD).await;
    assert_eq!(status, 429);
    assert!(html.contains("Too many attempts: try again in"), "{html}");
    // The client area's counters are not the admin area's.
    let token = app.login_ok(&client, PASSWORD).await;
    assert!(!token.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_a_staff_member_ends_their_sessions_at_once() {
    let app = spawn_app(Backend::Sqlite).await;
    let (admin, admin_email) = staff_over_http(&app, Role::Administrator).await;
    let (support, support_email) = staff_over_http(&app, Role::Support).await;
    assert!(
        support
            .open("/admin/clients")
            .await
            .1
            .contains("All clients")
    );

    let (_, html) = admin.open("/admin/staff").await;
    assert!(html.contains(&support_email));
    let id = roster::staff::by_email(&app.state.db, &support_email)
        .await
        .unwrap()
        .id;
    // Support may not manage staff.
    let response = support
        .post_form(&format!("/admin/staff/{id}/disable"), &[])
        .await;
    assert_eq!(response.status(), 403);
    let (status, html) = admin
        .submit(&format!("/admin/staff/{id}/disable"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("The staff member is disabled"), "{html}");
    let (_, html) = support.open("/admin/clients").await;
    assert!(html.contains("Staff sign-in"), "{html}");

    // The last active administrator is kept, from the page too.
    let me = roster::staff::by_email(&app.state.db, &admin_email)
        .await
        .unwrap()
        .id;
    let (status, html) = admin
        .submit(&format!("/admin/staff/{me}/remove"), &[])
        .await;
    assert_eq!(status, 409);
    assert!(html.contains("is the last active administrator"), "{html}");

    // An administrator adds a member on the page and gets their link once.
    let newcomer = unique_email("newcomer");
    admin.open("/admin/staff").await;
    let (status, html) = admin
        .submit("/admin/staff", &[("email", &newcomer), ("role", "support")])
        .await;
    assert_eq!(status, 201);
    let links = app.state.settings.server.public_url.join("/admin/setup/");
    assert!(html.contains(&links), "{html}");
    let (_, html) = admin.open("/admin/staff").await;
    assert!(html.contains(&newcomer) && !html.contains("/admin/setup/"));
}

/// The TOTP key a setup page shows.
fn secret_on(html: &str) -> String {
    html.split("id=\"totp-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned()
}
