-- Accounts (billable parties), the users who reach them (memberships), their contacts, and the
-- domain events recorded for plugins.
--
-- Exactly one owner per account at every moment (DESIGN.md rule 2), carried by the schema:
--   * accounts.owner_user_id is NOT NULL: never zero owners, never two;
--   * (id, owner_user_id) references memberships: the owner is always a member, so the owner's
--     membership cannot be deleted (checked at commit, so an account and its owner's membership are
--     created in one transaction);
--   * owner_user_id references users without cascade: a user who owns an account cannot be deleted.

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    owner_user_id TEXT NOT NULL REFERENCES users (id),
    company_name  TEXT,
    billing_email TEXT NOT NULL,
    address1      TEXT,
    address2      TEXT,
    city          TEXT,
    state         TEXT,
    postcode      TEXT,
    country       TEXT CHECK (country IS NULL OR length(country) = 2),
    phone         TEXT,
    tax_id        TEXT,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    status        TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'closed')),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX accounts_by_owner ON accounts (owner_user_id);

CREATE TABLE memberships (
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- JSON array of permission keys; the owner holds every permission whatever this says
    permissions   TEXT NOT NULL,
    added_by_kind TEXT NOT NULL CHECK (added_by_kind IN ('user', 'admin', 'plugin', 'system')),
    added_by_id   TEXT,
    created_at    BIGINT NOT NULL,
    last_login_at BIGINT,
    PRIMARY KEY (account_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

ALTER TABLE accounts ADD CONSTRAINT accounts_owner_is_member
    FOREIGN KEY (id, owner_user_id) REFERENCES memberships (account_id, user_id)
    DEFERRABLE INITIALLY DEFERRED;

-- People who receive an account's emails without logging in. Contacts are not users.
CREATE TABLE contacts (
    id                   TEXT PRIMARY KEY,
    account_id           TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    email                TEXT NOT NULL,
    phone                TEXT,
    -- JSON array of the email kinds this contact receives: billing, support, product, domain, general
    email_preferences    TEXT NOT NULL,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX contacts_by_account ON contacts (account_id, id);

-- Every state change records one event for plugins, in its transaction (DESIGN.md rule 10). The
-- sequence orders them; the plugin host keeps its own delivery state per plugin.
CREATE TABLE domain_events (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    account_id  TEXT,
    user_id     TEXT,
    payload     TEXT NOT NULL,
    occurred_at BIGINT NOT NULL
);
CREATE INDEX domain_events_by_account ON domain_events (account_id, seq);
