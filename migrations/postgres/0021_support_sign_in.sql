-- Support signing in as a client (issue 28). The same SQL on both databases.
--
-- 1. A support sign-in is a session of the user's own, marked with the staff member acting in it
--    (their id and email, the role they held, and the staff session it came from: it ends with
--    that one). Ordinary sessions leave these empty.
ALTER TABLE sessions ADD COLUMN support_staff_id TEXT;
ALTER TABLE sessions ADD COLUMN support_staff_email TEXT;
ALTER TABLE sessions ADD COLUMN support_staff_role TEXT;
ALTER TABLE sessions ADD COLUMN support_staff_session_id TEXT;
CREATE INDEX sessions_by_support_staff ON sessions (support_staff_id);

-- 2. What the user sees on `/me`: every support sign-in, who, when and until when (kept after the
--    session itself is gone; the staff member's email stays after they are removed).
CREATE TABLE support_sign_ins (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id  TEXT NOT NULL,
    staff_email TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    ended_at    BIGINT
);
CREATE INDEX support_sign_ins_by_user ON support_sign_ins (user_id, started_at);

-- 3. A user's allowance (`support.login_as = "with_consent"`): until when support may sign in.
CREATE TABLE support_consents (
    user_id       TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    allowed_at    BIGINT NOT NULL,
    allowed_until BIGINT NOT NULL
);

-- 4. The audit log names the user a staff member acted for in a support sign-in (the actor is the
--    staff member).
ALTER TABLE audit_events ADD COLUMN on_behalf_of TEXT;
