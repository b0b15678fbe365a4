-- Plugins (DESIGN.md §3): each plugin's key-value store, and the durable delivery of domain
-- events to after-hooks: one cursor per plugin over domain_events (in order, at least once,
-- leased so that two replicas never deliver at the same time) and the events parked after too
-- many failed attempts.

CREATE TABLE plugin_kv (
    plugin     TEXT NOT NULL,
    key        TEXT NOT NULL,
    -- base64 of the bytes the plugin stored
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (plugin, key)
);

CREATE TABLE plugin_cursors (
    plugin          TEXT PRIMARY KEY,
    -- every event up to and including this seq is delivered (or parked, or not subscribed)
    last_seq        BIGINT NOT NULL,
    -- failed attempts at the event after last_seq
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL DEFAULT 0,
    last_error      TEXT,
    lease_owner     TEXT,
    lease_until     BIGINT NOT NULL DEFAULT 0,
    delivered       BIGINT NOT NULL DEFAULT 0,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE plugin_parked (
    plugin     TEXT NOT NULL,
    event_seq  BIGINT NOT NULL,
    event_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    account_id TEXT,
    attempts   BIGINT NOT NULL,
    error      TEXT NOT NULL,
    parked_at  BIGINT NOT NULL,
    PRIMARY KEY (plugin, event_seq)
);
