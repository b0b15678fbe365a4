//! Reading a WHMCS 7 or 8 database (MySQL/MariaDB): read-only, from one consistent snapshot, into
//! plain rows. Columns that a version lacks read as empty, so the same reader serves 7.x and 8.x
//! (../shared/WHMCS.md part B; the decisions are in docs/whmcs-import.md).

use std::collections::{HashMap, HashSet};

use sqlx::mysql::{MySqlConnection, MySqlRow};
use sqlx::{Connection, Executor, Row};

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

/// The columns each table has: what this version of WHMCS stores.
struct Columns(HashMap<String, HashSet<String>>);

impl Columns {
    async fn load(conn: &mut MySqlConnection) -> anyhow::Result<Self> {
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

    fn has_table(&self, table: &str) -> bool {
        self.0.contains_key(table)
    }

    fn has(&self, table: &str, column: &str) -> bool {
        self.0.get(table).is_some_and(|c| c.contains(column))
    }

    /// The column as text ('' when missing or NULL).
    fn text(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!("CAST(COALESCE({alias}.{column}, '') AS CHAR) AS {column}")
        } else {
            format!("'' AS {column}")
        }
    }

    /// The column as an integer (0 when missing or NULL).
    fn int(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!("CAST(COALESCE({alias}.{column}, 0) AS SIGNED) AS {column}")
        } else {
            format!("CAST(0 AS SIGNED) AS {column}")
        }
    }

    /// A date or time column as unix milliseconds (NULL when missing, NULL or zero).
    fn time(&self, table: &str, alias: &str, column: &str) -> String {
        if self.has(table, column) {
            format!(
                "CAST(NULLIF(COALESCE(UNIX_TIMESTAMP({alias}.{column}), 0), 0) * 1000 AS SIGNED) AS {column}"
            )
        } else {
            format!("CAST(NULL AS SIGNED) AS {column}")
        }
    }
}

struct Reader<'a> {
    columns: &'a Columns,
    questions: HashMap<i64, String>,
}

fn text(row: &MySqlRow, column: &str) -> anyhow::Result<String> {
    Ok(row.try_get::<String, _>(column)?.trim().to_owned())
}

fn int(row: &MySqlRow, column: &str) -> anyhow::Result<i64> {
    Ok(row.try_get::<i64, _>(column)?)
}

fn time(row: &MySqlRow, column: &str) -> anyhow::Result<Option<i64>> {
    Ok(row.try_get::<Option<i64>, _>(column)?.filter(|t| *t > 0))
}

async fn questions(
    conn: &mut MySqlConnection,
    columns: &Columns,
) -> anyhow::Result<HashMap<i64, String>> {
    if !columns.has_table("tbladminsecurityquestions") {
        return Ok(HashMap::new());
    }
    let rows = sqlx::query(
        "SELECT CAST(id AS SIGNED) AS id, CAST(COALESCE(question, '') AS CHAR) AS question \
         FROM tbladminsecurityquestions",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok((int(r, "id")?, text(r, "question")?)))
        .collect()
}

