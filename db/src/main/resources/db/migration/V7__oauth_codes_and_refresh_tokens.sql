-- Authorization codes (single-use, short-lived, kept only as a hash) and refresh tokens (kept
-- only as a keyed hash, rotated on use, grouped in families so that reuse revokes them all).
CREATE TABLE oauth_codes (
    code_hash      VARCHAR(64)   ${ascii} NOT NULL PRIMARY KEY,
    client_id      ${id}         NOT NULL,
    member_id      ${id}         NOT NULL,
    scopes         VARCHAR(2000) NOT NULL,
    redirect_uri   TEXT          NOT NULL,
    code_challenge VARCHAR(128),
    family_id      VARCHAR(64)   ${ascii} NOT NULL,
    expires_at     BIGINT        NOT NULL,
    used_at        BIGINT,
    CONSTRAINT fk_oauth_codes_client FOREIGN KEY (client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_oauth_codes_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);

CREATE TABLE oauth_refresh_tokens (
    id          ${id}         NOT NULL PRIMARY KEY,
    family_id   VARCHAR(64)   ${ascii} NOT NULL,
    client_id   ${id}         NOT NULL,
    member_id   ${id}         NOT NULL,
    scopes      VARCHAR(2000) NOT NULL,
    secret_hash VARBINARY(32) NOT NULL,
    hash_key_id VARCHAR(16)   NOT NULL,
    expires_at  BIGINT        NOT NULL,
    used_at     BIGINT,
    revoked_at  BIGINT,
    created_at  BIGINT        NOT NULL,
    CONSTRAINT fk_oauth_refresh_client FOREIGN KEY (client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_oauth_refresh_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);
CREATE INDEX ix_oauth_refresh_family ON oauth_refresh_tokens (family_id);
CREATE INDEX ix_oauth_access_family ON oauth_access_tokens (family_id);
