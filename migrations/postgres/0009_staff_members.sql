-- Staff members (DESIGN.md §1): the provider's people, who sign in to the admin area under /admin.
-- They are not users: their own table, sessions and sign-in challenges, so that a client-area
-- session can never open an admin page, nor a staff session a client-area one.
--   role:   'administrator' (everything) or 'support' (reads; invitations and reset links)
--   status: 'active' or 'disabled' (a disabled member cannot sign in; their sessions end)
-- A member has no password and no TOTP secret until they open their setup link, which sets both
-- (TOTP is mandatory). The link's TOTP secret is made with the link and kept with it until used.
CREATE TABLE staff (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    role             TEXT NOT NULL CHECK (role IN ('administrator', 'support')),
    status           TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    password_hash    TEXT,
    totp_secret      TEXT,
    -- the last TOTP time step accepted: a code is never accepted twice
    totp_last_step   BIGINT,
    last_login_at    BIGINT,
    last_login_ip    TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    CHECK ((password_hash IS NULL) = (totp_secret IS NULL))
);

-- One-time setup links (`roster admin staff create` / `link`): a new link replaces the old one.
CREATE TABLE staff_setup_links (
    token_hash  TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL UNIQUE REFERENCES staff (id) ON DELETE CASCADE,
    totp_secret TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE TABLE staff_sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    ip           TEXT,
    user_agent   TEXT
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- Between the password and the TOTP code of a sign-in.
CREATE TABLE staff_login_challenges (
    token_hash TEXT PRIMARY KEY,
    staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_login_challenges_by_staff ON staff_login_challenges (staff_id);

-- The admin area's client list filters by status and pages by id.
CREATE INDEX accounts_by_status ON accounts (status, id);

-- The audit log is paged newest first by id (time-ordered UUIDv7) and filtered by client, user or
-- who did it (`actor_id`: a staff member's email, a token's name): each filter walks its index.
CREATE INDEX audit_events_by_account_id ON audit_events (account_id, id);
CREATE INDEX audit_events_by_user_id ON audit_events (user_id, id);
CREATE INDEX audit_events_by_actor_id ON audit_events (actor_id, id);
