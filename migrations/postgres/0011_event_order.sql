-- Writes no longer queue behind one database-wide lock (DESIGN.md §5): transactions on different
-- accounts commit side by side, so `seq` (drawn at insert) no longer tells the order in which
-- events became visible, and a cursor over it could skip an event that committed late.
--
-- Each event now records the id of the transaction that wrote it (`txid`, PostgreSQL's 64-bit
-- xid8), and gets its place in delivery order (`position`) only once every transaction with a
-- lower id has ended (`txid < pg_snapshot_xmin(pg_current_snapshot())`): the plugin host numbers
-- them in (txid, seq) order then (`plugins::repo::sequence`). Positions increase in the order
-- plugins receive events (they see `position` as the event's `seq`), and an event can never get
-- a position below one already handed out. Writes on one account take the account's lock before
-- their first write, so their transaction ids grow in the account's commit order: in order per
-- account (DESIGN.md §3).
-- Events written before this migration keep their `seq` as their position, so the plugins'
-- cursors and parked events stay where they were.
ALTER TABLE domain_events ADD COLUMN txid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE domain_events ALTER COLUMN txid SET DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE domain_events ADD COLUMN position BIGINT;
UPDATE domain_events SET position = seq;
CREATE UNIQUE INDEX domain_events_by_position ON domain_events (position);
CREATE INDEX domain_events_to_sequence ON domain_events (txid, seq) WHERE position IS NULL;
