//! What a person allowed each app: remembered per person and app with the scopes allowed, so that
//! the app is not asked about again until it wants more (or `prompt=consent`). "Apps with access"
//! on `/me` (and `GET /api/v1/me/apps`) lists them, with the trusted apps that hold the person's
//! tokens; withdrawing one forgets the consent and revokes every token the app holds of theirs.

use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::clients::Client;
use super::repo::grants;
use super::scopes::Scopes;
use crate::audit::{self, Context, Event};
use crate::error::{Error, Result};
use crate::events::kind;
use crate::state::AppState;

/// Records that the person allowed `client` the `scopes`; audited, and told to plugins (the event
/// `oauth.consent_granted`, hook `after-consent-granted`).
pub async fn grant(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    client: &Client,
    scopes: &Scopes,
) -> Result<()> {
    ctx.refuse_support("allow an app for the user")?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    grants::save_consent(&mut tx, user_id, &client.client_id, &scopes.text(), now).await?;
    let event = Event::user(kind::CONSENT_GRANTED, user_id).after(
        json!({ "client_id": client.client_id, "client": client.name, "scopes": scopes.text() }),
    );
    let payload = json!({
        "client_id": client.client_id,
        "client_name": client.name,
        "scopes": scopes.text().split_whitespace().collect::<Vec<_>>(),
    });
    audit::record_change(&mut tx, ctx, now, event, kind::CONSENT_GRANTED, payload).await?;
    tx.commit().await?;
    Ok(())
}

/// An app with access, as its person sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AppAccess {
    pub client_id: String,
    pub name: String,
    pub logo_uri: Option<String>,
    /// The scopes allowed; empty for the provider's own (trusted) apps, which are never asked.
    pub scopes: Vec<String>,
    /// What the app may learn, in the consent page's words.
    pub learns: Vec<String>,
    /// Since when (unix ms): the consent, or the oldest live token.
    pub since: i64,
}

/// The apps the person allowed, and the apps holding live tokens of theirs, by name.
pub async fn list(state: &AppState, user_id: &str) -> Result<Vec<AppAccess>> {
    let mut conn = state.db.pool().acquire().await?;
    let rows = grants::apps_of(&mut conn, user_id, state.clock.now_ms()).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let scopes = Scopes::parse(&row.scopes);
            AppAccess {
                learns: scopes.in_words().into_iter().map(str::to_owned).collect(),
                scopes: row.scopes.split_whitespace().map(str::to_owned).collect(),
                client_id: row.client_id,
                name: row.name,
                logo_uri: row.logo_uri,
                since: row.since,
            }
        })
        .collect())
}

/// Withdraws the person's consent to an app and revokes every token it holds of theirs; audited,
/// and told to plugins (`oauth.consent_withdrawn`, hook `after-consent-withdrawn`). `not_found`
/// when the app had neither.
pub async fn withdraw(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    client_id: &str,
) -> Result<()> {
    let now = state.clock.now_ms();
    // The app's name for the event (an app staff removed meanwhile has no consents left either).
    let name = match super::clients::get(&state.db, client_id).await {
        Ok(client) => client.name,
        Err(Error::NotFound(_)) => return Err(Error::NotFound("app")),
        Err(e) => return Err(e),
    };
    let mut tx = state.db.begin().await?;
    if !grants::withdraw(&mut tx, user_id, client_id).await? {
        return Err(Error::NotFound("app"));
    }
    let event =
        Event::user(kind::CONSENT_WITHDRAWN, user_id).after(json!({ "client_id": client_id }));
    let payload = json!({ "client_id": client_id, "client_name": name });
    audit::record_change(&mut tx, ctx, now, event, kind::CONSENT_WITHDRAWN, payload).await?;
    tx.commit().await?;
    Ok(())
}
