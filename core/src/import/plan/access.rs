//! Access that is not ownership: WHMCS 7 sub-accounts and WHMCS 8 user-client links. Several
//! source rows can give one user access to one account (duplicate sub-accounts, one email on two
//! sub-accounts of a client): the access then holds the permissions of all of them.

use std::collections::HashMap;

use serde_json::json;

use super::{Existing, Op, Planner, login_label};
use crate::import::convert;
use crate::import::report::{Outcome, Tally};
use crate::import::whmcs::Link;

/// One access row resolved to Roster ids, or why it cannot be.
fn resolve(planner: &Planner, link: &Link) -> Result<(String, String), String> {
    let user_id = match planner.logins.get(&link.login) {
        Some(Ok(id)) => id.clone(),
        Some(Err(why)) => return Err(format!("its login was refused: {why}")),
        None => {
            return Err(format!(
                "its login ({}) does not exist",
                login_label(link.login.0, link.login.1)
            ));
        }
    };
    match planner.accounts.get(&link.client_id) {
        Some(Ok(account_id)) => Ok((account_id.clone(), user_id)),
        Some(Err(why)) => Err(format!("client {} was refused: {why}", link.client_id)),
        None => Err(format!("client {} does not exist", link.client_id)),
    }
}

impl Planner {
    /// The permissions each (account, user) gets: those of every source row for it, together.
    pub(super) fn unite(&mut self, links: &[(&Link, bool)]) {
        let mut unions: HashMap<(String, String), Vec<String>> = HashMap::new();
        for (link, extra_owner) in links {
            let Ok(pair) = resolve(self, link) else {
                continue;
            };
            let keys = if *extra_owner {
                self.catalog.all_keys()
            } else {
                convert::permissions(&link.permissions, &self.catalog, &mut Vec::new())
            };
            let union = unions.entry(pair).or_default();
            union.extend(keys);
        }
        self.unions = unions
            .into_iter()
            .map(|(pair, keys)| {
                let ordered = self
                    .catalog
                    .all_keys()
                    .into_iter()
                    .filter(|k| keys.contains(k))
                    .collect();
                (pair, ordered)
            })
            .collect();
    }

    pub(super) fn link(&mut self, link: &Link, extra_owner: bool, existing: &mut Existing) {
        let label = match link.kind {
            "subaccount_access" => format!("sub-account {} (access)", link.id),
            _ => format!("user-client link {}", link.id),
        };
        let (account_id, user_id) = match resolve(self, link) {
            Ok(pair) => pair,
            Err(why) => {
                self.report.count("memberships", Tally::Refused);
                self.report.add(&label, Outcome::Refused, why);
                return;
            }
        };
        let mut notes = Vec::new();
        let own = if extra_owner {
            notes.push(
                "a second owner of the client: one owner per account, so this user gets every \
                 permission instead"
                    .to_owned(),
            );
            self.catalog.all_keys()
        } else {
            convert::permissions(&link.permissions, &self.catalog, &mut notes)
        };
        let pair = (account_id.clone(), user_id.clone());
        let united = self
            .unions
            .get(&pair)
            .cloned()
            .unwrap_or_else(|| own.clone());
        let after = json!({ "permissions": crate::permissions::encode(&own) });
        let roster_id = format!("{account_id}/{user_id}");
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
            self.map(link.kind, link.id, &roster_id, after);
            return;
        }
        let current = existing.memberships.get(&pair).cloned();
        let mapped = existing
            .mapped
            .get(&(link.kind.to_owned(), link.id))
            .cloned();
        if let Some(mapped) = mapped {
            let Some(current) = current else {
                self.report.count("memberships", Tally::Refused);
                self.report.add(
                    &label,
                    Outcome::Refused,
                    "the access imported from it earlier was removed in Roster: not brought back",
                );
                return;
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
            self.set_permissions(existing, pair, current, united);
            self.map(link.kind, link.id, &roster_id, after);
            return;
        }
        if let Some(current) = current {
            self.report.count("memberships", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "the user ({}) can already reach client {}: one access with the permissions \
                     of both",
                    self.origin.get(&user_id).cloned().unwrap_or_default(),
                    link.client_id
                ),
            );
            let merged = self
                .catalog
                .all_keys()
                .into_iter()
                .filter(|k| current.contains(k) || united.contains(k))
                .collect();
            self.set_permissions(existing, pair, current, merged);
            self.map(link.kind, link.id, &roster_id, after);
            return;
        }
        let origin = self.origin.get(&user_id).cloned().unwrap_or_default();
        if origin == login_label(link.login.0, link.login.1) {
            self.report.count("memberships", Tally::Created);
        } else {
            self.report.count("memberships", Tally::Linked);
            self.report.add(
                &label,
                Outcome::Linked,
                format!(
                    "the user made from {origin} can now reach client {} too, with: {}",
                    link.client_id,
                    if own.is_empty() {
                        "no permission".to_owned()
                    } else {
                        own.join(", ")
                    }
                ),
            );
        }
        self.report.notes(&label, notes);
        existing.memberships.insert(pair, united.clone());
        self.ops.push(Op::InsertMembership {
            account_id,
            user_id,
            permissions: united,
        });
        self.map(link.kind, link.id, &roster_id, after);
    }

    fn set_permissions(
        &mut self,
        existing: &mut Existing,
        pair: (String, String),
        before: Vec<String>,
        permissions: Vec<String>,
    ) {
        if before == permissions {
            return;
        }
        existing
            .memberships
            .insert(pair.clone(), permissions.clone());
        self.ops.push(Op::SetPermissions {
            account_id: pair.0,
            user_id: pair.1,
            before,
            permissions,
        });
    }
}
