//! Deciding what an import does: each source row against what Roster holds (the rows earlier runs
//! imported, the users by email, the numbers taken), in the order the rules need (logins, then
//! clients with their owners, then other access, then contacts). The result is a list of writes
//! and the report; a dry run stops there.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::convert::{self, SecondFactor};
use super::report::{Outcome, Report, Tally};
use super::whmcs::{Client, Contact, Link, Login, LoginKind, Source, Version};
use crate::crypto::{hash_token, new_id};
use crate::memberships::repo as memberships_repo;
use crate::permissions::Catalog;
use crate::users::legacy_password;

/// A row an earlier run imported.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub roster_id: String,
    pub snapshot: Value,
}

/// What Roster holds before the run.
#[derive(Debug, Default)]
pub struct Existing {
    /// (kind, source id) → mapping.
    pub mapped: HashMap<(String, i64), Mapped>,
    /// Normalised email → user id.
    pub users_by_email: HashMap<String, String>,
    pub user_ids: HashSet<String>,
    /// Account id → owner user id.
    pub owners: HashMap<String, String>,
    /// (account id, user id) → permission keys.
    pub memberships: HashMap<(String, String), Vec<String>>,
    pub account_numbers: HashSet<i64>,
    pub user_numbers: HashSet<i64>,
    pub contact_numbers: HashSet<i64>,
}

/// A new user.
#[derive(Debug)]
pub struct NewUser {
    pub id: String,
    pub number: Option<i64>,
    pub email: String,
    pub email_normalized: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    /// A WHMCS hash kept as it is, or '' (no password until a reset).
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_reenrol: bool,
    /// The question and the answer's text (hashed with argon2id by the writer).
    pub security: Option<(String, String)>,
    /// `Some(0)`: verified, date unknown (the import's time is used).
    pub email_verified_at: Option<i64>,
    pub last_login_at: Option<i64>,
    pub last_login_ip: Option<String>,
    pub created_at: Option<i64>,
}

