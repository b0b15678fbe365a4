//! The authorization endpoint's pages: `GET /oauth/authorize` (the app sends the browser here)
//! and `POST /oauth/authorize` (the chooser's answer). Sign-in is Roster's own `/login`, which
//! comes back here; the chooser shows the app, what it will learn, and the accounts to pick from.
//! No script; the form carries the CSRF token; no framing (the pages' headers).
//!
//! A browser's form post that ends in a redirect to the app is checked against the page's
//! `form-action`: the chooser (and a sign-in on its way here, `authorize::return_address`) allow
//! the app's registered redirect URI's origin besides Roster's own.

use axum::Form;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use minijinja::context;
use serde::Serialize;

use super::authorize::{self, Choice, Question, Step};
use super::request::{self, Params, Refusal};
use super::{codes, tokens};
use crate::audit::{Actor, Context};
use crate::http::auth::ClientIp;
use crate::http::forms::{encode, explain, form_value, see_other};
use crate::http::pages::{Chrome, allow_sources, csp_source};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/oauth/authorize", get(ask).post(answer))
}

async fn ask(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    RawQuery(query): RawQuery,
) -> Response {
    let params = Params::from_pairs(&crate::http::forms::query_pairs(query.as_deref()));
    step(&state, &chrome, ip, params, None).await
}

async fn answer(
    State(state): State<AppState>,
    chrome: Chrome,
    ip: ClientIp,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let params = Params::from_pairs(&pairs);
    let account = form_value(&pairs, "account");
    let allow = form_value(&pairs, "decision") == "allow";
    let choice = Choice {
        account: Some(account.as_str()).filter(|a| !a.is_empty()),
        allow,
    };
    step(&state, &chrome, ip, params, Some(choice)).await
}

/// An account on the chooser.
#[derive(Debug, Serialize)]
struct Pickable {
    id: String,
    number: i64,
    name: String,
    owner: bool,
    picked: bool,
}

async fn step(
    state: &AppState,
    chrome: &Chrome,
    ip: ClientIp,
    params: Params,
    choice: Option<Choice<'_>>,
) -> Response {
    let issuer = tokens::issuer(state);
    let req = match request::check(&state.db, params).await {
        Ok(req) => req,
        Err(Refusal::Page(why, app)) => {
            let app = app.unwrap_or_default();
            let args = [("app", app.as_str())];
            return chrome.say(StatusCode::BAD_REQUEST, "oauth-link-broken", why, &args);
        }
        Err(Refusal::Redirect(e)) => return see_other(&e.location(&issuer)),
        Err(Refusal::Failed(e)) => return chrome.failed(e),
    };
    let ctx = Context {
        actor: Actor::User(
            chrome
                .auth
                .as_ref()
                .map(|a| a.user_id.clone())
                .unwrap_or_default(),
        ),
        ip: ip.0,
        support: None,
    };
    let next = authorize::next_step(state, &req, chrome.auth.as_ref(), &ctx, choice).await;
    match next {
        Ok(Step::SignIn { again }) => {
            let after = again.then(|| state.clock.now_ms());
            let mut to = format!("/login?next={}", encode(&req.params.path(after)));
            if again {
                to.push_str("&again=1");
            }
            if let Some(hint) = &req.login_hint {
                to.push_str(&format!("&email={}", encode(hint)));
            }
            see_other(&to)
        }
        Ok(Step::Refuse(e)) => see_other(&e.location(&issuer)),
        Ok(Step::Issue { account, facts }) => {
            let Some(auth) = &chrome.auth else {
                return chrome.failed(crate::error::Error::Unauthenticated);
            };
            match codes::issue_code(state, &req, auth, &facts, account.as_deref()).await {
                Ok(location) => see_other(&location),
                Err(e) => not_signed_in(chrome, e),
            }
        }
        Ok(Step::Ask(question)) => chooser(chrome, &req, &question, None),
        Ok(Step::Vetoed {
            reason,
            retry: Some(question),
            ..
        }) => chooser(chrome, &req, &question, Some(&reason)),
        Ok(Step::Vetoed {
            reason,
            retry: None,
            back,
        }) => {
            let response = chrome.render(
                StatusCode::FORBIDDEN,
                "oauth-authorize.html",
                context! {
                    app => req.client.name.clone(),
                    logo => req.client.logo_uri.clone(),
                    refused => reason,
                    back => back.location(&issuer),
                },
            );
            let logo = req.client.logo_uri.as_deref().and_then(csp_source);
            allow_sources(response, None, logo.as_deref())
        }
        Err(e) => not_signed_in(chrome, e),
    }
}

/// A failure on the way as a page: what the person can act on (too many codes, a plugin that
/// failed), or the page for a server fault.
fn not_signed_in(chrome: &Chrome, error: crate::error::Error) -> Response {
    match explain(chrome, error) {
        Ok((status, text)) => {
            chrome.message(status, &chrome.text("oauth-not-signed-in", &[]), &text)
        }
        Err(e) => chrome.failed(e),
    }
}

/// The chooser (and consent) page; `refused`: a plugin's reason for refusing the account picked
/// before.
fn chooser(
    chrome: &Chrome,
    req: &request::AuthRequest,
    question: &Question,
    refused: Option<&str>,
) -> Response {
    let accounts: Vec<Pickable> = question
        .accounts
        .iter()
        .map(|a| Pickable {
            id: a.account.id.clone(),
            number: a.account.number,
            name: a.account.display_name(),
            owner: a.is_owner,
            picked: question.picked.as_deref() == Some(a.account.id.as_str()),
        })
        .collect();
    let hidden: Vec<(&str, String)> = req.params.pairs();
    let response = chrome.render(
        if refused.is_some() {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::OK
        },
        "oauth-authorize.html",
        context! {
            app => req.client.name.clone(),
            logo => req.client.logo_uri.clone(),
            consent => question.consent,
            scopes => req.scopes.known(),
            accounts => minijinja::value::Serde(&accounts),
            hint => req.account_hint.is_some(),
            hidden => minijinja::value::Serde(&hidden),
            refused,
        },
    );
    let logo = req.client.logo_uri.as_deref().and_then(csp_source);
    allow_sources(
        response,
        csp_source(&req.redirect_uri).as_deref(),
        logo.as_deref(),
    )
}
