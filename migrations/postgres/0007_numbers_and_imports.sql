-- Numbers and imports (WHMCS import, issue 14).
--
-- Accounts, users and contacts get a stable integer `number`, drawn from a sequence when a row is
-- inserted without one: what support staff ask a customer for, and the integer id of the
-- WHMCS-compatible API. An imported row keeps its WHMCS id as its number where it is free. Whoever
-- inserts an explicit number first raises the sequence past it (`db::raise_sequence`), so a drawn
-- number never meets one given by hand. Numbers are never reused.

CREATE SEQUENCE account_numbers;
CREATE SEQUENCE user_numbers;
CREATE SEQUENCE contact_numbers;

ALTER TABLE accounts ADD COLUMN number BIGINT;
ALTER TABLE users ADD COLUMN number BIGINT;
ALTER TABLE contacts ADD COLUMN number BIGINT;

-- Rows that exist already are numbered in the order they were created.
UPDATE accounts SET number = n.number
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS number FROM accounts) AS n
WHERE accounts.id = n.id;
UPDATE users SET number = n.number
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS number FROM users) AS n
WHERE users.id = n.id;
UPDATE contacts SET number = n.number
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS number FROM contacts) AS n
WHERE contacts.id = n.id;
SELECT setval('account_numbers', COALESCE((SELECT MAX(number) FROM accounts), 0) + 1, false);
SELECT setval('user_numbers', COALESCE((SELECT MAX(number) FROM users), 0) + 1, false);
SELECT setval('contact_numbers', COALESCE((SELECT MAX(number) FROM contacts), 0) + 1, false);

ALTER TABLE accounts
    ALTER COLUMN number SET DEFAULT nextval('account_numbers'),
    ALTER COLUMN number SET NOT NULL,
    ADD CONSTRAINT accounts_number_unique UNIQUE (number);
ALTER TABLE users
    ALTER COLUMN number SET DEFAULT nextval('user_numbers'),
    ALTER COLUMN number SET NOT NULL,
    ADD CONSTRAINT users_number_unique UNIQUE (number);
ALTER TABLE contacts
    ALTER COLUMN number SET DEFAULT nextval('contact_numbers'),
    ALTER COLUMN number SET NOT NULL,
    ADD CONSTRAINT contacts_number_unique UNIQUE (number);
-- A row inserted with a NULL number draws one, as on SQLite (a column default covers only rows
-- that leave the column out).
CREATE FUNCTION roster_draw_number() RETURNS trigger AS $$
BEGIN
    IF NEW.number IS NULL THEN
        NEW.number := nextval(TG_ARGV[0]::regclass);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_draw_number BEFORE INSERT ON accounts
    FOR EACH ROW EXECUTE FUNCTION roster_draw_number('account_numbers');
CREATE TRIGGER users_draw_number BEFORE INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION roster_draw_number('user_numbers');
CREATE TRIGGER contacts_draw_number BEFORE INSERT ON contacts
    FOR EACH ROW EXECUTE FUNCTION roster_draw_number('contact_numbers');
ALTER SEQUENCE account_numbers OWNED BY accounts.number;
ALTER SEQUENCE user_numbers OWNED BY users.number;
ALTER SEQUENCE contact_numbers OWNED BY contacts.number;

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