/// A new account with its owner.
#[derive(Debug)]
pub struct NewAccount {
    pub id: String,
    pub number: Option<i64>,
    pub owner_user_id: String,
    /// Column → value, in [`ACCOUNT_FIELDS`] order.
    pub fields: Vec<(&'static str, Option<String>)>,
    pub created_at: Option<i64>,
}

#[derive(Debug)]
pub struct NewContact {
    pub id: String,
    pub number: Option<i64>,
    pub account_id: String,
    pub fields: Vec<(&'static str, Option<String>)>,
}

/// One write.
#[derive(Debug)]
pub enum Op {
    InsertUser(Box<NewUser>),
    InsertAccount(Box<NewAccount>),
    InsertMembership {
        account_id: String,
        user_id: String,
        permissions: Vec<String>,
    },
    SetPermissions {
        account_id: String,
        user_id: String,
        before: Vec<String>,
        permissions: Vec<String>,
    },
    InsertContact(Box<NewContact>),
    /// Changed columns of an imported row (a second run).
    Update {
        table: &'static str,
        id: String,
        account_id: Option<String>,
        columns: Vec<(&'static str, Option<String>)>,
        before: Value,
        after: Value,
    },
    /// Records (or refreshes) where a row came from.
    Map {
        kind: &'static str,
        source_id: i64,
        roster_id: String,
        snapshot: Value,
    },
}

/// The account columns an import sets, as the snapshot names them.
pub const ACCOUNT_FIELDS: [&str; 12] = [
    "company_name",
    "billing_email",
    "address1",
    "address2",
    "city",
    "state",
    "postcode",
    "country",
    "phone",
    "tax_id",
    "currency",
    "status",
];
const USER_FIELDS: [&str; 5] = ["email", "first_name", "last_name", "language", "password"];
const CONTACT_FIELDS: [&str; 5] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "email_preferences",
];

/// The plan: writes in order, and the report.
#[derive(Debug)]
pub struct Plan {
    pub ops: Vec<Op>,
    pub report: Report,
    /// The largest explicit number per table (the sequences are raised past it first).
    pub max_numbers: [i64; 3],
}

pub fn plan(source: &Source, mut existing: Existing, default_currency: &str) -> Plan {
    let mut planner = Planner {
        ops: Vec::new(),
        report: Report::default(),
        catalog: Catalog::default(),
        logins: HashMap::new(),
        origin: HashMap::new(),
        accounts: HashMap::new(),
        max_numbers: [0; 3],
        default_currency: default_currency.to_owned(),
        version: source.version,
    };
    for login in &source.logins {
        planner.login(login, &mut existing);
    }
    let mut owner_links: HashMap<i64, Vec<&Link>> = HashMap::new();
    for link in source.links.iter().filter(|l| l.owner) {
        owner_links.entry(link.client_id).or_default().push(link);
    }
    for client in &source.clients {
        let owner = match source.version {
            Version::Seven => Some((LoginKind::ClientLogin, client.id)),
            Version::Eight => owner_links
                .get(&client.id)
                .and_then(|l| l.first())
                .map(|l| l.login),
        };
        planner.client(client, owner, &mut existing);
    }
    for link in &source.links {
        let extra_owner = link.owner
            && owner_links
                .get(&link.client_id)
                .and_then(|l| l.first())
                .is_some_and(|first| first.id != link.id);
        if !link.owner || extra_owner {
            planner.link(link, extra_owner, &mut existing);
        }
    }
    for contact in &source.contacts {
        planner.contact(contact, &mut existing);
    }
    Plan {
        ops: planner.ops,
        report: planner.report,
        max_numbers: planner.max_numbers,
    }
}

struct Planner {
    ops: Vec<Op>,
    report: Report,
    catalog: Catalog,
    /// Source login → Roster user id (absent: refused, with the reason).
    logins: HashMap<(LoginKind, i64), Result<String, String>>,
    /// User id → the source row it was made from (or "an existing Roster user").
    origin: HashMap<String, String>,
    /// Client id → account id (absent: refused).
    accounts: HashMap<i64, Result<String, String>>,
    max_numbers: [i64; 3],
    default_currency: String,
    version: Version,
}

fn login_label(kind: LoginKind, id: i64) -> String {
    format!("{} {id}", kind.label())
}

/// The fields whose snapshot value changed.
fn changed<'a>(fields: &[&'a str], before: &Value, after: &Value) -> Vec<&'a str> {
    fields
        .iter()
        .copied()
        .filter(|f| before.get(f) != after.get(f))
        .collect()
}

