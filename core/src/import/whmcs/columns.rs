//! What the source database's tables hold, and reading typed values out of its rows.

use std::collections::{HashMap, HashSet};

use sqlx::Row;
use sqlx::mysql::{MySqlConnection, MySqlRow};

/// The columns each table has: what this version of WHMCS stores.
pub(super) struct Columns(HashMap<String, HashSet<String>>);

impl Columns {
    pub(super) async fn load(conn: &mut MySqlConnection) -> anyhow::Result<Self> {
        let rows = sqlx::query(
            "SELECT CAST(TABLE_NAME AS CHAR) AS t, CAST(COLUMN_NAME AS CHAR) AS c \
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut map: HashMap<String, HashSet<String>> = HashMap::new();
        for row in rows {
            let table: String = row.try_get("t")?;
            let column: String = row.try_get("c")?;
            map.entry(table.to_lowercase())
                .or_default()
                .insert(column.to_lowercase());
        }
        Ok(Self(map))
    }

    pub(super) fn has_table(&self, table: &str) -> bool {
        self.0.contains_key(table)
    }

    pub(super) fn has(&self, table: &str, column: &str) -> bool {
        self.0.get(table).is_some_and(|c| c.contains(column))
    }

    /// The column as text ('' when missing or NULL).
    pub(super) fn text(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!("CAST(COALESCE({alias}.{column}, '') AS CHAR) AS {column}")
        } else {
            format!("'' AS {column}")
        }
    }

    /// The column as an integer (0 when missing or NULL).
    pub(super) fn int(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!("CAST(COALESCE({alias}.{column}, 0) AS SIGNED) AS {column}")
        } else {
            format!("CAST(0 AS SIGNED) AS {column}")
        }
    }

    /// A date or time column as unix milliseconds (NULL when missing, NULL or zero).
    pub(super) fn time(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!(
                "CAST(NULLIF(COALESCE(UNIX_TIMESTAMP({alias}.{column}), 0), 0) * 1000 AS SIGNED) AS {column}"
            )
        } else {
            format!("CAST(NULL AS SIGNED) AS {column}")
        }
    }
}

pub(super) fn text(row: &MySqlRow, column: &str) -> anyhow::Result<String> {
    Ok(row.try_get::<String, _>(column)?.trim().to_owned())
}

pub(super) fn int(row: &MySqlRow, column: &str) -> anyhow::Result<i64> {
    Ok(row.try_get::<i64, _>(column)?)
}

pub(super) fn time(row: &MySqlRow, column: &str) -> anyhow::Result<Option<i64>> {
    Ok(row.try_get::<Option<i64>, _>(column)?.filter(|t| *t > 0))
}
