-- Idempotency keys (Stripe's way): the first outcome of a POST sent with an Idempotency-Key, kept
-- 24 hours so a retry replays it. key_hash is SHA-256 of the route (method and path) and the key:
-- a key is the caller's per credential and per route. request_hash is SHA-256 of the body; status is
-- NULL while the first request is in flight. response is the body, sealed (it may hold a secret
-- shown once); location is its Location header.
CREATE TABLE idempotency_keys (
    credential_id VARCHAR(128) ${ascii} NOT NULL,
    key_hash      VARCHAR(64)  ${ascii} NOT NULL,
    route         VARCHAR(300) NOT NULL,
    request_hash  VARCHAR(64)  ${ascii} NOT NULL,
    status        INT,
    response      MEDIUMTEXT,
    location      VARCHAR(2000),
    created_at    BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (credential_id, key_hash)
);
CREATE INDEX ix_idempotency_keys_expiry ON idempotency_keys (expires_at);
