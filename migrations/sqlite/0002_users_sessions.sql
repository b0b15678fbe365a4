-- Users (logins), their sessions, one-time email links, admin API tokens and rate-limit counters.
-- Times are unix milliseconds; secrets are stored only as hashes (argon2id for passwords and
-- security answers, SHA-256 for random tokens and backup codes).

CREATE TABLE users (
    id                   TEXT PRIMARY KEY,
    email                TEXT NOT NULL,
    -- lower-cased email: the case-insensitive uniqueness of DESIGN.md §1
    email_normalized     TEXT NOT NULL UNIQUE,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    language             TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    email_verified_at    BIGINT,
    status               TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    totp_secret          TEXT,
    totp_pending_secret  TEXT,
    totp_enabled_at      BIGINT,
    -- the last TOTP time step accepted: a code is never accepted twice
    totp_last_step       BIGINT,
    security_question    TEXT,
    security_answer_hash TEXT,
    last_login_at        BIGINT,
    last_login_ip        TEXT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    CHECK ((security_question IS NULL) = (security_answer_hash IS NULL))
);

CREATE TABLE user_backup_codes (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    ip           TEXT,
    user_agent   TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Email verification and password reset links.
CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
    email      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX user_tokens_by_user ON user_tokens (user_id, purpose);

CREATE TABLE admin_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
-- A name is unique among the tokens still in use.
CREATE UNIQUE INDEX admin_tokens_live_name ON admin_tokens (name) WHERE revoked_at IS NULL;

-- Fixed-window counters, incremented atomically before the guarded action.
CREATE TABLE rate_limits (
    bucket       TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL
);
