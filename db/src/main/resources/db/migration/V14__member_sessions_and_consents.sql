-- Member sign-in sessions (issue 15): started by signing in at /oauth/authorize, ended by
-- sign-out, revocation, or either timeout. The cookie value is kept only as its SHA-256: it is
-- 256 random bits, so no key is needed, and a database dump signs nobody in.
CREATE TABLE member_sessions (
    seq             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id              ${id}        NOT NULL,
    secret_hash     VARCHAR(64)  ${ascii} NOT NULL,
    team_id         ${id}        NOT NULL,
    member_id       ${id}        NOT NULL,
    created_at      BIGINT       NOT NULL,
    last_seen_at    BIGINT       NOT NULL,
    idle_expires_at BIGINT       NOT NULL,
    expires_at      BIGINT       NOT NULL,
    ip              VARCHAR(64),
    user_agent      VARCHAR(512),
    revoked_at      BIGINT,
    CONSTRAINT uq_member_sessions_id UNIQUE (id),
    CONSTRAINT uq_member_sessions_secret UNIQUE (secret_hash),
    CONSTRAINT fk_member_sessions_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);
CREATE INDEX ix_member_sessions_member ON member_sessions (member_id);

-- Consent a member gave a client, remembered until revoked: the union of the scopes allowed.
CREATE TABLE oauth_consents (
    seq        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id         ${id}         NOT NULL,
    team_id    ${id}         NOT NULL,
    member_id  ${id}         NOT NULL,
    client_id  ${id}         NOT NULL,
    scopes     VARCHAR(2000) NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT uq_oauth_consents_id UNIQUE (id),
    CONSTRAINT fk_oauth_consents_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE,
    CONSTRAINT fk_oauth_consents_client FOREIGN KEY (client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE
);
CREATE INDEX ix_oauth_consents_member_client ON oauth_consents (member_id, client_id);

-- Sign-in and consent forms already posted (by the hash of their one-time id), kept until
-- the form would have expired anyway: a replayed form gives no second code.
CREATE TABLE authorize_forms_used (
    form_hash  VARCHAR(64) ${ascii} NOT NULL PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX ix_authorize_forms_used_expiry ON authorize_forms_used (expires_at);
