-- One row per committed change that can alter what a credential may do (revocation, roll,
-- role change, member/site/client removal, scope removal, OAuth token revocation). Each
-- instance caches verified credentials and empties that cache when it sees a new row here,
-- so a change made on one instance counts on the others within the polling interval. The
-- row is written in the transaction of the change: no change without its row. Rows older
-- than an hour are purged.
CREATE TABLE credential_changes (
    seq        BIGINT NOT NULL AUTO_INCREMENT,
    changed_at BIGINT NOT NULL,
    CONSTRAINT pk_credential_changes PRIMARY KEY (seq)
);
