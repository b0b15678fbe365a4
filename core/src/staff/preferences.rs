//! A staff member's own language and time zone (the admin area's "Your sign-in" page): the
//! admin area speaks to them in that language and shows dates in that zone. Empty means "not
//! chosen": the browser's language (the picker's cookie, `Accept-Language`, `ui.default_language`)
//! and the provider's `ui.time_zone`.

use serde_json::json;

use super::repo;
use super::sessions::StaffIdentity;
use crate::audit::{self, Event};
use crate::error::{Error, Result};
use crate::state::AppState;

/// A language the admin area has messages for, as its tag (`de`, `pt-BR`; also a WHMCS name such
/// as `german`), or empty.
pub fn parse_language(state: &AppState, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    match crate::i18n::from_profile(text).filter(|tag| state.messages.has(tag)) {
        Some(tag) => Ok(tag.to_owned()),
        None => Err(Error::Validation(format!(
            "language `{text}` is not one the admin area speaks ({})",
            crate::i18n::SHIPPED
                .iter()
                .map(|(tag, _)| *tag)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Sets the member's own language and time zone (each checked, or empty), audited when it
/// changes something.
pub async fn set(
    state: &AppState,
    me: &StaffIdentity,
    ip: Option<String>,
    language: &str,
    time_zone: &str,
) -> Result<()> {
    let language = parse_language(state, language)?;
    let time_zone = crate::users::parse_time_zone(time_zone)?;
    let now = state.clock.now_ms();
    let ctx = me.context(ip);
    audit::budget::spend(&state.db, &ctx, now).await?;
    let mut tx = state.db.begin().await?;
    let member = repo::get(&mut tx, &me.staff_id).await?;
    if member.language == language && member.time_zone == time_zone {
        return Ok(());
    }
    repo::set_preferences(&mut tx, &me.staff_id, (&language, &time_zone), now).await?;
    audit::record(
        &mut tx,
        &ctx,
        now,
        Event::general("staff.preferences_changed")
            .before(json!({ "language": member.language, "time_zone": member.time_zone }))
            .after(json!({ "language": language, "time_zone": time_zone })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
