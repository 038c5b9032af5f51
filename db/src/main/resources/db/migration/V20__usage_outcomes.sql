-- Usage split by outcome: `requests` stays the count of authenticated uses; of those, the ones then
-- refused by the rate limit or for a missing permission are counted again here, and uses refused by
-- the key's address allowlist (which never authenticated) only here.
ALTER TABLE credential_usage ADD COLUMN rate_limited BIGINT NOT NULL DEFAULT 0;
ALTER TABLE credential_usage ADD COLUMN address_refused BIGINT NOT NULL DEFAULT 0;
ALTER TABLE credential_usage ADD COLUMN insufficient_permission BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_credential_usage_day ON credential_usage (usage_day, credential_id);
