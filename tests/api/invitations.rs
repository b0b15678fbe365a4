//! Invitations end to end, reading the real email from the SMTP sink and following its link.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";

struct Owner {
    app: TestApp,
    admin: String,
    owner: String,
    owner_email: String,
    account: String,
}

async fn owner_with_account(
    backend: Backend,
    configure: impl FnOnce(&mut roster::Settings),
) -> Owner {
    let app = spawn_app_with(backend, configure).await;
    let admin = app.admin_token().await;
    let owner_email = unique_email("owner");
    let body = app
        .expect(
            201,
            "POST",
            "/api/v1/signup",
            None,
            Some(json!({ "email": owner_email, "password": PASSWORD, "first_name": "Olive", "last_name": "Owner",
                         "account": { "company_name": "Olive Hosting" } })),
        )
        .await;
    // An owner sends invitations once their own address is verified.
    app.verify_address(&owner_email).await;
    Owner {
        owner: body["token"].as_str().unwrap().to_owned(),
        account: body["account"]["id"].as_str().unwrap().to_owned(),
        owner_email,
        app,
        admin,
    }
}

async fn invite_a_new_address_who_signs_up_through_the_link(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let email = unique_email("invitee");
    let invitation = o
        .app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": ["invoices", "tickets"] })),
        )
        .await;
    assert_eq!(invitation["state"], "pending");
    let (token, mail) = invitation_token(&email, 1).await;
    let text = mail.body("text/plain").unwrap();
    assert!(
        text.contains("Olive Owner") && text.contains("Olive Hosting"),
        "{text}"
    );
    assert!(!text.contains("(staff)"));

    let preview = o.app.invitation_preview(&token).await;
    assert_eq!(preview["account_name"], "Olive Hosting");
    assert_eq!(preview["invited_by"], "Olive Owner");
    assert_eq!(preview["state"], "pending");
    let keys: Vec<&String> = preview.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "account_name",
            "expires_at",
            "invited_by",
            "sent_by_staff",
            "state"
        ],
        "nothing else is shown"
    );

    let accepted = o
        .app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({ "signup": { "email": email, "password": PASSWORD, "first_name": "Ivy", "last_name": "Invitee" } })),
        )
        .await;
    assert_eq!(accepted["permissions"], json!(["invoices", "tickets"]));
    assert!(
        accepted["user"]["email_verified_at"].is_i64(),
        "the link verified the address"
    );
    let session = o.app.login_ok(&email, PASSWORD).await;
    let mine = o.app.my_accounts(&session).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["account"]["id"], o.account.as_str());
    assert_eq!(mine[0]["is_owner"], false);
    assert_eq!(mine[0]["permissions"], json!(["invoices", "tickets"]));

    // Used up: a second use is refused and changes nothing.
    let again = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            Some(&o.owner),
            Some(json!({})),
        )
        .await;
    assert_eq!(problem(again).await["code"], "invitation_used");
    let preview = o.app.invitation_preview(&token).await;
    assert_eq!(preview["state"], "accepted");
    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM domain_events WHERE kind = 'invitation.accepted' AND account_id = $1",
    )
    .bind(o.account.clone())
    .fetch_one(o.app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(events, 1);
}

async fn an_existing_user_logs_in_and_accepts(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let email = unique_email("existing");
    let (_, session) = o.app.signup(&email, PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email.to_uppercase(), "permissions": ["domains"] })),
        )
        .await;
    let (token, _) = invitation_token(&email.to_uppercase(), 1).await;
    // Without a session and without a sign-up, there is nobody to accept as.
    let nobody = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(json!({})),
        )
        .await;
    assert_eq!(problem(nobody).await["code"], "unauthorized");
    let accepted = o
        .app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            Some(&session),
            Some(json!({})),
        )
        .await;
    assert_eq!(accepted["permissions"], json!(["domains"]));
    let mine = o.app.my_accounts(&session).await;
    assert_eq!(
        mine.as_array().unwrap().len(),
        2,
        "their own account and the new one"
    );
}

