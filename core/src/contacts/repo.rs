//! SQL of contacts. Every query is scoped by the account, so an id from another account is simply
//! not found.

use sqlx::AnyConnection;

use super::{Contact, ContactInput};
use crate::error::{Error, Result};

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: String,
    number: i64,
    account_id: String,
    first_name: String,
    last_name: String,
    email: String,
    phone: Option<String>,
    email_preferences: String,
    created_at: i64,
    updated_at: i64,
}

impl From<ContactRow> for Contact {
    fn from(r: ContactRow) -> Self {
        Self {
            id: r.id,
            number: r.number,
            account_id: r.account_id,
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            phone: r.phone,
            email_preferences: serde_json::from_str(&r.email_preferences).unwrap_or_default(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str = "id, number, account_id, first_name, last_name, email, phone, email_preferences, created_at, updated_at";

pub struct NewContact<'a> {
    pub id: &'a str,
    pub account_id: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub preferences: &'a [String],
    pub now: i64,
}

pub async fn insert(conn: &mut AnyConnection, c: &NewContact<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO contacts (id, account_id, first_name, last_name, email, phone, email_preferences, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(c.id.to_owned())
    .bind(c.account_id.to_owned())
    .bind(c.first_name.to_owned())
    .bind(c.last_name.to_owned())
    .bind(c.email.to_owned())
    .bind(c.phone.map(str::to_owned))
    .bind(serde_json::to_string(c.preferences).unwrap_or_else(|_| "[]".to_owned()))
    .bind(c.now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, account_id: &str, id: &str) -> Result<Contact> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE account_id = $1 AND id = $2");
    let row: Option<ContactRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id.to_owned())
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?;
    row.map(Contact::from).ok_or(Error::NotFound("contact"))
}

pub async fn list(conn: &mut AnyConnection, account_id: &str) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE account_id = $1 ORDER BY id");
    let rows: Vec<ContactRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id.to_owned())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Contact::from).collect())
}

pub async fn count(conn: &mut AnyConnection, account_id: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM contacts WHERE account_id = $1")
            .bind(account_id.to_owned())
            .fetch_one(conn)
            .await?,
    )
}

pub async fn update(
    conn: &mut AnyConnection,
    account_id: &str,
    id: &str,
    c: &ContactInput,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE contacts SET first_name = COALESCE($3, first_name), last_name = COALESCE($4, last_name), \
           email = COALESCE($5, email), phone = COALESCE($6, phone), \
           email_preferences = COALESCE($7, email_preferences), updated_at = $8 \
         WHERE account_id = $1 AND id = $2",
    )
    .bind(account_id.to_owned())
    .bind(id.to_owned())
    .bind(c.first_name.clone())
    .bind(c.last_name.clone())
    .bind(c.email.clone())
    .bind(c.phone.clone())
    .bind(c.email_preferences.as_ref().map(|p| serde_json::to_string(p).unwrap_or_else(|_| "[]".to_owned())))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, account_id: &str, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM contacts WHERE account_id = $1 AND id = $2")
        .bind(account_id.to_owned())
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}
