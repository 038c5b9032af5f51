-- The audit log: append-only, one hash chain per team.
CREATE TABLE audit_events (
    seq                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id                  ${id}         NOT NULL,
    team_id             ${id}         NOT NULL,
    team_seq            BIGINT        NOT NULL,
    site_id             ${id},
    action              VARCHAR(64)   NOT NULL,
    occurred_at         BIGINT        NOT NULL,
    actor_type          VARCHAR(20)   NOT NULL,
    actor_id            ${id},
    actor_name          VARCHAR(254),
    actor_credential_id ${id},
    target_type         VARCHAR(32),
    target_id           ${id},
    target_name         VARCHAR(254),
    ip                  VARCHAR(45),
    user_agent          VARCHAR(512),
    request_id          ${id},
    details             TEXT          NOT NULL,
    prev_hash           VARCHAR(64)   NOT NULL,
    hash                VARCHAR(64)   NOT NULL,
    hash_key_id         VARCHAR(16)   NOT NULL,
    CONSTRAINT uq_audit_events_id UNIQUE (id),
    -- One event per chain position: a second writer can never fork a team's chain.
    CONSTRAINT uq_audit_events_team_seq UNIQUE (team_id, team_seq)
);

CREATE INDEX ix_audit_events_team_time ON audit_events (team_id, occurred_at);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);

-- The head of each team's chain, locked while an event is appended so that appends are serial.
-- purged_through is the last chain position removed by retention: verification expects the
-- oldest kept event right after it, so deleting old events by hand still shows.
CREATE TABLE audit_chain_heads (
    team_id        ${id}        NOT NULL PRIMARY KEY,
    last_seq       BIGINT       NOT NULL,
    last_hash      VARCHAR(64)  NOT NULL,
    purged_through BIGINT       NOT NULL DEFAULT 0
);
