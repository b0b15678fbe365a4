-- The mail outbox (DESIGN.md §5): every message is written in the transaction of the change that
-- causes it and delivered from here by any replica, with retries; a message survives an SMTP
-- outage and a crash. A replica claims a message for a while (`claimed_until`); a claim left by a
-- replica that died runs out and another one takes the message over (at least once).
--   state: 'pending' (to send, at `next_attempt_at`), 'sent', 'failed' (gave up after
--          `mail.outbox.max_attempts`; an admin can retry it)
-- `values_json` holds the template's values, one-time links included, until the message is sent;
-- it is emptied then. Messages go out in the order they were written (`seq`) when they are due
-- together.
CREATE TABLE mail_outbox (
    seq             BIGSERIAL PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    recipient       TEXT NOT NULL,
    template        TEXT NOT NULL,
    values_json     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at, seq);
