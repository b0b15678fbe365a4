//! SQL of accounts.

use sqlx::AnyConnection;

use super::{Account, AccountProfile, AccountStatus};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, number, owner_user_id, company_name, billing_email, address1, address2, city, state, \
     postcode, country, phone, tax_id, currency, status, created_at, updated_at";

/// The account's columns for another noun's query that joins `accounts a` (the session lookup of
/// `GET /me/accounts`), named apart from the other tables' `id`, `number` and timestamps; read
/// back with [`Joined`].
pub const JOINED_COLUMNS: &str = "a.id AS account_id, a.number AS account_number, a.owner_user_id, \
     a.company_name, a.billing_email, a.address1, a.address2, a.city, a.state, a.postcode, a.country, \
     a.phone, a.tax_id, a.currency, a.status, a.created_at AS account_created_at, \
     a.updated_at AS account_updated_at";

/// The account of a row selected with [`JOINED_COLUMNS`]; none when the join found none.
#[derive(Debug)]
pub struct Joined(pub Option<Account>);

impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Joined {
    fn from_row(row: &'r sqlx::any::AnyRow) -> sqlx::Result<Self> {
        use sqlx::Row;
        let Some(id) = row.try_get::<Option<String>, _>("account_id")? else {
            return Ok(Self(None));
        };
        Ok(Self(Some(Account {
            id,
            number: row.try_get("account_number")?,
            owner_user_id: row.try_get("owner_user_id")?,
            company_name: row.try_get("company_name")?,
            billing_email: row.try_get("billing_email")?,
            address1: row.try_get("address1")?,
            address2: row.try_get("address2")?,
            city: row.try_get("city")?,
            state: row.try_get("state")?,
            postcode: row.try_get("postcode")?,
            country: row.try_get("country")?,
            phone: row.try_get("phone")?,
            tax_id: row.try_get("tax_id")?,
            currency: row.try_get("currency")?,
            status: row.try_get("status")?,
            created_at: row.try_get("account_created_at")?,
            updated_at: row.try_get("account_updated_at")?,
        })))
    }
}

/// Inserts an account owned by `owner_user_id` (the owner's membership must follow in the same
/// transaction: the schema checks it at commit).
pub async fn insert(
    conn: &mut AnyConnection,
    id: &str,
    owner_user_id: &str,
    profile: &AccountProfile,
    billing_email: &str,
    currency: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO accounts (id, owner_user_id, company_name, billing_email, address1, address2, city, \
         state, postcode, country, phone, tax_id, currency, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', $14, $14)",
    )
    .bind(id.to_owned())
    .bind(owner_user_id.to_owned())
    .bind(profile.company_name.clone())
    .bind(billing_email.to_owned())
    .bind(profile.address1.clone())
    .bind(profile.address2.clone())
    .bind(profile.city.clone())
    .bind(profile.state.clone())
    .bind(profile.postcode.clone())
    .bind(profile.country.clone())
    .bind(profile.phone.clone())
    .bind(profile.tax_id.clone())
    .bind(currency.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// PostgreSQL: the account's lock, an advisory lock keyed by a hash of its id, held to the end of
/// the transaction. (Wrapped so that the statement returns an integer: the `Any` driver has no
/// `void` type.)
const ACCOUNT_LOCK: &str = "SELECT 1 AS locked FROM \
     (SELECT pg_advisory_xact_lock(hashtextextended('account:' || $1, 0))) AS l";

/// Takes the account's lock for the rest of the transaction, so that changes to one account
/// happen one after the other while other accounts' writes go on (DESIGN.md §5). Call it first in
/// the transaction, before any write: on PostgreSQL a transaction gets its id at its first write,
/// so the account's transactions then get growing ids in the order they commit, which is the order
/// their events reach after-hooks (`plugins::repo::Position`). SQLite runs one writer at a time.
/// Answers `NotFound("account")` when the account is gone.
pub async fn lock(conn: &mut AnyConnection, id: &str) -> Result<()> {
    if conn.backend_name() == "PostgreSQL" {
        let started = std::time::Instant::now();
        sqlx::query(ACCOUNT_LOCK)
            .bind(id.to_owned())
            .execute(&mut *conn)
            .await?;
        crate::stats::write_wait(started.elapsed());
    }
    let done = sqlx::query("UPDATE accounts SET updated_at = updated_at WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound("account"));
    }
    Ok(())
}

/// Deletes an account; its memberships, contacts and invitations go with it (the schema's
/// cascades).
pub async fn delete(conn: &mut AnyConnection, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM accounts WHERE id = $1")
        .bind(id.to_owned())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn get(conn: &mut AnyConnection, id: &str) -> Result<Account> {
    let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_owned())
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound("account"))
}

/// Changes the given profile fields and, when given, the status.
pub async fn update(
    conn: &mut AnyConnection,
    id: &str,
    p: &AccountProfile,
    status: Option<AccountStatus>,
    now: i64,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE accounts SET \
           company_name = COALESCE($2, company_name), billing_email = COALESCE($3, billing_email), \
           address1 = COALESCE($4, address1), address2 = COALESCE($5, address2), \
           city = COALESCE($6, city), state = COALESCE($7, state), postcode = COALESCE($8, postcode), \
           country = COALESCE($9, country), phone = COALESCE($10, phone), tax_id = COALESCE($11, tax_id), \
           currency = COALESCE($12, currency), status = COALESCE($13, status), updated_at = $14 \
         WHERE id = $1",
    )
    .bind(id.to_owned())
    .bind(p.company_name.clone())
    .bind(p.billing_email.clone())
    .bind(p.address1.clone())
    .bind(p.address2.clone())
    .bind(p.city.clone())
    .bind(p.state.clone())
    .bind(p.postcode.clone())
    .bind(p.country.clone())
    .bind(p.phone.clone())
    .bind(p.tax_id.clone())
    .bind(p.currency.clone())
    .bind(status.map(|s| s.as_str().to_owned()))
    .bind(now)
    .execute(conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound("account"));
    }
    Ok(())
}

