//! Invitation acceptance policy: the accepting user's email must be the invited one, and users
//! from outside the provider's own domains do not get the configured sensitive permissions.
//!
//! ```toml
//! [plugins.acceptance_policy.settings]
//! require_invited_email = true
//! internal_domains = ["example.com"]
//! strip_for_outside = ["invoices", "manageproducts"]
//! ```

use roster_sdk::{CallContext, Decision, InvitationAccept, Plugin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Settings {
    #[serde(default = "yes")]
    require_invited_email: bool,
    #[serde(default)]
    internal_domains: Vec<String>,
    #[serde(default)]
    strip_for_outside: Vec<String>,
}

fn yes() -> bool {
    true
}

fn domain(email: &str) -> String {
    email
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The decision for `request` under `settings`.
fn decide(settings: &Settings, request: &InvitationAccept) -> Decision {
    if settings.require_invited_email
        && !request
            .user_email
            .eq_ignore_ascii_case(&request.invited_email)
    {
        return roster_sdk::deny(
            "invited_email_required",
            &format!(
                "This invitation was sent to {}. Sign in (or sign up) with that address to accept it.",
                request.invited_email
            ),
        );
    }
    let user_domain = domain(&request.user_email);
    let internal = settings
        .internal_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(&user_domain));
    if internal {
        return Decision::Allow;
    }
    let kept: Vec<String> = request
        .permissions
        .iter()
        .filter(|p| !settings.strip_for_outside.contains(p))
        .cloned()
        .collect();
    if kept.len() == request.permissions.len() {
        Decision::Allow
    } else {
        Decision::GrantPermissions(kept)
    }
}

struct AcceptancePolicy;

impl Plugin for AcceptancePolicy {
    fn before_invitation_accept(_ctx: CallContext, request: InvitationAccept) -> Decision {
        match roster_sdk::settings::<Settings>() {
            Ok(settings) => decide(&settings, &request),
            Err(e) => {
                roster_sdk::log::error(&e);
                roster_sdk::deny(
                    "acceptance_policy_misconfigured",
                    "Invitations cannot be accepted right now: the acceptance policy's settings are invalid.",
                )
            }
        }
    }
}

roster_sdk::export_plugin!(AcceptancePolicy);

#[cfg(test)]
mod tests {
    use super::*;

    fn request(user_email: &str, permissions: &[&str]) -> InvitationAccept {
        InvitationAccept {
            account_id: "a".into(),
            invitation_id: "i".into(),
            invited_email: "Dev@Outside.test".into(),
            user_id: "u".into(),
            user_email: user_email.into(),
            new_user: false,
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    fn settings() -> Settings {
        Settings {
            require_invited_email: true,
            internal_domains: vec!["example.com".into()],
            strip_for_outside: vec!["invoices".into()],
        }
    }

    #[test]
    fn another_address_is_refused() {
        assert!(matches!(
            decide(&settings(), &request("someone@outside.test", &["profile"])),
            Decision::Deny(d) if d.code == "invited_email_required"
        ));
    }

    #[test]
    fn outside_domains_lose_the_listed_permissions() {
        let decision = decide(
            &settings(),
            &request("dev@outside.test", &["invoices", "profile"]),
        );
        assert!(
            matches!(decision, Decision::GrantPermissions(p) if p == vec!["profile".to_owned()])
        );
        assert!(matches!(
            decide(&settings(), &request("dev@outside.test", &["profile"])),
            Decision::Allow
        ));
    }
}
