-- Numbers and imports (WHMCS import, issue 14).
--
-- Accounts, users and contacts get a stable integer `number`, drawn from a sequence when a row is
-- inserted without one: what support staff ask a customer for, and the integer id of the
-- WHMCS-compatible API. An imported row keeps its WHMCS id as its number where it is free. Whoever
-- inserts an explicit number first raises the sequence past it (`db::raise_sequence`), so a drawn
-- number never meets one given by hand. Numbers are never reused.
--
-- SQLite has no sequences: `number_sequences` holds the last value drawn, and a trigger draws one
-- for a row inserted without a number (all writes take the database's write lock, so draws are one
-- at a time).

CREATE TABLE number_sequences (
    name       TEXT PRIMARY KEY,
    last_value BIGINT NOT NULL
);

ALTER TABLE accounts ADD COLUMN number BIGINT;
ALTER TABLE users ADD COLUMN number BIGINT;
ALTER TABLE contacts ADD COLUMN number BIGINT;

-- Rows that exist already are numbered in the order they were created.
UPDATE accounts SET number = (
    SELECT count(*) FROM accounts a
    WHERE a.created_at < accounts.created_at OR (a.created_at = accounts.created_at AND a.id <= accounts.id)
);
UPDATE users SET number = (
    SELECT count(*) FROM users u
    WHERE u.created_at < users.created_at OR (u.created_at = users.created_at AND u.id <= users.id)
);
UPDATE contacts SET number = (
    SELECT count(*) FROM contacts c
    WHERE c.created_at < contacts.created_at OR (c.created_at = contacts.created_at AND c.id <= contacts.id)
);
INSERT INTO number_sequences (name, last_value) SELECT 'accounts', COALESCE(MAX(number), 0) FROM accounts;
INSERT INTO number_sequences (name, last_value) SELECT 'users', COALESCE(MAX(number), 0) FROM users;
INSERT INTO number_sequences (name, last_value) SELECT 'contacts', COALESCE(MAX(number), 0) FROM contacts;

CREATE UNIQUE INDEX accounts_by_number ON accounts (number);
CREATE UNIQUE INDEX users_by_number ON users (number);
CREATE UNIQUE INDEX contacts_by_number ON contacts (number);

CREATE TRIGGER accounts_draw_number AFTER INSERT ON accounts WHEN NEW.number IS NULL
BEGIN
    UPDATE number_sequences SET last_value = last_value + 1 WHERE name = 'accounts';
    UPDATE accounts SET number = (SELECT last_value FROM number_sequences WHERE name = 'accounts')
    WHERE id = NEW.id;
END;
CREATE TRIGGER users_draw_number AFTER INSERT ON users WHEN NEW.number IS NULL
BEGIN
    UPDATE number_sequences SET last_value = last_value + 1 WHERE name = 'users';
    UPDATE users SET number = (SELECT last_value FROM number_sequences WHERE name = 'users')
    WHERE id = NEW.id;
END;
CREATE TRIGGER contacts_draw_number AFTER INSERT ON contacts WHEN NEW.number IS NULL
BEGIN
    UPDATE number_sequences SET last_value = last_value + 1 WHERE name = 'contacts';
    UPDATE contacts SET number = (SELECT last_value FROM number_sequences WHERE name = 'contacts')
    WHERE id = NEW.id;
END;

-- A user whose second factor could not be carried over from the old system: told at login to set
-- it up again (cleared when they do).
ALTER TABLE users ADD COLUMN totp_reenrol_at BIGINT;

-- Where imported rows came from: one row per source row (a WHMCS client, contact, user, sub-account
-- or user-client link), the Roster row it became, and what was imported last time (`snapshot`, JSON;
-- secrets only as SHA-256), so that a second run brings only what changed in the source.
CREATE TABLE import_sources (
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    source_id   BIGINT NOT NULL,
    roster_id   TEXT NOT NULL,
    snapshot    TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_sources_by_roster_id ON import_sources (roster_id);