fn snapshot(fields: &[(&'static str, Option<String>)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect(),
    )
}

/// Takes `wanted` as the number when it is free, else leaves the number to the sequence.
fn number(taken: &mut HashSet<i64>, max: &mut i64, wanted: i64) -> Option<i64> {
    if wanted > 0 && taken.insert(wanted) {
        *max = (*max).max(wanted);
        Some(wanted)
    } else {
        None
    }
}

impl Planner {
    fn map(&mut self, kind: &'static str, source_id: i64, roster_id: &str, snapshot: Value) {
        self.ops.push(Op::Map {
            kind,
            source_id,
            roster_id: roster_id.to_owned(),
            snapshot,
        });
    }

    fn login(&mut self, login: &Login, existing: &mut Existing) {
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
            self.report.count("users", Tally::Updated);
            self.report.add(
                &label,
                Outcome::Changed,
                format!("changed in WHMCS since the last run: {}", fields.join(", ")),
            );
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

    fn client(
        &mut self,
        client: &Client,
        owner: Option<(LoginKind, i64)>,
        existing: &mut Existing,
    ) {
        let label = format!("client {}", client.id);
        let refuse = |planner: &mut Self, why: String| {
            planner.report.count("accounts", Tally::Refused);
            planner.report.add(&label, Outcome::Refused, &why);
            planner.accounts.insert(client.id, Err(why));
        };
        let Some(owner) = owner else {
            return refuse(self, "no owner in tblusers_clients".to_owned());
        };
        let owner_id = match self.logins.get(&owner) {
            Some(Ok(id)) => id.clone(),
            Some(Err(why)) => {
                return refuse(
                    self,
                    format!(
                        "its owner ({}) was refused: {why}",
                        login_label(owner.0, owner.1)
                    ),
                );
            }
            None => {
                return refuse(
                    self,
                    format!(
                        "its owner ({}) does not exist",
                        login_label(owner.0, owner.1)
                    ),
                );
            }
        };
        let mut notes = Vec::new();
        let billing_email = convert::email(&client.email)
            .ok()
            .map(|e| e.as_str().to_owned());
        if billing_email.is_none() && self.version == Version::Eight {
            notes.push(format!(
                "billing email `{}` is not valid: the owner's address is used",
                client.email
            ));
        }
        let currency = match client.currency.trim() {
            "" => self.default_currency.clone(),
            code => crate::accounts::parse_currency(code).unwrap_or_else(|_| {
                notes.push(format!(
                    "currency `{code}` is not an ISO code: {} used",
                    self.default_currency
                ));
                self.default_currency.clone()
            }),
        };
        let status = match client.status.to_lowercase().as_str() {
            "inactive" => "inactive",
            "closed" => "closed",
            "active" | "" => "active",
            other => {
                notes.push(format!("status `{other}` is unknown: imported as active"));
                "active"
            }
        };
        let fields: Vec<(&'static str, Option<String>)> = vec![
            (
                "company_name",
                convert::text("company name", &client.company_name, 200, &mut notes),
            ),
            ("billing_email", billing_email),
            (
                "address1",
                convert::text("address1", &client.address1, 200, &mut notes),
            ),
            (
                "address2",
                convert::text("address2", &client.address2, 200, &mut notes),
            ),
            ("city", convert::text("city", &client.city, 100, &mut notes)),
            (
                "state",
                convert::text("state", &client.state, 100, &mut notes),
            ),
            (
                "postcode",
                convert::text("postcode", &client.postcode, 20, &mut notes),
            ),
            ("country", convert::country(&client.country, &mut notes)),
            (
                "phone",
                convert::text("phone", &client.phone, 40, &mut notes),
            ),
            (
                "tax_id",
                convert::text("tax id", &client.tax_id, 50, &mut notes),
            ),
            ("currency", Some(currency)),
            ("status", Some(status.to_owned())),
        ];
        let after = snapshot(&fields);
        if let Some(mapped) = existing
            .mapped
            .get(&("client".to_owned(), client.id))
            .cloned()
        {
            if !existing.owners.contains_key(&mapped.roster_id) {
                return refuse(
                    self,
                    "the account imported from it earlier was deleted in Roster: not brought back"
                        .to_owned(),
                );
            }
            self.accounts
                .insert(client.id, Ok(mapped.roster_id.clone()));
            let changed = changed(&ACCOUNT_FIELDS, &mapped.snapshot, &after);
            if changed.is_empty() {
                self.report.count("accounts", Tally::Unchanged);
                return;
            }
            self.report.count("accounts", Tally::Updated);
            self.report.add(
                &label,
                Outcome::Changed,
                format!(
                    "changed in WHMCS since the last run: {}",
                    changed.join(", ")
                ),
            );
            let columns = fields
                .iter()
                .filter(|(k, _)| changed.contains(k))
                .map(|(k, v)| {
                    // A billing email that became invalid keeps the one Roster has.
                    (*k, v.clone())
                })
                .filter(|(k, v)| *k != "billing_email" || v.is_some())
                .collect();
            self.ops.push(Op::Update {
                table: "accounts",
                id: mapped.roster_id.clone(),
                account_id: Some(mapped.roster_id.clone()),
                columns,
                before: mapped.snapshot.clone(),
                after: after.clone(),
            });
            self.map("client", client.id, &mapped.roster_id, after);
            return;
        }
        let id = new_id();
        let number = number(
            &mut existing.account_numbers,
            &mut self.max_numbers[0],
            client.id,
        );
        if number.is_none() {
            notes.push(format!(
                "number {} is taken: the account gets the next free one",
                client.id
            ));
        }
        self.report.count("accounts", Tally::Created);
        self.report.notes(&label, notes);
        existing.owners.insert(id.clone(), owner_id.clone());
        existing
            .memberships
            .insert((id.clone(), owner_id.clone()), Vec::new());
        self.accounts.insert(client.id, Ok(id.clone()));
        self.ops.push(Op::InsertAccount(Box::new(NewAccount {
            id: id.clone(),
            number,
            owner_user_id: owner_id,
            fields,
            created_at: client.created_at,
        })));
        self.map("client", client.id, &id, after);
    }

    fn link(&mut self, link: &Link, extra_owner: bool, existing: &mut Existing) {
        let label = match link.kind {
            "subaccount_access" => format!("sub-account {} (access)", link.id),
            _ => format!("user-client link {}", link.id),
        };
        let refuse = |planner: &mut Self, why: String| {
            planner.report.count("memberships", Tally::Refused);
            planner.report.add(&label, Outcome::Refused, why);
        };
        let user_id = match self.logins.get(&link.login) {
            Some(Ok(id)) => id.clone(),
            Some(Err(why)) => return refuse(self, format!("its login was refused: {why}")),
            None => {
                return refuse(
                    self,
                    format!(
                        "its login ({}) does not exist",
                        login_label(link.login.0, link.login.1)
                    ),
                );
            }
        };
        let account_id = match self.accounts.get(&link.client_id) {
            Some(Ok(id)) => id.clone(),
            Some(Err(why)) => {
                return refuse(
                    self,
                    format!("client {} was refused: {why}", link.client_id),
                );
            }
            None => return refuse(self, format!("client {} does not exist", link.client_id)),
        };
        let mut notes = Vec::new();
        let permissions = if extra_owner {
            notes.push("a second owner of the client: one owner per account, so this user gets every permission instead".to_owned());
            self.catalog.all_keys()
        } else {
            convert::permissions(&link.permissions, &self.catalog, &mut notes)
        };
        let after = json!({ "permissions": memberships_repo::encode(&permissions) });
        let membership = (account_id.clone(), user_id.clone());
        if existing.owners.get(&account_id) == Some(&user_id) {
            self.report.count("memberships", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "the same user owns client {} and holds every permission already",
                    link.client_id
                ),
            );
            self.map(
                link.kind,
                link.id,
                &format!("{account_id}/{user_id}"),
                after,
            );
            return;
        }
        if let Some(mapped) = existing
            .mapped
            .get(&(link.kind.to_owned(), link.id))
            .cloned()
        {
            let before = existing.memberships.get(&membership).cloned();
            let Some(before) = before else {
                return refuse(
                    self,
                    "the access imported from it earlier was removed in Roster: not brought back"
                        .to_owned(),
                );
            };
            if mapped.snapshot == after {
                self.report.count("memberships", Tally::Unchanged);
                return;
            }
            self.report.count("memberships", Tally::Updated);
            self.report.add(
                &label,
                Outcome::Changed,
                "permissions changed in WHMCS since the last run",
            );
            existing.memberships.insert(membership, permissions.clone());
            self.ops.push(Op::SetPermissions {
                account_id: account_id.clone(),
                user_id: user_id.clone(),
                before,
                permissions,
            });
            self.map(link.kind, link.id, &mapped.roster_id, after);
            return;
        }
        if let Some(before) = existing.memberships.get(&membership).cloned() {
            let merged: Vec<String> = self
                .catalog
                .all_keys()
                .into_iter()
                .filter(|k| before.contains(k) || permissions.contains(k))
                .collect();
            self.report.count("memberships", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "the user ({}) can already reach client {}: the permissions are merged",
                    self.origin.get(&user_id).cloned().unwrap_or_default(),
                    link.client_id
                ),
            );
            if merged != before {
                existing.memberships.insert(membership, merged.clone());
                self.ops.push(Op::SetPermissions {
                    account_id: account_id.clone(),
                    user_id: user_id.clone(),
                    before,
                    permissions: merged,
                });
            }
            self.map(
                link.kind,
                link.id,
                &format!("{account_id}/{user_id}"),
                after,
            );
            return;
        }
        let origin = self.origin.get(&user_id).cloned().unwrap_or_default();
        let own_login = origin == login_label(link.login.0, link.login.1);
        if own_login {
            self.report.count("memberships", Tally::Created);
        } else {
            self.report.count("memberships", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "the user made from {origin} can now reach client {} too, with: {}",
                    link.client_id,
                    if permissions.is_empty() {
                        "no permission".to_owned()
                    } else {
                        permissions.join(", ")
                    }
                ),
            );
        }
        self.report.notes(&label, notes);
        existing.memberships.insert(membership, permissions.clone());
        self.ops.push(Op::InsertMembership {
            account_id: account_id.clone(),
            user_id: user_id.clone(),
            permissions,
        });
        self.map(
            link.kind,
            link.id,
            &format!("{account_id}/{user_id}"),
            after,
        );
    }

    fn contact(&mut self, contact: &Contact, existing: &mut Existing) {
        let label = format!("contact {}", contact.id);
        let refuse = |planner: &mut Self, why: String| {
            planner.report.count("contacts", Tally::Refused);
            planner.report.add(&label, Outcome::Refused, why);
        };
        let account_id = match self.accounts.get(&contact.client_id) {
            Some(Ok(id)) => id.clone(),
            Some(Err(why)) => {
                return refuse(
                    self,
                    format!("client {} was refused: {why}", contact.client_id),
                );
            }
            None => return refuse(self, format!("client {} does not exist", contact.client_id)),
        };
        let email = match convert::email(&contact.email) {
            Ok(email) => email,
            Err(why) => return refuse(self, why),
        };
        let mut notes = Vec::new();
        let fields: Vec<(&'static str, Option<String>)> = vec![
            (
                "first_name",
                Some(convert::name(
                    "first name",
                    &contact.first_name,
                    email.as_str(),
                    &mut notes,
                )),
            ),
            (
                "last_name",
                Some(convert::name(
                    "last name",
                    &contact.last_name,
                    email.as_str(),
                    &mut notes,
                )),
            ),
            ("email", Some(email.as_str().to_owned())),
            (
                "phone",
                convert::text("phone", &contact.phone, 40, &mut notes),
            ),
            (
                "email_preferences",
                serde_json::to_string(&contact.preferences).ok(),
            ),
        ];
        let after = snapshot(&fields);
        if let Some(mapped) = existing
            .mapped
            .get(&("contact".to_owned(), contact.id))
            .cloned()
        {
            let changed = changed(&CONTACT_FIELDS, &mapped.snapshot, &after);
            if changed.is_empty() {
                self.report.count("contacts", Tally::Unchanged);
                return;
            }
            self.report.count("contacts", Tally::Updated);
            self.report.add(
                &label,
                Outcome::Changed,
                format!(
                    "changed in WHMCS since the last run: {}",
                    changed.join(", ")
                ),
            );
            self.ops.push(Op::Update {
                table: "contacts",
                id: mapped.roster_id.clone(),
                account_id: Some(account_id),
                columns: fields
                    .into_iter()
                    .filter(|(k, _)| changed.contains(k))
                    .collect(),
                before: mapped.snapshot.clone(),
                after: after.clone(),
            });
            self.map("contact", contact.id, &mapped.roster_id, after);
            return;
        }
        let id = new_id();
        let number = number(
            &mut existing.contact_numbers,
            &mut self.max_numbers[2],
            contact.id,
        );
        self.report.count("contacts", Tally::Created);
        self.report.notes(&label, notes);
        self.ops.push(Op::InsertContact(Box::new(NewContact {
            id: id.clone(),
            number,
            account_id,
            fields,
        })));
        self.map("contact", contact.id, &id, after);
    }
}
