-- Sign in with Roster (issue 25): logout. Kept in step with PostgreSQL's 0016.

-- Which apps got tokens from which Roster session: kept while the session lasts (tokens expire
-- and are swept sooner), so that every app is told when the session ends.
CREATE TABLE oauth_session_apps (
    session_id TEXT NOT NULL,
    client_id  TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, client_id)
);

-- Back-channel logout: one row per app to tell that a session ended, written in the transaction
-- that ended it and delivered from the database with retries, as mail is (claimed by one replica
-- at a time; the logout token is signed when it is sent).
CREATE TABLE oauth_logout_outbox (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL,
    session_id      TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    UNIQUE (client_id, session_id)
);
CREATE INDEX oauth_logout_outbox_due ON oauth_logout_outbox (state, next_attempt_at);
