//! The contact use cases: an account's contacts, for a member who holds `contacts` or for staff.

use serde_json::json;

use super::{Contact, ContactInput, MAX_PER_ACCOUNT, PERMISSION, repo};
use crate::audit::{self, Acting, Event};
use crate::crypto::new_id;
use crate::error::{Error, Result};
use crate::memberships::Manager;
use crate::staff::roles::op;
use crate::state::AppState;

/// The account `by` may manage the contacts of: a member needs `contacts`.
fn authorise<'a>(by: Manager<'a>) -> Result<&'a str> {
    match by {
        Manager::Member(access) => {
            access.require(PERMISSION)?;
            Ok(access.account_id.as_str())
        }
        Manager::Staff { account_id } => Ok(account_id),
    }
}

pub async fn list<'a>(state: &AppState, by: impl Into<Manager<'a>>) -> Result<Vec<Contact>> {
    let account_id = authorise(by.into())?;
    let mut conn = state.db.pool().acquire().await?;
    repo::list(&mut conn, account_id).await
}

pub async fn get<'a>(state: &AppState, by: impl Into<Manager<'a>>, id: &str) -> Result<Contact> {
    let account_id = authorise(by.into())?;
    let mut conn = state.db.pool().acquire().await?;
    repo::get(&mut conn, account_id, id).await
}

pub async fn create<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    input: ContactInput,
) -> Result<Contact> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let input = input.validated()?;
    let (Some(first_name), Some(last_name), Some(email)) =
        (&input.first_name, &input.last_name, &input.email)
    else {
        return Err(Error::Validation(
            "first_name, last_name and email are required".to_owned(),
        ));
    };
    let preferences = input
        .email_preferences
        .clone()
        .unwrap_or_else(|| vec!["general".to_owned()]);
    let now = state.clock.now_ms();
    audit::budget::spend(&state.db, ctx, now).await?;
    let id = new_id();
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    if repo::count(&mut tx, account_id).await? >= MAX_PER_ACCOUNT {
        return Err(Error::Conflict(format!(
            "an account holds at most {MAX_PER_ACCOUNT} contacts; delete one first"
        )));
    }
    repo::insert(
        &mut tx,
        &repo::NewContact {
            id: &id,
            account_id,
            first_name,
            last_name,
            email,
            phone: input.phone.as_deref(),
            preferences: &preferences,
            now,
        },
    )
    .await?;
    let contact = repo::get(&mut tx, account_id, &id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.created", account_id).after(json!(contact)),
        crate::events::kind::CONTACT_CREATED,
        json!({ "account_id": account_id, "after": contact }),
    )
    .await?;
    tx.commit().await?;
    Ok(contact)
}

pub async fn update<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    id: &str,
    input: ContactInput,
) -> Result<Contact> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let input = input.validated()?;
    let now = state.clock.now_ms();
    audit::budget::spend(&state.db, ctx, now).await?;
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id, id).await?;
    repo::update(&mut tx, account_id, id, &input, now).await?;
    let after = repo::get(&mut tx, account_id, id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.updated", account_id).change(json!(before), json!(after)),
        crate::events::kind::CONTACT_UPDATED,
        json!({ "account_id": account_id, "before": before, "after": after }),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn delete<'a>(
    state: &AppState,
    ctx: impl Acting<'_, op::Change>,
    by: impl Into<Manager<'a>>,
    id: &str,
) -> Result<()> {
    let ctx = ctx.admitted()?.context();
    let account_id = authorise(by.into())?;
    let now = state.clock.now_ms();
    audit::budget::spend(&state.db, ctx, now).await?;
    let mut tx = state.db.begin().await?;
    crate::accounts::steps::lock(&mut tx, account_id).await?;
    let before = repo::get(&mut tx, account_id, id).await?;
    repo::delete(&mut tx, account_id, id).await?;
    audit::record_change(
        &mut tx,
        ctx,
        now,
        Event::account("contact.deleted", account_id).change(json!(before), json!(null)),
        crate::events::kind::CONTACT_DELETED,
        json!({ "account_id": account_id, "before": before }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