async fn only_the_owner_invites_and_admins_invite_as_staff(backend: Backend) {
    let o = owner_with_account(backend, |s| s.user_management.enabled = false).await;
    let path = format!("/api/v1/accounts/{}/invitations", o.account);
    let refused = o
        .app
        .call(
            "POST",
            &path,
            Some(&o.owner),
            Some(json!({ "email": unique_email("x") })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "user_management_disabled");
    let email = unique_email("staff-invited");
    let invitation = o
        .app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/invitations", o.account),
            Some(&o.admin),
            Some(json!({ "email": email, "permissions": ["emails"] })),
        )
        .await;
    assert_eq!(invitation["sent_by_staff"], true);
    let (_, mail) = invitation_token(&email, 1).await;
    assert!(
        mail.body("text/plain")
            .unwrap()
            .contains("The invitation was sent by the Roster team.")
    );
    let pending = o
        .app
        .expect(
            200,
            "GET",
            &format!("/api/v1/admin/accounts/{}/invitations", o.account),
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(pending.as_array().unwrap().len(), 1);

    // With user management on, a member who is not the owner is refused.
    let o = owner_with_account(backend, |_| {}).await;
    let (member_id, member) = o.app.signup(&unique_email("member"), PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": member_id, "permissions": ["profile", "contacts"] })),
        )
        .await;
    let path = format!("/api/v1/accounts/{}/invitations", o.account);
    let refused = o
        .app
        .call(
            "POST",
            &path,
            Some(&member),
            Some(json!({ "email": unique_email("y") })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "forbidden");
    assert_eq!(
        problem(o.app.call("GET", &path, Some(&member), None).await).await["code"],
        "forbidden"
    );
    assert_eq!(
        o.app.expect(200, "GET", &path, Some(&o.owner), None).await,
        json!([])
    );
}

async fn cancelled_resent_replaced_and_expired_links_are_refused(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let base = format!("/api/v1/accounts/{}/invitations", o.account);
    let signup = |email: &str| json!({ "signup": { "email": email, "password": PASSWORD, "first_name": "A", "last_name": "B" } });

    // Cancelled.
    let email = unique_email("cancelled");
    let invitation = o
        .app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            204,
            "DELETE",
            &format!("{base}/{}", invitation["id"].as_str().unwrap()),
            Some(&o.owner),
            None,
        )
        .await;
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "invitation_cancelled");
    // Nothing was created by the refused sign-up.
    assert_eq!(
        problem(o.app.login(&email, PASSWORD, json!({})).await).await["code"],
        "invalid_credentials"
    );

    // Resent: the old link is dead (as unknown as a wrong one), the new one works.
    let email = unique_email("resent");
    let invitation = o
        .app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (old, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            200,
            "POST",
            &format!("{base}/{}/resend", invitation["id"].as_str().unwrap()),
            Some(&o.owner),
            None,
        )
        .await;
    let (new, _) = invitation_token(&email, 2).await;
    assert_ne!(old, new);
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{old}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "not_found");
    o.app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{new}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;

    // Replaced: a second invitation to the same address voids the first.
    let email = unique_email("replaced");
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": ["invoices"] })),
        )
        .await;
    let (first, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": ["quotes"] })),
        )
        .await;
    let (second, _) = invitation_token(&email, 2).await;
    assert_eq!(
        o.app
            .expect(200, "GET", &base, Some(&o.owner), None)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{first}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "invitation_cancelled");

    // Still good a minute before its 7 days are up (the clock moves; nobody sleeps)…
    o.app
        .state
        .clock
        .advance(Duration::from_secs(7 * 24 * 3600 - 60));
    assert_eq!(o.app.invitation_preview(&second).await["state"], "pending");
    // …expired just after, and an expired one never blocks a new one.
    o.app.state.clock.advance(Duration::from_secs(61));
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{second}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "invitation_expired");
    assert_eq!(o.app.invitation_preview(&second).await["state"], "expired");
    let owner = o.app.login_ok(&o.owner_email, PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (third, _) = invitation_token(&email, 3).await;
    o.app
        .expect(
            200,
            "POST",
            &format!("/api/v1/invitations/{third}/accept"),
            None,
            Some(signup(&email)),
        )
        .await;

    // Guessed and truncated tokens get the same answer as a wrong one.
    for bad in [
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        &third[..20],
        "x",
    ] {
        let response = o
            .app
            .call("GET", &format!("/api/v1/invitations/{bad}"), None, None)
            .await;
        assert_eq!(problem(response).await["code"], "not_found");
    }
}

