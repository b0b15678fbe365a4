//! Reads shaped the way WHMCS's API answers: rows by their integer number, and offset pages with
//! the total count. Changes never go through here; they go through the domain functions.

use sqlx::AnyConnection;

use crate::error::Result;

/// The id of the row of `table` with this number.
pub async fn id_by_number(
    conn: &mut AnyConnection,
    table: Numbered,
    number: i64,
) -> Result<Option<String>> {
    let sql = format!("SELECT id FROM {} WHERE number = $1", table.table());
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(number)
        .fetch_optional(conn)
        .await?)
}

/// The tables whose rows have a number (contacts come with the contact actions).
#[derive(Debug, Clone, Copy)]
pub enum Numbered {
    Users,
    Accounts,
}

impl Numbered {
    fn table(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::Accounts => "accounts",
        }
    }
}

/// One row of GetUsers.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserListRow {
    pub id: String,
    pub number: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub created_at: i64,
}

/// A page of users (by number, `ascending` or not), those whose email or names start with
/// `search`; and how many match in all.
pub async fn users_page(
    conn: &mut AnyConnection,
    search: Option<&str>,
    ascending: bool,
    offset: i64,
    limit: i64,
) -> Result<(Vec<UserListRow>, i64)> {
    let pattern = search.map(prefix_pattern);
    let filter = "($1 IS NULL OR email_normalized LIKE $1 ESCAPE '\\' \
         OR lower(first_name) LIKE $1 ESCAPE '\\' OR lower(last_name) LIKE $1 ESCAPE '\\' \
         OR lower(first_name || ' ' || last_name) LIKE $1 ESCAPE '\\')";
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM users WHERE {filter}"
    )))
    .bind(pattern.clone())
    .fetch_one(&mut *conn)
    .await?;
    let order = if ascending { "ASC" } else { "DESC" };
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, number, email, first_name, last_name, created_at FROM users \
         WHERE {filter} ORDER BY number {order} LIMIT CAST($2 AS BIGINT) OFFSET $3"
    )))
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((rows, total))
}

/// Each of `user_ids`' accounts: (user id, account number, owner).
pub async fn accounts_of_users(
    conn: &mut AnyConnection,
    user_ids: &[String],
) -> Result<Vec<(String, i64, bool)>> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = (1..=user_ids.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT m.user_id, a.number, \
           CASE WHEN a.owner_user_id = m.user_id THEN 1 ELSE 0 END AS is_owner \
         FROM memberships m \
         JOIN accounts a ON a.id = m.account_id \
         WHERE m.user_id IN ({placeholders}) ORDER BY a.number"
    );
    let mut query = sqlx::query_as::<_, (String, i64, i64)>(sqlx::AssertSqlSafe(sql));
    for id in user_ids {
        query = query.bind(id.clone());
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|(user, account, owner)| (user, account, owner != 0))
        .collect())
}

/// A LIKE pattern for "starts with `text`" (lower case, wildcards escaped).
fn prefix_pattern(text: &str) -> String {
    let contains = crate::db::contains_pattern(text);
    contains[1..].to_owned()
}

/// One row of GetClients: an account with its owner's names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClientListRow {
    pub number: i64,
    pub first_name: String,
    pub last_name: String,
    pub company_name: Option<String>,
    pub billing_email: String,
    pub created_at: i64,
    pub status: String,
}

/// How GetClients sorts (WHMCS's `orderby`, as far as Roster keeps the field).
#[derive(Debug, Clone, Copy)]
pub enum ClientOrder {
    Number,
    FirstName,
    LastName,
    CompanyName,
    Email,
    Created,
    Status,
}

impl ClientOrder {
    /// WHMCS's `orderby` value; `groupid` and unknown values sort by number.
    pub fn parse(text: Option<&str>) -> Self {
        match text.map(str::to_ascii_lowercase).as_deref() {
            Some("firstname") => Self::FirstName,
            Some("lastname") => Self::LastName,
            Some("companyname") => Self::CompanyName,
            Some("email") => Self::Email,
            Some("datecreated") => Self::Created,
            Some("status") => Self::Status,
            _ => Self::Number,
        }
    }

    fn column(self) -> &'static str {
        match self {
            Self::Number => "a.number",
            Self::FirstName => "lower(u.first_name)",
            Self::LastName => "lower(u.last_name)",
            Self::CompanyName => "lower(COALESCE(a.company_name, ''))",
            Self::Email => "lower(a.billing_email)",
            Self::Created => "a.created_at",
            Self::Status => "a.status",
        }
    }
}

