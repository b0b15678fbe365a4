-- Staff credentials get a role, and a second kind beside the admin API's bearer tokens: WHMCS API
-- credentials, an `identifier` and a secret for `/includes/api.php` (only the secret's SHA-256 is
-- kept, in `token_hash`). Both are listed and revoked together; a name is unique among the live
-- ones of either kind.
--   kind: 'token' (Authorization: Bearer on /api/v1/admin) or 'api_credential' (WHMCS API)
--   role: 'administrator' (everything) or 'support' (reads, invitations and reset links)
ALTER TABLE admin_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'token';
ALTER TABLE admin_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'administrator';
ALTER TABLE admin_tokens ADD COLUMN identifier TEXT;
CREATE UNIQUE INDEX admin_tokens_by_identifier ON admin_tokens (identifier);
