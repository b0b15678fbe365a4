//! WHMCS 7: logins live on the client (`tblclients`) and on its sub-accounts (`tblcontacts`).

use std::collections::HashMap;

use sqlx::mysql::MySqlConnection;

use super::columns::{int, text, time};
use super::tables::Reader;
use super::{Contact, Link, Login, LoginKind};

impl Reader<'_> {
    /// WHMCS 7: each client's own login, then each sub-account (a contact with `subaccount = 1`)
    /// with its access to that client.
    pub(super) async fn seven_logins(
        &self,
        conn: &mut MySqlConnection,
        contacts: &[Contact],
    ) -> anyhow::Result<(Vec<Login>, Vec<Link>)> {
        let c = self.columns;
        let t = "tblclients";
        let fields = [
            "email",
            "firstname",
            "lastname",
            "language",
            "password",
            "authmodule",
            "authdata",
            "securityqans",
            "ip",
        ]
        .map(|f| c.text(t, "c", f))
        .join(", ");
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {fields}, {question}, {verified}, {last}, {created} \
             FROM tblclients c ORDER BY c.id",
            question = c.int(t, "c", "securityqid"),
            verified = c.int(t, "c", "email_verified"),
            last = c.time(t, "c", "lastlogin"),
            created = c.time(t, "c", "datecreated"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        let mut logins = Vec::with_capacity(rows.len());
        for r in &rows {
            logins.push(Login {
                kind: LoginKind::ClientLogin,
                id: int(r, "id")?,
                email: text(r, "email")?,
                first_name: text(r, "firstname")?,
                last_name: text(r, "lastname")?,
                language: text(r, "language")?,
                password: text(r, "password")?,
                second_factor: text(r, "authmodule")?,
                second_factor_config: text(r, "authdata")?,
                security: self.security(int(r, "securityqid")?, text(r, "securityqans")?),
                // The flag has no date: the import's time stands for it (set by the writer).
                email_verified_at: (int(r, "email_verified")? != 0).then_some(0),
                last_login_at: time(r, "lastlogin")?,
                last_ip: text(r, "ip")?,
                created_at: time(r, "datecreated")?,
            });
        }
        let passwords = self.subaccount_passwords(conn).await?;
        let mut links = Vec::new();
        for contact in contacts.iter().filter(|c| c.subaccount) {
            let (password, permissions) = passwords.get(&contact.id).cloned().unwrap_or_default();
            logins.push(Login {
                kind: LoginKind::SubAccount,
                id: contact.id,
                email: contact.email.clone(),
                first_name: contact.first_name.clone(),
                last_name: contact.last_name.clone(),
                language: String::new(),
                password,
                second_factor: String::new(),
                second_factor_config: String::new(),
                security: None,
                email_verified_at: None,
                last_login_at: None,
                last_ip: String::new(),
                created_at: None,
            });
            links.push(Link {
                kind: "subaccount_access",
                id: contact.id,
                login: (LoginKind::SubAccount, contact.id),
                client_id: contact.client_id,
                owner: false,
                permissions,
            });
        }
        Ok((logins, links))
    }

    /// Sub-accounts' password hashes and permission lists, by contact id.
    async fn subaccount_passwords(
        &self,
        conn: &mut MySqlConnection,
    ) -> anyhow::Result<HashMap<i64, (String, String)>> {
        let c = self.columns;
        let t = "tblcontacts";
        if !c.has(t, "subaccount") {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {}, {} FROM tblcontacts c WHERE c.subaccount = 1",
            c.text(t, "c", "password"),
            c.text(t, "c", "permissions"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    int(r, "id")?,
                    (text(r, "password")?, text(r, "permissions")?),
                ))
            })
            .collect()
    }
}
