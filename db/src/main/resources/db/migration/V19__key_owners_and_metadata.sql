-- Issue 19: an API key's owner (the team's own id for the customer or service holding it) and
-- metadata (a JSON object of at most 4 KiB, serialized), returned by verify and listings;
-- listings filter by owner.
ALTER TABLE credentials ADD COLUMN owner_id VARCHAR(128);
ALTER TABLE credentials ADD COLUMN metadata TEXT;
CREATE INDEX ix_credentials_site_owner ON credentials (site_id, owner_id, seq);