impl Reader<'_> {
    fn security(&self, question_id: i64, answer: String) -> Option<(String, String)> {
        let question = self.questions.get(&question_id)?;
        (!question.is_empty() && !answer.is_empty()).then(|| (question.clone(), answer))
    }

    async fn clients(&self, conn: &mut MySqlConnection) -> anyhow::Result<Vec<Client>> {
        let c = self.columns;
        let t = "tblclients";
        let fields = [
            "companyname",
            "email",
            "address1",
            "address2",
            "city",
            "state",
            "postcode",
            "country",
            "phonenumber",
            "tax_id",
            "status",
        ]
        .map(|f| c.text(t, "c", f))
        .join(", ");
        let currency = if c.has_table("tblcurrencies") && c.has(t, "currency") {
            "CAST(COALESCE(cur.code, '') AS CHAR) AS currency_code"
        } else {
            "'' AS currency_code"
        };
        let join = if currency.starts_with("CAST") {
            "LEFT JOIN tblcurrencies cur ON cur.id = c.currency"
        } else {
            ""
        };
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {fields}, {currency}, {created} \
             FROM tblclients c {join} ORDER BY c.id",
            created = c.time(t, "c", "datecreated"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Client {
                    id: int(r, "id")?,
                    company_name: text(r, "companyname")?,
                    email: text(r, "email")?,
                    address1: text(r, "address1")?,
                    address2: text(r, "address2")?,
                    city: text(r, "city")?,
                    state: text(r, "state")?,
                    postcode: text(r, "postcode")?,
                    country: text(r, "country")?,
                    phone: text(r, "phonenumber")?,
                    tax_id: text(r, "tax_id")?,
                    currency: text(r, "currency_code")?,
                    status: text(r, "status")?,
                    created_at: time(r, "datecreated")?,
                })
            })
            .collect()
    }

    async fn contacts(&self, conn: &mut MySqlConnection) -> anyhow::Result<Vec<Contact>> {
        let c = self.columns;
        let t = "tblcontacts";
        if !c.has_table(t) {
            return Ok(Vec::new());
        }
        let fields = ["firstname", "lastname", "email", "phonenumber"]
            .map(|f| c.text(t, "c", f))
            .join(", ");
        let flags = [
            "subaccount",
            "generalemails",
            "invoiceemails",
            "supportemails",
            "productemails",
            "domainemails",
        ]
        .map(|f| c.int(t, "c", f))
        .join(", ");
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, CAST(c.userid AS SIGNED) AS client_id, {fields}, {flags} \
             FROM tblcontacts c ORDER BY c.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                let mut preferences = Vec::new();
                for (column, kind) in [
                    ("generalemails", "general"),
                    ("invoiceemails", "billing"),
                    ("supportemails", "support"),
                    ("productemails", "product"),
                    ("domainemails", "domain"),
                ] {
                    if int(r, column)? != 0 {
                        preferences.push(kind.to_owned());
                    }
                }
                Ok(Contact {
                    id: int(r, "id")?,
                    client_id: int(r, "client_id")?,
                    first_name: text(r, "firstname")?,
                    last_name: text(r, "lastname")?,
                    email: text(r, "email")?,
                    phone: text(r, "phonenumber")?,
                    preferences,
                    subaccount: int(r, "subaccount")? != 0,
                })
            })
            .collect()
    }

    /// WHMCS 7: each client's own login, then each sub-account (a contact with `subaccount = 1`)
    /// with its access to that client.
    async fn seven_logins(
        &self,
        conn: &mut MySqlConnection,
        contacts: &[Contact],
    ) -> anyhow::Result<(Vec<Login>, Vec<Link>)> {
        let c = self.columns;
        let t = "tblclients";
        let fields = [
            "email",
            "firstname",
            "lastname",
            "language",
            "password",
            "authmodule",
            "authdata",
            "securityqans",
            "ip",
        ]
        .map(|f| c.text(t, "c", f))
        .join(", ");
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {fields}, {question}, {verified}, {last}, {created} \
             FROM tblclients c ORDER BY c.id",
            question = c.int(t, "c", "securityqid"),
            verified = c.int(t, "c", "email_verified"),
            last = c.time(t, "c", "lastlogin"),
            created = c.time(t, "c", "datecreated"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        let mut logins = Vec::with_capacity(rows.len());
        for r in &rows {
            logins.push(Login {
                kind: LoginKind::ClientLogin,
                id: int(r, "id")?,
                email: text(r, "email")?,
                first_name: text(r, "firstname")?,
                last_name: text(r, "lastname")?,
                language: text(r, "language")?,
                password: text(r, "password")?,
                second_factor: text(r, "authmodule")?,
                second_factor_config: text(r, "authdata")?,
                security: self.security(int(r, "securityqid")?, text(r, "securityqans")?),
                // The flag has no date: the import's time stands for it (set by the writer).
                email_verified_at: (int(r, "email_verified")? != 0).then_some(0),
                last_login_at: time(r, "lastlogin")?,
                last_ip: text(r, "ip")?,
                created_at: time(r, "datecreated")?,
            });
        }
        let passwords = self.subaccount_passwords(conn).await?;
        let mut links = Vec::new();
        for contact in contacts.iter().filter(|c| c.subaccount) {
            let (password, permissions) = passwords.get(&contact.id).cloned().unwrap_or_default();
            logins.push(Login {
                kind: LoginKind::SubAccount,
                id: contact.id,
                email: contact.email.clone(),
                first_name: contact.first_name.clone(),
                last_name: contact.last_name.clone(),
                language: String::new(),
                password,
                second_factor: String::new(),
                second_factor_config: String::new(),
                security: None,
                email_verified_at: None,
                last_login_at: None,
                last_ip: String::new(),
                created_at: None,
            });
            links.push(Link {
                kind: "subaccount_access",
                id: contact.id,
                login: (LoginKind::SubAccount, contact.id),
                client_id: contact.client_id,
                owner: false,
                permissions,
            });
        }
        Ok((logins, links))
    }

    /// Sub-accounts' password hashes and permission lists, by contact id.
    async fn subaccount_passwords(
        &self,
        conn: &mut MySqlConnection,
    ) -> anyhow::Result<HashMap<i64, (String, String)>> {
        let c = self.columns;
        let t = "tblcontacts";
        if !c.has(t, "subaccount") {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT CAST(c.id AS SIGNED) AS id, {}, {} FROM tblcontacts c WHERE c.subaccount = 1",
            c.text(t, "c", "password"),
            c.text(t, "c", "permissions"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    int(r, "id")?,
                    (text(r, "password")?, text(r, "permissions")?),
                ))
            })
            .collect()
    }

    /// WHMCS 8: `tblusers`, and their links to clients (owners first within a client).
    async fn eight_logins(
        &self,
        conn: &mut MySqlConnection,
    ) -> anyhow::Result<(Vec<Login>, Vec<Link>)> {
        let c = self.columns;
        let t = "tblusers";
        let fields = [
            "email",
            "first_name",
            "last_name",
            "language",
            "password",
            "second_factor",
            "second_factor_config",
            "security_question_answer",
            "last_ip",
        ]
        .map(|f| c.text(t, "u", f))
        .join(", ");
        let sql = format!(
            "SELECT CAST(u.id AS SIGNED) AS id, {fields}, {question}, {verified}, {last}, {created} \
             FROM tblusers u ORDER BY u.id",
            question = c.int(t, "u", "security_question_id"),
            verified = c.time(t, "u", "email_verified_at"),
            last = c.time(t, "u", "last_login"),
            created = c.time(t, "u", "created_at"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        let mut logins = Vec::with_capacity(rows.len());
        for r in &rows {
            logins.push(Login {
                kind: LoginKind::User,
                id: int(r, "id")?,
                email: text(r, "email")?,
                first_name: text(r, "first_name")?,
                last_name: text(r, "last_name")?,
                language: text(r, "language")?,
                password: text(r, "password")?,
                second_factor: text(r, "second_factor")?,
                second_factor_config: text(r, "second_factor_config")?,
                security: self.security(
                    int(r, "security_question_id")?,
                    text(r, "security_question_answer")?,
                ),
                email_verified_at: time(r, "email_verified_at")?,
                last_login_at: time(r, "last_login")?,
                last_ip: text(r, "last_ip")?,
                created_at: time(r, "created_at")?,
            });
        }
        let sql = format!(
            "SELECT CAST(l.id AS SIGNED) AS id, CAST(l.auth_user_id AS SIGNED) AS user_id, \
               CAST(l.client_id AS SIGNED) AS client_id, {owner}, {permissions} \
             FROM tblusers_clients l ORDER BY l.client_id, l.owner DESC, l.id",
            owner = c.int("tblusers_clients", "l", "owner"),
            permissions = c.text("tblusers_clients", "l", "permissions"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        let links = rows
            .iter()
            .map(|r| {
                Ok(Link {
                    kind: "user_client",
                    id: int(r, "id")?,
                    login: (LoginKind::User, int(r, "user_id")?),
                    client_id: int(r, "client_id")?,
                    owner: int(r, "owner")? != 0,
                    permissions: text(r, "permissions")?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok((logins, links))
    }
}

impl Reader<'_> {
    /// WHMCS 8's invitations that are still open: not accepted, not deleted.
    async fn invites(&self, conn: &mut MySqlConnection) -> anyhow::Result<Vec<Invite>> {
        let c = self.columns;
        let t = "tbluser_invites";
        if !c.has_table(t) {
            return Ok(Vec::new());
        }
        let open = ["accepted_at", "deleted_at"]
            .iter()
            .filter(|column| c.has(t, column))
            .map(|column| format!("i.{column} IS NULL"))
            .collect::<Vec<_>>();
        let filter = if open.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", open.join(" AND "))
        };
        let sql = format!(
            "SELECT CAST(i.id AS SIGNED) AS id, {token}, {email}, {client}, {by}, {by_admin}, \
               {permissions}, {created} FROM tbluser_invites i {filter} ORDER BY i.id",
            token = c.text(t, "i", "token"),
            email = c.text(t, "i", "email"),
            client = c.int(t, "i", "client_id"),
            by = c.int(t, "i", "invited_by"),
            by_admin = c.int(t, "i", "invited_by_admin"),
            permissions = c.text(t, "i", "permissions"),
            created = c.time(t, "i", "created_at"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Invite {
                    id: int(r, "id")?,
                    token: text(r, "token")?,
                    email: text(r, "email")?,
                    client_id: int(r, "client_id")?,
                    invited_by: int(r, "invited_by")?,
                    invited_by_admin: int(r, "invited_by_admin")? != 0,
                    permissions: text(r, "permissions")?,
                    created_at: time(r, "created_at")?,
                })
            })
            .collect()
    }
}
