-- Usage per credential: when it was first used (time to hello world) and daily request counts,
-- written in batches rather than on every request.
ALTER TABLE credentials ADD COLUMN first_used_at BIGINT;

CREATE TABLE credential_usage (
    credential_id ${id}      NOT NULL,
    usage_day     VARCHAR(10) ${ascii} NOT NULL,
    requests      BIGINT     NOT NULL,
    CONSTRAINT pk_credential_usage PRIMARY KEY (credential_id, usage_day),
    CONSTRAINT fk_credential_usage_credential FOREIGN KEY (credential_id) REFERENCES credentials (id) ON DELETE CASCADE
);
