-- Sign in with Roster (issue 25): what a sign-in gives an app. Kept in step with PostgreSQL's 0015.

-- How the person proved who they are when the session began (RFC 8176 `amr` values, space
-- separated): `pwd`, then `otp mfa` after a second factor. A session's created_at is its auth_time.
ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT 'pwd';

-- The scopes a person allowed an app (space separated, sorted); withdrawn from /me.
CREATE TABLE oauth_consents (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id  TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    scopes     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, client_id)
);

-- An authorization code (its SHA-256): lives 60 seconds, works once. `grant_id` names everything
-- issued from it, so that a second use revokes the tokens of the first.
CREATE TABLE oauth_codes (
    code_hash      TEXT PRIMARY KEY,
    grant_id       TEXT NOT NULL,
    client_id      TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id     TEXT NOT NULL,
    account_id     TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    scopes         TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    nonce          TEXT,
    code_challenge TEXT,
    auth_time      BIGINT NOT NULL,
    amr            TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    used_at        BIGINT
);
CREATE INDEX oauth_codes_by_expiry ON oauth_codes (expires_at);

-- Access and refresh tokens (their SHA-256). A refresh token is rotated on use: the used one
-- stays (used_at) until it expires, so that presenting it again is seen and revokes its grant.
-- `session_id` is the Roster session the grant came from: when it ends, the grant's tokens go.
CREATE TABLE oauth_tokens (
    token_hash TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    grant_id   TEXT NOT NULL,
    client_id  TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    scopes     TEXT NOT NULL,
    auth_time  BIGINT NOT NULL,
    amr        TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX oauth_tokens_by_grant ON oauth_tokens (grant_id);
CREATE INDEX oauth_tokens_by_session ON oauth_tokens (session_id);
CREATE INDEX oauth_tokens_by_user ON oauth_tokens (user_id, client_id);
CREATE INDEX oauth_tokens_by_expiry ON oauth_tokens (expires_at);
