-- A staff member's own language and time zone (issue 27). The same SQL on both databases.
--
-- `language`: the tag the admin area speaks to them in; empty for their browser's choice (the
-- language picker's cookie, then `Accept-Language`, then `ui.default_language`).
-- `time_zone`: the IANA name they read dates in; empty for the provider's `ui.time_zone`.
ALTER TABLE staff ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
