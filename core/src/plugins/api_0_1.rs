//! Plugin API 0.1.0, still served: a component built for it imports `roster:plugin/host@0.1.0` and
//! exports `roster:plugin/hooks@0.1.0`, which no 0.2 definition satisfies (while the major is 0,
//! each minor is its own line). The frozen WIT (`sdk/wit-frozen/0.1.0/`) gives the 0.1.0 bindings;
//! this file links its host functions to the current ones and turns what a 0.1.0 plugin is told
//! into 0.1.0's types.
//!
//! The before-hooks and `permission-keys` need nothing here: their records did not change, and
//! wasmtime checks a call's types by shape, so the current types call a 0.1.0 export as they are.
//! Only `event` changed (0.2.0 added details for the consent events, which a 0.1.0 manifest cannot
//! subscribe to).

use wasmtime::component::{HasSelf, Linker};

use super::bindings::roster::plugin::host::Host as CurrentHost;
use super::bindings::roster::plugin::types as current;
use super::bindings::v0_1::Plugin as OldPlugin;
use super::bindings::v0_1::roster::plugin::{host, types as old};
use super::host::HostState;

/// Links the 0.1.0 host functions (beside the current ones).
pub(super) fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    OldPlugin::add_to_linker::<_, HasSelf<_>>(linker, |state| state)
}

impl old::Host for HostState {}

impl host::Host for HostState {
    fn log(&mut self, level: old::Level, message: String) {
        let level = match level {
            old::Level::Trace => current::Level::Trace,
            old::Level::Debug => current::Level::Debug,
            old::Level::Info => current::Level::Info,
            old::Level::Warn => current::Level::Warn,
            old::Level::Error => current::Level::Error,
        };
        CurrentHost::log(self, level, message);
    }

    fn settings(&mut self) -> String {
        CurrentHost::settings(self)
    }

    fn kv_get(&mut self, key: String) -> Result<Option<Vec<u8>>, String> {
        CurrentHost::kv_get(self, key)
    }

    fn kv_set(&mut self, key: String, value: Vec<u8>) -> Result<(), String> {
        CurrentHost::kv_set(self, key, value)
    }

    fn kv_delete(&mut self, key: String) -> Result<(), String> {
        CurrentHost::kv_delete(self, key)
    }

    fn http(&mut self, request: old::HttpRequest) -> Result<old::HttpResponse, String> {
        let request = current::HttpRequest {
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: request.body,
        };
        CurrentHost::http(self, request).map(|response| old::HttpResponse {
            status: response.status,
            headers: response.headers,
            body: response.body,
        })
    }

    fn now(&mut self) -> i64 {
        CurrentHost::now(self)
    }
}

/// The event as a 0.1.0 plugin receives it; `None` for the kinds 0.1.0 does not know.
pub(super) fn event(event: current::Event) -> Option<old::Event> {
    use current::EventDetails as C;
    use old::EventDetails as O;
    let details = match event.details {
        C::UserCreated(d) => O::UserCreated(old::UserCreated {
            user_id: d.user_id,
            email: d.email,
        }),
        C::AccountCreated(d) => O::AccountCreated(old::AccountCreated {
            account_id: d.account_id,
            owner_user_id: d.owner_user_id,
            company_name: d.company_name,
        }),
        C::Login(d) => O::Login(old::Login { user_id: d.user_id }),
        C::InvitationCreated(d) => O::InvitationCreated(old::InvitationCreated {
            account_id: d.account_id,
            invitation_id: d.invitation_id,
            email: d.email,
            permissions: d.permissions,
        }),
        C::InvitationAccepted(d) => O::InvitationAccepted(old::InvitationAccepted {
            account_id: d.account_id,
            invitation_id: d.invitation_id,
            user_id: d.user_id,
            permissions: d.permissions,
        }),
        C::OwnershipChanged(d) => O::OwnershipChanged(old::OwnershipChanged {
            account_id: d.account_id,
            previous_owner: d.previous_owner,
            new_owner: d.new_owner,
            previous_owner_kept: d.previous_owner_kept,
        }),
        C::UserRemoved(d) => O::UserRemoved(old::UserRemoved {
            account_id: d.account_id,
            user_id: d.user_id,
            reason: d.reason,
        }),
        C::PermissionsChanged(d) => O::PermissionsChanged(old::PermissionsChanged {
            account_id: d.account_id,
            user_id: d.user_id,
            before: d.before,
            after: d.after,
        }),
        C::ConsentGranted(_) | C::ConsentWithdrawn(_) => return None,
    };
    Some(old::Event {
        id: event.id,
        seq: event.seq,
        kind: event.kind,
        account_id: event.account_id,
        user_id: event.user_id,
        occurred_at: event.occurred_at,
        payload: event.payload,
        details,
    })
}

#[cfg(test)]
mod tests {
    use sha2::Digest;

    /// The frozen WIT is the 0.1.0 contract byte for byte (the file as it was at `c765dfc`), and
    /// the components built against it are the ones the compatibility tests load.
    #[test]
    fn the_frozen_api_and_the_components_built_for_it_are_unchanged() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let digest = |path: &str| {
            let bytes = std::fs::read(root.join(path)).unwrap();
            hex::encode(sha2::Sha256::digest(bytes))
        };
        assert_eq!(
            digest("sdk/wit-frozen/0.1.0/roster-plugin.wit"),
            "a900ff8de07736e1ce14bce2d723d8d4a976bb6d03d558d43ab8b6bc41ffd934"
        );
        assert_eq!(
            digest("tests/plugins/api-0.1.0/probe.wasm"),
            "f9c2f1501b85bfa3b27a3666a2bb3e0cb2d914bdd9eba3792c21480f6d9bbfce"
        );
        assert_eq!(
            digest("tests/plugins/api-0.1.0/domain_guard.wasm"),
            "7d9bc500d8a9219212c25f47cb4c6afc63ae49431feb90faf490832aa91bb108"
        );
    }
}
