-- The second step of a sign-in on the pages: after the password was right, the browser holds a
-- challenge (only its SHA-256 is stored) that a TOTP or backup code turns into a session.
-- Short-lived; a used or expired one is deleted.
CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX login_challenges_by_user ON login_challenges (user_id);
