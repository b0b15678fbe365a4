//! WHMCS 8: logins in `tblusers`, linked to clients by `tblusers_clients`, and open invitations.

use sqlx::mysql::MySqlConnection;

use super::columns::{int, text, time};
use super::logins::{LoginColumns, Verified};
use super::tables::Reader;
use super::{Invite, Link, Login, LoginKind};

/// WHMCS 8's logins, `tblusers`.
const USERS: LoginColumns = LoginColumns {
    kind: LoginKind::User,
    table: "tblusers",
    email: "email",
    first_name: "first_name",
    last_name: "last_name",
    language: "language",
    password: "password",
    second_factor: ("second_factor", "second_factor_config"),
    security: ("security_question_id", "security_question_answer"),
    verified: Verified::At("email_verified_at"),
    last_login: "last_login",
    last_ip: "last_ip",
    created: "created_at",
};

impl Reader<'_> {
    /// WHMCS 8: `tblusers`, and their links to clients (owners first within a client).
    pub(super) async fn eight_logins(
        &self,
        conn: &mut MySqlConnection,
    ) -> anyhow::Result<(Vec<Login>, Vec<Link>)> {
        let logins = self.logins(conn, &USERS).await?;
        let c = self.columns;
        let sql = format!(
            "SELECT CAST(l.id AS SIGNED) AS id, CAST(l.auth_user_id AS SIGNED) AS user_id, \
               CAST(l.client_id AS SIGNED) AS client_id, {owner}, {permissions} \
             FROM tblusers_clients l ORDER BY l.client_id, l.owner DESC, l.id",
            owner = c.int("tblusers_clients", "l", "owner"),
            permissions = c.text("tblusers_clients", "l", "permissions"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        let links = rows
            .iter()
            .map(|r| {
                Ok(Link {
                    kind: "user_client",
                    id: int(r, "id")?,
                    login: (LoginKind::User, int(r, "user_id")?),
                    client_id: int(r, "client_id")?,
                    owner: int(r, "owner")? != 0,
                    permissions: text(r, "permissions")?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok((logins, links))
    }
}

impl Reader<'_> {
    /// WHMCS 8's invitations that are still open: not accepted, not deleted.
    pub(super) async fn invites(&self, conn: &mut MySqlConnection) -> anyhow::Result<Vec<Invite>> {
        let c = self.columns;
        let t = "tbluser_invites";
        if !c.has_table(t) {
            return Ok(Vec::new());
        }
        let open = ["accepted_at", "deleted_at"]
            .iter()
            .filter(|column| c.has(t, column))
            .map(|column| format!("i.{column} IS NULL"))
            .collect::<Vec<_>>();
        let filter = if open.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", open.join(" AND "))
        };
        let sql = format!(
            "SELECT CAST(i.id AS SIGNED) AS id, {token}, {email}, {client}, {by}, {by_admin}, \
               {permissions}, {created} FROM tbluser_invites i {filter} ORDER BY i.id",
            token = c.text(t, "i", "token"),
            email = c.text(t, "i", "email"),
            client = c.int(t, "i", "client_id"),
            by = c.int(t, "i", "invited_by"),
            by_admin = c.int(t, "i", "invited_by_admin"),
            permissions = c.text(t, "i", "permissions"),
            created = c.time(t, "i", "created_at"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Invite {
                    id: int(r, "id")?,
                    token: text(r, "token")?,
                    email: text(r, "email")?,
                    client_id: int(r, "client_id")?,
                    invited_by: int(r, "invited_by")?,
                    invited_by_admin: int(r, "invited_by_admin")? != 0,
                    permissions: text(r, "permissions")?,
                    created_at: time(r, "created_at")?,
                })
            })
            .collect()
    }
}
