//! The scopes an app may ask for, and what each lets it learn, in the words the consent page uses.
//! Scopes Roster does not know are left out (OpenID Connect Core §3.1.2.1: ignored); `openid` is
//! required (Roster is an OpenID Connect provider, not a bare OAuth server).

/// Every ID token, userinfo answer and introspection carries `sub`.
pub const OPENID: &str = "openid";
/// Names and language.
pub const PROFILE: &str = "profile";
/// The email address and whether it was verified.
pub const EMAIL: &str = "email";
/// One account the person picks, with what they may do there (`roster_account`).
pub const ACCOUNT: &str = "account";
/// Every account the person reaches (`roster_accounts`).
pub const ACCOUNTS: &str = "accounts";
/// A refresh token, so that the app keeps access while the person is away.
pub const OFFLINE_ACCESS: &str = "offline_access";

/// What discovery lists, in this order.
pub const SUPPORTED: [&str; 6] = [OPENID, PROFILE, EMAIL, ACCOUNT, ACCOUNTS, OFFLINE_ACCESS];

/// A request's known scopes: sorted, each once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(Vec<&'static str>);

impl Scopes {
    /// The known scopes of a space-separated list; the others are left out.
    pub fn parse(text: &str) -> Self {
        let mut found: Vec<&'static str> = text
            .split(' ')
            .filter_map(|s| SUPPORTED.iter().find(|k| **k == s).copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        Self(found)
    }

    pub fn has(&self, scope: &str) -> bool {
        self.0.contains(&scope)
    }

    /// As stored and answered: space separated.
    pub fn text(&self) -> String {
        self.0.join(" ")
    }

    /// Whether every scope here is in `granted`.
    pub fn within(&self, granted: &Scopes) -> bool {
        self.0.iter().all(|s| granted.has(s))
    }

    /// The scopes of both.
    pub fn union(&self, other: &Scopes) -> Scopes {
        Self::parse(&format!("{} {}", self.text(), other.text()))
    }

    /// The scopes Roster knows among these, in [`SUPPORTED`]'s order (pages say each in the
    /// reader's language: message `scope-<scope>`).
    pub fn known(&self) -> Vec<&'static str> {
        SUPPORTED.iter().copied().filter(|s| self.has(s)).collect()
    }

    /// What the app will learn or be able to do, one plain English sentence per scope (the API's
    /// `learns`; the same words as the English messages `scope-<scope>`).
    pub fn in_words(&self) -> Vec<&'static str> {
        SUPPORTED
            .iter()
            .filter(|s| self.has(s))
            .filter_map(|s| match *s {
                OPENID => Some("Who you are: your login's identifier at this provider"),
                PROFILE => Some("Your name and language"),
                EMAIL => Some("Your email address, and whether you confirmed it"),
                ACCOUNT => Some("One account you pick, and what you may do in it"),
                ACCOUNTS => Some("Every account you can reach, and what you may do in each"),
                OFFLINE_ACCESS => Some("Keep this access while you are signed out"),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apis_words_are_the_english_messages() {
        let messages = crate::i18n::Messages::shipped().unwrap();
        let all = Scopes::parse(&SUPPORTED.join(" "));
        let english: Vec<String> = all
            .known()
            .iter()
            .map(|s| messages.text("en", &format!("scope-{s}"), None))
            .collect();
        assert_eq!(english, all.in_words());
        assert_eq!(all.known(), SUPPORTED);
    }

    #[test]
    fn unknown_scopes_are_left_out_and_the_rest_sorted_once() {
        let scopes = Scopes::parse("profile openid  openid write:all email");
        assert_eq!(scopes.text(), "email openid profile");
        assert!(scopes.has(OPENID) && !scopes.has(ACCOUNT));
        assert!(Scopes::parse("openid").within(&scopes));
        assert!(!Scopes::parse("openid account").within(&scopes));
        assert_eq!(
            scopes.union(&Scopes::parse("account")).text(),
            "account email openid profile"
        );
        assert_eq!(scopes.in_words().len(), 3);
    }
}