async fn accepting_as_a_member_uses_nothing_up(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let email = unique_email("twice");
    let (user_id, session) = o.app.signup(&email, PASSWORD).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": user_id })),
        )
        .await;
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "already_member");

    // Invited while not a member, added directly meanwhile: accepting is refused, still pending.
    o.app
        .expect(
            204,
            "DELETE",
            &format!("/api/v1/admin/accounts/{}/users/{user_id}", o.account),
            Some(&o.admin),
            None,
        )
        .await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": user_id })),
        )
        .await;
    let refused = o
        .app
        .call(
            "POST",
            &format!("/api/v1/invitations/{token}/accept"),
            Some(&session),
            Some(json!({})),
        )
        .await;
    assert_eq!(problem(refused).await["code"], "already_member");
    assert_eq!(o.app.invitation_preview(&token).await["state"], "pending");
}

async fn a_hundred_concurrent_accepts_make_one_membership(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let email = unique_email("race");
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    let attempts = (0..100).map(|i| {
        let body = json!({ "signup": { "email": unique_email(&format!("racer{i}")), "password": PASSWORD, "first_name": "R", "last_name": "Acer" } });
        let path = format!("/api/v1/invitations/{token}/accept");
        let app = &o.app;
        async move { app.call("POST", &path, None, Some(body)).await.status().as_u16() }
    });
    let statuses = futures::future::join_all(attempts).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [200, 410].contains(s)),
        "{statuses:?}"
    );
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE account_id = $1")
        .bind(o.account.clone())
        .fetch_one(o.app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(members, 2, "the owner and exactly one invitee");
}

async fn invitations_are_rate_limited_per_account(backend: Backend) {
    let o = owner_with_account(backend, |s| s.invitations.per_account_per_hour = 3).await;
    let base = format!("/api/v1/accounts/{}/invitations", o.account);
    for _ in 0..3 {
        o.app
            .expect(
                201,
                "POST",
                &base,
                Some(&o.owner),
                Some(json!({ "email": unique_email("many") })),
            )
            .await;
    }
    let refused = o
        .app
        .call(
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": unique_email("many") })),
        )
        .await;
    assert_eq!(refused.status(), 429);
    assert_eq!(problem(refused).await["code"], "rate_limited");
    o.app.state.clock.advance(Duration::from_secs(3601));
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": unique_email("many") })),
        )
        .await;
    let _: Value = json!(null);
}

/// A browser's way through the link: the page shows the invitation with login and sign-up side by
/// side; signing up accepts and signs in; someone signed in as another user can accept as themself
/// or sign out and continue.
async fn the_invite_page_works_for_a_browser(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let base = format!("/api/v1/accounts/{}/invitations", o.account);
    let email = unique_email("browser");
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": ["tickets"] })),
        )
        .await;
    let (token, mail) = invitation_token(&email, 1).await;
    assert!(mail.body("text/plain").unwrap().contains(&format!(
        "{}/invite/{token}",
        o.app.state.settings.server.public_url.as_str()
    )));

    let browser = PageBrowser::new(&o.app);
    let (status, html) = browser.open(&format!("/invite/{token}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Invitation to Olive Hosting"), "{html}");
    assert!(
        html.contains("I have a login") && html.contains("I am new here"),
        "login and sign-up side by side"
    );
    assert!(
        html.contains(&format!("action=\"/invite/{token}/signup\"")),
        "{html}"
    );

    // Sign up through the page: accepted, and signed in.
    let (status, html) = browser
        .submit(
            &format!("/invite/{token}/signup"),
            &[
                ("first_name", "Bea"),
                ("last_name", "Browser"),
                ("email", email.as_str()),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("You now have access to Olive Hosting."),
        "{html}"
    );
    let mine: Value = browser
        .api("GET", "/api/v1/me/accounts")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["permissions"], json!(["tickets"]));
    let (status, html) = browser.open(&format!("/invite/{token}")).await;
    assert_eq!(status, 410);
    assert!(html.contains("already accepted"));

    // A second invitation, opened while signed in as Bea: accept as her, or sign out and continue.
    let other = unique_email("someone-else");
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": other })),
        )
        .await;
    let (token, _) = invitation_token(&other, 1).await;
    let (_, html) = browser.open(&format!("/invite/{token}")).await;
    assert!(
        html.contains(&format!("You are signed in as {email}")),
        "{html}"
    );
    assert!(html.contains("Sign out and continue as someone else"));
    let (status, html) = browser
        .submit(&format!("/invite/{token}/signout"), &[])
        .await;
    assert_eq!(status, 200, "followed the redirect back to the page");
    assert!(
        html.contains("I have a login") && !html.contains("You are signed in as"),
        "{html}"
    );
    assert_eq!(browser.api("GET", "/api/v1/me").await.status(), 401);

    // Log in through the page as an existing user: a wrong password keeps the page with a reason.
    let (_, _) = o.app.signup(&other, PASSWORD).await;
    let login = format!("/invite/{token}/login");
    let (status, html) = browser
        .submit(
            &login,
            &[("email", other.as_str()), ("password", "not the password")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("The email address or password is wrong."),
        "{html}"
    );
    let (status, html) = browser
        .submit(&login, &[("email", other.as_str()), ("password", PASSWORD)])
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("You now have access"), "{html}");

    assert_eq!(browser.open("/invite/not-a-token").await.0, 404);
}

