-- Invitations (DESIGN.md §1, rule 7): an offer of access to one account, sent to an email address
-- with a permission set. The token is stored only as its hash; resending replaces it, so the old link
-- stops working. At most one pending invitation per account and address: a new one replaces it.
-- `expired` is written by the sweeper; every read also treats a pending invitation past
-- `expires_at` as expired, so nothing depends on the sweep.
CREATE TABLE invitations (
    id               TEXT PRIMARY KEY,
    account_id       TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    permissions      TEXT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'cancelled', 'expired')),
    invited_by_kind  TEXT NOT NULL CHECK (invited_by_kind IN ('user', 'admin', 'plugin', 'system')),
    invited_by_id    TEXT,
    -- what the invitee is shown: the inviting user's name, or the provider's staff
    invited_by_name  TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    accepted_at      BIGINT,
    accepted_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    ended_at         BIGINT
);
CREATE UNIQUE INDEX invitations_one_pending ON invitations (account_id, email_normalized)
    WHERE state = 'pending';
CREATE INDEX invitations_by_account ON invitations (account_id, state, created_at);
