-- Sign in with Roster (issue 25): the keys ID tokens and logout tokens are signed with.
-- Kept in step with PostgreSQL's 0013.

-- Signing keys, made at first start and kept here so that every replica signs with the same
-- ones. `generation` counts an algorithm's keys (unique: two replicas starting at once make one
-- first key, not two). A key is in the JWKS from `created_at`; the newest generation whose
-- `signs_from` has passed signs; an older key stays in the JWKS until its successor's
-- `signs_from` plus the longest life of what it signed.
CREATE TABLE oauth_signing_keys (
    kid         TEXT PRIMARY KEY,
    alg         TEXT NOT NULL CHECK (alg IN ('RS256', 'ES256')),
    generation  BIGINT NOT NULL,
    private_pem TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    signs_from  BIGINT NOT NULL,
    UNIQUE (alg, generation)
);
