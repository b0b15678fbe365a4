//! Carrying out a plan: writes in batches, each batch one transaction (a crash leaves whole
//! batches, and a run after it picks up where the mapping says). Every created or changed row
//! writes its audit event with the actor `system:import`; domain events for plugins' after-hooks
//! only with `--notify-plugins`. Security answers are hashed (argon2id) before their batch opens.

use secrecy::SecretString;
use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::plan::Op;
use crate::audit::{self, Actor, Context, Event};
use crate::db::{Db, Numbered, raise_sequence};
use crate::error::Result;
use crate::events::kind;
use crate::memberships::steps as memberships_steps;
use crate::users::{Passwords, normalize_answer};

/// Operations per transaction.
pub const BATCH: usize = 500;

/// How the writes are made.
pub struct Writer<'a> {
    pub db: &'a Db,
    pub passwords: &'a Passwords,
    pub notify_plugins: bool,
    pub now: i64,
}

impl Writer<'_> {
    fn ctx() -> Context {
        Context {
            actor: Actor::Job("import"),
            ip: None,
            support: None,
        }
    }

    /// Raises the number sequences past the numbers the plan gives by hand.
    pub async fn raise_sequences(&self, max_numbers: [i64; 3]) -> Result<()> {
        let mut tx = self.db.begin().await?;
        for (table, max) in [Numbered::Accounts, Numbered::Users, Numbered::Contacts]
            .into_iter()
            .zip(max_numbers)
        {
            if max > 0 {
                raise_sequence(&mut tx, self.db.backend(), table, max).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Writes one batch in one transaction.
    pub async fn batch(&self, ops: &[Op]) -> Result<()> {
        let answers = self.hash_answers(ops).await?;
        let mut tx = self.db.begin().await?;
        let mut answers = answers.into_iter();
        for op in ops {
            match op {
                Op::InsertUser(user) => {
                    let answer = answers.next().flatten();
                    self.insert_user(&mut tx, user, answer).await?;
                }
                Op::InsertAccount(account) => self.insert_account(&mut tx, account).await?,
                Op::InsertMembership {
                    account_id,
                    user_id,
                    permissions,
                } => {
                    memberships_steps::add(
                        &mut tx,
                        account_id,
                        user_id,
                        permissions,
                        ("system", Some("import")),
                        self.now,
                    )
                    .await?;
                    let event = Event::member("membership.added", account_id, user_id)
                        .after(json!({ "permissions": permissions }));
                    self.record(&mut tx, event, Some(kind::USER_ADDED)).await?;
                }
                Op::SetPermissions {
                    account_id,
                    user_id,
                    before,
                    permissions,
                } => {
                    memberships_steps::set_permissions(&mut tx, account_id, user_id, permissions)
                        .await?;
                    let event =
                        Event::member("membership.permissions_changed", account_id, user_id)
                            .change(
                                json!({ "permissions": before }),
                                json!({ "permissions": permissions }),
                            );
                    self.record(&mut tx, event, Some(kind::PERMISSIONS_CHANGED))
                        .await?;
                }
                Op::InsertContact(contact) => self.insert_contact(&mut tx, contact).await?,
                Op::InsertInvitation(invitation) => {
                    self.insert_invitation(&mut tx, invitation).await?;
                }
                Op::Update {
                    table,
                    id,
                    account_id,
                    columns,
                    before,
                    after,
                } => {
                    self.update(&mut tx, table, id, columns).await?;
                    let (action, event_kind, user_id) = match *table {
                        "users" => ("user.updated", None, Some(id.as_str())),
                        "accounts" => ("account.updated", Some(kind::ACCOUNT_UPDATED), None),
                        _ => ("contact.updated", None, None),
                    };
                    let event = Event::about(action, account_id.as_deref(), user_id)
                        .change(before.clone(), after.clone());
                    self.record(&mut tx, event, event_kind).await?;
                }
                Op::Map {
                    kind,
                    source_id,
                    roster_id,
                    snapshot,
                } => map(&mut tx, kind, *source_id, roster_id, snapshot, self.now).await?,
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The argon2id hashes of the batch's security answers, one per new user (in order), two at
    /// a time (argon2 is CPU work; the machine the import runs on serves too).
    async fn hash_answers(&self, ops: &[Op]) -> Result<Vec<Option<String>>> {
        let answers: Vec<Option<String>> = ops
            .iter()
            .filter_map(|op| match op {
                Op::InsertUser(user) => {
                    Some(user.security.as_ref().map(|(_, a)| normalize_answer(a)))
                }
                _ => None,
            })
            .collect();
        let mut hashes = Vec::with_capacity(answers.len());
        for pair in answers.chunks(2) {
            let mut pending = Vec::new();
            for answer in pair {
                let passwords = self.passwords.clone();
                let answer = answer.clone();
                pending.push(tokio::spawn(async move {
                    match answer {
                        Some(a) => passwords.hash(&SecretString::from(a)).await.map(Some),
                        None => Ok(None),
                    }
                }));
            }
            for task in pending {
                let hash = task
                    .await
                    .map_err(|e| crate::Error::internal(format!("hashing task: {e}")))??;
                hashes.push(hash);
            }
        }
        Ok(hashes)
    }

    /// The audit event, and with `--notify-plugins` the domain event `kind` (changes that have
    /// none elsewhere, contacts and user profiles, have none here either).
    pub(super) async fn record(
        &self,
        conn: &mut AnyConnection,
        event: Event<'_>,
        kind: Option<&str>,
    ) -> Result<()> {
        let ctx = Self::ctx();
        match kind {
            Some(kind) if self.notify_plugins => {
                let payload = json!({ "source": "whmcs-import", "after": event.after });
                audit::record_change(conn, &ctx, self.now, event, kind, payload).await
            }
            _ => audit::record(conn, &ctx, self.now, event).await,
        }
    }

    /// Sets the changed columns of one row. `table` and the column names come from the plan's
    /// fixed lists, never from the source.
    async fn update(
        &self,
        conn: &mut AnyConnection,
        table: &str,
        id: &str,
        columns: &[(&'static str, Option<String>)],
    ) -> Result<()> {
        if columns.is_empty() {
            return Ok(());
        }
        let sets: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, (column, _))| format!("{column} = ${}", i + 3))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {}, updated_at = $2 WHERE id = $1",
            sets.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_owned())
            .bind(self.now);
        for (_, value) in columns {
            query = query.bind(value.clone());
        }
        query.execute(conn).await?;
        Ok(())
    }
}

async fn map(
    conn: &mut AnyConnection,
    kind: &str,
    source_id: i64,
    roster_id: &str,
    snapshot: &Value,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO import_sources (source, kind, source_id, roster_id, snapshot, imported_at, updated_at) \
         VALUES ('whmcs', $1, $2, $3, $4, $5, $5) \
         ON CONFLICT (source, kind, source_id) DO UPDATE SET roster_id = $3, snapshot = $4, updated_at = $5",
    )
    .bind(kind.to_owned())
    .bind(source_id)
    .bind(roster_id.to_owned())
    .bind(snapshot.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
