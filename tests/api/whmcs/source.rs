//! WHMCS-shaped source databases on the test MariaDB: the tables of WHMCS 7.8 and 8.x (the columns
//! the import reads, with WHMCS's types and defaults; ../shared/WHMCS.md part B), created fresh per
//! test and dropped afterwards.

use md5::{Digest, Md5};
use sqlx::mysql::MySqlConnection;
use sqlx::{Connection, Executor};

/// Where the test MariaDB is (`TEST_MYSQL_URL`, default `mysql://root@127.0.0.1:3306`).
pub fn mysql_admin_url() -> String {
    std::env::var("TEST_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306".to_owned())
}

/// A fresh WHMCS database; dropped with the value.
pub struct Whmcs {
    pub name: String,
    pub url: String,
}

const CLIENTS: &str = "CREATE TABLE tblclients (
    id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uuid varchar(255) NOT NULL DEFAULT '',
    firstname text NOT NULL, lastname text NOT NULL, companyname text NOT NULL,
    email text NOT NULL, address1 text NOT NULL, address2 text NOT NULL, city text NOT NULL,
    state text NOT NULL, postcode text NOT NULL, country text NOT NULL, phonenumber text NOT NULL,
    tax_id varchar(128) NOT NULL DEFAULT '',
    password text NOT NULL, authmodule text NOT NULL, authdata text NOT NULL,
    currency int(10) NOT NULL DEFAULT 1,
    datecreated date NOT NULL,
    securityqid int(10) NOT NULL DEFAULT 0, securityqans text NOT NULL,
    lastlogin datetime DEFAULT NULL, ip text NOT NULL, host text NOT NULL,
    status enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active',
    language text NOT NULL,
    email_verified tinyint(1) NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',
    updated_at timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci";

const CONTACTS: &str = "CREATE TABLE tblcontacts (
    id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY,
    userid int(10) NOT NULL,
    firstname text NOT NULL, lastname text NOT NULL, companyname text NOT NULL,
    email text NOT NULL, address1 text NOT NULL, address2 text NOT NULL, city text NOT NULL,
    state text NOT NULL, postcode text NOT NULL, country text NOT NULL, phonenumber text NOT NULL,
    tax_id varchar(128) NOT NULL DEFAULT '',
    subaccount int(1) NOT NULL DEFAULT 0,
    password text NOT NULL, permissions text NOT NULL,
    domainemails int(1) NOT NULL DEFAULT 0, generalemails int(1) NOT NULL DEFAULT 0,
    invoiceemails int(1) NOT NULL DEFAULT 0, productemails int(1) NOT NULL DEFAULT 0,
    supportemails int(1) NOT NULL DEFAULT 0, affiliateemails int(1) NOT NULL DEFAULT 0,
    pwresetkey text NOT NULL,
    created_at timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',
    updated_at timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',
    pwresetexpiry timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci";

const OTHERS: [&str; 2] = [
    "CREATE TABLE tbladminsecurityquestions (
        id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, question text NOT NULL,
        created_at timestamp NULL, updated_at timestamp NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8",
    "CREATE TABLE tblcurrencies (
        id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, code text NOT NULL, prefix text NOT NULL,
        suffix text NOT NULL, format int(1) NOT NULL, rate decimal(10,5) NOT NULL DEFAULT 1,
        `default` int(1) NOT NULL DEFAULT 0
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8",
];

