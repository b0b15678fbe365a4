//! The Roster plugin SDK.
//!
//! A plugin is a WebAssembly component (`wasm32-wasip2`) the Roster server runs at fixed points of
//! its flows (DESIGN.md §3). The API is defined once, in the WIT package `roster:plugin` under
//! `sdk/wit/`; this crate hides the generated bindings: implement [`Plugin`] (every hook has a
//! default: allow, or do nothing) and export it with [`export_plugin!`]. See `sdk/README.md`.
//!
//! ```ignore
//! use roster_sdk::{CallContext, Decision, InvitationCreate, Plugin};
//!
//! struct OnlyExampleCom;
//!
//! impl Plugin for OnlyExampleCom {
//!     fn before_invitation_create(_ctx: CallContext, request: InvitationCreate) -> Decision {
//!         if request.email.ends_with("@example.com") {
//!             Decision::Allow
//!         } else {
//!             roster_sdk::deny("domain_not_allowed", "Only example.com addresses may be invited.")
//!         }
//!     }
//! }
//!
//! roster_sdk::export_plugin!(OnlyExampleCom);
//! ```

#[doc(hidden)]
pub mod bindings {
    wit_bindgen::generate!({
        world: "plugin",
        path: "wit",
        pub_export_macro: true,
        default_bindings_module: "roster_sdk::bindings",
        export_macro_name: "__export_roster_plugin",
    });
}

pub use bindings::roster::plugin::types::{
    AccountCreated, Actor, CallContext, ConsentGranted, ConsentWithdrawn, Decision, Denial, Event,
    EventDetails, HttpRequest, HttpResponse, InvitationAccept, InvitationAccepted,
    InvitationCreate, InvitationCreated, Level, Login, LoginAttempt, OwnershipChanged,
    OwnershipTransfer, PermissionKey, PermissionsChanged, TokenGrant, TokenIssue, UserCreated,
    UserRemoval, UserRemoved,
};

include!(concat!(env!("OUT_DIR"), "/api_version.rs"));

/// A plugin. Every hook has a default: before-hooks allow, after-hooks do nothing. Each call runs
/// in a fresh instance: keep state in [`kv`], not in statics.
pub trait Plugin {
    /// Permission keys the plugin adds to the catalog (namespaced: `vps.reboot`).
    fn permission_keys() -> Vec<PermissionKey> {
        Vec::new()
    }

    fn before_invitation_create(_ctx: CallContext, _request: InvitationCreate) -> Decision {
        Decision::Allow
    }

    /// May answer [`Decision::GrantPermissions`] to change what the invitee gets.
    fn before_invitation_accept(_ctx: CallContext, _request: InvitationAccept) -> Decision {
        Decision::Allow
    }

    fn before_ownership_transfer(_ctx: CallContext, _request: OwnershipTransfer) -> Decision {
        Decision::Allow
    }

    fn before_user_removal(_ctx: CallContext, _request: UserRemoval) -> Decision {
        Decision::Allow
    }

    fn before_login(_ctx: CallContext, _request: LoginAttempt) -> Decision {
        Decision::Allow
    }

    /// An app is about to get tokens for a person (and, with the `account` scope, an account):
    /// a denial's message is shown on the sign-in page, or answers the app's refresh with
    /// `invalid_grant`. Since plugin API 0.2.0.
    fn before_token_issue(_ctx: CallContext, _request: TokenIssue) -> Decision {
        Decision::Allow
    }

    /// Every after-hook the manifest subscribes to. An `Err` is retried with backoff and parked
    /// after the configured number of attempts; the action itself is never undone.
    fn after_event(_ctx: CallContext, _event: Event) -> Result<(), String> {
        Ok(())
    }
}

/// A refusal: the API caller sees `code` and `message` in a `vetoed_by_plugin` problem.
pub fn deny(code: &str, message: &str) -> Decision {
    Decision::Deny(Denial {
        code: code.to_owned(),
        message: message.to_owned(),
    })
}

