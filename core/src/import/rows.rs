//! The importer's inserts, one per kind of row: each writes its row (and an account its owner's
//! membership) and records it as [`Writer::record`] says, inside the batch's transaction.

use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::plan::{NewAccount, NewContact, NewInvitation, NewUser};
use super::write::Writer;
use crate::audit::Event;
use crate::error::Result;
use crate::events::kind;
use crate::memberships::steps as memberships_steps;

impl Writer<'_> {
    pub(super) async fn insert_user(
        &self,
        conn: &mut AnyConnection,
        user: &NewUser,
        answer_hash: Option<String>,
    ) -> Result<()> {
        let created = user.created_at.unwrap_or(self.now);
        let verified = user
            .email_verified_at
            .map(|t| if t == 0 { self.now } else { t });
        sqlx::query(
            "INSERT INTO users (id, number, email, email_normalized, first_name, last_name, language, \
               password_hash, email_verified_at, status, totp_secret, totp_enabled_at, totp_reenrol_at, \
               security_question, security_answer_hash, last_login_at, last_login_ip, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(user.id.clone())
        .bind(user.number)
        .bind(user.email.clone())
        .bind(user.email_normalized.clone())
        .bind(user.first_name.clone())
        .bind(user.last_name.clone())
        .bind(user.language.clone())
        .bind(user.password_hash.clone())
        .bind(verified)
        .bind(user.totp_secret.clone())
        .bind(user.totp_secret.as_ref().map(|_| self.now))
        .bind(user.totp_reenrol.then_some(self.now))
        .bind(answer_hash.as_ref().and(user.security.as_ref().map(|(q, _)| q.clone())))
        .bind(answer_hash)
        .bind(user.last_login_at)
        .bind(user.last_login_ip.clone())
        .bind(created)
        .bind(self.now)
        .execute(&mut *conn)
        .await?;
        let after = json!({
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "totp_enabled": user.totp_secret.is_some(),
        });
        let event = Event::user("user.created", &user.id).after(after);
        self.record(conn, event, Some(kind::USER_CREATED)).await
    }

    pub(super) async fn insert_account(
        &self,
        conn: &mut AnyConnection,
        account: &NewAccount,
    ) -> Result<()> {
        let value = |name: &str| {
            account
                .fields
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.clone())
        };
        let owner_email: Option<String> =
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(account.owner_user_id.clone())
                .fetch_optional(&mut *conn)
                .await?;
        let billing_email = value("billing_email").or(owner_email).unwrap_or_default();
        sqlx::query(
            "INSERT INTO accounts (id, number, owner_user_id, company_name, billing_email, address1, \
               address2, city, state, postcode, country, phone, tax_id, currency, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(account.id.clone())
        .bind(account.number)
        .bind(account.owner_user_id.clone())
        .bind(value("company_name"))
        .bind(billing_email.clone())
        .bind(value("address1"))
        .bind(value("address2"))
        .bind(value("city"))
        .bind(value("state"))
        .bind(value("postcode"))
        .bind(value("country"))
        .bind(value("phone"))
        .bind(value("tax_id"))
        .bind(value("currency").unwrap_or_default())
        .bind(value("status").unwrap_or_else(|| "active".to_owned()))
        .bind(account.created_at.unwrap_or(self.now))
        .bind(self.now)
        .execute(&mut *conn)
        .await?;
        memberships_steps::add(
            conn,
            &account.id,
            &account.owner_user_id,
            &[],
            ("system", Some("import")),
            self.now,
        )
        .await?;
        let mut after: serde_json::Map<String, Value> = account
            .fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        after.insert("billing_email".to_owned(), json!(billing_email));
        let event = Event::member("account.created", &account.id, &account.owner_user_id)
            .after(Value::Object(after));
        self.record(conn, event, Some(kind::ACCOUNT_CREATED)).await
    }

    pub(super) async fn insert_contact(
        &self,
        conn: &mut AnyConnection,
        contact: &NewContact,
    ) -> Result<()> {
        let value = |name: &str| {
            contact
                .fields
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.clone())
        };
        sqlx::query(
            "INSERT INTO contacts (id, number, account_id, first_name, last_name, email, phone, \
               email_preferences, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(contact.id.clone())
        .bind(contact.number)
        .bind(contact.account_id.clone())
        .bind(value("first_name").unwrap_or_default())
        .bind(value("last_name").unwrap_or_default())
        .bind(value("email").unwrap_or_default())
        .bind(value("phone"))
        .bind(value("email_preferences").unwrap_or_else(|| "[]".to_owned()))
        .bind(self.now)
        .execute(&mut *conn)
        .await?;
        let after: serde_json::Map<String, Value> = contact
            .fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        let event =
            Event::account("contact.created", &contact.account_id).after(Value::Object(after));
        self.record(conn, event, None).await
    }

    pub(super) async fn insert_invitation(
        &self,
        conn: &mut AnyConnection,
        invitation: &NewInvitation,
    ) -> Result<()> {
        let inviter: Option<(String, String)> = match &invitation.inviter_user_id {
            Some(id) => {
                sqlx::query_as("SELECT first_name, last_name FROM users WHERE id = $1")
                    .bind(id.clone())
                    .fetch_optional(&mut *conn)
                    .await?
            }
            None => None,
        };
        let (kind, name) = match &inviter {
            Some((first, last)) => ("user", format!("{first} {last}")),
            None if invitation.by_staff => ("admin", "the support team".to_owned()),
            None => ("system", "the account's team".to_owned()),
        };
        sqlx::query(
            "INSERT INTO invitations (id, account_id, email, email_normalized, permissions, token_hash, \
               state, invited_by_kind, invited_by_id, invited_by_name, created_at, sent_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10, $10, $11)",
        )
        .bind(invitation.id.clone())
        .bind(invitation.account_id.clone())
        .bind(invitation.email.clone())
        .bind(invitation.email_normalized.clone())
        .bind(crate::permissions::encode(&invitation.permissions))
        .bind(invitation.token_hash.clone())
        .bind(kind)
        .bind(inviter.as_ref().and(invitation.inviter_user_id.clone()))
        .bind(name)
        .bind(invitation.sent_at)
        .bind(invitation.expires_at)
        .execute(&mut *conn)
        .await?;
        let event = Event::account("invitation.created", &invitation.account_id).after(json!({
            "email": invitation.email,
            "permissions": invitation.permissions,
            "expires_at": invitation.expires_at,
        }));
        self.record(conn, event, Some(kind::INVITATION_CREATED))
            .await
    }
}
