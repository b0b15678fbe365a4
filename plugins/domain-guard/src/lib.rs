//! Invitation domain guard: only addresses at the configured domains may be invited.
//!
//! ```toml
//! [plugins.domain_guard.settings]
//! domains = ["example.com", "example.org"]   # exact domains; a leading "." also allows subdomains
//! ```

use roster_sdk::{CallContext, Decision, InvitationCreate, Plugin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Settings {
    #[serde(default)]
    domains: Vec<String>,
}

/// Whether `email`'s domain is one of `allowed` (`.example.com` also allows its subdomains).
fn allowed(email: &str, allowed: &[String]) -> bool {
    let Some((_, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let domain = domain.to_ascii_lowercase();
    allowed.iter().any(|entry| {
        let entry = entry.to_ascii_lowercase();
        match entry.strip_prefix('.') {
            Some(parent) => domain == parent || domain.ends_with(&entry),
            None => domain == entry,
        }
    })
}

struct DomainGuard;

impl Plugin for DomainGuard {
    fn before_invitation_create(_ctx: CallContext, request: InvitationCreate) -> Decision {
        let settings: Settings = match roster_sdk::settings() {
            Ok(settings) => settings,
            Err(e) => {
                roster_sdk::log::error(&e);
                return roster_sdk::deny(
                    "domain_guard_misconfigured",
                    "Invitations are paused: the domain guard's settings are invalid.",
                );
            }
        };
        if allowed(&request.email, &settings.domains) {
            return Decision::Allow;
        }
        roster_sdk::log::info("invitation refused: domain not allowed");
        roster_sdk::deny(
            "domain_not_allowed",
            &format!(
                "Invitations may only be sent to addresses at {}.",
                settings.domains.join(", ")
            ),
        )
    }
}

roster_sdk::export_plugin!(DomainGuard);

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn exact_domains_and_subdomains() {
        let list = vec!["example.com".to_owned(), ".corp.test".to_owned()];
        assert!(allowed("a@example.com", &list));
        assert!(allowed("a@EXAMPLE.com", &list));
        assert!(!allowed("a@sub.example.com", &list));
        assert!(!allowed("a@example.com.evil.test", &list));
        assert!(allowed("a@corp.test", &list));
        assert!(allowed("a@eu.corp.test", &list));
        assert!(!allowed("a@notcorp.test", &list));
        assert!(!allowed("no-at-sign", &list));
    }
}
