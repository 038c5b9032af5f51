-- The OAuth 2.0 authorization server.

-- Signing keys for access tokens (JWTs). The private key is sealed (AES-GCM under the master
-- key). A key is published in the JWKS from creation, signs from active_from, and stays
-- published after retirement until the tokens it signed have expired.
CREATE TABLE signing_keys (
    kid         VARCHAR(64) ${ascii} NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(10) NOT NULL,
    private_jwk TEXT        NOT NULL,
    public_jwk  TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL,
    active_from BIGINT      NOT NULL,
    retired_at  BIGINT
);

-- Clients registered on a site. A confidential client's secret is sealed, not hashed: client
-- authentication with a JWT signed under the secret (HS256) needs the secret itself.
CREATE TABLE oauth_clients (
    seq           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id            ${id}         NOT NULL,
    team_id       ${id}         NOT NULL,
    site_id       ${id}         NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    client_type   VARCHAR(20)   NOT NULL,
    environment   VARCHAR(8)    NOT NULL,
    secret        TEXT,
    secret_last4  VARCHAR(4),
    redirect_uris TEXT          NOT NULL,
    grant_types   VARCHAR(200)  NOT NULL,
    scopes        VARCHAR(2000) NOT NULL,
    created_by    ${id},
    created_at    BIGINT        NOT NULL,
    CONSTRAINT uq_oauth_clients_id UNIQUE (id),
    CONSTRAINT fk_oauth_clients_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);

-- Access tokens issued (by jti), so that revoking one takes effect before it expires.
CREATE TABLE oauth_access_tokens (
    jti        VARCHAR(64)  ${ascii} NOT NULL PRIMARY KEY,
    client_id  ${id}        NOT NULL,
    family_id  VARCHAR(64)  ${ascii},
    expires_at BIGINT       NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT fk_oauth_access_tokens_client FOREIGN KEY (client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE
);
CREATE INDEX ix_oauth_access_tokens_expiry ON oauth_access_tokens (expires_at);
