//! A `WHERE` clause made of only the filters a list was given, so that each query the database
//! sees can use an index (`status = $1 AND id > $2` walks `accounts_by_status`;
//! `($1 IS NULL OR status = $1)` would scan the table).

use sqlx::any::{Any, AnyArguments};
use sqlx::query::QueryAs;

/// One bound value.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Int(i64),
    /// Matches nothing (a value that was missing).
    Null,
}

/// The conditions of one query, with their values in placeholder order.
#[derive(Debug, Default)]
pub struct Conditions {
    clauses: Vec<String>,
    args: Vec<Arg>,
}

impl Conditions {
    /// Adds `clause`, in which each `?` stands for the next of `args` (one for each).
    pub fn add(&mut self, clause: &str, args: impl IntoIterator<Item = Arg>) {
        let mut args = args.into_iter();
        let mut numbered = String::with_capacity(clause.len() + 8);
        for c in clause.chars() {
            if c == '?' {
                let arg = args.next();
                debug_assert!(arg.is_some(), "a `?` without its value in {clause}");
                self.args.push(arg.unwrap_or(Arg::Null));
                numbered.push_str(&format!("${}", self.args.len()));
            } else {
                numbered.push(c);
            }
        }
        debug_assert!(args.next().is_none(), "more values than `?` in {clause}");
        self.clauses.push(numbered);
    }

    /// ` WHERE a AND b`, or nothing.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The `LIMIT` value's expression, bound with [`Self::bind`] after the others. A cast, not
    /// a bare placeholder (see the `db` module).
    pub fn limit(&mut self, limit: i64) -> String {
        self.args.push(Arg::Int(limit));
        format!("CAST(${} AS BIGINT)", self.args.len())
    }

    /// Binds every value, in order.
    pub fn bind<'q, O>(
        self,
        mut query: QueryAs<'q, Any, O, AnyArguments>,
    ) -> QueryAs<'q, Any, O, AnyArguments> {
        for arg in self.args {
            query = match arg {
                Arg::Text(text) => query.bind(text),
                Arg::Int(n) => query.bind(n),
                Arg::Null => query.bind(None::<String>),
            };
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut c = Conditions::default();
        assert_eq!(c.sql(), "");
        c.add(
            "(name LIKE ? OR number = ?)",
            [Arg::Text("%a%".into()), Arg::Int(7)],
        );
        c.add("id > ?", [Arg::Text("x".into())]);
        let limit = c.limit(51);
        assert_eq!(c.sql(), " WHERE (name LIKE $1 OR number = $2) AND id > $3");
        assert_eq!(limit, "CAST($4 AS BIGINT)");
        assert_eq!(c.args.len(), 4);
    }
}
