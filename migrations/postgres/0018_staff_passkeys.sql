-- Passkeys for staff (issue 26), and a passkey as a second factor. Kept in step with SQLite's 0018.

-- 1. A staff member may now have a password and a passkey without a TOTP secret (with
--    `staff.require_passkey` the setup link enrols a passkey instead).
ALTER TABLE staff DROP CONSTRAINT staff_check;
ALTER TABLE staff ADD CONSTRAINT staff_totp_needs_password
    CHECK (totp_secret IS NULL OR password_hash IS NOT NULL);

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
