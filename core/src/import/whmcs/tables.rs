//! The tables both versions share: clients, contacts and the security questions.

use std::collections::HashMap;

use sqlx::mysql::MySqlConnection;

use super::columns::{Columns, int, text, time};
use super::{Client, Contact};

/// Reads rows into plain values, with what every table needs.
pub(super) struct Reader<'a> {
    pub(super) columns: &'a Columns,
    pub(super) questions: HashMap<i64, String>,
}

pub(super) async fn questions(
    conn: &mut MySqlConnection,
    columns: &Columns,
) -> anyhow::Result<HashMap<i64, String>> {
    if !columns.has_table("tbladminsecurityquestions") {
        return Ok(HashMap::new());
    }
    let rows = sqlx::query(
        "SELECT CAST(id AS SIGNED) AS id, CAST(COALESCE(question, '') AS CHAR) AS question \
         FROM tbladminsecurityquestions",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok((int(r, "id")?, text(r, "question")?)))
        .collect()
}

impl Reader<'_> {
    pub(super) fn security(&self, question_id: i64, answer: String) -> Option<(String, String)> {
        let question = self.questions.get(&question_id)?;
        (!question.is_empty() && !answer.is_empty()).then(|| (question.clone(), answer))
    }

    pub(super) async fn clients(&self, conn: &mut MySqlConnection) -> anyhow::Result<Vec<Client>> {
        let c = self.columns;
        let t = "tblclients";
        let fields = [
            "companyname",
            "email",
            "address1",
            "address2",
            "city",
            "state",
            "postcode",
            "country",
            "phonenumber",
            "tax_id",
            "status",
        ]
        .map(|f| c.text(t, "c", f))
        .join(", ");
        let currency = if c.has_table("tblcurrencies") && c.has(t, "currency") {
            "CAST(COALESCE(cur.code, '') AS CHAR) AS currency_code"
        } else {
            "'' AS currency_code"
        };
        let join = if currency.starts_with("CAST") {
            "LEFT JOIN tblcurrencies cur ON cur.id = c.currency"
        } else {
            ""
        };
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {fields}, {currency}, {created} \
             FROM tblclients c {join} ORDER BY c.id",
            created = c.time(t, "c", "datecreated"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Client {
                    id: int(r, "id")?,
                    company_name: text(r, "companyname")?,
                    email: text(r, "email")?,
                    address1: text(r, "address1")?,
                    address2: text(r, "address2")?,
                    city: text(r, "city")?,
                    state: text(r, "state")?,
                    postcode: text(r, "postcode")?,
                    country: text(r, "country")?,
                    phone: text(r, "phonenumber")?,
                    tax_id: text(r, "tax_id")?,
                    currency: text(r, "currency_code")?,
                    status: text(r, "status")?,
                    created_at: time(r, "datecreated")?,
                })
            })
            .collect()
    }

    pub(super) async fn contacts(
        &self,
        conn: &mut MySqlConnection,
    ) -> anyhow::Result<Vec<Contact>> {
        let c = self.columns;
        let t = "tblcontacts";
        if !c.has_table(t) {
            return Ok(Vec::new());
        }
        let fields = ["firstname", "lastname", "email", "phonenumber"]
            .map(|f| c.text(t, "c", f))
            .join(", ");
        let flags = [
            "subaccount",
            "generalemails",
            "invoiceemails",
            "supportemails",
            "productemails",
            "domainemails",
        ]
        .map(|f| c.int(t, "c", f))
        .join(", ");
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, CAST(c.userid AS SIGNED) AS client_id, {fields}, {flags} \
             FROM tblcontacts c ORDER BY c.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                let mut preferences = Vec::new();
                for (column, kind) in [
                    ("generalemails", "general"),
                    ("invoiceemails", "billing"),
                    ("supportemails", "support"),
                    ("productemails", "product"),
                    ("domainemails", "domain"),
                ] {
                    if int(r, column)? != 0 {
                        preferences.push(kind.to_owned());
                    }
                }
                Ok(Contact {
                    id: int(r, "id")?,
                    client_id: int(r, "client_id")?,
                    first_name: text(r, "firstname")?,
                    last_name: text(r, "lastname")?,
                    email: text(r, "email")?,
                    phone: text(r, "phonenumber")?,
                    preferences,
                    subaccount: int(r, "subaccount")? != 0,
                })
            })
            .collect()
    }
}