/// A page of accounts with their owners' names: those whose billing email, owner's names or
/// company name start with `search`, in `status` when given; and how many match in all.
pub async fn clients_page(
    conn: &mut AnyConnection,
    search: Option<&str>,
    status: Option<&str>,
    order: ClientOrder,
    ascending: bool,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ClientListRow>, i64)> {
    let pattern = search.map(prefix_pattern);
    let filter = "FROM accounts a JOIN users u ON u.id = a.owner_user_id \
         WHERE ($1 IS NULL OR lower(a.billing_email) LIKE $1 ESCAPE '\\' \
           OR lower(u.first_name) LIKE $1 ESCAPE '\\' OR lower(u.last_name) LIKE $1 ESCAPE '\\' \
           OR lower(u.first_name || ' ' || u.last_name) LIKE $1 ESCAPE '\\' \
           OR lower(COALESCE(a.company_name, '')) LIKE $1 ESCAPE '\\') \
           AND ($2 IS NULL OR a.status = $2)";
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {filter}")))
        .bind(pattern.clone())
        .bind(status.map(str::to_owned))
        .fetch_one(&mut *conn)
        .await?;
    let direction = if ascending { "ASC" } else { "DESC" };
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT a.number, u.first_name, u.last_name, a.company_name, a.billing_email, \
           a.created_at, a.status {filter} \
         ORDER BY {column} {direction}, a.number {direction} LIMIT CAST($3 AS BIGINT) OFFSET $4",
        column = order.column()
    )))
    .bind(pattern)
    .bind(status.map(str::to_owned))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((rows, total))
}

/// One user of an account, for GetClientsDetails' `users.user[]`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClientUserRow {
    pub number: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub is_owner: i64,
}

/// Everyone who reaches the account, the owner first.
pub async fn users_of_account(
    conn: &mut AnyConnection,
    account_id: &str,
) -> Result<Vec<ClientUserRow>> {
    Ok(sqlx::query_as(
        "SELECT u.number, u.first_name, u.last_name, u.email, \
           CASE WHEN a.owner_user_id = u.id THEN 1 ELSE 0 END AS is_owner \
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN accounts a ON a.id = m.account_id \
         WHERE m.account_id = $1 ORDER BY is_owner DESC, u.number",
    )
    .bind(account_id.to_owned())
    .fetch_all(conn)
    .await?)
}

/// The account whose billing email is `email` (the lowest number when several are).
pub async fn account_by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM accounts WHERE lower(billing_email) = $1 ORDER BY number LIMIT 1",
    )
    .bind(email.trim().to_lowercase())
    .fetch_optional(conn)
    .await?)
}

/// A contact's id and account, by its number.
pub async fn contact_by_number(
    conn: &mut AnyConnection,
    number: i64,
) -> Result<Option<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT id, account_id FROM contacts WHERE number = $1")
            .bind(number)
            .fetch_optional(conn)
            .await?,
    )
}

/// One row of GetContacts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactListRow {
    pub number: i64,
    pub account_number: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub email_preferences: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What GetContacts filters on (each an exact match, without regard to case).
#[derive(Debug, Default)]
pub struct ContactFilter<'a> {
    pub account_id: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

/// A page of contacts by number, and how many match in all.
pub async fn contacts_page(
    conn: &mut AnyConnection,
    filter: &ContactFilter<'_>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ContactListRow>, i64)> {
    let lower = |v: Option<&str>| v.map(|v| v.trim().to_lowercase());
    let condition = "FROM contacts c JOIN accounts a ON a.id = c.account_id \
         WHERE ($1 IS NULL OR c.account_id = $1) AND ($2 IS NULL OR lower(c.first_name) = $2) \
           AND ($3 IS NULL OR lower(c.last_name) = $3) AND ($4 IS NULL OR lower(c.email) = $4) \
           AND ($5 IS NULL OR c.phone = $5)";
    let total: i64 =
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {condition}")))
            .bind(filter.account_id.map(str::to_owned))
            .bind(lower(filter.first_name))
            .bind(lower(filter.last_name))
            .bind(lower(filter.email))
            .bind(filter.phone.map(str::to_owned))
            .fetch_one(&mut *conn)
            .await?;
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT c.number, a.number AS account_number, c.first_name, c.last_name, c.email, c.phone, \
           c.email_preferences, c.created_at, c.updated_at {condition} \
         ORDER BY c.number LIMIT CAST($6 AS BIGINT) OFFSET $7"
    )))
    .bind(filter.account_id.map(str::to_owned))
    .bind(lower(filter.first_name))
    .bind(lower(filter.last_name))
    .bind(lower(filter.email))
    .bind(filter.phone.map(str::to_owned))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    Ok((rows, total))
}
