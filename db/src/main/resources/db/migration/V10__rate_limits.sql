-- A per-credential rate limit set at creation (overrides the default limit).
ALTER TABLE credentials ADD COLUMN rate_limit_requests INT;
ALTER TABLE credentials ADD COLUMN rate_limit_seconds INT;
