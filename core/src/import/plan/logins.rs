//! Logins: each becomes a user, or joins the user who has its email already (one email is one
//! user).

use serde_json::{Value, json};

use super::{Existing, NewUser, Op, Planner, USER_FIELDS, changed, login_label, number};
use crate::crypto::{hash_token, new_id};
use crate::import::convert::{self, SecondFactor};
use crate::import::report::{Outcome, Tally};
use crate::import::whmcs::{Login, LoginKind};
use crate::users::legacy_password;

impl Planner {
    pub(super) fn login(&mut self, login: &Login, existing: &mut Existing) {
        let label = login_label(login.kind, login.id);
        let key = (login.kind, login.id);
        let mut notes = Vec::new();
        let email = match convert::email(&login.email) {
            Ok(email) => email,
            Err(why) => {
                self.report.count("users", Tally::Refused);
                self.report.add(&label, Outcome::Refused, &why);
                self.logins.insert(key, Err(why));
                return;
            }
        };
        let first_name = convert::name("first name", &login.first_name, email.as_str(), &mut notes);
        let last_name = convert::name("last name", &login.last_name, email.as_str(), &mut notes);
        let language = convert::language(&login.language, &mut notes);
        let password = legacy_password::import(&login.password);
        if password.is_none() {
            notes.push(if login.password.is_empty() {
                "no password: the user sets one with a reset link".to_owned()
            } else {
                "the password hash cannot be checked (not bcrypt or salted MD5): the user sets a new one with a reset link".to_owned()
            });
        }
        let factor = convert::second_factor(&login.second_factor, &login.second_factor_config);
        if let SecondFactor::Reenrol(why) = &factor {
            notes.push(format!(
                "{why}: the user is asked to set up two-step verification again"
            ));
        }
        let password_hash = password.unwrap_or_default();
        let after = json!({
            "email": email.as_str(),
            "first_name": first_name,
            "last_name": last_name,
            "language": language,
            "password": hash_token(&password_hash),
        });
        let kind = login.kind.as_str();
        if let Some(mapped) = existing.mapped.get(&(kind.to_owned(), login.id)).cloned() {
            if !existing.user_ids.contains(&mapped.roster_id) {
                let why =
                    "the user imported from it earlier was deleted in Roster: not brought back";
                self.report.count("users", Tally::Refused);
                self.report.add(&label, Outcome::Refused, why);
                self.logins.insert(key, Err(why.to_owned()));
                return;
            }
            self.logins.insert(key, Ok(mapped.roster_id.clone()));
            self.origin
                .entry(mapped.roster_id.clone())
                .or_insert_with(|| label.clone());
            let fields = changed(&USER_FIELDS, &mapped.snapshot, &after);
            if fields.is_empty() {
                self.report.count("users", Tally::Unchanged);
                return;
            }
            let mut columns = Vec::new();
            for field in &fields {
                match *field {
                    "email" => {
                        columns.push(("email", Some(email.as_str().to_owned())));
                        columns.push(("email_normalized", Some(email.normalized())));
                    }
                    "password" => columns.push(("password_hash", Some(password_hash.clone()))),
                    "first_name" => columns.push(("first_name", Some(first_name.clone()))),
                    "last_name" => columns.push(("last_name", Some(last_name.clone()))),
                    _ => columns.push(("language", Some(language.clone()))),
                }
            }
            if fields.contains(&"email") {
                let taken = existing
                    .users_by_email
                    .get(&email.normalized())
                    .is_some_and(|id| *id != mapped.roster_id);
                if taken {
                    self.report.count("users", Tally::Refused);
                    self.report.add(
                        &label,
                        Outcome::Refused,
                        format!(
                            "its new email {} belongs to another user: not updated",
                            email.as_str()
                        ),
                    );
                    return;
                }
                existing
                    .users_by_email
                    .insert(email.normalized(), mapped.roster_id.clone());
            }
            self.updated("users", &label, &fields);
            let shown = |v: &Value| {
                let mut v = v.clone();
                if let Some(o) = v.as_object_mut() {
                    o.remove("password");
                }
                v
            };
            self.ops.push(Op::Update {
                table: "users",
                id: mapped.roster_id.clone(),
                account_id: None,
                columns,
                before: shown(&mapped.snapshot),
                after: shown(&after),
            });
            self.map(kind, login.id, &mapped.roster_id, after);
            return;
        }
        if let Some(user_id) = existing.users_by_email.get(&email.normalized()).cloned() {
            let first = self
                .origin
                .get(&user_id)
                .cloned()
                .unwrap_or_else(|| "an existing Roster user".to_owned());
            self.report.count("users", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "same email as {first} ({}): one user; the password of {first} is kept",
                    email.as_str()
                ),
            );
            self.logins.insert(key, Ok(user_id.clone()));
            self.map(kind, login.id, &user_id, after);
            return;
        }
        let id = new_id();
        let wanted = match login.kind {
            LoginKind::SubAccount => 0,
            LoginKind::ClientLogin | LoginKind::User => login.id,
        };
        let number = number(&mut existing.user_numbers, &mut self.max_numbers[1], wanted);
        self.report.count("users", Tally::Created);
        self.report.notes(&label, notes);
        existing
            .users_by_email
            .insert(email.normalized(), id.clone());
        existing.user_ids.insert(id.clone());
        self.origin.insert(id.clone(), label);
        self.logins.insert(key, Ok(id.clone()));
        self.ops.push(Op::InsertUser(Box::new(NewUser {
            id: id.clone(),
            number,
            email: email.as_str().to_owned(),
            email_normalized: email.normalized(),
            first_name,
            last_name,
            language,
            password_hash,
            totp_reenrol: matches!(factor, SecondFactor::Reenrol(_)),
            totp_secret: match factor {
                SecondFactor::Totp(secret) => Some(secret),
                _ => None,
            },
            security: login.security.clone(),
            email_verified_at: login.email_verified_at,
            last_login_at: login.last_login_at,
            last_login_ip: Some(login.last_ip.clone()).filter(|ip| !ip.is_empty()),
            created_at: login.created_at,
        })));
        self.map(kind, login.id, &id, after);
    }
}