const EIGHT: [&str; 3] = [
    "CREATE TABLE tblusers (
        id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
        first_name varchar(255) NOT NULL DEFAULT '', last_name varchar(255) NOT NULL DEFAULT '',
        email varchar(255) NOT NULL DEFAULT '', password varchar(255) NOT NULL DEFAULT '',
        language varchar(32) NOT NULL DEFAULT '',
        second_factor varchar(255) NOT NULL DEFAULT '', second_factor_config text,
        remember_token varchar(100) NOT NULL DEFAULT '', reset_token varchar(255) NOT NULL DEFAULT '',
        security_question_id int(10) unsigned NOT NULL DEFAULT 0,
        security_question_answer varchar(255) NOT NULL DEFAULT '',
        last_ip varchar(64) NOT NULL DEFAULT '', last_hostname varchar(255) NOT NULL DEFAULT '',
        last_login timestamp NULL DEFAULT NULL,
        email_verification_token varchar(100) NOT NULL DEFAULT '',
        email_verification_token_expiry timestamp NULL DEFAULT NULL,
        email_verified_at timestamp NULL DEFAULT NULL, reset_token_expiry timestamp NULL DEFAULT NULL,
        created_at timestamp NULL DEFAULT NULL, updated_at timestamp NULL DEFAULT NULL,
        UNIQUE KEY tblusers_email_unique (email)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci",
    "CREATE TABLE tblusers_clients (
        id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
        auth_user_id int(10) unsigned NOT NULL DEFAULT 0, client_id int(10) unsigned NOT NULL DEFAULT 0,
        invite_id int(10) unsigned NOT NULL DEFAULT 0, owner tinyint(3) unsigned NOT NULL DEFAULT 0,
        permissions text, last_login timestamp NULL DEFAULT NULL,
        created_at timestamp NULL DEFAULT NULL, updated_at timestamp NULL DEFAULT NULL,
        UNIQUE KEY user_id_client_id (auth_user_id, client_id), KEY client_id_owner_idx (client_id, owner)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci",
    "CREATE TABLE tbluser_invites (
        id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
        token varchar(100) NOT NULL DEFAULT '', email varchar(255) NOT NULL DEFAULT '',
        client_id int(10) unsigned NOT NULL DEFAULT 0, invited_by int(10) unsigned NOT NULL DEFAULT 0,
        invited_by_admin tinyint(1) NOT NULL DEFAULT 0, permissions text,
        accepted_at timestamp NULL DEFAULT NULL, created_at timestamp NULL DEFAULT NULL,
        updated_at timestamp NULL DEFAULT NULL, deleted_at timestamp NULL DEFAULT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci",
];

