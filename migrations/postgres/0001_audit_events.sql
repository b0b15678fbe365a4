-- The audit log (DESIGN.md §1): who (user, admin, plugin, system) did what, to which account and user,
-- from which IP, when, with the before/after where it matters. Rows are only ever inserted.
-- Portable types only (see docs/architecture.md): ids are text, times are unix milliseconds, JSON is text.
CREATE TABLE audit_events (
    id          TEXT PRIMARY KEY,
    occurred_at BIGINT NOT NULL,
    actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('user', 'admin', 'plugin', 'system')),
    actor_id    TEXT,
    action      TEXT NOT NULL,
    account_id  TEXT,
    user_id     TEXT,
    ip          TEXT,
    before_json TEXT,
    after_json  TEXT
);

CREATE INDEX audit_events_by_time ON audit_events (occurred_at, id);
CREATE INDEX audit_events_by_account ON audit_events (account_id, occurred_at);
CREATE INDEX audit_events_by_user ON audit_events (user_id, occurred_at);
CREATE INDEX audit_events_by_action ON audit_events (action, occurred_at);
