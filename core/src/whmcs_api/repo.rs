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
         WHERE {filter} ORDER BY number {order} LIMIT $2 OFFSET $3"
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
