//! Clients (accounts with their owner) and contacts.

use super::{
    ACCOUNT_FIELDS, CONTACT_FIELDS, Existing, NewAccount, NewContact, Op, Planner, changed,
    login_label, number, snapshot,
};
use crate::crypto::new_id;
use crate::import::convert;
use crate::import::report::{Outcome, Tally};
use crate::import::whmcs::{Client, Contact, LoginKind, Version};

impl Planner {
    pub(super) fn client(
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
            "" => self.config.default_currency.clone(),
            code => crate::accounts::parse_currency(code).unwrap_or_else(|_| {
                notes.push(format!(
                    "currency `{code}` is not an ISO code: {} used",
                    self.config.default_currency
                ));
                self.config.default_currency.clone()
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
            self.updated("accounts", &label, &changed);
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

    pub(super) fn contact(&mut self, contact: &Contact, existing: &mut Existing) {
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
            self.updated("contacts", &label, &changed);
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
