//! Deciding what an import does: each source row against what Roster holds (the rows earlier runs
//! imported, the users by email, the numbers taken), in the order the rules need (logins, then
//! clients with their owners, then other access, then contacts). The result is a list of writes
//! and the report; a dry run stops there.

mod access;
mod accounts;
mod invites;
mod logins;

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::report::{Outcome, Report, Tally};
use super::whmcs::{Link, LoginKind, Source, Version};
use crate::permissions::Catalog;

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
    /// (account id, normalised email) of the pending invitations.
    pub pending_invitations: HashSet<(String, String)>,
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

/// A pending invitation brought over.
#[derive(Debug)]
pub struct NewInvitation {
    pub id: String,
    pub account_id: String,
    pub email: String,
    pub email_normalized: String,
    pub permissions: Vec<String>,
    pub token_hash: String,
    /// The inviting user, if they came along.
    pub inviter_user_id: Option<String>,
    /// Sent by WHMCS staff.
    pub by_staff: bool,
    pub sent_at: i64,
    pub expires_at: i64,
}

/// What the plan needs from the settings and the clock.
#[derive(Debug, Clone)]
pub struct Config {
    pub default_currency: String,
    pub invitation_expiry_ms: i64,
    pub now: i64,
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
    InsertInvitation(Box<NewInvitation>),
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

pub fn plan(source: &Source, mut existing: Existing, config: Config) -> Plan {
    let mut planner = Planner {
        ops: Vec::new(),
        report: Report::default(),
        catalog: Catalog::default(),
        logins: HashMap::new(),
        origin: HashMap::new(),
        accounts: HashMap::new(),
        unions: HashMap::new(),
        max_numbers: [0; 3],
        config,
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
    let access: Vec<(&Link, bool)> = source
        .links
        .iter()
        .filter_map(|link| {
            let extra_owner = link.owner
                && owner_links
                    .get(&link.client_id)
                    .and_then(|l| l.first())
                    .is_some_and(|first| first.id != link.id);
            (!link.owner || extra_owner).then_some((link, extra_owner))
        })
        .collect();
    planner.unite(&access);
    for (link, extra_owner) in access {
        planner.link(link, extra_owner, &mut existing);
    }
    for contact in &source.contacts {
        planner.contact(contact, &mut existing);
    }
    for invite in &source.invites {
        planner.invite(invite, &mut existing);
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
    /// Client id → account id (or why it was refused).
    accounts: HashMap<i64, Result<String, String>>,
    /// (account id, user id) → the permissions of every source row giving that access.
    unions: HashMap<(String, String), Vec<String>>,
    max_numbers: [i64; 3],
    config: Config,
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

    /// Counts a mapped row that WHMCS changed since the last run as updated, and reports which
    /// fields changed.
    fn updated(&mut self, kind: &'static str, label: &str, fields: &[&str]) {
        self.report.count(kind, Tally::Updated);
        self.report.add(
            label,
            Outcome::Changed,
            format!("changed in WHMCS since the last run: {}", fields.join(", ")),
        );
    }
}
