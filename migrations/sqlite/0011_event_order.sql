-- Kept in step with PostgreSQL's 0011: after-hooks get events in `position` order, handed out by
-- the plugin host once an event is committed. SQLite runs one write transaction at a time, so the
-- order is `seq` order and every txid stays 0.
ALTER TABLE domain_events ADD COLUMN txid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE domain_events ADD COLUMN position BIGINT;
UPDATE domain_events SET position = seq;
CREATE UNIQUE INDEX domain_events_by_position ON domain_events (position);
CREATE INDEX domain_events_to_sequence ON domain_events (txid, seq) WHERE position IS NULL;
