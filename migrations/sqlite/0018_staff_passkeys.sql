-- no-transaction
-- Passkeys for staff (issue 26), and a passkey as a second factor. Kept in step with PostgreSQL's
-- 0018.
--
-- 1. A staff member may now have a password and a passkey without a TOTP secret (with
--    `staff.require_passkey` the setup link enrols a passkey instead): the check that a password
--    comes with a TOTP secret becomes "no TOTP secret without a password". SQLite cannot drop a
--    check, so the table is rebuilt (its 12-step way: foreign keys off around one transaction, so
--    that dropping the old table cascades to nothing; the check at the end proves every
--    reference still holds).
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE staff_next (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    role             TEXT NOT NULL CHECK (role IN ('administrator', 'support')),
    status           TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    password_hash    TEXT,
    totp_secret      TEXT,
    totp_last_step   BIGINT,
    last_login_at    BIGINT,
    last_login_ip    TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    CHECK (totp_secret IS NULL OR password_hash IS NOT NULL)
);
INSERT INTO staff_next (id, email, email_normalized, role, status, password_hash, totp_secret,
                        totp_last_step, last_login_at, last_login_ip, created_at, updated_at)
    SELECT id, email, email_normalized, role, status, password_hash, totp_secret,
           totp_last_step, last_login_at, last_login_ip, created_at, updated_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_next RENAME TO staff;

-- 2. A staff member's passkeys: the same shape as a user's (0017).
CREATE TABLE staff_passkeys (
    id              TEXT PRIMARY KEY,
    staff_id        TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    credential_id   TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    credential      TEXT NOT NULL,
    aaguid          TEXT,
    backup_eligible BIGINT NOT NULL CHECK (backup_eligible IN (0, 1)),
    sign_count      BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX staff_passkeys_by_staff ON staff_passkeys (staff_id);

-- 3. Ceremonies: whose (a user's or a staff member's, so no foreign key), and what for: a
--    registration, a sign-in with a passkey alone, or a passkey as the second factor after a
--    password. Ceremonies live five minutes: the old table's rows are dropped, not moved.
DROP TABLE passkey_ceremonies;
CREATE TABLE passkey_ceremonies (
    token_hash TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('register', 'sign_in', 'second_factor')),
    subject    TEXT NOT NULL CHECK (subject IN ('user', 'staff')),
    -- Who began it and what it is bound to: the session of a registration (or a staff member's
    -- setup link), the sign-in challenge of a second factor; none for a sign-in with a passkey
    -- alone.
    subject_id TEXT,
    bound_to   TEXT,
    state      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_by_expiry ON passkey_ceremonies (expires_at);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
