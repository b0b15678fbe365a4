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
    /// A password the policy refuses; the message says why.
    #[error("{0}")]
    WeakPassword(String),
    /// The email address already belongs to a user.
    #[error("a user with this email address already exists")]
    EmailTaken,
    /// No valid session or token was presented.
    #[error("authentication required")]
    Unauthenticated,
    /// Wrong email or password (never says which).
    #[error("the email address or password is wrong")]
    InvalidCredentials,
    /// The password was right; a TOTP or backup code is needed too.
    #[error("a second factor is required")]
    SecondFactorRequired,
    /// The TOTP or backup code was wrong or already used.
    #[error("the code is wrong or was already used")]
    InvalidSecondFactor,
    #[error("the email address is not verified yet")]
    EmailNotVerified,
    /// A change to how a login signs in, asked by a login without a password in a session that did
    /// not sign in with a passkey in the last five minutes (`users::proof`).
    #[error(
        "sign in again with your passkey: without a password, changes to how you sign in need a \
         passkey sign-in from the last five minutes"
    )]
    RecentSignInRequired,
    /// The password was right; a one-time code sent to the mailbox must follow (a user whose
    /// second factor could not be carried over from WHMCS, until they enrol one).
    #[error("a sign-in code was sent to your email address: send it as email_code")]
    EmailCodeRequired,
    /// A one-time link token that is unknown, used or expired (never says which).
    #[error("this link is invalid or has expired")]
    InvalidToken,
    /// Password reset for a user with a security question needs its answer.
    #[error("the answer to the security question is missing or wrong")]
    SecurityAnswerRequired { question: String },
    /// The caller is known but may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Support signed in as the user (issue 28) and tried what only the user may do: `{0}` names
    /// it ("change the password").
    #[error("support signed in as this user cannot {0}: only the user can")]
    SupportRestricted(&'static str),
    /// `user_management.enabled = false`: owners cannot manage users from the client area.
    #[error("user management is turned off for the client area; ask support")]
    UserManagementDisabled,
    #[error("the owner cannot be removed from the account")]
    OwnerCannotBeRemoved,
    #[error("the owner holds every permission; they cannot be changed")]
    OwnerPermissionsFixed,
    #[error("the user already has access to this account")]
    AlreadyMember,
    #[error("this invitation has expired; ask for a new one")]
    InvitationExpired,
    #[error("this invitation was already used")]
    InvitationUsed,
    #[error("this invitation was cancelled")]
    InvitationCancelled,
    /// A user who owns accounts cannot be deleted; transfer or close them first.
    #[error("the user owns {0} account(s); transfer their ownership first")]
    UserOwnsAccounts(i64),
    /// Too many attempts; try again after this many seconds.
    #[error("too many attempts")]
    RateLimited { retry_after_secs: u64 },
    /// A plugin's before-hook refused the action; `code` and `message` are the plugin's.
    #[error("{message}")]
    VetoedByPlugin {
        plugin: String,
        code: String,
        message: String,
    },
    /// A plugin's before-hook trapped, timed out or answered garbage, and its policy is to fail
    /// closed: the action is refused.
    #[error("the plugin `{plugin}` could not decide; the action was not carried out")]
    PluginFailed { plugin: String },
    /// A plugin (or a new version of it) cannot be loaded; the message says why.
    #[error("{0}")]
    PluginInvalid(String),
    /// The request conflicts with the current state (the message says how).
    #[error("{0}")]
    Conflict(String),
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

    /// Whether PostgreSQL broke a deadlock or a serialization conflict between two concurrent
    /// transactions by failing this one (SQLSTATE 40P01, 40001): nothing was written, and the
    /// request can be sent again.
    pub fn is_transaction_conflict(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(db)) => {
                matches!(db.code().as_deref(), Some("40P01" | "40001"))
            }
            _ => false,
        }
    }

    /// Whether the database refused a write because of a foreign key: what a request that raced a
    /// concurrent change (a member removed meanwhile) runs into.
    pub fn is_foreign_key_violation(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(db)) => db.is_foreign_key_violation(),
            _ => false,
        }
    }

    /// For server faults that have no better variant.
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self::Internal(anyhow::anyhow!("{message}"))
    }
}
