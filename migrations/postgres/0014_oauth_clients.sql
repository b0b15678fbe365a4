-- Sign in with Roster (issue 25): the apps staff register. Kept in step with SQLite's 0014.

-- An app (an OpenID Connect relying party); `id` is its client_id. A confidential app holds a
-- secret (only its SHA-256 is kept); after a rotation the previous one keeps working until
-- `previous_secret_until`. The URIs are JSON arrays of strings, matched exactly.
CREATE TABLE oauth_clients (
    id                        TEXT PRIMARY KEY,
    name                      TEXT NOT NULL UNIQUE,
    kind                      TEXT NOT NULL CHECK (kind IN ('confidential', 'public')),
    -- 'ask': the consent page; 'trusted': a first-party app, no consent page.
    consent                   TEXT NOT NULL CHECK (consent IN ('ask', 'trusted')),
    secret_hash               TEXT,
    previous_secret_hash      TEXT,
    previous_secret_until     BIGINT,
    redirect_uris             TEXT NOT NULL,
    post_logout_redirect_uris TEXT NOT NULL,
    backchannel_logout_uri    TEXT,
    logo_uri                  TEXT,
    id_token_alg              TEXT NOT NULL CHECK (id_token_alg IN ('RS256', 'ES256')),
    created_at                BIGINT NOT NULL,
    updated_at                BIGINT NOT NULL,
    CHECK ((kind = 'public') = (secret_hash IS NULL))
);
