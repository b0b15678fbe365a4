//! What follows an authorization request (`request.rs`): sign in (again, for `prompt=login` or an
//! exceeded `max_age`), pick an account (scope `account`), allow the app (unless it is trusted or
//! was allowed these scopes before), the plugins' `before-token-issue`, then a code back to the
//! app (`codes::issue_code`).

use super::clients;
use super::request::{AuthRequest, ErrorRedirect, MAX_ACCOUNTS, Params};
use super::scopes::{self, Scopes};
use crate::audit::Context;
use crate::error::{Error, Result};
use crate::memberships::service::MyAccount;
use crate::plugins::TokenRequest;
use crate::sessions::{Authenticated, SignInFacts};
use crate::state::AppState;

/// What the person is asked on the chooser page.
#[derive(Debug, Clone)]
pub struct Question {
    /// The accounts to pick from (scope `account`; empty otherwise).
    pub accounts: Vec<MyAccount>,
    /// The account picked already (the only one, or `account_hint`'s).
    pub picked: Option<String>,
    /// Whether the app must be allowed (not trusted, and these scopes not allowed before, or
    /// `prompt=consent`).
    pub consent: bool,
}

/// The chooser's answer.
#[derive(Debug, Clone)]
pub struct Choice<'a> {
    /// The account picked (scope `account`).
    pub account: Option<&'a str>,
    /// Whether the app was allowed.
    pub allow: bool,
}

/// Where a request goes next.
#[derive(Debug)]
pub enum Step {
    /// To `/login` (`again`: even with a session: `prompt=login`, or `max_age` passed).
    SignIn { again: bool },
    /// The chooser page.
    Ask(Question),
    /// A code for the app (with the account picked, for scope `account`).
    Issue {
        account: Option<Box<MyAccount>>,
        facts: SignInFacts,
    },
    /// Back to the app with an error.
    Refuse(ErrorRedirect),
    /// A plugin refused the app (for the account picked): its reason is shown, with the accounts
    /// left to pick from (`retry`, when the person reaches others and no `account_hint` fixed
    /// it), and a way back to the app (`access_denied`).
    Vetoed {
        reason: String,
        retry: Option<Question>,
        back: ErrorRedirect,
    },
}

impl AuthRequest {
    fn error_back(&self, error: &'static str, description: &str) -> ErrorRedirect {
        ErrorRedirect {
            redirect_uri: self.redirect_uri.clone(),
            error,
            description: description.to_owned(),
            state: self.state.clone(),
        }
    }

    pub(super) fn refuse(&self, error: &'static str, description: &str) -> Step {
        Step::Refuse(self.error_back(error, description))
    }
}

