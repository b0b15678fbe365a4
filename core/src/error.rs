//! The domain error: what can go wrong below the HTTP layer. The HTTP layer maps each variant to a
//! status and a stable problem `code` in one place (`http::problem`).

/// Everything the domain and the repository layer can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The named thing does not exist (or the caller may not know that it does).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Input that parsed but breaks a rule; the message is shown to the caller.
    #[error("{0}")]
    Validation(String),
    /// The database refused or failed. Unique-constraint violations become 409s in the HTTP layer.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Anything else that is the server's fault; the cause is logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether this is the database saying a unique constraint was violated.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(db)) => db.is_unique_violation(),
            _ => false,
        }
    }
}
