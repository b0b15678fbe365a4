//! The WHMCS import at scale: a WHMCS 7 database with 100,000 clients and 50,000 sub-accounts
//! (bcrypt hashes; 10% with TOTP; 2% with a security question; 1% of the sub-accounts are one web
//! designer's email on many clients), imported into SQLite and into PostgreSQL, then imported again
//! with nothing changed (the cut-over run). Prints the time and the source rows per second.
//!
//! `cargo bench -p roster --bench whmcs_import` (MariaDB at `TEST_MYSQL_URL`, default
//! `mysql://root@127.0.0.1:3306`; PostgreSQL at `TEST_POSTGRES_URL`; databases are created and
//! dropped). `BENCH_CLIENTS=N` imports another number of clients (sub-accounts stay half of it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use roster::import::{Options, run};
use roster::settings::Settings;
use sqlx::mysql::MySqlConnection;
use sqlx::{Connection, Executor, PgConnection};

const ROWS_PER_INSERT: usize = 1000;

fn main() {
    roster::install_crypto_provider();
    let clients: usize = std::env::var("BENCH_CLIENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mysql = std::env::var("TEST_MYSQL_URL")
            .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306".to_owned());
        let name = format!("whmcs_bench_{}", std::process::id());
        let started = Instant::now();
        let source = fill(&mysql, &name, clients).await;
        println!(
            "WHMCS 7 source: {clients} clients, {} sub-accounts, made in {:.1} s",
            clients / 2,
            started.elapsed().as_secs_f64()
        );
        let rows = clients * 2 + clients / 2 * 2; // clients + their logins, sub-accounts + contacts
        println!(
            "{:<10} {:<12} {:>10} {:>14}",
            "database", "run", "seconds", "source rows/s"
        );
        for backend in ["sqlite", "postgres"] {
            let dir = tempfile::tempdir().unwrap();
            let pg_admin = std::env::var("TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
            let pg_name = format!("roster_bench_import_{}", std::process::id());
            let url = match backend {
                "sqlite" => format!("sqlite://{}", dir.path().join("roster.db").display()),
                _ => {
                    let mut admin = PgConnection::connect(&pg_admin).await.unwrap();
                    admin
                        .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {pg_name}")))
                        .await
                        .unwrap();
                    let mut url = url::Url::parse(&pg_admin).unwrap();
                    url.set_path(&pg_name);
                    url.to_string()
                }
            };
            let mut settings = Settings::default();
            settings.database.url = url.parse().unwrap();
            let options = Options {
                from: source.clone(),
                dry_run: false,
                report: None,
                notify_plugins: false,
                progress: false,
            };
            for run_name in ["first", "again"] {
                let started = Instant::now();
                let report = run(&settings, &options).await.unwrap();
                let seconds = started.elapsed().as_secs_f64();
                assert_eq!(report.refused(), 0);
                println!(
                    "{backend:<10} {run_name:<12} {seconds:>10.1} {:>14.0}",
                    rows as f64 / seconds
                );
            }
            if backend == "postgres" {
                let mut admin = PgConnection::connect(&pg_admin).await.unwrap();
                admin
                    .execute(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"
                    )))
                    .await
                    .unwrap();
            }
        }
        let mut admin = MySqlConnection::connect(&mysql).await.unwrap();
        admin
            .execute(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}")))
            .await
            .unwrap();
    });
}

/// Creates the WHMCS 7 database `name` and fills it; answers its URL.
async fn fill(admin_url: &str, name: &str, clients: usize) -> String {
    let mut admin = MySqlConnection::connect(admin_url).await.unwrap();
    admin
        .execute(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name}"
        )))
        .await
        .unwrap();
    admin
        .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .unwrap();
    let url = format!("{admin_url}/{name}");
    let mut conn = MySqlConnection::connect(&url).await.unwrap();
    for sql in [
        "CREATE TABLE tblclients (id int(10) NOT NULL PRIMARY KEY, firstname text NOT NULL, \
         lastname text NOT NULL, companyname text NOT NULL, email text NOT NULL, country text NOT NULL, \
         password text NOT NULL, authmodule text NOT NULL, authdata text NOT NULL, \
         currency int(10) NOT NULL DEFAULT 1, datecreated date NOT NULL, \
         securityqid int(10) NOT NULL DEFAULT 0, securityqans text NOT NULL, \
         status enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active', language text NOT NULL)",
        "CREATE TABLE tblcontacts (id int(10) NOT NULL PRIMARY KEY, userid int(10) NOT NULL, \
         firstname text NOT NULL, lastname text NOT NULL, email text NOT NULL, phonenumber text NOT NULL, \
         subaccount int(1) NOT NULL DEFAULT 0, password text NOT NULL, permissions text NOT NULL, \
         invoiceemails int(1) NOT NULL DEFAULT 0)",
        "CREATE TABLE tbladminsecurityquestions (id int(10) NOT NULL PRIMARY KEY, question text NOT NULL)",
        "CREATE TABLE tblcurrencies (id int(10) NOT NULL PRIMARY KEY, code text NOT NULL)",
        "INSERT INTO tbladminsecurityquestions VALUES (1, 'Name of your first pet?')",
        "INSERT INTO tblcurrencies VALUES (1, 'USD'), (2, 'EUR')",
    ] {
        conn.execute(sql).await.unwrap();
    }
    // A few real bcrypt hashes, shared: the import keeps hashes, it does not check them.
    let hashes: Vec<String> = (0..8)
        .map(|i| bcrypt::hash(format!("password {i}"), 4).unwrap())
        .collect();
    let totp = "a:1:{s:6:\"secret\";s:16:\"JBSWY3DPEHPK3PXP\";}";
    let mut values = Vec::new();
    for id in 1..=clients {
        let (module, data) = if id % 10 == 0 {
            ("totp", totp)
        } else {
            ("", "")
        };
        let (question, answer) = if id % 50 == 0 { (1, "Rex") } else { (0, "") };
        values.push(format!(
            "({id}, 'First{id}', 'Last{id}', 'Company {id}', 'client{id}@example.com', 'DE', '{}', \
             '{module}', '{data}', {}, '2020-01-01', {question}, '{answer}', '{}', 'english')",
            hashes[id % hashes.len()],
            1 + id % 2,
            ["Active", "Inactive", "Closed"][id % 3],
        ));
        if values.len() == ROWS_PER_INSERT {
            insert(&mut conn, "tblclients", &mut values).await;
        }
    }
    insert(&mut conn, "tblclients", &mut values).await;
    for n in 1..=clients / 2 {
        let id = 1_000_000 + n;
        let client = n * 2;
        let email = if n % 100 == 0 {
            "designer@example.com".to_owned()
        } else {
            format!("sub{n}@example.com")
        };
        values.push(format!(
            "({id}, {client}, 'Sub', 'Account{n}', '{email}', '+1 555 0100', 1, '{}', \
             'profile,invoices,tickets', 1)",
            hashes[n % hashes.len()]
        ));
        if values.len() == ROWS_PER_INSERT {
            insert(&mut conn, "tblcontacts", &mut values).await;
        }
    }
    insert(&mut conn, "tblcontacts", &mut values).await;
    conn.close().await.unwrap();
    url
}

async fn insert(conn: &mut MySqlConnection, table: &str, values: &mut Vec<String>) {
    if values.is_empty() {
        return;
    }
    let sql = format!("INSERT INTO {table} VALUES {}", values.join(", "));
    conn.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
    values.clear();
}