/// Decides the next step for a checked request and the browser's session (if any). `choice` is
/// the chooser's answer, when it was posted; `ctx` is who is asking (the person, from where).
pub async fn next_step(
    state: &AppState,
    req: &AuthRequest,
    session: Option<&Authenticated>,
    ctx: &Context,
    choice: Option<Choice<'_>>,
) -> Result<Step> {
    let now = state.clock.now_ms();
    let facts = match session {
        Some(auth) => crate::sessions::sign_in_facts(state, &auth.session_id).await?,
        None => None,
    };
    let (Some(auth), Some(facts)) = (session, facts) else {
        return Ok(if req.prompt.none {
            req.refuse("login_required", "nobody is signed in")
        } else {
            Step::SignIn { again: false }
        });
    };
    let fresh = req.auth_after.is_some_and(|after| facts.auth_time >= after);
    let too_old = req
        .max_age
        .is_some_and(|age| now - facts.auth_time > age.saturating_mul(1000));
    if !fresh && (req.prompt.login || too_old) {
        return Ok(if req.prompt.none {
            req.refuse("login_required", "the sign-in is older than `max_age`")
        } else {
            Step::SignIn { again: true }
        });
    }
    let mut accounts = Vec::new();
    let mut picked = None;
    if req.scopes.has(scopes::ACCOUNT) {
        accounts =
            crate::memberships::service::reached_by(state, &auth.user_id, MAX_ACCOUNTS).await?;
        if accounts.is_empty() {
            return Ok(req.refuse("access_denied", "the person signed in reaches no account"));
        }
        if let Some(hint) = &req.account_hint {
            match accounts
                .iter()
                .find(|a| a.account.id == *hint || a.account.number.to_string() == *hint)
            {
                Some(found) => picked = Some(found.account.id.clone()),
                None => {
                    return Ok(req.refuse(
                        "access_denied",
                        "`account_hint` names no account the person signed in reaches",
                    ));
                }
            }
        } else if accounts.len() == 1 {
            picked = accounts.first().map(|a| a.account.id.clone());
        }
    }
    // What the person allowed this app before (a trusted app is never asked): read once.
    let granted = if req.client.trusted {
        None
    } else {
        let mut conn = state.db.pool().acquire().await?;
        super::repo::grants::consent(&mut conn, &auth.user_id, &req.client.client_id)
            .await?
            .map(|g| Scopes::parse(&g))
    };
    let consent = !req.client.trusted
        && (req.prompt.consent || !granted.as_ref().is_some_and(|g| req.scopes.within(g)));
    let must_pick =
        req.scopes.has(scopes::ACCOUNT) && (picked.is_none() || req.prompt.select_account);
    match choice {
        None if consent || must_pick => {
            if req.prompt.none {
                let error = if consent {
                    "consent_required"
                } else {
                    "account_selection_required"
                };
                return Ok(req.refuse(error, "the person must answer a question first"));
            }
            return Ok(Step::Ask(Question {
                accounts,
                picked,
                consent,
            }));
        }
        Some(Choice { allow: false, .. }) => {
            return Ok(req.refuse("access_denied", "the person did not allow the app"));
        }
        Some(Choice {
            account: chosen,
            allow: true,
        }) if req.scopes.has(scopes::ACCOUNT) => {
            let chosen = chosen.or(picked.as_deref());
            // With a hint, only the hinted account; otherwise any the person reaches.
            let allowed = match (&req.account_hint, chosen) {
                (Some(_), Some(c)) => picked.as_deref() == Some(c),
                (None, Some(c)) => accounts.iter().any(|a| a.account.id == c),
                (_, None) => false,
            };
            if !allowed {
                return Ok(Step::Ask(Question {
                    accounts,
                    picked,
                    consent,
                }));
            }
            picked = chosen.map(str::to_owned);
        }
        Some(Choice { allow: true, .. }) => {}
        None => {}
    }
    // Plugins judge before anything is written: a refusal leaves no consent behind.
    let asked = TokenRequest {
        client_id: &req.client.client_id,
        client_name: &req.client.name,
        user_id: &auth.user_id,
        account_id: picked.as_deref(),
        scopes: &req.scopes.text(),
        refresh: false,
    };
    match state.plugins.before_token_issue(ctx, asked).await {
        Ok(()) => {}
        Err(Error::VetoedByPlugin { message, .. }) => {
            if req.prompt.none {
                return Ok(req.refuse("access_denied", &message));
            }
            accounts.retain(|a| Some(&a.account.id) != picked.as_ref());
            let retry = (req.account_hint.is_none() && !accounts.is_empty()).then(|| Question {
                picked: match accounts.as_slice() {
                    [only] => Some(only.account.id.clone()),
                    _ => None,
                },
                accounts,
                consent,
            });
            let back = req.error_back("access_denied", &message);
            return Ok(Step::Vetoed {
                reason: message,
                retry,
                back,
            });
        }
        Err(e) => return Err(e),
    }
    if consent {
        let scopes = req.scopes.union(&granted.unwrap_or_default());
        super::consents::grant(state, ctx, &auth.user_id, &req.client, &scopes).await?;
    }
    let account = picked
        .and_then(|id| accounts.into_iter().find(|a| a.account.id == id))
        .map(Box::new);
    Ok(Step::Issue { account, facts })
}

/// For a sign-in on its way to an authorization (`next` is `/oauth/authorize?…`): the origin of
/// the redirect URI it names, when the app registered it (the sign-in page's `form-action` must
/// allow the redirect that may follow the post).
pub async fn return_address(state: &AppState, next: &str) -> Option<String> {
    let query = next.strip_prefix("/oauth/authorize?")?;
    let params = Params::from_pairs(&crate::http::forms::query_pairs(Some(query)));
    let client_id = params.get("client_id")?;
    let redirect_uri = params.get("redirect_uri")?;
    let client = clients::get(&state.db, client_id).await.ok()?;
    client
        .redirects_to(redirect_uri)
        .then(|| redirect_uri.to_owned())
}
