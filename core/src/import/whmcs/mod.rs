//! Reading a WHMCS 7 or 8 database (MySQL/MariaDB): read-only, from one consistent snapshot, into
//! plain rows. Columns that a version lacks read as empty, so the same reader serves 7.x and 8.x
//! (../shared/WHMCS.md part B; the decisions are in docs/whmcs-import.md).

mod columns;
mod eight;
mod logins;
mod seven;
mod tables;

use sqlx::mysql::MySqlConnection;
use sqlx::{Connection, Executor};

use columns::Columns;
use tables::{Reader, questions};

/// Which layout the source database has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// Logins on clients, sub-accounts on contacts (`tblcontacts.subaccount`).
    Seven,
    /// Logins in `tblusers`, linked to clients by `tblusers_clients`.
    Eight,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Seven => "WHMCS 7",
            Self::Eight => "WHMCS 8",
        }
    }
}

/// A `tblclients` row.
#[derive(Debug, Clone)]
pub struct Client {
    pub id: i64,
    pub company_name: String,
    pub email: String,
    pub address1: String,
    pub address2: String,
    pub city: String,
    pub state: String,
    pub postcode: String,
    pub country: String,
    pub phone: String,
    pub tax_id: String,
    /// The currency's ISO code (`tblcurrencies.code`), when the client has one.
    pub currency: String,
    /// `Active`, `Inactive` or `Closed`.
    pub status: String,
    pub created_at: Option<i64>,
}

/// Where a login comes from (the `kind` of its source row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoginKind {
    /// WHMCS 7: the client's own login (its id is the client's).
    ClientLogin,
    /// WHMCS 7: a sub-account contact (its id is the contact's).
    SubAccount,
    /// WHMCS 8: a `tblusers` row.
    User,
}

impl LoginKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ClientLogin => "client_login",
            Self::SubAccount => "subaccount",
            Self::User => "user",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ClientLogin => "client login",
            Self::SubAccount => "sub-account",
            Self::User => "user",
        }
    }
}

/// Something a person signs in with.
#[derive(Debug, Clone)]
pub struct Login {
    pub kind: LoginKind,
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    pub password: String,
    /// The second-factor module (`totp`, or '' for none) and its data.
    pub second_factor: String,
    pub second_factor_config: String,
    /// The security question's text and the answer, when the login has one.
    pub security: Option<(String, String)>,
    pub email_verified_at: Option<i64>,
    pub last_login_at: Option<i64>,
    pub last_ip: String,
    pub created_at: Option<i64>,
}

/// A login's access to a client that is not the client's own login: a WHMCS 7 sub-account, or a
/// WHMCS 8 `tblusers_clients` row.
#[derive(Debug, Clone)]
pub struct Link {
    /// The mapping kind and id of the link itself.
    pub kind: &'static str,
    pub id: i64,
    pub login: (LoginKind, i64),
    pub client_id: i64,
    pub owner: bool,
    /// As stored: a comma list (or, tolerated, a JSON array).
    pub permissions: String,
}

/// A `tblcontacts` row.
#[derive(Debug, Clone)]
pub struct Contact {
    pub id: i64,
    pub client_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// Roster's email kinds this contact receives.
    pub preferences: Vec<String>,
    pub subaccount: bool,
}

/// A pending WHMCS 8 invitation (`tbluser_invites` not accepted, not deleted).
#[derive(Debug, Clone)]
pub struct Invite {
    pub id: i64,
    /// As WHMCS stores it: the token of the emailed link.
    pub token: String,
    pub email: String,
    pub client_id: i64,
    /// A user id, or an admin id when `invited_by_admin`.
    pub invited_by: i64,
    pub invited_by_admin: bool,
    pub permissions: String,
    pub created_at: Option<i64>,
}

/// Everything the import reads, in id order.
#[derive(Debug)]
pub struct Source {
    pub version: Version,
    pub clients: Vec<Client>,
    pub logins: Vec<Login>,
    pub links: Vec<Link>,
    pub contacts: Vec<Contact>,
    pub invites: Vec<Invite>,
}

/// Reads the database at `url` (`mysql://USER:PASS@HOST/DB`) from one consistent, read-only
/// snapshot.
pub async fn read(url: &str) -> anyhow::Result<Source> {
    let mut conn = MySqlConnection::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to the WHMCS database: {e}"))?;
    conn.execute("SET SESSION time_zone = '+00:00'").await?;
    conn.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        .await?;
    conn.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
        .await?;
    let columns = Columns::load(&mut conn).await?;
    if !columns.has_table("tblclients") {
        anyhow::bail!("this database has no tblclients table: is it a WHMCS database?");
    }
    let version = if columns.has_table("tblusers") && columns.has_table("tblusers_clients") {
        Version::Eight
    } else {
        Version::Seven
    };
    let reader = Reader {
        columns: &columns,
        questions: questions(&mut conn, &columns).await?,
    };
    let clients = reader.clients(&mut conn).await?;
    let contacts = reader.contacts(&mut conn).await?;
    let (logins, links) = match version {
        Version::Seven => reader.seven_logins(&mut conn, &contacts).await?,
        Version::Eight => reader.eight_logins(&mut conn).await?,
    };
    let invites = match version {
        Version::Seven => Vec::new(),
        Version::Eight => reader.invites(&mut conn).await?,
    };
    conn.execute("COMMIT").await?;
    conn.close().await?;
    Ok(Source {
        version,
        clients,
        logins,
        links,
        contacts,
        invites,
    })
}
