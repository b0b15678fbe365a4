//! WHMCS 8's pending invitations (`tbluser_invites`): each becomes a pending Roster invitation with
//! the same permissions and the same expiry (sent + `invitations.expiry`). The WHMCS token is kept
//! (as its hash, like Roster's own), so a link already in someone's mailbox works at Roster's
//! `/invite/{token}` when the provider redirects WHMCS's invite address there. No email is sent.

use serde_json::json;

use super::{Existing, NewInvitation, Op, Planner};
use crate::crypto::{hash_token, new_id};
use crate::import::convert;
use crate::import::report::{Outcome, Tally};
use crate::import::whmcs::{Invite, LoginKind};

impl Planner {
    pub(super) fn invite(&mut self, invite: &Invite, existing: &mut Existing) {
        let label = format!("invitation {}", invite.id);
        let skip = |planner: &mut Self, outcome: Outcome, why: String| {
            let tally = match outcome {
                Outcome::Refused => Tally::Refused,
                _ => Tally::Skipped,
            };
            planner.report.count("invitations", tally);
            planner.report.add(&label, outcome, why);
        };
        if existing
            .mapped
            .contains_key(&("invite".to_owned(), invite.id))
        {
            self.report.count("invitations", Tally::Unchanged);
            return;
        }
        let account_id = match self.accounts.get(&invite.client_id) {
            Some(Ok(id)) => id.clone(),
            Some(Err(why)) => {
                let why = format!("client {} was refused: {why}", invite.client_id);
                return skip(self, Outcome::Refused, why);
            }
            None => {
                let why = format!("client {} does not exist", invite.client_id);
                return skip(self, Outcome::Refused, why);
            }
        };
        let email = match convert::email(&invite.email) {
            Ok(email) => email,
            Err(why) => return skip(self, Outcome::Refused, why),
        };
        if invite.token.trim().is_empty() {
            let why = "it has no token: the owner invites again".to_owned();
            return skip(self, Outcome::Refused, why);
        }
        let sent_at = invite.created_at.unwrap_or(self.config.now);
        let expires_at = sent_at + self.config.invitation_expiry_ms;
        if expires_at <= self.config.now {
            let why = "expired: not brought over (the owner invites again)".to_owned();
            return skip(self, Outcome::Skipped, why);
        }
        let pending = (account_id.clone(), email.normalized());
        if existing.pending_invitations.contains(&pending) {
            let why = format!(
                "{} has a pending invitation to this account already",
                email.as_str()
            );
            return skip(self, Outcome::Skipped, why);
        }
        let member = existing
            .users_by_email
            .get(&email.normalized())
            .is_some_and(|user| {
                existing
                    .memberships
                    .contains_key(&(account_id.clone(), user.clone()))
            });
        if member {
            let why = format!("{} can reach this account already", email.as_str());
            return skip(self, Outcome::Skipped, why);
        }
        let mut notes = Vec::new();
        let permissions = convert::permissions(&invite.permissions, &self.catalog, &mut notes);
        let inviter = if invite.invited_by_admin {
            None
        } else {
            match self.logins.get(&(LoginKind::User, invite.invited_by)) {
                Some(Ok(user_id)) => Some(user_id.clone()),
                _ => None,
            }
        };
        self.report.count("invitations", Tally::Created);
        self.report.notes(&label, notes);
        existing.pending_invitations.insert(pending);
        let id = new_id();
        self.ops.push(Op::InsertInvitation(Box::new(NewInvitation {
            id: id.clone(),
            account_id,
            email: email.as_str().to_owned(),
            email_normalized: email.normalized(),
            permissions,
            token_hash: hash_token(invite.token.trim()),
            inviter_user_id: inviter,
            by_staff: invite.invited_by_admin,
            sent_at,
            expires_at,
        })));
        self.map(
            "invite",
            invite.id,
            &id,
            json!({ "email": email.as_str(), "client": invite.client_id }),
        );
    }
}
