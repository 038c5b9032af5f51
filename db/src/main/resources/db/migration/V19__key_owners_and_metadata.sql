-- Issue 19: an API key's owner (the team's own id for the customer or service holding it) and
-- metadata (a JSON object of at most 4 KiB, serialized), returned by verify and listings;
-- listings filter by owner. disabled_at: a key switched off (PATCH {"enabled": false}) until switched
-- on again; verify answers DISABLED for it.
ALTER TABLE credentials ADD COLUMN owner_id VARCHAR(128);
ALTER TABLE credentials ADD COLUMN metadata TEXT;
ALTER TABLE credentials ADD COLUMN disabled_at BIGINT;
CREATE INDEX ix_credentials_site_owner ON credentials (site_id, owner_id, seq);
