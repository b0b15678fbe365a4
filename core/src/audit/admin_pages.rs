//! The audit log in the admin area, `/admin/audit`: newest first, a page at a time, filtered by
//! who did it (a staff member's email, a token's or plugin's name, a user's id), the action, the
//! client and the user — the admin API's `GET /api/v1/admin/audit`, as a page; and a client's
//! Audit tab, `/admin/clients/{id}/audit`.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;

use super::{AuditFilter, AuditRecord};
use crate::admin_area::{StaffPage, client_heading};
use crate::error::Result;
use crate::state::AppState;

/// Audit events on one page.
pub const AUDIT_PAGE: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit_page))
        .route("/admin/clients/{id}/audit", get(audit_tab))
}

/// One page of events as the pages show them, and the id the next page starts before.
pub async fn page_of(
    state: &AppState,
    filter: &AuditFilter,
) -> Result<(Vec<Value>, Option<String>)> {
    let mut found = crate::audit::search(&state.db, filter).await?;
    let limit = usize::try_from(filter.limit - 1).unwrap_or_default();
    let next = (found.len() > limit)
        .then(|| found.get(limit.saturating_sub(1)).map(|r| r.id.clone()))
        .flatten();
    found.truncate(limit);
    Ok((found.iter().map(shown).collect(), next))
}

/// What changed, as lines: `field: before → after` for the fields that differ when the event has
/// both sides as objects; otherwise the side it has, as compact JSON.
fn changes(record: &AuditRecord) -> Vec<String> {
    use serde_json::Value as Json;
    let text = |v: Option<&Json>| match v {
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "—".to_owned(),
    };
    match (&record.before, &record.after) {
        (Some(Json::Object(before)), Some(Json::Object(after))) => {
            let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter()
                .filter(|k| before.get(*k) != after.get(*k))
                .map(|k| format!("{k}: {} → {}", text(before.get(k)), text(after.get(k))))
                .collect()
        }
        (before, after) => before
            .iter()
            .map(|b| format!("before: {b}"))
            .chain(after.iter().map(Json::to_string))
            .collect(),
    }
}

fn shown(record: &AuditRecord) -> Value {
    let actor = match (record.actor_kind.as_str(), record.actor_id.as_deref()) {
        ("system", None) => "system".to_owned(),
        (kind, Some(id)) => format!("{id} ({kind})"),
        (kind, None) => kind.to_owned(),
    };
    context! {
        actor,
        changes => changes(record),
        ..Value::from(minijinja::value::Serde(record))
    }
}

#[derive(Debug, Default, Deserialize)]
struct AuditQuery {
    actor: Option<String>,
    action: Option<String>,
    account: Option<String>,
    user: Option<String>,
    before: Option<String>,
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

async fn audit_page(
    State(state): State<AppState>,
    page: StaffPage,
    Query(q): Query<AuditQuery>,
) -> Response {
    let filter = AuditFilter {
        actor_id: given(&q.actor),
        action: given(&q.action),
        account_id: given(&q.account),
        user_id: given(&q.user),
        before_id: given(&q.before),
        limit: AUDIT_PAGE + 1,
        ..AuditFilter::default()
    };
    let (events, next) = match page_of(&state, &filter).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    page.render(
        "admin/audit.html",
        context! {
            events,
            next,
            paged => filter.before_id.is_some(),
            actor => filter.actor_id.clone().unwrap_or_default(),
            action => filter.action.clone().unwrap_or_default(),
            account => filter.account_id.clone().unwrap_or_default(),
            user => filter.user_id.clone().unwrap_or_default(),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
struct TabQuery {
    before: Option<String>,
}

/// A client's **Audit** tab, `/admin/clients/{id}/audit`: this client's events, newest first, a
/// page at a time.
async fn audit_tab(
    State(state): State<AppState>,
    page: StaffPage,
    Path(id): Path<String>,
    Query(q): Query<TabQuery>,
) -> Response {
    let client = match client_heading(&state, &page, &id).await {
        Ok(client) => client,
        Err(response) => return response,
    };
    let filter = AuditFilter {
        account_id: Some(id.clone()),
        before_id: q.before.clone().filter(|b| !b.is_empty()),
        limit: AUDIT_PAGE + 1,
        ..AuditFilter::default()
    };
    let (events, next) = match page_of(&state, &filter).await {
        Ok(found) => found,
        Err(e) => return page.chrome.failed(e),
    };
    page.render(
        "admin/client-audit.html",
        context! { tab => "audit", client, events, next, paged => q.before.is_some() },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(before: Option<serde_json::Value>, after: Option<serde_json::Value>) -> AuditRecord {
        AuditRecord {
            id: "e1".to_owned(),
            occurred_at: 0,
            actor_kind: "admin".to_owned(),
            actor_id: Some("ops@provider.example".to_owned()),
            action: "user.updated".to_owned(),
            account_id: None,
            user_id: None,
            ip: None,
            before,
            after,
            on_behalf_of: None,
        }
    }

    #[test]
    fn changes_list_only_the_fields_that_differ() {
        let r = record(
            Some(json!({ "status": "active", "email": "a@example.com", "gone": 1 })),
            Some(json!({ "status": "disabled", "email": "a@example.com" })),
        );
        assert_eq!(changes(&r), ["gone: 1 → —", "status: active → disabled"]);
        let r = record(None, Some(json!({ "email": "a@example.com" })));
        assert_eq!(changes(&r), [r#"{"email":"a@example.com"}"#]);
        assert!(changes(&record(None, None)).is_empty());
    }
}
