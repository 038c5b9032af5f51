-- Client-signed JWTs: a client may register public keys (a JWK Set) to sign its own
-- short-lived JWTs with ES256/RS256 (HS256 uses its secret); each jti is accepted once.
ALTER TABLE oauth_clients ADD COLUMN jwks TEXT;

CREATE TABLE jwt_replays (
    jti_hash   VARCHAR(64) ${ascii} NOT NULL PRIMARY KEY,
    client_id  ${id}       NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX ix_jwt_replays_expiry ON jwt_replays (expires_at);
