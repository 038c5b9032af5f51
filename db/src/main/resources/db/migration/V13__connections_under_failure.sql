-- Connections under failure (issue 14).
--
-- status: 'active' or 'reconnect_required' (the grant is gone: revoked, refused, expired with
-- nothing to refresh it, or lost in an interrupted refresh). 'refresh_failed' is renamed.
-- status_reason says why, in words an admin can act on.
--
-- refresh_started_at is the durable "refresh in flight" marker, written with the lease before
-- the provider is called and cleared with it. A marker whose lease has expired is a refresh
-- whose holder died: refresh_interrupted_at then keeps when it started until the connection is
-- refreshed again or marked, and its token is not handed out meanwhile (the provider may have
-- replaced it).
--
-- last_attempt_at lets the back-off restart from its base once the token has expired.
--
-- checked_at is when a token without expiry was last checked with its provider (a revoked one
-- is otherwise only found out when something refreshes it, which nothing schedules).
ALTER TABLE connections ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE connections ADD COLUMN refresh_started_at BIGINT;
ALTER TABLE connections ADD COLUMN refresh_interrupted_at BIGINT;
ALTER TABLE connections ADD COLUMN last_attempt_at BIGINT;
ALTER TABLE connections ADD COLUMN checked_at BIGINT;
UPDATE connections SET status = 'reconnect_required', status_reason = last_error WHERE status = 'refresh_failed';
CREATE INDEX ix_connections_account ON connections (provider, account_id);
CREATE INDEX ix_connections_in_flight ON connections (refresh_started_at);