impl Whmcs {
    /// An empty database with the WHMCS 7 tables (`eight`: and WHMCS 8's user tables).
    pub async fn create(eight: bool) -> Whmcs {
        let name = format!("whmcs_{}", uuid::Uuid::new_v4().simple());
        let mut admin = MySqlConnection::connect(&mysql_admin_url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "MariaDB is needed for the import tests at {} (set TEST_MYSQL_URL): {e}",
                    mysql_admin_url()
                )
            });
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        admin.close().await.unwrap();
        let whmcs = Whmcs {
            url: format!("{}/{name}", mysql_admin_url()),
            name,
        };
        let mut statements = vec![CLIENTS, CONTACTS];
        statements.extend(OTHERS);
        if eight {
            statements.extend(EIGHT);
        }
        for sql in statements {
            whmcs.run(sql).await;
        }
        whmcs
            .run(
                "INSERT INTO tblcurrencies (id, code, prefix, suffix, format, `default`) VALUES \
                 (1, 'USD', '$', ' USD', 1, 1), (2, 'EUR', '€', ' EUR', 1, 0)",
            )
            .await;
        whmcs
            .run(
                "INSERT INTO tbladminsecurityquestions (id, question) VALUES \
                 (1, 'Name of your first pet?')",
            )
            .await;
        whmcs
    }

    /// Runs statements (`;`-separated is not allowed: one each).
    pub async fn run(&self, sql: &str) {
        let mut conn = MySqlConnection::connect(&self.url).await.unwrap();
        conn.execute(sqlx::AssertSqlSafe(sql.to_owned()))
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        conn.close().await.unwrap();
    }

    /// A WHMCS 7 client with its login; `extra` sets more columns (`("companyname", "Acme")`).
    pub async fn client(&self, id: i64, email: &str, password: &str, extra: &[(&str, &str)]) {
        let mut columns = vec![
            ("firstname", "Client".to_owned()),
            ("lastname", format!("Number{id}")),
            ("email", email.to_owned()),
            ("password", password.to_owned()),
        ];
        for (k, v) in extra {
            columns.retain(|(c, _)| c != k);
            columns.push((k, (*v).to_owned()));
        }
        let empty_text = [
            "firstname",
            "lastname",
            "companyname",
            "email",
            "address1",
            "address2",
            "city",
            "state",
            "postcode",
            "country",
            "phonenumber",
            "password",
            "authmodule",
            "authdata",
            "securityqans",
            "ip",
            "host",
            "language",
        ];
        for column in empty_text {
            if !columns.iter().any(|(c, _)| *c == column) {
                columns.push((column, String::new()));
            }
        }
        if !columns.iter().any(|(c, _)| *c == "datecreated") {
            columns.push(("datecreated", "2019-05-04".to_owned()));
        }
        self.insert("tblclients", id, &columns).await;
    }

    /// A contact of `client`; a sub-account when `password` is given (with `permissions`).
    pub async fn contact(
        &self,
        id: i64,
        client: i64,
        email: &str,
        subaccount: Option<(&str, &str)>,
        extra: &[(&str, &str)],
    ) {
        let mut columns = vec![
            ("userid", client.to_string()),
            ("firstname", "Contact".to_owned()),
            ("lastname", format!("Number{id}")),
            ("email", email.to_owned()),
        ];
        if let Some((password, permissions)) = subaccount {
            columns.push(("subaccount", "1".to_owned()));
            columns.push(("password", password.to_owned()));
            columns.push(("permissions", permissions.to_owned()));
        }
        for (k, v) in extra {
            columns.retain(|(c, _)| c != k);
            columns.push((k, (*v).to_owned()));
        }
        for column in [
            "companyname",
            "address1",
            "address2",
            "city",
            "state",
            "postcode",
            "country",
            "phonenumber",
            "password",
            "permissions",
            "pwresetkey",
        ] {
            if !columns.iter().any(|(c, _)| *c == column) {
                columns.push((column, String::new()));
            }
        }
        self.insert("tblcontacts", id, &columns).await;
    }

    pub async fn insert(&self, table: &str, id: i64, columns: &[(&str, String)]) {
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let marks = vec!["?"; columns.len()].join(", ");
        let sql = format!(
            "INSERT INTO {table} (id, {}) VALUES ({id}, {marks})",
            names.join(", ")
        );
        let mut conn = MySqlConnection::connect(&self.url).await.unwrap();
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (_, value) in columns {
            query = query.bind(value.clone());
        }
        query.execute(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    }

    /// How many rows `table` has.
    pub async fn count(&self, table: &str) -> i64 {
        let mut conn = MySqlConnection::connect(&self.url).await.unwrap();
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&mut conn)
                .await
                .unwrap();
        conn.close().await.unwrap();
        n
    }
}

impl Drop for Whmcs {
    fn drop(&mut self) {
        let name = self.name.clone();
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(mut admin) = MySqlConnection::connect(&mysql_admin_url()).await {
                    let _ = admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name}"
                        )))
                        .await;
                }
            });
        })
        .join();
    }
}

/// A password hash the way WHMCS 6.3+ made it: PHP's `password_hash` (bcrypt, `$2y$`).
pub fn bcrypt_hash(password: &str) -> String {
    bcrypt::hash(password, 4)
        .unwrap()
        .replacen("$2b$", "$2y$", 1)
}

/// A password hash the way WHMCS 4.2–6.2 made it: `md5(salt . password):salt`.
pub fn salted_md5(password: &str, salt: &str) -> String {
    let mut md5 = Md5::new();
    md5.update(salt.as_bytes());
    md5.update(password.as_bytes());
    format!("{}:{salt}", hex::encode(md5.finalize()))
}

/// WHMCS's TOTP module data for a base32 secret (a PHP-serialised array).
pub fn totp_authdata(secret: &str) -> String {
    format!("a:1:{{s:6:\"secret\";s:{}:\"{secret}\";}}", secret.len())
}
