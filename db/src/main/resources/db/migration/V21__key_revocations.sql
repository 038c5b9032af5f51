-- A counter per site and environment, raised in the same transaction as every revocation, switch-off
-- or roll of one of its keys. Verify answers carry it, so that a verifier's client cache can drop
-- answers it kept from before such a change as soon as any later answer shows a higher number.
-- Written by one INSERT ... ON DUPLICATE KEY UPDATE, first in its transaction (before the key's own
-- row), so its lock is always taken before the key's and never by the usage flush.
CREATE TABLE key_revocations (
    site_id     ${id}      NOT NULL,
    environment VARCHAR(8) ${ascii} NOT NULL,
    revocations BIGINT     NOT NULL,
    CONSTRAINT pk_key_revocations PRIMARY KEY (site_id, environment),
    CONSTRAINT fk_key_revocations_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);
