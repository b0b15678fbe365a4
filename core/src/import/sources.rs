//! Where imported rows came from, as staff see it on accounts and users in the admin API.

use serde::Serialize;
use sqlx::AnyConnection;
use utoipa::ToSchema;

use crate::db::Db;
use crate::error::Result;

/// One source row a Roster row was imported from.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct SourceRef {
    /// The system: `whmcs`.
    pub system: String,
    /// What the row was there: `client`, `client_login` (a WHMCS 7 client's login), `subaccount`
    /// (a WHMCS 7 sub-account contact), `user` (a WHMCS 8 user), `contact`.
    pub kind: String,
    /// Its id in that system.
    pub id: i64,
}

/// The source rows `roster_id` (an account, user or contact id) was imported from.
pub async fn of(db: &Db, roster_id: &str) -> Result<Vec<SourceRef>> {
    let mut conn = db.pool().acquire().await?;
    rows_of(&mut conn, roster_id).await
}

async fn rows_of(conn: &mut AnyConnection, roster_id: &str) -> Result<Vec<SourceRef>> {
    Ok(sqlx::query_as(
        "SELECT source AS system, kind, source_id AS id FROM import_sources \
         WHERE roster_id = $1 ORDER BY source, kind, source_id",
    )
    .bind(roster_id.to_owned())
    .fetch_all(conn)
    .await?)
}
