-- API tokens (sk_/rk_ keys) are rows of `credentials`; they add an IP allowlist, a link to the
-- token they were rolled from, and whether they were created with scopes (fixed at creation).
ALTER TABLE credentials ADD COLUMN allowed_ips VARCHAR(2000);
ALTER TABLE credentials ADD COLUMN scoped BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE credentials ADD COLUMN rolled_from ${id};

-- The site's protected data: JSON documents per site, environment and type (type and id
-- are case-sensitive ASCII on MariaDB).
CREATE TABLE documents (
    seq         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    row_id      ${id}        NOT NULL,
    site_id     ${id}        NOT NULL,
    environment VARCHAR(8)   NOT NULL,
    type        VARCHAR(64)  ${ascii} NOT NULL,
    doc_id      VARCHAR(128) ${ascii} NOT NULL,
    body        MEDIUMTEXT   NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT uq_documents_row UNIQUE (row_id),
    CONSTRAINT uq_documents_key UNIQUE (site_id, environment, type, doc_id),
    CONSTRAINT fk_documents_site FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
);
CREATE INDEX ix_documents_list ON documents (site_id, environment, type, seq);
