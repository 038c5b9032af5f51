-- A site's schema (its types and their fields), as one JSON definition per site.
CREATE TABLE site_schemas (
    site_id    ${id}      NOT NULL PRIMARY KEY,
    definition MEDIUMTEXT NOT NULL,
    updated_at BIGINT     NOT NULL,
    CONSTRAINT fk_site_schemas_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);

-- Data scopes: named sets of `Type.field` / `Type.*` entries (newline-separated).
CREATE TABLE scopes (
    seq        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id         ${id}        NOT NULL,
    site_id    ${id}        NOT NULL,
    name       VARCHAR(100) NOT NULL,
    entries    TEXT         NOT NULL,
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    CONSTRAINT uq_scopes_id UNIQUE (id),
    CONSTRAINT uq_scopes_site_name UNIQUE (site_id, name),
    CONSTRAINT fk_scopes_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);

-- Which scopes a credential holds. Deleting a scope removes its rows; the credential stays
-- scoped (credentials.scoped), so it never becomes unrestricted by accident.
CREATE TABLE credential_scopes (
    credential_id ${id} NOT NULL,
    scope_id      ${id} NOT NULL,
    CONSTRAINT pk_credential_scopes PRIMARY KEY (credential_id, scope_id),
    CONSTRAINT fk_credential_scopes_credential FOREIGN KEY (credential_id) REFERENCES credentials (id) ON DELETE CASCADE,
    CONSTRAINT fk_credential_scopes_scope FOREIGN KEY (scope_id) REFERENCES scopes (id) ON DELETE CASCADE
);
CREATE INDEX ix_credential_scopes_scope ON credential_scopes (scope_id);
