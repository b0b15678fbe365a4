-- Languages (issue 27). The same SQL on both databases.
--
-- 1. The language a queued message is written in, chosen when it is queued (the recipient's, or
--    for an invitation to an address without a login the account owner's). Messages queued
--    before this migration are sent in English.
ALTER TABLE mail_outbox ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- 2. The time zone a user reads dates in (an IANA name such as `Europe/Berlin`); empty for the
--    provider's `ui.time_zone`.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
