-- A site's authorized link to one provider. Tokens are sealed (AES-GCM, see SecretBox):
-- these columns never hold plaintext. The lease columns let exactly one instance refresh a
-- connection at a time without holding a transaction open across the provider call.
CREATE TABLE connections (
    seq               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id                ${id}         NOT NULL,
    team_id           ${id}         NOT NULL,
    site_id           ${id}         NOT NULL,
    provider          VARCHAR(64)   ${ascii} NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    account_id        VARCHAR(200),
    account_name      VARCHAR(200),
    granted_scopes    VARCHAR(2000) NOT NULL,
    access_token      TEXT          NOT NULL,
    refresh_token     TEXT,
    token_type        VARCHAR(40),
    extras            TEXT          NOT NULL,
    expires_at        BIGINT,
    last_refreshed_at BIGINT,
    refresh_failures  INT           NOT NULL DEFAULT 0,
    next_attempt_at   BIGINT,
    last_error        VARCHAR(500),
    lease_owner       VARCHAR(64),
    lease_until       BIGINT,
    connected_by      ${id},
    connected_at      BIGINT        NOT NULL,
    CONSTRAINT uq_connections_id UNIQUE (id),
    CONSTRAINT uq_connections_site_provider UNIQUE (site_id, provider),
    CONSTRAINT fk_connections_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);
CREATE INDEX ix_connections_due ON connections (status, expires_at);

-- A started connect flow, until its callback: the single-use state (kept only as a hash),
-- bound to site, provider, scopes and the sealed PKCE verifier.
CREATE TABLE connection_states (
    state_hash    VARCHAR(64)   ${ascii} NOT NULL PRIMARY KEY,
    team_id       ${id}         NOT NULL,
    site_id       ${id}         NOT NULL,
    provider      VARCHAR(64)   ${ascii} NOT NULL,
    scopes        VARCHAR(2000) NOT NULL,
    code_verifier TEXT,
    started_by    ${id},
    expires_at    BIGINT        NOT NULL,
    used_at       BIGINT,
    CONSTRAINT fk_connection_states_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);