/// Exports a [`Plugin`] implementation as the component's `roster:plugin/hooks`.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        #[doc(hidden)]
        struct __RosterPluginExport;

        impl $crate::bindings::exports::roster::plugin::hooks::Guest for __RosterPluginExport {
            fn permission_keys() -> ::std::vec::Vec<$crate::PermissionKey> {
                <$plugin as $crate::Plugin>::permission_keys()
            }
            fn before_invitation_create(
                ctx: $crate::CallContext,
                request: $crate::InvitationCreate,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_invitation_create(ctx, request)
            }
            fn before_invitation_accept(
                ctx: $crate::CallContext,
                request: $crate::InvitationAccept,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_invitation_accept(ctx, request)
            }
            fn before_ownership_transfer(
                ctx: $crate::CallContext,
                request: $crate::OwnershipTransfer,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_ownership_transfer(ctx, request)
            }
            fn before_user_removal(
                ctx: $crate::CallContext,
                request: $crate::UserRemoval,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_user_removal(ctx, request)
            }
            fn before_login(
                ctx: $crate::CallContext,
                request: $crate::LoginAttempt,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_login(ctx, request)
            }
            fn before_token_issue(
                ctx: $crate::CallContext,
                request: $crate::TokenIssue,
            ) -> $crate::Decision {
                <$plugin as $crate::Plugin>::before_token_issue(ctx, request)
            }
            fn after_event(
                ctx: $crate::CallContext,
                event: $crate::Event,
            ) -> ::std::result::Result<(), ::std::string::String> {
                <$plugin as $crate::Plugin>::after_event(ctx, event)
            }
        }

        $crate::bindings::__export_roster_plugin!(__RosterPluginExport with_types_in $crate::bindings);
    };
}

use bindings::roster::plugin::host;

/// The server's log, tagged with the plugin's name and the call id (capability `log`).
pub mod log {
    use super::{Level, host};

    pub fn trace(message: &str) {
        host::log(Level::Trace, message);
    }
    pub fn debug(message: &str) {
        host::log(Level::Debug, message);
    }
    pub fn info(message: &str) {
        host::log(Level::Info, message);
    }
    pub fn warn(message: &str) {
        host::log(Level::Warn, message);
    }
    pub fn error(message: &str) {
        host::log(Level::Error, message);
    }
}

/// The plugin's own settings, `[plugins.<name>.settings]` (capability `settings`), read into `T`.
pub fn settings<T: serde::de::DeserializeOwned>() -> Result<T, String> {
    serde_json::from_str(&host::settings()).map_err(|e| format!("plugin settings: {e}"))
}

/// The plugin's own key-value store (capability `kv`); read-only during before-hooks.
pub mod kv {
    use super::host;

    pub fn get(key: &str) -> Result<Option<Vec<u8>>, String> {
        host::kv_get(key)
    }
    pub fn set(key: &str, value: &[u8]) -> Result<(), String> {
        host::kv_set(key, value)
    }
    pub fn delete(key: &str) -> Result<(), String> {
        host::kv_delete(key)
    }
}

/// Outbound HTTP to the hosts in the plugin's `http_hosts` (capability `http`), after-hooks only.
pub mod http {
    use super::{HttpRequest, HttpResponse, host};

    pub fn send(request: &HttpRequest) -> Result<HttpResponse, String> {
        host::http(request)
    }

    /// POSTs a JSON body with extra headers.
    pub fn post_json(
        url: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> Result<HttpResponse, String> {
        let mut all = vec![("content-type".to_owned(), "application/json".to_owned())];
        all.extend(
            headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        send(&HttpRequest {
            method: "POST".to_owned(),
            url: url.to_owned(),
            headers: all,
            body: body.as_bytes().to_vec(),
        })
    }
}

/// The server's clock in milliseconds since the Unix epoch (capability `clock`).
pub fn now_ms() -> i64 {
    host::now()
}
