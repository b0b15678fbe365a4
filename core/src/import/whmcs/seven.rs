//! WHMCS 7: logins live on the client (`tblclients`) and on its sub-accounts (`tblcontacts`).

use std::collections::HashMap;

use sqlx::mysql::MySqlConnection;

use super::columns::{int, text};
use super::logins::{LoginColumns, Verified};
use super::tables::Reader;
use super::{Contact, Link, Login, LoginKind};

/// A client's own login, on `tblclients`.
const CLIENT_LOGINS: LoginColumns = LoginColumns {
    kind: LoginKind::ClientLogin,
    table: "tblclients",
    email: "email",
    first_name: "firstname",
    last_name: "lastname",
    language: "language",
    password: "password",
    second_factor: ("authmodule", "authdata"),
    security: ("securityqid", "securityqans"),
    verified: Verified::Flag("email_verified"),
    last_login: "lastlogin",
    last_ip: "ip",
    created: "datecreated",
};

impl Reader<'_> {
    /// WHMCS 7: each client's own login, then each sub-account (a contact with `subaccount = 1`)
    /// with its access to that client.
    pub(super) async fn seven_logins(
        &self,
        conn: &mut MySqlConnection,
        contacts: &[Contact],
    ) -> anyhow::Result<(Vec<Login>, Vec<Link>)> {
        let mut logins = self.logins(conn, &CLIENT_LOGINS).await?;
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
