//! What a plugin's after-hook is told of a committed domain event: the stored row and its payload
//! as the WIT `event` record, with the typed details of its kind (`super::queue` delivers it).

use serde_json::Value;

use super::bindings::roster::plugin::types;
use super::manifest::Hook;
use super::repo::EventRow;

fn text(payload: &Value, key: &str) -> String {
    payload
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn list(payload: &Value, key: &str) -> Vec<String> {
    payload
        .get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The typed details of a stored event, for the kinds plugins subscribe to.
fn details(event: &EventRow, payload: &Value) -> Option<types::EventDetails> {
    use types::EventDetails as D;
    let account = event.account_id.clone().unwrap_or_default();
    let user = event.user_id.clone().unwrap_or_default();
    Some(match Hook::for_event_kind(&event.kind)? {
        Hook::AfterUserCreated => D::UserCreated(types::UserCreated {
            user_id: user,
            email: payload
                .get("user")
                .map(|u| text(u, "email"))
                .unwrap_or_default(),
        }),
        Hook::AfterAccountCreated => {
            let account_json = payload.get("account").cloned().unwrap_or(Value::Null);
            D::AccountCreated(types::AccountCreated {
                account_id: account,
                owner_user_id: text(&account_json, "owner_user_id"),
                company_name: text(&account_json, "company_name"),
            })
        }
        Hook::AfterLogin => D::Login(types::Login { user_id: user }),
        Hook::AfterInvitationCreated => D::InvitationCreated(types::InvitationCreated {
            account_id: account,
            invitation_id: text(payload, "id"),
            email: text(payload, "email"),
            permissions: list(payload, "permissions"),
        }),
        Hook::AfterInvitationAccepted => D::InvitationAccepted(types::InvitationAccepted {
            account_id: account,
            invitation_id: text(payload, "invitation_id"),
            user_id: user,
            permissions: list(payload, "permissions"),
        }),
        Hook::AfterOwnershipChanged => D::OwnershipChanged(types::OwnershipChanged {
            account_id: account,
            previous_owner: text(payload, "previous_owner"),
            new_owner: text(payload, "new_owner"),
            previous_owner_kept: payload
                .get("previous_owner_kept")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        }),
        Hook::AfterUserRemoved => D::UserRemoved(types::UserRemoved {
            account_id: account,
            user_id: user,
            reason: text(payload, "reason"),
        }),
        Hook::AfterPermissionsChanged => D::PermissionsChanged(types::PermissionsChanged {
            account_id: account,
            user_id: user,
            before: list(payload, "before"),
            after: list(payload, "after"),
        }),
        Hook::AfterConsentGranted => D::ConsentGranted(types::ConsentGranted {
            user_id: user,
            client_id: text(payload, "client_id"),
            client_name: text(payload, "client_name"),
            scopes: list(payload, "scopes"),
        }),
        Hook::AfterConsentWithdrawn => D::ConsentWithdrawn(types::ConsentWithdrawn {
            user_id: user,
            client_id: text(payload, "client_id"),
            client_name: text(payload, "client_name"),
        }),
        _ => return None,
    })
}

/// The event as a plugin receives it.
pub(super) fn to_wit(event: &EventRow) -> Option<types::Event> {
    let payload: Value = serde_json::from_str(&event.payload).unwrap_or(Value::Null);
    Some(types::Event {
        id: event.id.clone(),
        seq: event.seq,
        kind: event.kind.clone(),
        account_id: event.account_id.clone(),
        user_id: event.user_id.clone(),
        occurred_at: event.occurred_at,
        payload: event.payload.clone(),
        details: details(event, &payload)?,
    })
}
