-- Passkeys (issue 26): a user's WebAuthn credentials, and the ceremonies in progress. The same
-- SQL on both databases.

-- One row per passkey. `credential` is the verified credential as the WebAuthn library keeps it
-- (its public key, counter and flags, as JSON); the columns beside it are what pages and the API
-- show, and what sign-in looks up.
CREATE TABLE passkeys (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The credential id, base64url: unique across every user (an authenticator may not be
    -- registered twice).
    credential_id   TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    credential      TEXT NOT NULL,
    -- The authenticator's model (AAGUID), when it told; shown, never trusted.
    aaguid          TEXT,
    backup_eligible BIGINT NOT NULL CHECK (backup_eligible IN (0, 1)),
    sign_count      BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- A registration or sign-in in progress: the library's state between the two calls, kept here so
-- that any replica may finish it. Found by the SHA-256 of the token handed to whoever began it;
-- used once; lives five minutes.
CREATE TABLE passkey_ceremonies (
    token_hash TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('register', 'sign_in')),
    -- The user and session that began a registration (none for a sign-in).
    user_id    TEXT REFERENCES users (id) ON DELETE CASCADE,
    session_id TEXT,
    state      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_by_expiry ON passkey_ceremonies (expires_at);