/// An unknown token is a 404 page for every form of the invite page, and no answer but a success
/// signs the browser in: good credentials on an unknown or used link set no cookie and leave no
/// session behind.
async fn the_invite_forms_answer_404_for_an_unknown_token_and_sign_nobody_in(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let email = unique_email("lost-link");
    let (user_id, _) = o.app.signup(&email, PASSWORD).await;
    let sessions_before = session_count(&o.app, &user_id).await;
    let base = format!("/api/v1/accounts/{}/invitations", o.account);
    let someone = unique_email("someone");
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": someone })),
        )
        .await;
    let (real, _) = invitation_token(&someone, 1).await;
    let browser = PageBrowser::new(&o.app);
    assert_eq!(browser.open("/invite/unknown-token").await.0, 404);
    // A real invitation's page gives the browser a good form token; the forms are then sent to
    // the unknown link.
    assert_eq!(browser.open(&format!("/invite/{real}")).await.0, 200);
    for (path, fields) in [
        (
            "/invite/unknown-token/login",
            vec![("email", email.as_str()), ("password", PASSWORD)],
        ),
        (
            "/invite/unknown-token/signup",
            vec![
                ("first_name", "Lou"),
                ("last_name", "Lost"),
                ("email", "lost-signup@example.test"),
                ("password", PASSWORD),
            ],
        ),
        ("/invite/unknown-token/accept", vec![]),
    ] {
        let response = browser.post_form(path, &fields).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            !response
                .headers()
                .get_all("set-cookie")
                .iter()
                .any(|c| c.to_str().unwrap().starts_with("roster_session=")),
            "{path} set a session cookie"
        );
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Invitation not found")
        );
    }
    assert_eq!(session_count(&o.app, &user_id).await, sessions_before);
    let signed_up: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'lost-signup@example.test'")
            .fetch_one(o.app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(signed_up, 0);

    // Good credentials on a link the user cannot use (they became a member meanwhile): refused,
    // and not signed in.
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/admin/accounts/{}/users", o.account),
            Some(&o.admin),
            Some(json!({ "user_id": user_id, "permissions": [] })),
        )
        .await;
    let again = PageBrowser::new(&o.app);
    again.open(&format!("/invite/{token}")).await;
    let before = session_count(&o.app, &user_id).await;
    let (status, html) = again
        .submit(
            &format!("/invite/{token}/login"),
            &[("email", email.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, 409, "{html}");
    assert!(html.contains("You already have access"));
    assert_eq!(again.api("GET", "/api/v1/me").await.status(), 401);
    assert_eq!(session_count(&o.app, &user_id).await, before);
}

async fn session_count(app: &TestApp, user_id: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(user_id.to_owned())
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

/// An invitation link's sign-up cannot be used to probe addresses without end: attempts through
/// one link are counted whatever IP they come from (here each from another forwarded address).
async fn an_invitation_link_cannot_probe_addresses_without_end(backend: Backend) {
    let o = owner_with_account(backend, |s| {
        s.server.trust_forwarded_for = true;
        s.auth.rate_limit.signup_per_ip = 3;
    })
    .await;
    let email = unique_email("probed-link");
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    let probe = |n: usize| {
        let o = &o;
        let token = token.clone();
        async move {
            reqwest::Client::new()
                .post(o.app.url(&format!("/api/v1/invitations/{token}/accept")))
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .json(
                    &json!({ "signup": { "email": o.owner_email, "password": PASSWORD,
                                           "first_name": "Eve", "last_name": "Probe" } }),
                )
                .send()
                .await
                .unwrap()
        }
    };
    for n in 1..=3 {
        assert_eq!(probe(n).await.status(), 409, "attempt {n}");
    }
    let refused = probe(4).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(problem(refused).await["code"], "rate_limited");
    let preview = o.app.invitation_preview(&token).await;
    assert_eq!(preview["state"], "pending");
}

/// Calls that take no parameters take an empty body, with or without a `Content-Type`: accepting
/// as the signed-in user, resending, logging out. A body that is there must still be JSON.
async fn posts_without_parameters_take_an_empty_body(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let base = format!("/api/v1/accounts/{}/invitations", o.account);
    let raw =
        |path: String, token: String, content_type: Option<&'static str>, body: &'static str| {
            let url = o.app.url(&path);
            async move {
                let mut request = reqwest::Client::new().post(url).bearer_auth(token);
                if let Some(content_type) = content_type {
                    request = request.header("content-type", content_type);
                }
                request.body(body).send().await.unwrap()
            }
        };
    let mut accepted = 0;
    for content_type in [None, Some("application/json")] {
        let email = unique_email("empty-body");
        let id = o
            .app
            .expect(
                201,
                "POST",
                &base,
                Some(&o.owner),
                Some(json!({ "email": email })),
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let resent = raw(
            format!("{base}/{id}/resend"),
            o.owner.clone(),
            content_type,
            "",
        )
        .await;
        assert_eq!(resent.status(), 200, "resend, {content_type:?}");
        let (token, _) = invitation_token(&email, 2).await;
        let (_, session) = o.app.signup(&email, PASSWORD).await;
        let response = raw(
            format!("/api/v1/invitations/{token}/accept"),
            session.clone(),
            content_type,
            "",
        )
        .await;
        assert_eq!(response.status(), 200, "accept, {content_type:?}");
        accepted += 1;
        let out = raw("/api/v1/auth/logout".to_owned(), session, content_type, "").await;
        assert_eq!(out.status(), 204, "logout, {content_type:?}");
    }
    assert_eq!(accepted, 2);
    // A body that is not JSON is still refused.
    let email = unique_email("text-body");
    o.app
        .expect(
            201,
            "POST",
            &base,
            Some(&o.owner),
            Some(json!({ "email": email })),
        )
        .await;
    let (token, _) = invitation_token(&email, 1).await;
    let (_, session) = o.app.signup(&email, PASSWORD).await;
    let refused = raw(
        format!("/api/v1/invitations/{token}/accept"),
        session,
        Some("text/plain"),
        "yes please",
    )
    .await;
    assert_eq!(refused.status(), 415);
}

/// Admins cancel and resend too; the sweeper marks expired invitations, though nothing needs it to;
/// every change is audited and recorded for plugins.
async fn admins_cancel_and_resend_and_the_sweeper_expires(backend: Backend) {
    let o = owner_with_account(backend, |_| {}).await;
    let admin_base = format!("/api/v1/admin/accounts/{}/invitations", o.account);
    let email = unique_email("admin-managed");
    let invitation = o
        .app
        .expect(
            201,
            "POST",
            &admin_base,
            Some(&o.admin),
            Some(json!({ "email": email })),
        )
        .await;
    let id = invitation["id"].as_str().unwrap();
    let (first, _) = invitation_token(&email, 1).await;
    o.app
        .expect(
            200,
            "POST",
            &format!("{admin_base}/{id}/resend"),
            Some(&o.admin),
            None,
        )
        .await;
    let (second, _) = invitation_token(&email, 2).await;
    assert_eq!(
        problem(
            o.app
                .call("GET", &format!("/api/v1/invitations/{first}"), None, None)
                .await
        )
        .await["code"],
        "not_found"
    );
    o.app
        .expect(
            204,
            "DELETE",
            &format!("{admin_base}/{id}"),
            Some(&o.admin),
            None,
        )
        .await;
    let twice = o
        .app
        .call(
            "DELETE",
            &format!("{admin_base}/{id}"),
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(problem(twice).await["code"], "invitation_cancelled");
    assert_eq!(
        o.app.invitation_preview(&second).await["state"],
        "cancelled"
    );

    let later = unique_email("sweep");
    o.app
        .expect(
            201,
            "POST",
            &admin_base,
            Some(&o.admin),
            Some(json!({ "email": later })),
        )
        .await;
    let (token, _) = invitation_token(&later, 1).await;
    o.app
        .state
        .clock
        .advance(Duration::from_secs(8 * 24 * 3600));
    assert_eq!(
        o.app.invitation_preview(&token).await["state"],
        "expired",
        "before any sweep"
    );
    roster::sweeper::sweep_once(&o.app.state).await.unwrap();
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT state FROM invitations WHERE account_id = $1 ORDER BY created_at",
    )
    .bind(o.account.clone())
    .fetch_all(o.app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(stored, ["cancelled", "expired"]);
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM domain_events WHERE account_id = $1 AND kind LIKE 'invitation.%' ORDER BY seq")
        .bind(o.account.clone())
        .fetch_all(o.app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        kinds,
        [
            "invitation.created",
            "invitation.resent",
            "invitation.cancelled",
            "invitation.created"
        ]
    );
    let audited = o
        .app
        .expect(
            200,
            "GET",
            &format!(
                "/api/v1/admin/audit?account={}&action=invitation.cancelled",
                o.account
            ),
            Some(&o.admin),
            None,
        )
        .await;
    assert_eq!(audited["items"][0]["actor_kind"], "admin");
}

both_backends!(
    invite_a_new_address_who_signs_up_through_the_link,
    an_existing_user_logs_in_and_accepts,
    only_the_owner_invites_and_admins_invite_as_staff,
    cancelled_resent_replaced_and_expired_links_are_refused,
    accepting_as_a_member_uses_nothing_up,
    a_hundred_concurrent_accepts_make_one_membership,
    invitations_are_rate_limited_per_account,
    the_invite_page_works_for_a_browser,
    an_invitation_link_cannot_probe_addresses_without_end,
    posts_without_parameters_take_an_empty_body,
    the_invite_forms_answer_404_for_an_unknown_token_and_sign_nobody_in,
    admins_cancel_and_resend_and_the_sweeper_expires,
);

/// The invitation link in a real browser (headless Chromium): a new address signs up through the
/// page and gets the permissions it was invited with; the browser, now signed in, opens a second
/// invitation, signs out from the page and logs in there as the invited existing user. The pages
/// do not depend on the database, so this runs on SQLite only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_invite_link_works_in_a_real_browser() {
    let o = owner_with_account(Backend::Sqlite, |_| {}).await;
    let email = unique_email("chromium");
    let token = invite(&o, &email, json!(["tickets"])).await;
    let browser = crate::browser::Browser::start().await;

    browser.open(&o.app.url(&format!("/invite/{token}"))).await;
    let shown = browser.wait_for_text("Invitation to Olive Hosting").await;
    assert!(
        shown.contains("I have a login") && shown.contains("I am new here"),
        "{shown}"
    );
    browser.fill("signup-first", "Chrom").await;
    browser.fill("signup-last", "Ium").await;
    browser.fill("signup-email", &email).await;
    browser.fill("signup-password", PASSWORD).await;
    browser.click("Create my login and accept").await;
    browser
        .wait_for_text("You now have access to Olive Hosting.")
        .await;
    assert_eq!(permissions_in(&o, &email).await, json!(["tickets"]));
    // The used link says so.
    browser.open(&o.app.url(&format!("/invite/{token}"))).await;
    browser.wait_for_text("already accepted").await;

    // A second invitation, to someone who already has a login, opened in the same browser.
    let existing = unique_email("existing");
    o.app.signup(&existing, PASSWORD).await;
    let token = invite(&o, &existing, json!(["invoices"])).await;
    browser.open(&o.app.url(&format!("/invite/{token}"))).await;
    browser
        .wait_for_text(&format!("You are signed in as {email}"))
        .await;
    browser.click("Sign out and continue as someone else").await;
    browser.wait_for_text("I have a login").await;
    browser.fill("login-email", &existing).await;
    browser.fill("login-password", PASSWORD).await;
    browser.click("Log in and accept").await;
    browser
        .wait_for_text("You now have access to Olive Hosting.")
        .await;
    assert_eq!(permissions_in(&o, &existing).await, json!(["invoices"]));
    browser.close().await;
}

/// The permissions `email` (password `PASSWORD`) holds on the owner's account, as they see them.
async fn permissions_in(o: &Owner, email: &str) -> Value {
    let session = o.app.login_ok(email, PASSWORD).await;
    let mine = o.app.my_accounts(&session).await;
    mine.as_array()
        .unwrap()
        .iter()
        .find(|m| m["account"]["id"] == o.account.as_str())
        .unwrap_or_else(|| panic!("{email} is not a member: {mine:#}"))["permissions"]
        .clone()
}

/// The owner invites `email` with `permissions`; answers the token from the emailed link.
async fn invite(o: &Owner, email: &str, permissions: Value) -> String {
    o.app
        .expect(
            201,
            "POST",
            &format!("/api/v1/accounts/{}/invitations", o.account),
            Some(&o.owner),
            Some(json!({ "email": email, "permissions": permissions })),
        )
        .await;
    invitation_token(email, 1).await.0
}