/// Moves ownership from `from` to `to`; false when the owner is no longer `from` (a concurrent
/// transfer won).
pub async fn set_owner(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE accounts SET owner_user_id = $3, updated_at = $4 WHERE id = $1 AND owner_user_id = $2",
    )
    .bind(id.to_owned())
    .bind(from.to_owned())
    .bind(to.to_owned())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A page of accounts by id, optionally matching `search` in company name or billing email, or
/// equal to the account's number (`1042` or `#1042`).
pub async fn list(
    conn: &mut AnyConnection,
    search: Option<&str>,
    status: Option<AccountStatus>,
    after_id: Option<&str>,
    limit: i64,
) -> Result<Vec<Account>> {
    use crate::db::conditions::{Arg, Conditions};
    let mut conditions = Conditions::default();
    if let Some(search) = search {
        let pattern = crate::db::contains_pattern(search);
        match crate::db::as_number(search) {
            Some(number) => conditions.add(
                "(lower(COALESCE(company_name, '')) LIKE ? ESCAPE '\\' \
                  OR lower(billing_email) LIKE ? ESCAPE '\\' OR number = ?)",
                [
                    Arg::Text(pattern.clone()),
                    Arg::Text(pattern),
                    Arg::Int(number),
                ],
            ),
            None => conditions.add(
                "(lower(COALESCE(company_name, '')) LIKE ? ESCAPE '\\' \
                  OR lower(billing_email) LIKE ? ESCAPE '\\')",
                [Arg::Text(pattern.clone()), Arg::Text(pattern)],
            ),
        }
    }
    if let Some(status) = status {
        conditions.add("status = ?", [Arg::Text(status.as_str().to_owned())]);
    }
    if let Some(after) = after_id {
        conditions.add("id > ?", [Arg::Text(after.to_owned())]);
    }
    let limit = conditions.limit(limit);
    let sql = format!(
        "SELECT {COLUMNS} FROM accounts{} ORDER BY id LIMIT {limit}",
        conditions.sql()
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    Ok(conditions.bind(query).fetch_all(conn).await?)
}

/// How many accounts a user owns.
pub async fn count_owned_by(conn: &mut AnyConnection, user_id: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE owner_user_id = $1")
            .bind(user_id.to_owned())
            .fetch_one(conn)
            .await?,
    )
}

/// An account a user reaches, with their permission set there (as stored).
#[derive(sqlx::FromRow)]
pub struct Reached {
    #[sqlx(flatten)]
    pub account: Account,
    pub permissions: String,
}

/// The accounts `user_id` reaches, by id, at most `limit`.
pub async fn reached_by(
    conn: &mut AnyConnection,
    user_id: &str,
    limit: i64,
) -> Result<Vec<Reached>> {
    let sql = format!(
        "SELECT {COLUMNS}, (SELECT m.permissions FROM memberships m \
                            WHERE m.account_id = accounts.id AND m.user_id = $1) AS permissions \
         FROM accounts WHERE id IN (SELECT account_id FROM memberships WHERE user_id = $1) \
         ORDER BY id LIMIT CAST($2 AS BIGINT)"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(user_id.to_owned())
        .bind(limit)
        .fetch_all(conn)
        .await?)
}
