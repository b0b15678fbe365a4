//! Back-channel logout delivery (OpenID Connect Back-Channel Logout 1.0): the queued logouts
//! (`logout.rs`) are sent from the database by [`run`] on any replica, with the mail outbox's
//! rules and settings (`[mail.outbox]`: `poll_interval`, `lease`, `backoff` doubling up to
//! `max_backoff`, `max_attempts`). A replica claims a batch for the lease (`FOR UPDATE SKIP
//! LOCKED` on PostgreSQL) and renews its claim just before each send, so two replicas never send
//! the same logout; a replica that dies leaves its claim to run out, and another sends it.
//!
//! Each delivery is a `POST` of `logout_token=<JWT>` (form-encoded) to the app's registered URI,
//! the token signed when it is sent with the app's ID token algorithm: `iss`, `aud`, `iat`, `exp`
//! (two minutes), `jti`, `sub`, `sid` and the back-channel logout event; `typ: logout+jwt`. A 200
//! or 204 answer is delivered; anything else (or no answer in 10 seconds) is tried again.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::json;
use tokio::sync::watch;

use super::keys::{self, Alg};
use super::repo::logout::{self as repo, Claimed, Outcome};
use crate::clock::ms;
use crate::crypto::new_id;
use crate::error::Result;
use crate::settings::Backend;
use crate::state::AppState;

/// Logouts taken at once.
const BATCH: i64 = 20;
/// How long a logout token is good for.
const TOKEN_LIFE_SECS: i64 = 120;
/// How long an app may take to answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// This process's name in `claimed_by`.
fn replica() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(new_id)
}

fn client() -> Option<&'static reqwest::Client> {
    static CLIENT: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            crate::install_crypto_provider();
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(TIMEOUT)
                .user_agent(concat!("roster/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| tracing::error!(error = %e, "back-channel logout: no HTTP client"))
                .ok()
        })
        .as_ref()
}

/// Sends one logout; `Err` says why it did not arrive.
async fn send(state: &AppState, logout: &Claimed) -> std::result::Result<(), String> {
    let app = super::clients::get(&state.db, &logout.client_id)
        .await
        .map_err(|e| format!("the app: {e}"))?;
    let Some(uri) = app.backchannel_logout_uri.as_deref() else {
        return Err("the app no longer has a back-channel logout URI".to_owned());
    };
    let now = state.clock.now_ms();
    let claims = json!({
        "iss": super::tokens::issuer(state),
        "aud": app.client_id,
        "iat": now / 1000,
        "exp": now / 1000 + TOKEN_LIFE_SECS,
        "jti": new_id(),
        "sub": logout.user_id,
        "sid": logout.session_id,
        "events": { "http://schemas.openid.net/event/backchannel-logout": {} },
    });
    let alg = Alg::parse(&app.id_token_alg).unwrap_or(Alg::Rs256);
    let token = keys::sign(&state.db, now, alg, Some("logout+jwt"), &claims)
        .await
        .map_err(|e| format!("signing: {e}"))?;
    let http = client().ok_or_else(|| "no HTTP client".to_owned())?;
    let response = http
        .post(uri)
        .form(&[("logout_token", token)])
        .send()
        .await
        .map_err(|e| format!("sending: {e}"))?;
    match response.status().as_u16() {
        200 | 204 => Ok(()),
        status => Err(format!("the app answered {status}")),
    }
}

/// Sends one claimed logout and records how it went.
async fn deliver(state: &AppState, logout: Claimed) -> Result<()> {
    let settings = &state.settings.mail.outbox;
    {
        let mut conn = state.db.pool().acquire().await?;
        let until = state.clock.now_ms() + ms(settings.lease);
        if !repo::renew(&mut conn, &logout.id, replica(), until).await? {
            return Ok(());
        }
    }
    let sent = send(state, &logout).await;
    let now = state.clock.now_ms();
    let attempts = logout.attempts + 1;
    let mut conn = state.db.pool().acquire().await?;
    let outcome = match &sent {
        Ok(()) => Outcome {
            state: "sent",
            attempts,
            next: now,
            error: None,
        },
        Err(error) => {
            let give_up = attempts >= i64::from(settings.max_attempts);
            let wait = settings
                .backoff
                .saturating_mul(1 << attempts.clamp(1, 20).saturating_sub(1))
                .min(settings.max_backoff);
            tracing::warn!(client = %logout.client_id, attempts, gave_up = give_up, %error,
                "back-channel logout not delivered");
            Outcome {
                state: if give_up { "failed" } else { "pending" },
                attempts,
                next: now + ms(wait),
                error: Some(error),
            }
        }
    };
    repo::settle(&mut conn, &logout.id, replica(), outcome, now).await
}

/// Sends what is due, a batch at a time, until nothing is due or `stop` is set.
async fn deliver_due(state: &AppState, stop: &watch::Receiver<bool>) -> Result<()> {
    let lock = match state.db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    loop {
        let now = state.clock.now_ms();
        let until = now + ms(state.settings.mail.outbox.lease);
        let batch = {
            let mut conn = state.db.pool().acquire().await?;
            repo::claim(&mut conn, replica(), now, until, BATCH, lock).await?
        };
        if batch.is_empty() {
            return Ok(());
        }
        for logout in batch {
            if *stop.borrow() {
                let mut conn = state.db.pool().acquire().await?;
                return repo::release(&mut conn, replica()).await;
            }
            deliver(state, logout).await?;
        }
    }
}

/// Delivers logouts until `stop` turns true, every `mail.outbox.poll_interval`; on stop, gives
/// back what it holds.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let poll = state.settings.mail.outbox.poll_interval;
    loop {
        if let Err(e) = deliver_due(&state, &stop).await {
            tracing::warn!(error = %e, "back-channel logout: delivery round failed");
        }
        if *stop.borrow() {
            break;
        }
        tokio::select! {
            () = tokio::time::sleep(poll) => {}
            _ = stop.changed() => {}
        }
    }
    if let Ok(mut conn) = state.db.pool().acquire().await
        && let Err(e) = repo::release(&mut conn, replica()).await
    {
        tracing::warn!(error = %e, "back-channel logout: releasing claims failed");
    }
}

/// Logouts due now (tests wait for none).
pub async fn due(state: &AppState) -> Result<i64> {
    let mut conn = state.db.pool().acquire().await?;
    repo::due(&mut conn, state.clock.now_ms()).await
}
