//! Reading logins: WHMCS 7 keeps them on `tblclients`, WHMCS 8 in `tblusers`, under other column
//! names; one reader serves both.

use sqlx::mysql::MySqlConnection;

use super::columns::{int, text, time};
use super::tables::Reader;
use super::{Login, LoginKind};

/// Where a version keeps each part of a login.
pub(super) struct LoginColumns {
    pub(super) kind: LoginKind,
    pub(super) table: &'static str,
    pub(super) email: &'static str,
    pub(super) first_name: &'static str,
    pub(super) last_name: &'static str,
    pub(super) language: &'static str,
    pub(super) password: &'static str,
    /// The second-factor module and its data.
    pub(super) second_factor: (&'static str, &'static str),
    /// The security question's id and the answer.
    pub(super) security: (&'static str, &'static str),
    pub(super) verified: Verified,
    pub(super) last_login: &'static str,
    pub(super) last_ip: &'static str,
    pub(super) created: &'static str,
}

/// How a version records that the email address was verified.
pub(super) enum Verified {
    /// A 0/1 flag without a date (WHMCS 7.10+): the import's time stands for it (set by the
    /// writer).
    Flag(&'static str),
    /// The time it was verified (WHMCS 8).
    At(&'static str),
}

impl Reader<'_> {
    /// Every login of `spec.table`, in id order.
    pub(super) async fn logins(
        &self,
        conn: &mut MySqlConnection,
        spec: &LoginColumns,
    ) -> anyhow::Result<Vec<Login>> {
        let (c, t) = (self.columns, spec.table);
        let texts = [
            spec.email,
            spec.first_name,
            spec.last_name,
            spec.language,
            spec.password,
            spec.second_factor.0,
            spec.second_factor.1,
            spec.security.1,
            spec.last_ip,
        ]
        .map(|f| c.text(t, "l", f))
        .join(", ");
        let verified = match spec.verified {
            Verified::Flag(column) => c.int(t, "l", column),
            Verified::At(column) => c.time(t, "l", column),
        };
        let sql = format!(
            "SELECT CAST(l.id AS SIGNED) AS id, {texts}, {question}, {verified}, {last}, {created} \
             FROM {t} l ORDER BY l.id",
            question = c.int(t, "l", spec.security.0),
            last = c.time(t, "l", spec.last_login),
            created = c.time(t, "l", spec.created),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Login {
                    kind: spec.kind,
                    id: int(r, "id")?,
                    email: text(r, spec.email)?,
                    first_name: text(r, spec.first_name)?,
                    last_name: text(r, spec.last_name)?,
                    language: text(r, spec.language)?,
                    password: text(r, spec.password)?,
                    second_factor: text(r, spec.second_factor.0)?,
                    second_factor_config: text(r, spec.second_factor.1)?,
                    security: self.security(int(r, spec.security.0)?, text(r, spec.security.1)?),
                    email_verified_at: match spec.verified {
                        Verified::Flag(column) => (int(r, column)? != 0).then_some(0),
                        Verified::At(column) => time(r, column)?,
                    },
                    last_login_at: time(r, spec.last_login)?,
                    last_ip: text(r, spec.last_ip)?,
                    created_at: time(r, spec.created)?,
                })
            })
            .collect()
    }
}
