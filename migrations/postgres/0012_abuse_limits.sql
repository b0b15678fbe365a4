-- Abuse limits (issue 23); kept in step with SQLite's 0012.
-- 1. An email change takes effect from a link sent to the new address.
ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'password_reset', 'change_email'));

-- 2. Device cookies (only the token's SHA-256 is kept).
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

-- 3. A sign-in challenge may ask for a one-time code sent to the mailbox.
ALTER TABLE login_challenges ADD COLUMN mail_code_hash TEXT;

-- 4. A message with a one-time link or code keeps it only until the link expires: then its values
--    are erased even if it was never sent (a failed message never holds a working link).
ALTER TABLE mail_outbox ADD COLUMN values_expire_at BIGINT;
