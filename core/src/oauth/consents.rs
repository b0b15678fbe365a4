//! What a person allowed each app: remembered per person and app with the scopes allowed, so that
//! the app is not asked about again until it wants more (or `prompt=consent`). Withdrawing a
//! consent (on `/me`) also revokes the app's tokens for that person.

use serde_json::json;

use super::clients::Client;
use super::repo::grants;
use super::scopes::Scopes;
use crate::audit::{self, Context, Event};
use crate::error::Result;
use crate::state::AppState;

/// Records that the person allowed `client` the `scopes`; audited as `oauth.consent_granted`.
pub async fn grant(
    state: &AppState,
    ctx: &Context,
    user_id: &str,
    client: &Client,
    scopes: &Scopes,
) -> Result<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    grants::save_consent(&mut tx, user_id, &client.client_id, &scopes.text(), now).await?;
    let event = Event::user("oauth.consent_granted", user_id).after(
        json!({ "client_id": client.client_id, "client": client.name, "scopes": scopes.text() }),
    );
    audit::record(&mut tx, ctx, now, event).await?;
    tx.commit().await?;
    Ok(())
}
