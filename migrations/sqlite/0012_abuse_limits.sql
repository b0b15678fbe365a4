-- Abuse limits (issue 23).
-- 1. An email change takes effect from a link sent to the new address: a third kind of one-time
--    link. SQLite cannot change a CHECK constraint, so the table is made again.
CREATE TABLE user_tokens_next (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset', 'change_email')),
    email      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
INSERT INTO user_tokens_next (token_hash, user_id, purpose, email, created_at, expires_at, used_at)
    SELECT token_hash, user_id, purpose, email, created_at, expires_at, used_at FROM user_tokens;
DROP TABLE user_tokens;
ALTER TABLE user_tokens_next RENAME TO user_tokens;
CREATE INDEX user_tokens_by_user ON user_tokens (user_id, purpose);

-- 2. Device cookies: a browser that signed in as a user gets a token (only its SHA-256 is kept)
--    that lets it past the per-email sign-in limit a stranger may have used up. Staff too.
CREATE TABLE trusted_devices (
    token_hash   TEXT PRIMARY KEY,
    -- 'user' (client area) or 'staff' (admin area); no foreign key, as the subject is one of two
    -- tables: a device of a deleted login matches no one, and the sweeper removes it once expired.
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'staff')),
    subject_id   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX trusted_devices_by_subject ON trusted_devices (subject_kind, subject_id);

-- 3. A sign-in challenge may ask for a one-time code sent to the mailbox (a user whose WHMCS
--    second factor could not be carried over, until they enrol again): its SHA-256.
ALTER TABLE login_challenges ADD COLUMN mail_code_hash TEXT;

-- 4. A message with a one-time link or code keeps it only until the link expires: then its values
--    are erased even if it was never sent (a failed message never holds a working link).
ALTER TABLE mail_outbox ADD COLUMN values_expire_at BIGINT;
