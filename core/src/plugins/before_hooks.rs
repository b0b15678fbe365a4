//! The before-hooks' typed entry points, one per hook, as the domain calls them: each builds the
//! hook's request and runs the chain (`super::before`); `before-invitation-accept` answers the
//! permissions to grant.

use super::Plugins;
use super::before::Request;
use super::bindings::roster::plugin::types;
use super::manifest::Hook;
use crate::audit::Context;
use crate::error::{Error, Result};

/// What `before-invitation-accept` is told.
#[derive(Debug, Clone)]
pub struct AcceptRequest {
    pub account_id: String,
    pub invitation_id: String,
    pub invited_email: String,
    pub user_id: String,
    pub user_email: String,
    pub new_user: bool,
    pub permissions: Vec<String>,
}

/// What `before-token-issue` is told: an app is about to get tokens for a person.
#[derive(Debug, Clone)]
pub struct TokenRequest<'a> {
    pub client_id: &'a str,
    pub client_name: &'a str,
    pub user_id: &'a str,
    /// The account the tokens act in (scope `account`).
    pub account_id: Option<&'a str>,
    /// The scopes, space-separated.
    pub scopes: &'a str,
    /// The app is refreshing (else a code is about to be given on the sign-in page).
    pub refresh: bool,
}

impl Plugins {
    /// `before-invitation-create` on the calling thread (blocking it for up to the plugins'
    /// deadlines): for benchmarks and callers outside the async runtime. The server uses
    /// [`Plugins::before_invitation_create`].
    pub fn before_invitation_create_blocking(
        &self,
        ctx: &Context,
        account_id: &str,
        email: &str,
        permissions: &[String],
    ) -> Result<()> {
        let request = Request::invitation_create(account_id, email, permissions);
        self.run_before_blocking(Hook::BeforeInvitationCreate, ctx, request)
            .map(drop)
    }

    /// `before-invitation-create`: may veto.
    pub async fn before_invitation_create(
        &self,
        ctx: &Context,
        account_id: &str,
        email: &str,
        permissions: &[String],
    ) -> Result<()> {
        let request = Request::invitation_create(account_id, email, permissions);
        self.run_before(Hook::BeforeInvitationCreate, ctx, request)
            .await
            .map(drop)
    }

    /// `before-invitation-accept`: may veto, or change the permissions granted; answers the
    /// permissions to grant.
    pub async fn before_invitation_accept(
        &self,
        ctx: &Context,
        request: AcceptRequest,
    ) -> Result<Vec<String>> {
        let request = self
            .run_before(
                Hook::BeforeInvitationAccept,
                ctx,
                Request::InvitationAccept(types::InvitationAccept {
                    account_id: request.account_id,
                    invitation_id: request.invitation_id,
                    invited_email: request.invited_email,
                    user_id: request.user_id,
                    user_email: request.user_email,
                    new_user: request.new_user,
                    permissions: request.permissions,
                }),
            )
            .await?;
        match request {
            Request::InvitationAccept(accept) => Ok(accept.permissions),
            _ => Err(Error::internal("plugin request changed kind")),
        }
    }

    /// `before-ownership-transfer`: may veto.
    pub async fn before_ownership_transfer(
        &self,
        ctx: &Context,
        account_id: &str,
        from_user_id: &str,
        to_user_id: &str,
        keep_previous_owner: bool,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeOwnershipTransfer,
            ctx,
            Request::OwnershipTransfer(types::OwnershipTransfer {
                account_id: account_id.to_owned(),
                from_user_id: from_user_id.to_owned(),
                to_user_id: to_user_id.to_owned(),
                keep_previous_owner,
            }),
        )
        .await
        .map(drop)
    }

    /// `before-user-removal`: may veto.
    pub async fn before_user_removal(
        &self,
        ctx: &Context,
        account_id: &str,
        user_id: &str,
        leaving: bool,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeUserRemoval,
            ctx,
            Request::UserRemoval(types::UserRemoval {
                account_id: account_id.to_owned(),
                user_id: user_id.to_owned(),
                leaving,
            }),
        )
        .await
        .map(drop)
    }

    /// `before-login`: may veto.
    pub async fn before_login(
        &self,
        ctx: &Context,
        user_id: &str,
        email: &str,
        user_agent: Option<&str>,
    ) -> Result<()> {
        self.run_before(
            Hook::BeforeLogin,
            ctx,
            Request::Login(types::LoginAttempt {
                user_id: user_id.to_owned(),
                email: email.to_owned(),
                user_agent: user_agent.map(str::to_owned),
            }),
        )
        .await
        .map(drop)
    }

    /// `before-token-issue`: may veto (since plugin API 0.2.0).
    pub async fn before_token_issue(&self, ctx: &Context, request: TokenRequest<'_>) -> Result<()> {
        self.run_before(
            Hook::BeforeTokenIssue,
            ctx,
            Request::TokenIssue(types::TokenIssue {
                client_id: request.client_id.to_owned(),
                client_name: request.client_name.to_owned(),
                user_id: request.user_id.to_owned(),
                account_id: request.account_id.map(str::to_owned),
                scopes: request
                    .scopes
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
                grant: if request.refresh {
                    types::TokenGrant::RefreshToken
                } else {
                    types::TokenGrant::AuthorizationCode
                },
            }),
        )
        .await
        .map(drop)
    }
}
