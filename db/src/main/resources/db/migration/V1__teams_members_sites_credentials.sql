-- Foundation schema. Runs unchanged on MariaDB and on H2 in MariaDB mode.
-- Times are epoch milliseconds (UTC) in BIGINT columns: no time-zone conversion anywhere.
-- ${id} is the type of public ids: case-sensitive ASCII on MariaDB, plain VARCHAR on H2.
-- Every table has a surrogate `seq` (insertion order, used for cursor pagination) and a
-- public, prefixed `id` that the API shows.

CREATE TABLE instance_state (
    id              INT          NOT NULL PRIMARY KEY,
    bootstrapped_at BIGINT       NOT NULL
);

CREATE TABLE teams (
    seq        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id         ${id}  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT uq_teams_id UNIQUE (id)
);

CREATE TABLE members (
    seq            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id             ${id}  NOT NULL,
    team_id        ${id}  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    instance_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    password_hash  VARCHAR(255),
    created_by     ${id},
    created_at     BIGINT       NOT NULL,
    CONSTRAINT uq_members_id UNIQUE (id),
    CONSTRAINT uq_members_team_email UNIQUE (team_id, email),
    CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id)
);

CREATE TABLE sites (
    seq        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id         ${id}  NOT NULL,
    team_id    ${id}  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT uq_sites_id UNIQUE (id),
    CONSTRAINT uq_sites_team_name UNIQUE (team_id, name),
    CONSTRAINT fk_sites_team FOREIGN KEY (team_id) REFERENCES teams (id)
);

-- Every kind of credential (personal, API, site, OAuth tokens) lives here, so that one
-- lookup by public id authenticates any of them. Only a keyed hash of the token is kept.
CREATE TABLE credentials (
    seq          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id           ${id}  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    last4        VARCHAR(4)   NOT NULL,
    secret_hash  VARBINARY(32) NOT NULL,
    hash_key_id  VARCHAR(16)  NOT NULL,
    team_id      ${id}  NOT NULL,
    site_id      ${id},
    member_id    ${id},
    name         VARCHAR(200) NOT NULL,
    permissions  VARCHAR(100) NOT NULL,
    environment  VARCHAR(8),
    expires_at   BIGINT,
    revoked_at   BIGINT,
    created_by   ${id},
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    CONSTRAINT uq_credentials_id UNIQUE (id),
    CONSTRAINT fk_credentials_team FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT fk_credentials_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE,
    CONSTRAINT fk_credentials_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);

CREATE INDEX ix_credentials_member ON credentials (member_id, kind, seq);
CREATE INDEX ix_credentials_site ON credentials (site_id, kind, seq);
